"""What the matcher finds (``NameMatch``) and what it knows of a document while it walks it (``Mentioned``)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath
from typing import TYPE_CHECKING, Literal

from mypy_extensions import mypyc_attr

from ..glossary import Entry
from ..text import fold
from .wordforms import derived

if TYPE_CHECKING:
    from .index import Form

# What a name match is: a garble of the entry, or its given name swapped for another language's.
NameKind = Literal["garbled", "given-name"]


@mypyc_attr(serializable=True, allow_interpreted_subclasses=True)
@dataclass(frozen=True)
class NameMatch:
    """A span of the copy that names a glossary entry wrongly."""

    start: int
    end: int
    surface: str
    entry: Entry
    kind: NameKind
    suggestion: str
    confidence: float
    reason: str
    matched: str  # the glossary form the span was matched to


def name_match(start: int, end: int, text: str, form: Form, kind: NameKind, confidence: float, reason: str,
               whole: bool = False) -> NameMatch:
    """The match of ``text[start:end]`` to ``form``: suggesting the form's house spelling, or with ``whole`` its
    entry's canonical form (a given name and surname matched together)."""
    suggestion = form.entry.canonical if whole else form.house
    folded, canonical = fold(suggestion), fold(form.entry.canonical)
    if folded not in canonical:
        # A demonym the glossary lists (Syrian of Syria) is a form of the name, not another name of it.
        kind_of = "form" if derived(folded, canonical) else "name"
        reason = f"{reason}; {suggestion!r} is an accepted {kind_of} of {form.entry.canonical!r}"
    return NameMatch(start, end, text[start:end], form.entry, kind, suggestion, round(confidence, 3), reason, form.text)


def also_spelled(reason: str, folded: str, forms: list[Form]) -> str:
    """The reason of a desk name's match on a word a gazetteer spells (``forms``: the word's forms there),
    naming the place it also is, for the editor to judge (Melnik: also the Czech town Mělník)."""
    place = forms[0]
    if place.folded != folded:
        return reason  # the word reads as the place once spellings are undone, and is not spelled so
    where = PurePath(place.entry.source_file).name
    return f"{reason}; also the name of {place.entry.canonical!r} in {where}: check which is meant"


def surest_per_span(matches: list[NameMatch], unsupported: list[NameMatch]) -> tuple[list[NameMatch], list[NameMatch]]:
    """``matches`` and ``unsupported`` (matches that count only where the article supports them), each span kept
    once, in the list of its surest match (the first among equals): a word matched twice, a gazetteer's town by
    its key and a desk's own name near it, is reported once."""
    surest: dict[tuple[int, int], NameMatch] = {}
    for match in matches + unsupported:
        span = (match.start, match.end)
        if span not in surest or match.confidence > surest[span].confidence:
            surest[span] = match
    kept = set(map(id, surest.values()))
    return [m for m in matches if id(m) in kept], [m for m in unsupported if id(m) in kept]


@mypyc_attr(serializable=True, allow_interpreted_subclasses=True)
class Mentioned:
    """The entries a document names correctly somewhere, put together only if a match needs to know."""

    def __init__(self, named: list[frozenset[str]]) -> None:
        self._named = named
        self._entries: set[str] | None = None

    def __contains__(self, canonical: object) -> bool:
        return canonical in self.entries()

    def entries(self) -> set[str]:
        if self._entries is None:
            self._entries = set().union(*self._named)
        return self._entries
