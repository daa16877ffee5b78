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
    starting = _alternations_in(written)
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
        j = min(row)
        while True:  # the row's cells in ascending order: a letter left out adds the next one along the row
            here = row[j]  # every cell is within the limit: _relax keeps no other
            if j < width:  # a letter of the name left out of the written form
                _relax(row, j + 1, here + (VOWEL_GAP_COST if name[j] in VOWELS else LETTER_COST))
            if letter:
                _relax(below, j, here + put_in)  # a letter put in
                if j < width:
                    other = name[j]
                    swap = 0.0 if letter == other else VOWEL_COST if letter in VOWELS and other in VOWELS else LETTER_COST
                    _relax(below, j + 1, here + swap)
                for alternation in starting[i]:
                    if name.startswith(alternation.read, j):
                        _relax(rows[i + len(alternation.written)], j + len(alternation.read), here + alternation.cost)
            if j + 1 in row:  # the usual next cell, found without a search
                j += 1
                continue
            later = [column for column in row if column > j]
            if not later:
                break
            j = min(later)
    cost = rows[len(written)].get(width, math.inf)
    return round(cost, 3) if cost <= COST_LIMIT else math.inf


@lru_cache(maxsize=50_000)
def _alternations_in(written: str) -> tuple[tuple[Alternation, ...], ...]:
    """For each position of ``written``, the alternations whose letters stand there."""
    alternations = default_alternations()
    return tuple(
        tuple(a for a in alternations.get(letter, ()) if written.startswith(a.written, i))
        for i, letter in enumerate(written)
    )


def _relax(row: dict[int, float], column: int, cost: float) -> None:
    if cost <= COST_LIMIT and cost < row.get(column, math.inf):
        row[column] = cost
