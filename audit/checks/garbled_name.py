"""AUD101 garbled-name: a name spelled close to, but not as, a glossary name."""
from __future__ import annotations

from collections.abc import Iterator

from ..documents import Document
from ..matching import NameKind
from ..model import Finding, Rule, Severity
from .base import Check, Context, name_findings

RULE = Rule(
    id="AUD101",
    name="garbled-name",
    severity=Severity.ERROR,
    summary="A proper name garbled in translation: close to a glossary name, but not an accepted spelling.",
    what=(
        "Words in the copy whose spelling is close to a glossary name or one of its accepted variants "
        "without being one: letters dropped, swapped or replaced (Stefancart, Tavoz, Khajavend), or the "
        "source language's spelling left in (German Paschinjan, Swedish Sjusja, Polish Dawid). The garble "
        "need not be listed anywhere: the glossary's right forms are enough."
    ),
    why=(
        "A garbled name is the most visible sign of unedited machine translation, and readers cannot search "
        "for or recognise a place or person spelled wrongly."
    ),
    example='Azerbaijan said its units near Tavoz came under fire.  ->  "Tavoz" should be "Tovuz"',
    fix=(
        "Replace the word with the suggestion, the glossary's canonical (house) spelling. If the word is a "
        "different, correct name, add it to the glossary so it is known from then on."
    ),
)
NAME_KIND: NameKind = "garbled"  # the matcher's NameMatch.kind this rule reports


def check(document: Document, context: Context) -> Iterator[Finding]:
    return name_findings(document, context, RULE, NAME_KIND)


CHECK = Check(rules=(RULE,), check=check, name_kinds=frozenset({NAME_KIND}))
