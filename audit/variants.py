"""Spelling variants of names: which capitalised words of the copy look like one name written two ways.

Shared by the inconsistency checks (within an article, across articles) and by name discovery. Knows
strings and the glossary's index, not rules or findings.

Two words are *variants* when, after folding and undoing source-language spellings (audit/text/keys.py), they
are the same or nearly the same: equal comparison keys (Navalny/Nawalny), or a small edit distance with the
same consonant skeleton (Hovhanisyan/Hovhannisen). Inflections and derivations (Armenia/Armenian,
Aliyev/Aliyeva), near spellings of common words (Monday/Mondavi), and pairs of spellings that English texts
both use (Stevens/Stephens, Sargsyan/Sarkissian) are never variants.
"""
from __future__ import annotations

import bisect
import hashlib
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import NamedTuple, Protocol

from mypy_extensions import mypyc_attr
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from .matching import Matcher, name_phrases, opens_sentence
from .matching import derived as derived_from
from .text import PARTICLES, fold, skeleton, spelling_key, word_frequency
from .text.frequency import (
    COMMON_WORD_ZIPF,
    FREQUENT_WORD_ZIPF,
    RARE_NAME_ZIPF,
    UNKNOWN_WORD_ZIPF,
)

MIN_LENGTH = 5  # shorter words collide by chance (Iran/Iraq, Mali/Malé)
MIN_SIMILARITY = 0.75  # 1 - key edit distance / longer key length
SHORT_KEY = 6  # comparison keys shorter than this must be equal or one letter longer (Karbakh/Karabakh)
# English word lists know a name's usual spelling (Karabakh) but not its garbles (Karbakh); ordinary words
# ("Sushi") are no evidence about a name.
WORD_LIST_NAME_ZIPF = (RARE_NAME_ZIPF, FREQUENT_WORD_ZIPF)


class NameWord(NamedTuple):  # a tuple: one for every capitalised word of every article
    """One capitalised word of a name phrase in a text."""

    text: str  # as written, possessive stripped
    folded: str
    start: int
    end: int
    phrase: int  # index of its phrase in the text
    position: int  # index of the word in its phrase
    phrase_length: int
    source: str = ""  # the whole text, for looking at what comes before (a reference, not a copy)

    @property
    def sentence_start(self) -> bool:
        """The first word of a phrase that opens a sentence (worked out only when asked)."""
        return self.position == 0 and opens_sentence(self.source, self.start)

    def __repr__(self) -> str:  # without the whole text
        return f"NameWord({self.text!r}, {self.start}-{self.end}, phrase {self.phrase}.{self.position})"


@lru_cache(maxsize=8)
def name_words(text: str) -> tuple[NameWord, ...]:
    """The capitalised words of the text's name phrases (particles such as 'van' or 'al' left out)."""
    found: list[NameWord] = []
    for index, phrase in enumerate(name_phrases(text)):
        length = len(phrase.words)
        for position, word in enumerate(phrase.words):
            if not word.capitalized or word.text.lower() in PARTICLES:
                continue
            folded = fold(word.text)
            if not folded or " " in folded:
                continue
            found.append(
                NameWord(word.text, folded, word.start, word.end, index, position, length, text)
            )
    return tuple(found)


def derived(a: str, b: str) -> bool:
    """Is one folded word an inflection or derivation of the other ('armenian' of 'armenia', 'aliyeva' of 'aliyev')?"""
    short, long = sorted((a, b), key=len)
    return len(long) != len(short) and derived_from(long, short)


@lru_cache(maxsize=200_000)
def similarity(a: str, b: str) -> float | None:
    """How alike two folded words are as spellings of one name (None: not variants of each other)."""
    if a == b or min(len(a), len(b)) < MIN_LENGTH:
        return None
    key_a, key_b = spelling_key(a), spelling_key(b)
    if key_a[:1] != key_b[:1]:
        return None
    zipf_a, zipf_b = word_frequency(a), word_frequency(b)
    if max(zipf_a, zipf_b) >= COMMON_WORD_ZIPF:
        return None  # a near spelling of a common word is another word (Monday/Mondavi)
    if min(zipf_a, zipf_b) >= RARE_NAME_ZIPF:
        return None  # both spellings are in use in English texts: two names (Sargsyan/Sarkissian, Preston/Peston)
    score = 0.95 if key_a == key_b else _near_key_score(key_a, key_b, max(zipf_a, zipf_b))
    if score is None or derived(a, b) or derived(key_a, key_b):
        return None  # (the dearest test last) an inflection or derivation (Armenia/Armenian) is not a variant
    return score


