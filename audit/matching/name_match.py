"""What the matcher finds (``NameMatch``) and what it knows of a document while it walks it (``Mentioned``)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from mypy_extensions import mypyc_attr

from ..glossary import Entry

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
