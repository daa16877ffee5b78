"""AUD103 known-wrong-form: a form the glossary lists as wrong ("The mirror" for Der Spiegel)."""
from __future__ import annotations

from collections.abc import Iterator

from ..documents import Document
from ..model import Finding, Rule, Severity
from .base import Check, Context

RULE = Rule(
    id="AUD103",
    name="known-wrong-form",
    severity=Severity.ERROR,
    summary="A form the glossary's avoid list names as wrong, such as a name translated word for word.",
    what=(
        "Exact occurrences (case included, whole words) of the forms listed under `avoid` in a glossary "
        "entry. Use it for what no spelling comparison can find: a name translated for its meaning "
        "('The mirror' for Der Spiegel, 'The Businessman' for Kommersant), or a wrong form the desk keeps seeing."
    ),
    why=(
        "A publication credited as 'Icon: The mirror' or a newspaper called 'New Newspaper' tells readers "
        "the copy was never edited, and hides the source."
    ),
    example='Photo: The mirror  ->  "The mirror" should be "Der Spiegel"',
    fix="Replace it with the suggestion. Add wrong forms your desk keeps seeing to the entry's avoid list.",
)


def check(document: Document, context: Context) -> Iterator[Finding]:
    for start, end, entry, form in context.matcher.avoided(document.text):
        yield document.finding(
            RULE,
            start,
            end,
            f'"{form}" is a known wrong form of "{entry.canonical}"' + (f" ({entry.note})" if entry.note else ""),
            suggestion=entry.canonical,
            confidence=0.97,
        )


CHECK = Check(rules=(RULE,), check=check)
