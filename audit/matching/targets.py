"""Fuzzy targets: the comparison keys a lookup for an unknown word searches, blocked by first letter and
length, with the forms that have each key, and the lookups themselves.

NameIndex keeps one set of them for a gazetteer's file (CROWDING_FROM entries or more) and one for the other
files together, so a lookup's caps (the nearest PER_BLOCK keys of a length, MAX_FORMS forms) count a
gazetteer's towns apart from a desk's own names: 50,000 towns at the same distance as a desk's name never
push it out of the answer (Sholts is the desk's Scholz, whatever towns are also two letters from it).
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from mypy_extensions import mypyc_attr
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from . import batch_lookup
from .batch_lookup import BATCH_FROM_TARGETS, MAX_FORMS, PER_BLOCK

if TYPE_CHECKING:
    from .index import Form

# A first letter's fuzzy keys, every block of it one after another by length: the keys, where each
# length starts (index = length; one past the longest at the end), and each key's length and position
# in its block.
Run = tuple[list[str], list[int], list[int], list[int]]

Hits = list[tuple["Form", int]]  # forms near a key and their key's distance from it, nearest first


@mypyc_attr(serializable=True, allow_interpreted_subclasses=True)
class FuzzyTargets:
    """Fuzzy targets by first letter and length, and the lookups over them (``near``, ``near_many``)."""

    def __init__(self) -> None:
        # While the index is built: a list of distinct keys per block (what rapidfuzz scans) and, at the same
        # positions, the forms that have that key. ``finish`` lays the keys out as runs.
        self._keys: dict[tuple[str, int], list[str]] = {}
        self._forms: dict[tuple[str, int], list[list[Form]]] = {}
        self._position: dict[str, int] = {}
        self._by_first: dict[str, Run] = {}
        self._batch_tables: dict[str, batch_lookup.RunTables] | None = None  # made by the first near_many

    def add(self, form: Form) -> None:
        key = form.key
        position = self._position.get(key)
        if position is None:
            block = (key[:1], len(key))
            keys = self._keys.setdefault(block, [])
            position = self._position[key] = len(keys)
            keys.append(key)
            self._forms.setdefault(block, []).append([form])
        else:
            self._forms[(key[:1], len(key))][position].append(form)

    def finish(self) -> None:
        """Lay the keys out as runs: every form has been added."""
        self._by_first = _runs_by_first_letter(self._keys)
        self._keys = {}  # read from _by_first from now on

    @property
    def batches(self) -> bool:
        """Big enough for lookups to gain by being made many at a time (``near_many``)?"""
        return len(self._position) >= BATCH_FROM_TARGETS

    def near(self, key: str) -> Hits:
        """Fuzzy targets whose key is within a few edits of ``key``: a first letter that is the same or
        one romanisation writes for the other (Chamenei/Khamenei, Selenskyj/Zelensky), near length."""
        limit = _limit(key)
        found: list[tuple[int, str, Form]] = []
        for first in _first_letters(key):
            run = self._by_first.get(first)
            span = _span_of(run[1], key) if run is not None else None
            if run is None or span is None:
                continue
            # The blocks of every length in reach lie one after another: one call searches them all.
            hits = process.extract(key, run[0][span[0] : span[1]], scorer=Levenshtein.distance, score_cutoff=limit,
                                   limit=None)
            self._collect(found, first, span[0], ((index, distance) for _, distance, index in hits))
        return _nearest(found)

    def near_many(self, keys: Iterable[str]) -> dict[str, Hits]:
        """``near`` of every key, the same answers, worked out together (audit/matching/batch_lookup.py):
        a few times faster than one search a key on a big glossary."""
        if self._batch_tables is None:
            self._batch_tables = batch_lookup.run_tables(self)
        return batch_lookup.near_many(self._batch_tables, keys)

    def complete(self) -> None:
        """Build now the batched lookups' arrays (the index is about to be kept on disk)."""
        if self._batch_tables is None:
            self._batch_tables = batch_lookup.run_tables(self)

    def same_key_forms(self, key: str) -> list[Form]:
        """The fuzzy targets whose key is ``key``: what ``near(key)`` gives at distance 0, without the search."""
        position = self._position.get(key)
        if position is None:
            return []
        return self._forms[(key[:1], len(key))][position][:MAX_FORMS]

    def runs(self) -> dict[str, Run]:
        """The fuzzy keys by first letter (see Run)."""
        return self._by_first

    def run_forms(self, first: str) -> list[list[Form]]:
        """The forms of each key of a first letter's run, in the run's order."""
        _, _, lengths, positions = self._by_first[first]
        blocks = self._forms
        return [blocks[(first, length)][position] for length, position in zip(lengths, positions)]

    def _collect(self, found: list[tuple[int, str, Form]], first: str, start: int,
                 hits: Iterable[tuple[int, int]]) -> None:
        """Add the forms of the hits (index from ``start`` in the first letter's run, distance), best first
        and ties in block order: the first PER_BLOCK of each length are what a search of that block alone,
        limited to PER_BLOCK, finds."""
        _, _, lengths, positions = self._by_first[first]
        taken: dict[int, int] = {}
        for index, distance in hits:
            length = lengths[start + index]
            if taken.get(length, 0) == PER_BLOCK:
                continue
            taken[length] = taken.get(length, 0) + 1
            found.extend((distance, form.key, form) for form in self._forms[(first, length)][positions[start + index]])