def _near_key_score(key_a: str, key_b: str, zipf: float) -> float | None:
    """``similarity`` of two words with different keys (``zipf``: the better known word's frequency)."""
    if zipf >= FREQUENT_WORD_ZIPF:
        return None  # near spellings of a well-known name are other names (Sharon/Saronno, Rupert/Ripert)
    distance = Levenshtein.distance(key_a, key_b)
    shorter = min(len(key_a), len(key_b))
    if shorter < SHORT_KEY and not (distance == 1 and len(key_a) != len(key_b) and shorter >= 5):
        return None  # short names a letter apart are often two names (Shusha/Shushi), unless one has a letter more
    score = 1 - distance / max(len(key_a), len(key_b))
    if score < MIN_SIMILARITY:
        return None
    if skeleton(key_a) == skeleton(key_b):
        return score
    # A different consonant skeleton is a different name, unless one word has just one letter more (Karbakh).
    if distance == 1 and abs(len(key_a) - len(key_b)) == 1 and min(len(key_a), len(key_b)) >= 6:
        return score - 0.05
    return None


def known_to_word_lists(group: list[str]) -> str | None:
    """The one spelling of a group that English texts use as a name, when they have never seen the others."""
    low, high = WORD_LIST_NAME_ZIPF
    known = [form for form in group if low <= word_frequency(form) < high]
    if len(known) == 1 and all(word_frequency(form) < UNKNOWN_WORD_ZIPF for form in group if form != known[0]):
        return known[0]
    return None


def accepted_house(matcher: Matcher, folded: str) -> str | None:
    """The house (canonical) spelling of a word the glossary accepts, or None if the glossary does not know it.

    For a word of a longer name it is the matching word of the canonical form ("Pashinyan" for "pashinian"
    when the glossary has "Nikol Pashinyan" with the variant "Nikol Pashinian").
    """
    forms = matcher.index.exact.get(folded)
    if not forms:
        return None
    single = [form.house for form in forms if " " not in fold(form.house)]
    return single[0] if single else forms[0].text


@mypyc_attr(serializable=True, allow_interpreted_subclasses=True)
class Clusters:
    """Union-find over strings: words joined by any chain of variant pairs end up in one cluster."""

    def __init__(self, items: Iterable[str] = ()) -> None:
        self._parent: dict[str, str] = {}
        for item in items:
            self.add(item)

    def add(self, item: str) -> None:
        self._parent.setdefault(item, item)

    def find(self, item: str) -> str:
        root = item
        while self._parent[root] != root:
            root = self._parent[root]
        while self._parent[item] != root:
            self._parent[item], item = root, self._parent[item]
        return root

    def union(self, a: str, b: str) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            # The smaller string becomes the root, so clusters do not depend on the order of unions.
            low, high = sorted((root_a, root_b))
            self._parent[high] = low

    def groups(self) -> list[list[str]]:
        grouped: dict[str, list[str]] = {}
        for item in self._parent:
            grouped.setdefault(self.find(item), []).append(item)
        return [sorted(members) for _, members in sorted(grouped.items()) if len(members) > 1]


Pair = tuple[str, str, float]  # two spellings and their similarity
Pairing = tuple[int, int, float]  # a pair of a group's members, by their places in it


class PairMemo(Protocol):
    """Where a big group's pairs are kept between scans (audit.result_cache.PairStore), keyed by a hash of the
    group's spellings: a rescan of an archive whose spellings did not change does not compare them again."""

    def get(self, key: str) -> list[Pairing] | None: ...

    def put(self, key: str, pairs: list[Pairing]) -> None: ...


