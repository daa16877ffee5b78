"""``FuzzyTargets.near`` of many keys at once: a document's unknown words looked up together on a big glossary.

Each first letter's run of keys is compared with all the queries that reach it in one rapidfuzz ``cdist``
matrix (SIMD over several queries), and what ``near`` does to one key's hits afterwards (keep those within
the key's limit and its lengths, at most PER_BLOCK of each length, the nearest by distance then key, cut
to MAX_FORMS forms) is done to every hit of every query at once with numpy, leaving Python only the forms
of the hits kept. The answers are ``near``'s, key by key (tests/test_speed_paths.py).
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from mypy_extensions import mypyc_attr
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

if TYPE_CHECKING:
    import numpy

    from .index import Form
    from .targets import FuzzyTargets, Run

# The nearest keys of one block (first letter and length) a lookup keeps, and the forms it gives at most.
PER_BLOCK = 12
MAX_FORMS = 24
# Fuzzy targets from which lookups are batched (near_words.BATCH_FROM_KEYS words at least): below, one search
# a word costs less.
BATCH_FROM_TARGETS = 10_000


@mypyc_attr(serializable=True, allow_interpreted_subclasses=True)
class RunTables:
    """A first letter's run as arrays: each key's length, its rank among every key of the index (keys sort
    as strings: the order ``near`` breaks ties in), and its forms."""

    def __init__(self, run: Run, forms: list[list[Form]], ranks: numpy.ndarray) -> None:
        import numpy

        self.keys = run[0]
        self.starts = run[1]
        self.lengths = numpy.asarray(run[2], dtype=numpy.int32)
        self.forms = forms
        self.ranks = ranks


def run_tables(targets: FuzzyTargets) -> dict[str, RunTables]:
    """Every run of ``targets`` as RunTables (made once, when the first batch is looked up)."""
    import numpy

    runs = targets.runs()
    every_key = sorted(key for run in runs.values() for key in run[0])
    rank_of = {key: rank for rank, key in enumerate(every_key)}
    return {
        first: RunTables(run, targets.run_forms(first), numpy.fromiter((rank_of[key] for key in run[0]), dtype=numpy.int64,
                                                                     count=len(run[0])))
        for first, run in runs.items()
    }


def near_many(tables: dict[str, RunTables], keys: Iterable[str]) -> dict[str, list[tuple[Form, int]]]:
    """``FuzzyTargets.near(key)`` of every key, worked out together (``tables``: the targets' run_tables)."""
    from .targets import _first_letters

    queries = list(dict.fromkeys(keys))
    by_first: dict[str, list[int]] = {}
    for number, key in enumerate(queries):
        for first in _first_letters(key):
            if first in tables:
                by_first.setdefault(first, []).append(number)
    parts: list[tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray, numpy.ndarray, str]] = []
    for first, numbers in by_first.items():
        found = _hits(tables[first], [(number, queries[number]) for number in numbers])
        if found is not None:
            parts.append((*found, first))
    return _cut(queries, parts, tables)


def _hits(table: RunTables, asked: list[tuple[int, str]]) -> tuple | None:
    """The hits of the queries in one run that ``near`` keeps before its final cut: (query, distance, rank,
    index in the run) arrays, or None."""
    import numpy

    from .targets import _limit, _span_of

    reached = [(number, key, span) for number, key in asked if (span := _span_of(table.starts, key)) is not None]
    if not reached:
        return None
    low = min(span[0] for _, _, span in reached)
    high = max(span[1] for _, _, span in reached)
    limits = numpy.array([_limit(key) for _, key, _ in reached], dtype=numpy.int32)
    # Distances past the cutoff come back as the cutoff plus one: a byte each holds them for any word but
    # a freak one, and the matrix, read once more to find the hits, is four times smaller than in int32.
    small = numpy.uint8 if limits.max() < 255 else numpy.int32
    matrix = process.cdist([key for _, key, _ in reached], table.keys[low:high], scorer=Levenshtein.distance,
                           score_cutoff=int(limits.max()), dtype=small, workers=1)
    limits = limits.astype(small)
    rows, columns = numpy.nonzero(matrix <= limits[:, None])
    starts = numpy.array([span[0] - low for _, _, span in reached])
    ends = numpy.array([span[1] - low for _, _, span in reached])
    inside = (columns >= starts[rows]) & (columns < ends[rows])  # the key's lengths only, as near searches them
    rows, columns = rows[inside], columns[inside]
    distances = matrix[rows, columns]
    at = columns + low
    lengths = table.lengths[at]
    # At most PER_BLOCK hits of each length, the nearest (then the first in the block), as near keeps them.
    order = numpy.lexsort((at, distances, lengths, rows))
    rows, distances, at, lengths = rows[order], distances[order], at[order], lengths[order]
    count = len(rows)
    opens = numpy.ones(count, dtype=bool)
    opens[1:] = (rows[1:] != rows[:-1]) | (lengths[1:] != lengths[:-1])
    first_of_group = numpy.maximum.accumulate(numpy.where(opens, numpy.arange(count), 0))
    kept = numpy.arange(count) - first_of_group < PER_BLOCK
    numbers = numpy.array([number for number, _, _ in reached])
    return numbers[rows[kept]], distances[kept], table.ranks[at[kept]], at[kept]


def _cut(queries: list[str], parts: list, tables: dict[str, RunTables]) -> dict[str, list[tuple[Form, int]]]:
    """Each query's hits over every run, nearest first (distance, then key), cut to MAX_FORMS forms."""
    import numpy

    answers: list[list[tuple[Form, int]]] = [[] for _ in queries]
    if parts:
        numbers = numpy.concatenate([part[0] for part in parts])
        distances = numpy.concatenate([part[1] for part in parts])
        ranks = numpy.concatenate([part[2] for part in parts])
        forms = [tables[part[4]].forms for part in parts]
        which = numpy.concatenate([numpy.full(len(part[0]), place) for place, part in enumerate(parts)])
        at = numpy.concatenate([part[3] for part in parts])
        order = numpy.lexsort((ranks, distances, numbers))
        for number, distance, place, index in zip(numbers[order].tolist(), distances[order].tolist(),
                                                  which[order].tolist(), at[order].tolist()):
            answer = answers[number]
            room = MAX_FORMS - len(answer)
            if room > 0:
                key_forms = forms[place][index]
                if len(key_forms) == 1:  # most keys: one form
                    answer.append((key_forms[0], distance))
                else:
                    answer.extend([(form, distance) for form in key_forms[:room]])
    return dict(zip(queries, answers))