def merged(answers: list[Hits]) -> Hits:
    """Several sets of targets' answers for one key as one, nearest first (then by key; ties in the order of
    ``answers``): each keeps its own caps."""
    if len(answers) == 1:
        return answers[0]
    hits = [hit for answer in answers for hit in answer]
    hits.sort(key=lambda hit: (hit[1], hit[0].key))  # stable: the first set's forms first among equals
    return hits


def _limit(key: str) -> int:
    """How many edits a fuzzy target's key may be from ``key``."""
    return max(2, round(len(key) * 0.4))


def _first_letters(key: str) -> str:
    return key[:1] + FIRST_LETTER_ALTERNATES.get(key[:1], "")


def _span_of(starts: list[int], key: str) -> tuple[int, int] | None:
    """Where the keys of the lengths within reach of ``key`` lie in a run, from where each length starts in
    it (None: there are none)."""
    limit = _limit(key)
    last = len(starts) - 1
    low, high = starts[min(max(1, len(key) - limit), last)], starts[min(len(key) + limit + 1, last)]
    return (low, high) if low < high else None


def _nearest(found: list[tuple[int, str, Form]]) -> Hits:
    found.sort(key=lambda hit: (hit[0], hit[1]))
    return [(form, distance) for distance, _, form in found[:MAX_FORMS]]


def _runs_by_first_letter(blocks: dict[tuple[str, int], list[str]]) -> dict[str, Run]:
    runs: dict[str, Run] = {}
    for first in sorted({first for first, _ in blocks}):
        longest = max(length for letter, length in blocks if letter == first)
        keys: list[str] = []
        starts: list[int] = []
        lengths: list[int] = []
        positions: list[int] = []
        for length in range(longest + 1):
            starts.append(len(keys))
            block = blocks.get((first, length), [])
            # Copies made one after another sit together in memory: a lookup reads every key of its run,
            # and the originals, scattered over the heap by the build, cost twice the time in cache misses.
            keys.extend(key.encode().decode() for key in block)
            lengths.extend([length] * len(block))
            positions.extend(range(len(block)))
        starts.append(len(keys))
        runs[first] = (keys, starts, lengths, positions)
    return runs


# First letters of comparison keys (audit/text/keys.py) that romanisations write for one another: German
# and Polish ch (key "k") for kh (key "h"), German s for z, Turkish c for j (key "y"), an initial vowel
# shifted (Adisha/Edisha), Azerbaijani x for kh. Not Russian g for h: Gadrut for Hadrut is a Russian
# spelling desks accept, and the big places' Russian forms (Gorlovka) come from the GeoNames table.
FIRST_LETTER_ALTERNATES = {
    "k": "h", "h": "kx", "x": "hk", "s": "z", "z": "s", "c": "y", "y": "cie",
    "a": "eo", "o": "a", "e": "aiy", "i": "ey",
}