def candidate_pairs(forms: list[str], memo: PairMemo | None = None) -> Iterator[Pair]:
    """Variant pairs among many spellings (each pair once, with its ``similarity``), without comparing every
    pair: only keys with the same first letter can be variants, and ``_near_pairs`` finds those that can
    be among them. With ``memo``, the pairs of a big group are looked up there first, and kept there when
    worked out (the same pairs, in the same order)."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for form in sorted(forms):
        if len(form) < MIN_LENGTH or word_frequency(form) >= COMMON_WORD_ZIPF:
            continue  # a variant of nothing (see similarity): short, or a common word
        key = spelling_key(form)
        groups.setdefault(key[:1], []).append((key, form))
    for members in groups.values():
        if len(members) < 2:
            continue
        members.sort(key=lambda member: len(member[0]))  # stable: shorter keys first, then as sorted
        if memo is None or len(members) * len(members) < KEEP_FROM:
            pairs: Iterable[Pairing] = _group_pairs(members)
        else:
            group = _group_key(members)
            kept = memo.get(group)
            if kept is None or any(not 0 <= index < other < len(members) for index, other, _ in kept):
                kept = list(_group_pairs(members))
                memo.put(group, kept)
            pairs = kept
        for index, other, score in pairs:
            yield members[index][1], members[other][1], score


@mypyc_attr(serializable=True, allow_interpreted_subclasses=True)
class Neighbours:
    """Each paired spelling's variants with their similarity, ``of(spelling)`` as (score, variant) pairs. Kept as
    two lists a spelling, not a list of tuples: a hostile scan's millions of pairs would cost a tuple each, twice."""

    def __init__(self) -> None:
        self._scores: dict[str, list[float]] = {}
        self._variants: dict[str, list[str]] = {}

    def add(self, a: str, b: str, score: float) -> None:
        for one, other in ((a, b), (b, a)):
            scores = self._scores.get(one)
            if scores is None:
                self._scores[one], self._variants[one] = [score], [other]
            else:
                scores.append(score)
                self._variants[one].append(other)

    def of(self, spelling: str) -> list[tuple[float, str]]:
        return list(zip(self._scores.get(spelling, ()), self._variants.get(spelling, ())))


def variant_groups(forms: list[str], memo: PairMemo | None = None) -> tuple[list[list[str]], Neighbours]:
    """The groups of spellings joined by variant pairs (``Clusters.groups``), and each paired spelling's
    variants with their scores: the checks look a spelling's variants up in its own list, never by trying
    every other spelling of its group (thousands of spellings of one name would make that quadratic)."""
    near = Neighbours()
    clusters = Clusters()
    for a, b, score in candidate_pairs(forms, memo):
        near.add(a, b, score)
        clusters.add(a)
        clusters.add(b)
        clusters.union(a, b)
    return clusters.groups(), near


# A group of spellings is kept between scans (``memo``) from this many possible pairs (its size squared):
# a handful of spellings is compared faster than its pairs are looked up.
KEEP_FROM = 2_000


def _group_key(members: list[tuple[str, str]]) -> str:
    """A hash of a group's (key, spelling) members, in order: what its pairs depend on, besides the code."""
    digest = hashlib.sha256()
    for key, form in members:
        digest.update(f"{key}\t{form}\n".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:32]


def _group_pairs(members: list[tuple[str, str]]) -> Iterator[Pairing]:
    for index, other in _near_pairs([key for key, _ in members]):
        score = similarity(members[index][1], members[other][1])
        if score is not None:
            yield index, other, score


