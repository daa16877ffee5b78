"""Which glossary words is a word of the copy near, and what does its spelling alone say? (step 4 of the
matcher walk, before the article around the word is weighed).

Answers are cached per distinct folded word for the matcher's life: a corpus repeating a name costs one
lookup. On a big glossary the words of a document can be looked up together first (``prefetch``). An
ordinary English word ("Council") is looked up by its comparison key alone: only a form with its key could
make it a garble (``_same_key_only``).

On a big glossary most candidates are weak. A match the article does not support (it never names the
entry, and the word before is not the entry's given name) must clear ``strong_from``, the threshold plus
the crowding of its entry's glossary file (see Matcher); a candidate whose ``confidence_bound`` is below that bar can only be
reported where an article supports it. Weak candidates are kept as the lookup gave them: their bound, the
given names their entry names and their evidence are worked out only for an article that could support
them (``forms_for``). A cheaper ceiling of the bound (``confidence_ceiling``) tells most of them from the
strong ones. The walk meets exactly the candidates it would act on, in the same order, for a fraction of
the cost.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from mypy_extensions import mypyc_attr

from ..places import default_places
from ..text import spelling_key, word_frequency
from .evidence import (
    Evidence,
    best_weighed,
    confidence_bound,
    confidence_ceiling,
    only_same_key_matches,
    spelling_evidence,
)
from .given_names import GivenNames, default_given_names, given_names_of, same_given_name
from .index import Form, NameIndex
from .name_match import Mentioned
from .weights import COMMON_WORD_ZIPF, OWN_GIVEN_NAME_BONUS
from .wordforms import base_forms

# Case endings Slavic languages put on names, long enough not to be part of a name themselves (Polish
# -owie plurals, -owi datives, -ego/-emu adjectival cases; Czech -ovi), and how long the stem must stay.
FOREIGN_CASE_ENDINGS = ("owie", "owi", "ego", "emu", "ovi")
FOREIGN_STEM_LENGTH = 6
FOREIGN_ENDING_PENALTY = 0.05
# Fuzzy lookups are made a document at a time (NameIndex.near_many) on a glossary big enough to batch
# (FuzzyTargets.batches), when the document has this many words to look up: below, one search a word costs less.
BATCH_FROM_KEYS = 4

Candidate = tuple[Form, Evidence]


@mypyc_attr(serializable=True, allow_interpreted_subclasses=True)
@dataclass(slots=True)
class _Weak:
    """A candidate not weighed yet: what the lookup gave, its place in the lookup's order (ties between
    equally sure candidates keep it), and its evidence once an article asks."""

    form: Form
    canonical: str  # the form's entry's
    key_distance: int
    order: int
    bound: float  # see confidence_bound
    evidence: Evidence | None = None
    weighed: bool = False


@mypyc_attr(serializable=True, allow_interpreted_subclasses=True)
@dataclass
class _Near:
    """One word's candidates: ``strong`` ones weighed, as (form, evidence, order), and the others as the
    lookup gave them, (form, key distance, order), made into _Weak candidates only when an article asks."""

    strong: list[tuple[Form, Evidence, int]]
    rest: list[tuple[Form, int, int]] = field(default_factory=list)
    by_key: bool = False  # looked up by the word's key alone (see _same_key_only)
    # Filled in as articles ask: the rest's entries (a named one may be supported), the _Weak candidates
    # made so far (by order), whether any of the rest is supportable, whether any entry of theirs names a
    # given name, and the supportable ones a given word before the word supports (that word -> them).
    entries: frozenset[str] | None = None
    made: dict[int, _Weak] = field(default_factory=dict)
    supportable: bool | None = None
    personal: bool | None = None
    after: dict[str, list[_Weak]] = field(default_factory=dict)


@mypyc_attr(serializable=True, allow_interpreted_subclasses=True)
class NearWords:
    """Glossary words near a word of the copy, with context-free spelling evidence, best first."""

    def __init__(self, index: NameIndex, min_confidence: float = 0.0, given_names: GivenNames | None = None,
                 crowding: dict[str, float] | None = None) -> None:
        self.index = index
        self.given_names = given_names or default_given_names()  # the matcher's: whose given name a word is
        self.min_confidence = min_confidence
        # The crowding of each entry of a crowded glossary file, by Entry.source (the matcher's); the
        # candidates of any other entry are all weighed at once.
        self.crowding = crowding or {}
        # A weak candidate below this even the entry's own given name before it cannot lift to the threshold.
        self.hopeless_below = min_confidence - OWN_GIVEN_NAME_BONUS
        self._cache: dict[str, _Near] = {}
        self._full: dict[str, _Near] = {}  # words the walk looks up by key alone, searched in full for ``forms``
        self._desk: dict[str, list[Candidate]] = {}  # see desk_forms
        self._desk_near: dict[str, bool] = {}  # see desk_near
        self._given: dict[int, frozenset[str]] = {}  # id of an entry -> the given names it names
        self._same_given: dict[tuple[str, frozenset[str]], bool] = {}  # see _given_name_of
        self._inflected: dict[str, bool] = {}  # see inflected_known
        self._prefetched: dict[str, list[tuple[Form, int]]] = {}  # a document's fuzzy lookups, done together
        self.batches = index.batches  # is the glossary big enough to batch

    def forms(self, folded: str) -> list[Candidate]:
        """Glossary words near ``folded``, best first, with context-free evidence (cached per word)."""
        near = self._near(folded)
        if near.by_key:  # the walk's lookup of this word was by key alone: search in full
            full = self._full.get(folded)
            if full is None:
                full = self._full[folded] = self._look_up(folded, same_key_only=False)
            near = full
        return self._with(folded, near, [self._weak(folded, near, *candidate) for candidate in near.rest])

    def desk_forms(self, folded: str) -> list[Candidate]:
        """The desk's names (not a gazetteer's) near a word a gazetteer spells as one of its names, with their
        evidence, best first (NameIndex.checked_for_desk): what the word would be weighed against without the
        gazetteer beside the desk's glossary."""
        found = self._desk.get(folded)
        if found is None:
            key = spelling_key(folded)
            hits = self.index.near_desk(key) if word_frequency(folded) < COMMON_WORD_ZIPF else []
            if hits and self._same_key_only(folded):  # an ordinary English word, as _look_up takes it
                hits = [(form, distance) for form, distance in hits if distance == 0]
            # Only those the walk could take: no article lifts a candidate below this bar (best_weighed), and
            # the walk stops at the first one below it. Most words a gazetteer spells have none: their phrase
            # is then not walked at all (desk_near).
            hopeful = self.hopeless_below
            weighed = [(form, evidence, order) for order, (form, distance) in enumerate(hits)
                       if confidence_ceiling(folded, key, form, distance) >= hopeful
                       and confidence_bound(folded, form, distance) >= hopeful
                       and (evidence := spelling_evidence(folded, form, distance))
                       and best_weighed(evidence) >= self.min_confidence]
            found = self._desk[folded] = [(form, evidence) for form, evidence, _ in sorted(weighed, key=_best_first)]
        return found

    def desk_near(self, known: list[list[Form] | None]) -> bool:
        """Is a word of a phrase that a gazetteer spells right (``known``: each word's forms) near a name of the
        desk's (``desk_forms``)?"""
        if not self.index.desk_beside_gazetteer:
            return False
        for forms in known:
            if forms is None:
                continue
            # Asked of every phrase the copy repeats: answered once per spelling (exact forms are the word's own).
            folded = forms[0].folded
            near = self._desk_near.get(folded)
            if near is None:
                near = self._desk_near[folded] = self.index.checked_for_desk(forms) and bool(self.desk_forms(folded))
            if near:
                return True
        return False

    def forms_for(self, folded: str, mentioned: Mentioned, previous: str) -> list[Candidate]:
        """``forms`` less the weak candidates the article does not support: it does not name the entry
        (``mentioned``), and the word before (``previous``) is not the entry's given name. Whatever else the
        article says, the matcher would pass those over."""
        near = self._near(folded)
        if not near.rest:
            return [(form, evidence) for form, evidence, _ in near.strong]
        named = mentioned.entries()
        supported = []
        if named:
            if near.entries is None:
                near.entries = frozenset(form.entry.canonical for form, _, _ in near.rest)
            if not named.isdisjoint(near.entries):
                supported = [weak for candidate in near.rest if candidate[0].entry.canonical in named
                             and (weak := self._supportable(folded, near, candidate))]
        if previous and self._personal(near):
            after = near.after.get(previous)
            if after is None:
                after = near.after[previous] = self._after(folded, near, previous)
            supported += [weak for weak in after if weak.canonical not in named]
        return self._with(folded, near, supported)

    def any_near(self, folded: str) -> bool:
        """Has ``folded`` a candidate some article could report? (If no word of a phrase has, it is barren.)"""
        near = self._near(folded)
        if near.strong:
            return True
        if near.supportable is None:
            near.supportable = any(self._supportable(folded, near, candidate) for candidate in near.rest)
        return near.supportable

    def _supportable(self, folded: str, near: _Near, candidate: tuple[Form, int, int]) -> _Weak | None:
        """The weak candidate, if some article's support could lift it to the threshold."""
        weak = self._weak(folded, near, *candidate)
        return weak if weak.bound >= self.hopeless_below else None

    def _weak(self, folded: str, near: _Near, form: Form, key_distance: int, order: int) -> _Weak:
        """The weak candidate the lookup gave as (form, key distance, order), made once."""
        weak = near.made.get(order)
        if weak is None:
            weak = near.made[order] = _Weak(form, form.entry.canonical, key_distance, order,
                                            confidence_bound(folded, form, key_distance))
        return weak

    def _personal(self, near: _Near) -> bool:
        """Does the entry of any weak candidate name a given name (that could stand before the word)?"""
        if near.personal is None:
            near.personal = any(self._given_names(form) for form, _, _ in near.rest)
        return near.personal

    def _after(self, folded: str, near: _Near, previous: str) -> list[_Weak]:
        """The supportable weak candidates whose entry's given name ``previous`` is."""
        found = []
        for candidate in near.rest:
            form = candidate[0]
            given = self._given_names(form)
            if given and self._given_name_of(previous, form, given) and (weak := self._supportable(folded, near, candidate)):
                found.append(weak)
        return found

    def _with(self, folded: str, near: _Near, weak: list[_Weak]) -> list[Candidate]:
        """The strong candidates and those of ``weak`` that have evidence, best first."""
        weighed = [(candidate.form, evidence, candidate.order) for candidate in weak if (evidence := _weighed(folded, candidate))]
        candidates = sorted(near.strong + weighed, key=_best_first) if weighed else near.strong
        return [(form, evidence) for form, evidence, _ in candidates]

    def _near(self, folded: str) -> _Near:
        if folded not in self._cache:
            self._cache[folded] = self._look_up(folded)
        return self._cache[folded]

    def _look_up(self, folded: str, same_key_only: bool = True) -> _Near:
        if word_frequency(folded) >= COMMON_WORD_ZIPF:
            return _Near([])
        if self.inflected_known(folded):  # unless only a gazetteer's name (Ukrayinska of the town Ukrayinsk)
            return _Near([(form, evidence, order) for order, (form, evidence) in enumerate(self._desk_beside(folded))])
        key = spelling_key(folded)
        by_key = same_key_only and self._same_key_only(folded)
        if by_key:
            hits = [(form, 0) for form in self.index.same_key_forms(key)]
        else:
            prefetched = self._prefetched.get(key)
            hits = self.index.near(key) if prefetched is None else prefetched
        near = _Near([], by_key=by_key)
        crowded = self.crowding
        for order, (form, key_distance) in enumerate(hits):
            crowding = crowded.get(form.entry.source, 0.0) if crowded else 0.0
            strong_from = self.min_confidence + crowding if crowding else 0.0
            # The ceiling first: it costs a fraction of the bound, and on a big glossary most candidates are
            # below the bar by it already.
            if not strong_from or (confidence_ceiling(folded, key, form, key_distance) >= strong_from
                                   and confidence_bound(folded, form, key_distance) >= strong_from):
                evidence = spelling_evidence(folded, form, key_distance)
                if evidence:
                    near.strong.append((form, evidence, order))
            else:
                near.rest.append((form, key_distance, order))
        if not near.strong and (not near.rest or next(_foreign_stems(folded), None)):
            # No candidate at all (weighing the weak ones to know): maybe a garble kept a foreign case ending.
            found = [(form, evidence, order) for form, key_distance, order in near.rest
                     if (evidence := spelling_evidence(folded, form, key_distance))]
            found = found or [(form, evidence, order) for order, (form, evidence) in enumerate(self._inflected_garble(folded))]
            near = _Near(found, by_key=by_key)
        near.strong.sort(key=_best_first)
        return near

    def to_look_up(self, folded: str) -> bool:
        """Would the walk search the index for this word (not cached, not a common word, no inflection, not
        one it looks up by key alone)?"""
        return (folded not in self._cache and word_frequency(folded) < COMMON_WORD_ZIPF
                and not self.inflected_known(folded) and not self._same_key_only(folded))

    def _same_key_only(self, folded: str) -> bool:
        """Does the walk look this word up by its key alone? An ordinary English word ("Council", "Street")
        is a garble only of a form with its own key (``only_same_key_matches``): its other candidates never
        make a match. Not a well-known place's name (the walk stops at its first candidate, of any key:
        Matcher._another_place), nor a word with a foreign case ending (its stem is searched)."""
        return (only_same_key_matches(word_frequency(folded)) and not default_places().is_place(folded)
                and next(_foreign_stems(folded), None) is None)

    def prefetch(self, keys: list[str]) -> None:
        """Look up together those of these keys not looked up yet (NameIndex.near_many: the same answers, a
        few times faster), when the glossary is big and the keys many enough to gain by it. They are kept
        until ``forget_prefetched``."""
        missing = [key for key in dict.fromkeys(keys) if key not in self._prefetched]
        if self.batches and len(missing) >= BATCH_FROM_KEYS:
            self._prefetched.update(self.index.near_many(missing))

    def forget_prefetched(self) -> None:
        self._prefetched.clear()

    def inflected_known(self, folded: str) -> bool:
        """'pashinyans', 'karabakhi': an accepted form with an English ending is that name, not a garble."""
        known = self._inflected.get(folded)
        if known is None:
            known = self._inflected[folded] = any(base in self.index.exact for base in base_forms(folded))
        return known

    def _desk_beside(self, folded: str) -> list[Candidate]:
        """``desk_forms`` of a word the glossary knows as an inflection only of a gazetteer's names (else none):
        the desk's names are weighed as without the gazetteer."""
        exact = self.index.exact
        if not all(self.index.checked_for_desk(exact[base]) for base in base_forms(folded) if base in exact):
            return []
        return self.desk_forms(folded)

    def _given_name_of(self, previous: str, form: Form, given: frozenset[str]) -> bool:
        """same_given_name, cached by the word and the entry's given names (``given``: many entries share theirs)."""
        key = (previous, given)
        known = self._same_given.get(key)
        if known is None:
            known = self._same_given[key] = same_given_name(previous, form.entry, self.given_names)
        return known

    def _given_names(self, form: Form) -> frozenset[str]:
        """The given names the form's entry names (that could stand before the form in the copy)."""
        entry = id(form.entry)  # hashing an Entry (every field) costs more than the answer; the glossary holds it
        if entry not in self._given:
            self._given[entry] = given_names_of(form.entry)[1]
        return self._given[entry]

    def _inflected_garble(self, folded: str) -> list[tuple[Form, Evidence]]:
        """A garble that also kept the source language's case ending (Polish "Sargisjanowie", the
        Sargsyans): the stem is compared, a little less sure, and the whole word reported."""
        for ending, stem in _foreign_stems(folded):
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


def _foreign_stems(folded: str) -> Iterator[tuple[str, str]]:
    """(ending, stem) for each foreign case ending ``folded`` has that leaves a long enough stem."""
    for ending in FOREIGN_CASE_ENDINGS:
        stem = folded.removesuffix(ending)
        if stem != folded and len(stem) >= FOREIGN_STEM_LENGTH:
            yield ending, stem


def _weighed(folded: str, weak: _Weak) -> Evidence | None:
    """A weak candidate's evidence, worked out the first time an article asks for it."""
    if not weak.weighed:
        weak.evidence, weak.weighed = spelling_evidence(folded, weak.form, weak.key_distance), True
    return weak.evidence


def _best_first(candidate: tuple[Form, Evidence, int]) -> tuple[float, str, int]:
    """Surest first; equally sure ones by text, then as the lookup gave them."""
    form, evidence, order = candidate
    return -evidence.confidence, form.text, order
