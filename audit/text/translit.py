"""How well does transliteration explain the difference between two spellings of a name?

Machine translation carries the romanisation of the language it translated from into English copy:
German "Charkiw" and "Selenskyj", Polish "Czernihow", Russian-style "Kharkov" and "Igor" for the
Ukrainian "Kharkiv" and "Ihor", Turkish "Ceyhun" for Azerbaijani "Jeyhun". ``translit_cost`` is an edit
distance in which writing one romanisation's letters for another's is cheap (the table is data:
audit/data/transliteration.toml), a vowel for a vowel costs half a letter, and any other change a
whole one. "Kharkov"/"Kharkiv" costs 0.4 and "Chamenei"/"Khamenei" 0.2, while "Chirac"/"Chirag" costs 1:
a difference no romanisation makes is a different name, not a garble.

Both strings are folded (ASCII, lower case) before they get here.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from .datafiles import DataFileError, toml_tables
from .keys import VOWELS

# What a change no alternation explains costs: a letter for another, one left out or put in.
LETTER_COST = 1.0
# A vowel for another vowel, or a vowel left out or put in: what romanisations get wrong most.
VOWEL_COST = 0.5
VOWEL_GAP_COST = 0.6


class Alternation(NamedTuple):
    written: str  # the letters in one string
    read: str  # what they stand for in the other
    cost: float


def load_alternations(text: str, path: str) -> dict[str, tuple[Alternation, ...]]:
    """Parse a transliteration table into alternations by their first letter; DataFileError names file and line."""
    by_first: dict[str, list[Alternation]] = {}
    for line, raw in toml_tables(text, path, "alternation"):
        spellings, cost = raw.get("spellings"), raw.get("cost")
        if not isinstance(spellings, list) or len(spellings) < 2 or not all(
            isinstance(s, str) and s.isascii() and s.isalpha() and s.islower() for s in spellings
        ):
            raise DataFileError(f"{path}:{line}: spellings must list two or more lower-case ASCII letter groups")
        if isinstance(cost, bool) or not isinstance(cost, (int, float)) or not 0 <= cost <= 1:
            raise DataFileError(f"{path}:{line}: cost must be a number from 0 to 1")
        for written in spellings:
            for read in spellings:
                if written != read:
                    by_first.setdefault(written[0], []).append(Alternation(written, read, float(cost)))
    return {first: tuple(alternations) for first, alternations in by_first.items()}


@lru_cache(maxsize=1)
def default_alternations() -> dict[str, tuple[Alternation, ...]]:
    resource = resources.files("audit.data").joinpath("transliteration.toml")
    return load_alternations(resource.read_text(encoding="utf-8"), "audit/data/transliteration.toml")


@lru_cache(maxsize=200_000)
def translit_cost(written: str, name: str) -> float:
    """The cheapest way to turn ``written`` into ``name`` letter by letter, romanisations' swaps cheap.

    A dynamic programme over prefixes (names are short: a few hundred cells), cached per pair.
    """
    alternations = default_alternations()
    rows, columns = len(written) + 1, len(name) + 1
    best = [[float("inf")] * columns for _ in range(rows)]
    best[0][0] = 0.0
    for i in range(rows):
        row, below = best[i], best[i + 1] if i + 1 < rows else None
        for j in range(columns):
            here = row[j]
            if here == float("inf"):
                continue
            if j + 1 < columns:  # a letter of the name left out of the written form
                step = here + (VOWEL_GAP_COST if name[j] in VOWELS else LETTER_COST)
                if step < row[j + 1]:
                    row[j + 1] = step
            if below is None:
                continue
            letter = written[i]
            step = here + (VOWEL_GAP_COST if letter in VOWELS else LETTER_COST)  # a letter put in
            if step < below[j]:
                below[j] = step
            if j + 1 < columns:
                other = name[j]
                swap = 0.0 if letter == other else VOWEL_COST if letter in VOWELS and other in VOWELS else LETTER_COST
                if here + swap < below[j + 1]:
                    below[j + 1] = here + swap
            for alternation in alternations.get(letter, ()):
                if written.startswith(alternation.written, i) and name.startswith(alternation.read, j):
                    end_i, end_j = i + len(alternation.written), j + len(alternation.read)
                    if here + alternation.cost < best[end_i][end_j]:
                        best[end_i][end_j] = here + alternation.cost
    return round(best[-1][-1], 3)
