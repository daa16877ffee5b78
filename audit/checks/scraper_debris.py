"""AUD201 scraper-debris: text a scraper or republishing site left in the copy ("[ad_1]", "Source link")."""
from __future__ import annotations

import html
from collections.abc import Iterator

from ..debris import find_debris, load_patterns
from ..documents import Document
from ..model import Finding, Rule, Severity
from .base import Check, Context, graded

RULE = Rule(
    id="AUD201",
    name="scraper-debris",
    severity=Severity.ERROR,
    summary="Text a scraper or republishing site left in the copy: ad placeholders, 'Source link', comment forms.",
    what=(
        "Lines and fragments that belong to a web page, not to the story: ad placeholders ([ad_1]) and labels, "
        "'Source link' footers, 'Read more:' links, feed footers ('The post ... appeared first on ...'), "
        "comment-form text ('Leave a Reply', 'Your email address will not be published'), 'Reading time: 3 "
        "minutes', affiliate and discount-code blocks, share buttons, tags and 'Posted by' lines, image file "
        "names, hash-like id lines, leftover HTML tags, entities and shortcodes, and site date headers. Matches "
        "separated only by blank or symbol-only lines are reported as one block. The patterns are data: "
        "audit/data/debris.toml, extended by the files named in the configuration's debris-patterns (see "
        "docs/checks.md for the format)."
    ),
    why=(
        "Debris tells readers the story was scraped and republished without an editor; none of it may be "
        "published. It is an error by default (a few looser patterns, such as site date headers, report "
        "warnings)."
    ),
    example=(
        "Source link\\n\\nLeave a Reply\\n\\nYour email address will not be published.  ->  "
        "scraper debris ('Source link' footer, comment form text): remove it"
    ),
    fix=(
        "Delete the block. If a pattern catches real copy at your desk, switch the rule off for that file or "
        "report the pattern; to catch debris your sources leave, add a pattern file."
    ),
)


def check(document: Document, context: Context) -> Iterator[Finding]:
    patterns = load_patterns(tuple(context.settings.debris_patterns))
    for block in find_debris(document.text, patterns, document.kind):
        kinds = ", ".join(pattern.description for pattern in block.patterns)
        ids = ", ".join(pattern.id for pattern in block.patterns)
        surface = document.text[block.start : block.end]
        decoded = html.unescape(surface)
        if all(pattern.id == "html-entity" for pattern in block.patterns) and decoded != surface and decoded.strip():
            # An entity stands for a character the copy needs ("&#233;" in "Beyonc&#233;"): write the character.
            message, suggestion = f"scraper debris ({kinds}): write {decoded!r} [pattern {ids}]", decoded
        else:
            message, suggestion = f"scraper debris ({kinds}): remove it [pattern {ids}]", None
        yield document.finding(
            RULE,
            block.start,
            block.end,
            message,
            suggestion=suggestion,
            confidence=block.confidence,
            severity=graded(RULE, block.confidence),
        )


CHECK = Check(rules=(RULE,), check=check)
