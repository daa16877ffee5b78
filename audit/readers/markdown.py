"""Markdown: the text a rendered page shows, each piece placed where it stands in the source.

Parsed by markdown-it-py (CommonMark, plus GitHub tables). Kept: the text of paragraphs, headings,
lists, quotes and table cells, and the text of links. Skipped: code spans, fenced and indented code,
raw HTML, images (their alt text too), link and image URLs, autolinks, and front matter (YAML ``---``
or TOML ``+++`` at the top). Markup characters (``**``, ``>``, list markers) are not part of the text;
a backslash escape or an entity is replaced by the character it stands for.

markdown-it's tokens give each block's lines but not the columns of inline text, so every inline text
token is looked up in the raw source from a cursor that only moves forward (its text is a verbatim
piece of the source once ``text_join`` is off: escapes and entities come as their own tokens).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # markdown-it is imported when a Markdown file is read, not at start-up
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

from .base import Reading, Record, ViewBuilder

NAME = "markdown"
SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")

_FRONT_MATTER = re.compile(
    r"\A(?:---[ \t]*\r?\n.*?\r?\n(?:---|\.\.\.)|\+\+\+[ \t]*\r?\n.*?\r?\n\+\+\+)[ \t]*(?=\r?\n|\Z)", re.DOTALL
)
_LINE_START = re.compile(r"\r\n|\r|\n")
_BLOCK_ENDS = frozenset({"paragraph_close", "heading_close", "list_item_close", "blockquote_close", "table_close",
                         "tr_close"})
_CELL_ENDS = frozenset({"th_close", "td_close"})
_SKIPPED_BLOCKS = frozenset({"fence", "code_block", "html_block", "hr"})


def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark").enable("table")
    parser.disable("text_join")  # escapes and entities stay tokens of their own, text stays verbatim
    return parser


def _blank_front_matter(raw: str) -> str:
    """The source with front matter turned into blank lines of the same length (offsets unchanged)."""
    match = _FRONT_MATTER.match(raw)
    if not match:
        return raw
    blanked = re.sub(r"[^\r\n]", " ", match.group())
    return blanked + raw[match.end():]


def _closing(raw: str, start: int, opening: str, closing: str) -> int:
    """Offset just past the bracket that closes the one at ``start`` (escapes and nesting respected)."""
    depth, index = 0, start
    while index < len(raw):
        char = raw[index]
        if char == "\\":
            index += 2
            continue
        if char == opening:
            depth += 1
        elif char == closing:
            depth -= 1
            if depth == 0:
                return index + 1
        index += 1
    return len(raw)


def _link_tail(raw: str, at: int) -> int:
    """Past a link's destination: ``(url "title")`` or ``[ref]`` right at ``at``; ``at`` if neither."""
    if raw.startswith("(", at):
        return _closing(raw, at, "(", ")")
    if raw.startswith("[", at):
        return _closing(raw, at, "[", "]")
    return at


class _Walker:
    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.view = ViewBuilder()
        self.cursor = 0
        self.autolink = False
        self.line_starts = [0] + [match.end() for match in _LINE_START.finditer(raw)]

    def _find(self, piece: str) -> int:
        found = self.raw.find(piece, self.cursor)
        return found if found >= 0 else self.cursor

    def block(self, token: Token) -> None:
        if token.map and token.map[0] < len(self.line_starts):
            self.cursor = max(self.cursor, self.line_starts[token.map[0]])
        if token.type == "inline":
            for child in token.children or ():
                self.inline(child)
        elif token.type in _SKIPPED_BLOCKS and token.map:
            self.view.separate(self.cursor)
            self.cursor = max(self.cursor, self.line_starts[min(token.map[1], len(self.line_starts) - 1)]
                              if token.map[1] < len(self.line_starts) else len(self.raw))
        elif token.type in _BLOCK_ENDS:
            self.view.separate(self.cursor)
        elif token.type in _CELL_ENDS:
            self.view.separate(self.cursor, "\n")

    def inline(self, token: Token) -> None:
        kind = token.type
        if kind == "text" and not self.autolink:
            start = self._find(token.content)
            self.view.copy(self.raw, start, start + len(token.content))
            self.cursor = start + len(token.content)
        elif kind == "text_special" and not self.autolink:
            start = self._find(token.markup)
            self.view.replace(token.content, start, start + len(token.markup))
            self.cursor = start + len(token.markup)
        elif kind in ("softbreak", "hardbreak"):
            start = self._find("\n")
            self.view.replace("\n", start, start + 1)
            self.cursor = start + 1
        elif kind == "code_inline":
            opening = self._find(token.markup)
            content = self.raw.find(token.content, opening + len(token.markup))
            after = content + len(token.content) if content >= 0 else opening + len(token.markup)
            closing = self.raw.find(token.markup, after)
            self.cursor = closing + len(token.markup) if closing >= 0 else after
        elif kind == "html_inline":
            self.cursor = self._find(token.content) + len(token.content)
        elif kind == "image":
            self.cursor = _link_tail(self.raw, _closing(self.raw, self._find("![") + 1, "[", "]"))
        elif kind == "link_open":
            self.autolink = token.markup == "autolink"
            self.cursor = self._find("<" if self.autolink else "[") + 1
        elif kind == "link_close":
            if self.autolink:
                self.cursor = self._find(">") + 1
                self.autolink = False
            else:
                self.cursor = _link_tail(self.raw, self._find("]") + 1)


def read(raw: str, options: object = None) -> Reading:
    walker = _Walker(raw)
    for token in _parser().parse(_blank_front_matter(raw)):
        walker.block(token)
    text, offsets = walker.view.build()
    return Reading(NAME, raw, text, offsets, (Record(None, 0, len(text)),))


_SPECIAL = re.compile(r"([\\`*_\[\]<>&])")


def encode(text: str) -> str:
    """How ``text`` is written into Markdown (for `audit fix`): characters that are markup, backslash-escaped."""
    return _SPECIAL.sub(r"\\\1", text)
