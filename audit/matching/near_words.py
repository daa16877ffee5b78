"""Which glossary words is a word of the copy near, and what does its spelling alone say? (step 4 of the
matcher walk, before the article around the word is weighed).

Answers are cached per distinct folded word for the matcher's life: a corpus repeating a name costs one
lookup. On a big glossary the words of a document can be looked up together first (``prefetch``).
"""
from __future__ import annotations

from ..text import spelling_key, word_frequency
from .evidence import Evidence, spelling_evidence
from .index import Form, NameIndex
from .weights import COMMON_WORD_ZIPF
from .wordforms import base_forms

# Case endings Slavic languages put on names, long enough not to be part of a name themselves (Polish
# -owie plurals, -owi datives, -ego/-emu adjectival cases; Czech -ovi), and how long the stem must stay.
FOREIGN_CASE_ENDINGS = ("owie", "owi", "ego", "emu", "ovi")
FOREIGN_STEM_LENGTH = 6
FOREIGN_ENDING_PENALTY = 0.05
# Fuzzy lookups are made a document at a time (NameIndex.near_many) on a glossary with this many fuzzy
# targets, when the document has this many words to look up: below, one search a word costs less.
BATCH_FROM_TARGETS = 10_000
BATCH_FROM_KEYS = 4


class NearWords:
    """Glossary words near a word of the copy, with context-free spelling evidence, best first."""

    def __init__(self, index: NameIndex) -> None:
        self.index = index
        self._cache: dict[str, list[tuple[Form, Evidence]]] = {}
        self._prefetched: dict[str, list[tuple[Form, int]]] = {}  # a document's fuzzy lookups, done together
        self.batches = index.fuzzy_target_count >= BATCH_FROM_TARGETS  # is the glossary big enough to batch

    def forms(self, folded: str) -> list[tuple[Form, Evidence]]:
        """Glossary words near ``folded``, best first, with context-free evidence (cached per word)."""
        if folded not in self._cache:
            candidates = []
            if word_frequency(folded) < COMMON_WORD_ZIPF and not self.inflected_known(folded):
                key = spelling_key(folded)
                near = self._prefetched.get(key)
                for form, key_distance in self.index.near(key) if near is None else near:
                    evidence = spelling_evidence(folded, form, key_distance)
                    if evidence:
                        candidates.append((form, evidence))
                if not candidates:
                    candidates = self._inflected_garble(folded)
            candidates.sort(key=lambda pair: (-pair[1].confidence, pair[0].text))
            self._cache[folded] = candidates
        return self._cache[folded]

    def to_look_up(self, folded: str) -> bool:
        """Would ``forms`` search the index for this word (not cached, not a common word, no inflection)?"""
        return folded not in self._cache and word_frequency(folded) < COMMON_WORD_ZIPF and not self.inflected_known(folded)

    def prefetch(self, keys: list[str]) -> None:
        """Look up these keys together (NameIndex.near_many: the same answers, a few times faster), when
        the glossary is big and the keys many enough to gain by it."""
        if self.batches and len(keys) >= BATCH_FROM_KEYS:
            self._prefetched = self.index.near_many(keys)

    def forget_prefetched(self) -> None:
        self._prefetched.clear()

    def inflected_known(self, folded: str) -> bool:
        """'pashinyans', 'karabakhi': an accepted form with an English ending is that name, not a garble."""
        return any(base in self.index.exact for base in base_forms(folded))

    def _inflected_garble(self, folded: str) -> list[tuple[Form, Evidence]]:
        """A garble that also kept the source language's case ending (Polish "Sargisjanowie", the
        Sargsyans): the stem is compared, a little less sure, and the whole word reported."""
        for ending in FOREIGN_CASE_ENDINGS:
            stem = folded.removesuffix(ending)
            if stem == folded or len(stem) < FOREIGN_STEM_LENGTH:
                continue
            found = []
            for form, key_distance in self.index.near(spelling_key(stem)):
                evidence = spelling_evidence(stem, form, key_distance)
                if evidence:
                    reason = f"{evidence.reason}, with the ending -{ending}"
                    found.append((form, evidence._replace(confidence=evidence.confidence - FOREIGN_ENDING_PENALTY,
                                                          reason=reason, frequency=word_frequency(folded))))
            if found:
                return found
        return []
