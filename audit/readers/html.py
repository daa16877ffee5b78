"""HTML: the text a browser shows, each piece placed where it stands in the page's source.

The page is tokenised by the standard library's HTML parser (``html.parser``), the one tokenizer that
reports where every tag and text run starts in the source (lxml and selectolax build trees without
source offsets); we only need the token stream, not a tree. Skipped: everything inside ``script``,
``style``, ``noscript``, ``template``, ``nav``, ``head`` (but its ``title``), ``svg``, ``iframe``,
``object``, ``select``, ``textarea``, comments and attributes (``alt``, ``title``, ``src``...).
Kept: all other text, the footer's too (a comment form there is scraper debris).

With ``article_only`` (``--html-article``), only the text inside the page's ``<article>`` elements is
kept, or inside ``<main>`` where the page has no article, or the whole page where it has neither: the
menus, teasers, comment threads and footers a site puts around an article are not the translated copy.

Entities are replaced by the characters they stand for (a *replaced* piece: ``&auml;`` -> ``ä``); a
block element (``p``, ``div``, ``li``, headings ...) ends a paragraph (a blank line is inserted, with
no raw counterpart) and ``br`` a line, so words of neighbouring blocks never run together. Raw
whitespace is kept as it is, so raw positions stay exact.
"""
from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

from .base import Reading, Record, ViewBuilder

NAME = "html"
SUFFIXES = (".html", ".htm", ".xhtml")

SKIPPED = frozenset({"script", "style", "noscript", "template", "nav", "head", "svg", "iframe", "object",
                     "select", "textarea", "math"})
SHOWN_IN_SKIPPED = frozenset({"title"})  # the headline a browser shows in its tab, inside <head>
BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "dd", "details", "dialog", "div", "dl", "dt", "fieldset",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
    "main", "ol", "p", "pre", "section", "summary", "table", "tr", "td", "th", "caption", "ul", "title",
    "body", "html", "label", "button", "option", "legend", "tbody", "thead", "tfoot",
})
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                  "source", "track", "wbr"})
_ENTITY = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)")


class _Visible(HTMLParser):
    """Feeds a ViewBuilder with the page's visible text, in source order."""

    def __init__(self, raw: str, container: str | None = None) -> None:
        super().__init__(convert_charrefs=False)
        self.raw = raw
        self.container = container  # the element whose text alone is shown (article, main), if any
        self.inside = 0  # how many such elements are open
        self.opened = False  # was one met at all
        self.view = ViewBuilder()
        self.skipping: list[str] = []  # open skipped elements, innermost last
        self.shown: list[str] = []  # open <title> inside a skipped <head>
        # html.parser counts lines by "\n" alone (a "\r\n" line ends at its "\n" too)
        self._line_offsets = [0] + [match.end() for match in re.finditer("\n", raw)]

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_offsets[line - 1] + column

    def _hidden(self) -> bool:
        if self.container and not self.inside:
            return True
        return bool(self.skipping) and not self.shown

    def handle_starttag(self, tag: str, attrs: list) -> None:
        at = self._offset()
        if tag == self.container:
            self.inside += 1
            self.opened = True
        if tag in SKIPPED and tag not in VOID:
            self.skipping.append(tag)
        elif tag in SHOWN_IN_SKIPPED and self.skipping:
            self.shown.append(tag)
        if tag == "br":
            self.view.separate(at, "\n")
        elif tag in BLOCKS:
            self.view.separate(at)

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        if tag == "br":
            self.view.separate(self._offset(), "\n")
        elif tag in BLOCKS:
            self.view.separate(self._offset())

    def handle_endtag(self, tag: str) -> None:
        at = self._offset()
        if tag == self.container and self.inside:
            self.inside -= 1
        if tag in self.skipping:
            while self.skipping and self.skipping.pop() != tag:
                pass  # an unclosed element inside closes with its parent
        elif tag in self.shown:
            self.shown.remove(tag)
        if tag in BLOCKS:
            self.view.separate(at)

    def handle_data(self, data: str) -> None:
        if self._hidden() or (not data.strip() and self.view.at_line_start()):
            return  # layout whitespace between blocks: a browser shows none of it
        start = self._offset()
        if self.raw.startswith(data, start):
            self.view.copy(self.raw, start, start + len(data))
        else:  # CDATA sections and the like: shown as the parser reads them, placed at the run's start
            self.view.replace(data, start, start + len(data))

    def _reference(self, source: str) -> None:
        if self._hidden():
            return
        start = self._offset()
        match = _ENTITY.match(self.raw, start)
        end = match.end() if match else start + len(source)
        shown = unescape(self.raw[start:end])
        if shown == self.raw[start:end]:  # not an entity after all ("&nbspx"): the text as written
            self.view.copy(self.raw, start, end)
        else:
            self.view.replace(shown, start, end)

    def handle_entityref(self, name: str) -> None:
        self._reference(f"&{name}")

    def handle_charref(self, name: str) -> None:
        self._reference(f"&#{name}")


# Where the article stands, in order of preference; None: the whole page.
ARTICLE_CONTAINERS = ("article", "main", None)


def _parse(raw: str, container: str | None) -> _Visible:
    parser = _Visible(raw, container)
    parser.feed(raw)
    parser.close()
    return parser


def read(raw: str, options: object = None) -> Reading:
    containers = ARTICLE_CONTAINERS if getattr(options, "article_only", False) else (None,)
    for container in containers:
        # A page without the element (or naming it only in a comment or a script) is read again with the
        # next one; what the parser met as a tag decides, not a search of the raw text.
        parser = _parse(raw, container)
        if container is None or parser.opened:
            break
    text, offsets = parser.view.build()
    return Reading(NAME, raw, text, offsets, (Record(None, 0, len(text)),))


def encode(text: str) -> str:
    """How ``text`` is written into an HTML text node (for `audit fix`): ``&``, ``<`` and ``>`` escaped."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
