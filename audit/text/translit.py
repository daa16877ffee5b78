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

import math
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


# The largest cost worth knowing exactly: callers ask "is it at most 0.5" or "at most 1".
COST_LIMIT = 1.0


@lru_cache(maxsize=200_000)
def translit_cost(written: str, name: str) -> float:
    """The cheapest way to turn ``written`` into ``name`` letter by letter, romanisations' swaps cheap;
    ``math.inf`` when that costs more than COST_LIMIT.

    A dynamic programme over prefixes that keeps, row by row, only the cells within the limit: a handful
    per row, so a pair costs tens of microseconds however long the names (cached per pair as well).
    """
    by_letters = _by_letters()
    rows: list[dict[int, float]] = [{} for _ in range(len(written) + 2)]
    rows[0][0] = 0.0
    width = len(name)
    for i in range(len(written) + 1):
        row = rows[i]
        if not row:
            continue  # too costly, or skipped by a longer alternation (tsch) landing further on
        below = rows[i + 1]
        letter = written[i] if i < len(written) else ""
        put_in = VOWEL_GAP_COST if letter in VOWELS else LETTER_COST
        vowel = letter in VOWELS
        alternations = by_letters.get(letter, {}) if letter else {}
        j = min(row)
        # The row's cells in ascending order (a letter left out adds the next one along the row). Every
        # relaxation keeps a cost only within the limit and below what the cell has: written out here
        # rather than called, as this loop runs millions of times on a big glossary.
        while True:
            here = row[j]
            if j < width:
                other = name[j]
                cost = here + (VOWEL_GAP_COST if other in VOWELS else LETTER_COST)  # a letter of the name left out
                if cost <= COST_LIMIT and cost < row.get(j + 1, INF):
                    row[j + 1] = cost
                if letter:
                    cost = here + (0.0 if letter == other else VOWEL_COST if vowel and other in VOWELS else LETTER_COST)
                    if cost <= COST_LIMIT and cost < below.get(j + 1, INF):
                        below[j + 1] = cost
                    for alternation in alternations.get(other, ()):
                        if written.startswith(alternation.written, i) and name.startswith(alternation.read, j):
                            _relax(rows[i + len(alternation.written)], j + len(alternation.read), here + alternation.cost)
            if letter:
                cost = here + put_in  # a letter put in
                if cost <= COST_LIMIT and cost < below.get(j, INF):
                    below[j] = cost
            if j + 1 in row:  # the usual next cell, found without a search
                j += 1
                continue
            later = [column for column in row if column > j]
            if not later:
                break
            j = min(later)
    cost = rows[len(written)].get(width, math.inf)
    return round(cost, 3) if cost <= COST_LIMIT else math.inf


def opens_alike(written: str, name: str) -> bool:
    """Could ``translit_cost`` be less than a letter left out or put in (VOWEL_GAP_COST)? Only if the two
    open alike: with the same letter, with two vowels, or with what an alternation writes and reads (a
    test that spares the programme most pairs of unrelated words)."""
    if not written or not name:
        return True
    first, other = written[0], name[0]
    return first == other or (first in VOWELS and other in VOWELS) or other in _by_letters().get(first, {})


@lru_cache(maxsize=1)
def _by_letters() -> dict[str, dict[str, tuple[Alternation, ...]]]:
    """The alternations by the first letter of what is written, then by the first letter of what is read:
    a cell of the programme (a written letter, a name's letter) picks the few worth trying."""
    table: dict[str, dict[str, list[Alternation]]] = {}
    for first, alternations in default_alternations().items():
        for alternation in alternations:
            table.setdefault(first, {}).setdefault(alternation.read[0], []).append(alternation)
    return {first: {read: tuple(group) for read, group in by_read.items()} for first, by_read in table.items()}


INF = math.inf


def _relax(row: dict[int, float], column: int, cost: float) -> None:
    if cost <= COST_LIMIT and cost < row.get(column, math.inf):
        row[column] = cost
