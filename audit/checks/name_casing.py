"""AUD104 name-casing: a glossary name written with a lower-case initial ("nagorno-Karabakh")."""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..documents import Document
from ..model import Finding, Rule, Severity
from ..text import fold, word_frequency
from ..text.frequency import FREQUENT_WORD_ZIPF
from .base import Check, Context

RULE = Rule(
    id="AUD104",
    name="name-casing",
    severity=Severity.INFO,
    summary="A known name written in the wrong case, such as 'nagorno-Karabakh' or 'ilham aliyev'.",
    what=(
        "An accepted form of a glossary name in which a word that the glossary capitalises starts with a "
        "lower-case letter. A single word that is also an ordinary English word ('turkey', 'ganja') is "
        "left alone, and so are all-capital headlines and credits ('LUDOVIC MARIN')."
    ),
    why=(
        "Lower-cased names are a mark of machine output, and a copy desk's style guide fixes their case. "
        "It is reported as info by default: it is a style fix, not a wrong name (raise it with a severity "
        "override in the configuration)."
    ),
    example='fighting in nagorno-Karabakh  ->  "nagorno-Karabakh" should be "Nagorno-Karabakh"',
    fix="Write the name as the glossary does.",
)


def _lowered_words(surface: str, form: str) -> bool:
    """Does a word the form capitalises start lower-case in the surface?"""
    surface_words = surface.replace("-", " ").split()
    form_words = form.replace("-", " ").split()
    if len(surface_words) != len(form_words):
        return False
    # "the Wall Street Journal", "European commission": an ordinary word in lower case is house style, not a fault.
    return any(
        f[:1].isupper() and s[:1].islower() and word_frequency(fold(s)) < FREQUENT_WORD_ZIPF
        for s, f in zip(surface_words, form_words)
    )


_ADDRESS = re.compile(r"[/\\@_]|\.[A-Za-z]{2,5}$|^www\.")


def _in_address(text: str, start: int, end: int) -> bool:
    """Inside a URL, e-mail address or file name (press@interfax.ru, baku-energy.txt): lower case is right there."""
    chunk_start = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
    chunk_end = min((i for i in (text.find(" ", end), text.find("\n", end)) if i != -1), default=len(text))
    chunk = text[chunk_start:chunk_end].strip("()[]<>\"'`*,;:!?")
    return bool(_ADDRESS.search(chunk.rstrip(".")) or _ADDRESS.search(chunk))


def check(document: Document, context: Context) -> Iterator[Finding]:
    text = document.text
    for first, last, forms in context.matcher.lowercase_mentions(text):
        surface = text[first.start : last.end]
        if not surface[:1].isalpha() or surface.isupper() or (first.capitalized and last.capitalized and " " not in surface):
            continue  # the common case, a capitalised one-word name, needs no closer look
        form = next((f for f in forms if fold(f.text) == fold(surface)), forms[0])
        if not _lowered_words(surface, form.text) or _in_address(text, first.start, last.end):
            continue
        if first is last and word_frequency(fold(surface)) >= FREQUENT_WORD_ZIPF:
            continue  # "turkey", "china": ordinary words, not names
        suggestion = form.text if form.text.lower() != form.entry.canonical.lower() else form.entry.canonical
        yield document.finding(
            RULE,
            first.start,
            last.end,
            f'"{surface}" should be capitalised as "{suggestion}"',
            suggestion=suggestion,
            confidence=0.9,
        )


CHECK = Check(rules=(RULE,), check=check)