def _near_pairs(keys: list[str]) -> Iterator[tuple[int, int]]:
    """(index, other), index < other, each once, of every pair of keys (sorted by length) that ``similarity``
    could take for variants: by ``_near_key_score``, keys are variants only if they are equal, have the same
    consonant skeleton, or one is the other with a letter more. So the keys are compared only within their
    skeleton's bucket (with rapidfuzz, held to the similarity limit), and a key a letter longer is found by
    looking up what it is with each of its letters left out. Each key meets the few that share its skeleton,
    not the thousands that share its first letter: an archive's corpus pass grows with its spellings, not
    with their square (bench/bench_corpus_pass.py)."""
    skeletons = [skeleton(key) for key in keys]
    buckets: dict[str, list[int]] = {}
    where: dict[str, list[int]] = {}
    for index, key in enumerate(keys):
        buckets.setdefault(skeletons[index], []).append(index)
        where.setdefault(key, []).append(index)
    # Given as found, not listed first: a hostile scan's one bucket holds millions of pairs.
    for bucket in buckets.values():
        if len(bucket) > 1:  # sorted by length, as the keys are
            for at, other in _within_limit([keys[index] for index in bucket]):
                yield bucket[at], bucket[other]
    for other, key in enumerate(keys):
        if len(key) <= SHORT_KEY:
            continue  # a letter more makes variants of keys of SHORT_KEY letters and more only
        for shorter in {key[:cut] + key[cut + 1 :] for cut in range(len(key))}:
            for index in where.get(shorter, ()):
                # A letter apart in 7 or more is within the limit: with the same skeleton, its bucket gave the pair.
                if skeletons[index] != skeletons[other]:
                    yield (index, other) if index < other else (other, index)


# Below this many comparisons a bucket is searched key by key; above it, in matrices (rapidfuzz's cdist
# compares many keys at once, but costs more to start, and needs numpy).
MATRIX_FROM = 2_000
# A bucket of more keys than this is compared a length at a time with the lengths a variant can have
# (within a quarter): a hostile scan's one bucket can be too big for one matrix.
WHOLE_GROUP_UP_TO = 300
# The most distances one matrix holds (a byte each, four for freak spellings): 2-8 MB, however big the scan.
MATRIX_CELLS = 2_000_000


def _within_limit(keys: list[str]) -> Iterator[tuple[int, int]]:
    """(index, other index), index < other, of every pair of keys (sorted by length) within the similarity
    limit."""
    limit = 1 - MIN_SIMILARITY
    count = len(keys)
    if count * count < MATRIX_FROM:
        for index in range(count - 1):
            for _, _, position in process.extract(
                keys[index], keys[index + 1 :], scorer=Levenshtein.normalized_distance, score_cutoff=limit, limit=None
            ):
                yield index, index + 1 + position
        return
    import numpy  # only big groups need it: imported here, not at start-up

    lengths = [len(key) for key in keys]
    sizes = numpy.maximum(numpy.array(lengths, dtype=numpy.float64), 1.0)  # (two empty keys are 0 apart)
    start = 0
    while start < count:
        # A block of one length against itself and the longer keys it may be a variant of (the pairs with
        # shorter keys were found from their block): keys a quarter longer are a quarter apart at least.
        if count <= WHOLE_GROUP_UP_TO:
            end = reach = count
        else:
            end = bisect.bisect_right(lengths, lengths[start])
            reach = bisect.bisect_right(lengths, int(lengths[start] / MIN_SIMILARITY) + 1)
        # A few rows at a time, each against the keys from its own on: a block of tens of thousands of keys
        # (one skeleton's, in hostile copy) would not fit in memory whole.
        rows_at_once = max(1, MATRIX_CELLS // (reach - start))
        # Edit distances in bytes, cut at the most the longest pair of the block may have, then each pair
        # held to the limit as Levenshtein.normalized_distance does (distance over the longer length): the
        # same pairs as a matrix of normalized distances, at a quarter of the memory read and twice the speed.
        most = int(limit * lengths[reach - 1])
        small = numpy.uint8 if most < 255 else numpy.int32
        for first in range(start, end, rows_at_once):
            last = min(end, first + rows_at_once)
            distances = process.cdist(keys[first:last], keys[first:reach], scorer=Levenshtein.distance,
                                      score_cutoff=most, dtype=small, workers=1)
            rows, columns = numpy.nonzero(distances <= most)
            later = columns > rows
            rows, columns = rows[later], columns[later]
            # The keys are sorted by length: a pair's longer key is its later one.
            near = distances[rows, columns] / sizes[columns + first] <= limit
            yield from zip((rows[near] + first).tolist(), (columns[near] + first).tolist())
        start = end
