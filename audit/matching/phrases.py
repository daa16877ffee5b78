"""Phrase segmentation: capitalised words joined by a space or hyphen, the candidates for names (shared by
the matcher and the spelling-variant checks)."""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from mypy_extensions import mypyc_attr

from ..text import PARTICLES, Token, name_tokens


@mypyc_attr(serializable=True, allow_interpreted_subclasses=True)
@dataclass
class Phrase:
    """Capitalised words joined by a space or hyphen."""

    words: list[Token]
    text: str = field(repr=False)  # the whole document, for looking at what comes before

    @cached_property
    def sentence_start(self) -> bool:
        """The first word opens a sentence, so its capital says nothing (worked out only when asked)."""
        return opens_sentence(self.text, self.words[0].start)


def opens_sentence(text: str, start: int) -> bool:
    """Does the word at ``start`` open a sentence (or a line)?"""
    before = text[max(0, start - 40) : start]
    return bool(_SENTENCE_END.search(before)) or "\n" in before[-3:]


_SENTENCE_END = re.compile(r"(^|[.!?:;\"\u201c\u201d\u2014|>\]\)])\s*$")


def name_phrases(text: str, words: Sequence[Token] | None = None) -> Sequence[Phrase]:
    """Capitalised words joined by a space or hyphen, in text order (the candidates for names).

    Cached for the last few texts (without ``words``): the matcher and the spelling checks of one
    document read the same phrases.
    """
    return _phrases_of(text) if words is None else _phrases(text, words)


@lru_cache(maxsize=8)
def _phrases_of(text: str) -> tuple[Phrase, ...]:
    return tuple(_phrases(text, name_tokens(text)))


def _phrases(text: str, words: Sequence[Token]) -> list[Phrase]:
    phrases: list[Phrase] = []
    current: list[Token] = []

    def close() -> None:
        while current and not current[-1].capitalized:  # trailing particles belong to no name
            current.pop()
        if current:
            phrases.append(Phrase(list(current), text))
        current.clear()

    for word in words:
        if current:
            gap = text[current[-1].end : word.start]
            joined = gap in (" ", "-", "\u00a0", "\u2011")
            if joined and (word.capitalized or word.text in PARTICLES):
                current.append(word)
                continue
            close()
        if word.capitalized:
            current.append(word)
    close()
    return phrases


def form_surface(text: str, words: list[Token], position: int, length: int) -> str:
    """The text of ``length`` words of a phrase from ``position`` on, what lies between them included."""
    return text[words[position].start : words[position + length - 1].end]
