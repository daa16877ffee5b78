"""Fuzzy name matching: where does the copy name a glossary entry, rightly or garbled?

Knows glossaries and strings, not rules or findings. The checks turn its ``NameMatch`` es into findings.

How a document is read:

1. Word tokens are grouped into *name phrases*: runs of capitalised words joined by a space or a
   hyphen ("Nicholas Pashinyan", "Nagorno-Karbakh").
2. Inside a phrase, the longest runs that spell an accepted form exactly are taken as known.
3. Runs whose comparison key (source-language spellings undone, see audit/data/spelling.toml)
   equals an accepted form's key are transliteration garbles ("Paschinjan", "Jerevan").
4. Each remaining word is looked up in an index of the glossary's distinctive words (blocked by
   the first letter and length of their key, so no span is compared with every name) and scored:
   edit distance on folded text and on keys, agreement of the consonant skeleton, then the
   article around it (``Clue``) is weighed: ordinary English words and real names English text
   knows, inflections and demonyms ("Armenian", "Putin's"), and other people's given names reject
   a match; the entry spelled right elsewhere in the article, or the person's own given name
   before the word, support one.
5. A surname match looks back at the given name before it: a cognate from another language
   ("Nicholas" for "Nikol") is a given-name substitution; a near spelling is a garble; any other
   given name is a different person and is left alone.

Spelling evidence is cached per distinct word and exact lookups per distinct phrase, so a corpus
repeating a name costs one lookup; only the context is weighed at every occurrence.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from typing import NamedTuple

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from .gc_pause import paused_gc
from .glossary import Entry, Glossary
from .text import (
    CAPITALISED_BEFORE_LOWER,
    PARTICLES,
    VOWELS,
    DataFileError,
    Token,
    fold,
    name_tokens,
    phrase_key,
    skeleton,
    spelling_key,
    spelling_keys,
    toml_tables,
    word_frequency,
    words_from,
)

# Endings that make an inflection or a demonym of a name rather than a different name
# ("Armenia" -> "Armenians", "Turkey" -> "Turkish", "Europe" -> "European").
DERIVATION_SUFFIXES = frozenset(
    "s es n ns an ans ian ians ean eans i is ese ish ic ics ern erns ite ites ist ists ism ized a".split()
)
# A word at least this frequent in English is an ordinary word, never a garble.
COMMON_WORD_ZIPF = 4.0
# A word at least this frequent is suspect only when its key equals a glossary name's exactly.
FREQUENT_WORD_ZIPF = 3.0
# Words English text already knows are different real names rather than garbles: from KNOWN_WORD_ZIPF
# always, from RARE_NAME_ZIPF unless the article names the entry right elsewhere, and from
# RARE_WORD_ZIPF they cost confidence.
KNOWN_WORD_ZIPF = 2.0
RARE_NAME_ZIPF = 1.5
RARE_WORD_ZIPF = 1.0
# Glossary words at least this frequent in English are not used as fuzzy targets ("Group", "Human").
DISTINCTIVE_ZIPF = 3.3
MIN_WORD_LENGTH = 4
# Short words this frequent ("at", "in", "and") glued to a name by a scraper do not make a garble.
GLUE_WORD_ZIPF = 5.5


class Form(NamedTuple):  # a tuple: a big glossary makes hundreds of thousands of these
    """One way a glossary entry can appear: a full accepted form, a person's surname, or a word of a longer name."""

    text: str
    entry: Entry
    role: str  # "name", "surname", "given" or "part"
    house: str  # what to suggest when this form is garbled: the canonical form, or its matching part
    folded: str
    key: str


@dataclass(frozen=True)
class NameMatch:
    """A span of the copy that names a glossary entry wrongly."""

    start: int
    end: int
    surface: str
    entry: Entry
    kind: str  # "garbled", "given-name" or "casing"
    suggestion: str
    confidence: float
    reason: str
    matched: str  # the glossary form the span was matched to


class Evidence(NamedTuple):  # a tuple: made for every candidate of every unknown word
    """What spelling alone says about a word being a garble of a form."""

    confidence: float
    reason: str
    frequency: float  # Zipf frequency of the word in English
    key_distance: int


@dataclass(frozen=True)
class Clue:
    """Where a word stands: what the article around it says."""

    sentence_start: bool  # its capital letter says nothing
    entry_mentioned: bool  # the article spells the entry right elsewhere
    other_person: bool  # the word before it is a given name that is not the entry's
    own_given_name: bool = False  # the word before it is the entry's given name (Vladimir Poutine)


class GivenNames:
    """Groups of given names that are one name in several languages (Nikol, Nicholas, Nikola)."""

    def __init__(self, groups: list[list[str]]) -> None:
        self._group_of: dict[str, int] = {}
        for index, names in enumerate(groups):
            for name in names:
                self._group_of.setdefault(fold(name), index)

    def known(self, name: str) -> bool:
        return fold(name) in self._group_of

    def cognates(self, a: str, b: str) -> bool:
        group = self._group_of.get(fold(a))
        return group is not None and group == self._group_of.get(fold(b)) and fold(a) != fold(b)

    @classmethod
    def parse(cls, text: str, path: str) -> "GivenNames":
        groups = []
        for line, raw in toml_tables(text, path, "group"):
            names = raw.get("names")
            if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
                raise DataFileError(f"{path}:{line}: a group needs names = [\"...\", ...]")
            groups.append(names)
        return cls(groups)


@lru_cache(maxsize=1)
def default_given_names() -> GivenNames:
    resource = resources.files("audit.data").joinpath("given_names.toml")
    return GivenNames.parse(resource.read_text(encoding="utf-8"), "audit/data/given_names.toml")


@lru_cache(maxsize=100_000)
def _given_names(entry: Entry) -> tuple[str, frozenset[str]]:
    """The canonical form's folded given names, and those of every accepted form (computed once per entry)."""
    canonical_given = _person_parts(fold(entry.canonical))[0]
    return canonical_given, frozenset(_person_parts(fold(text))[0] for text in entry.accepted) - {""}


def _person_parts(folded: str) -> tuple[str, str]:
    """(given names, surname) of a folded person name; particles stay with the surname ("di stefano")."""
    words = folded.split()
    if len(words) < 2:
        return "", folded
    cut = len(words) - 1
    while cut > 1 and words[cut - 1] in PARTICLES:
        cut -= 1
    return " ".join(words[:cut]), " ".join(words[cut:])


class NameIndex:
    """The glossary arranged for lookups: exact forms, comparison keys, and fuzzy targets by first letter."""

    def __init__(self, glossary: Glossary) -> None:
        self.exact: dict[str, list[Form]] = {}
        self._names_spelled: dict[str, list[Form]] = {}  # worked out from ``exact`` when first asked
        self._entries_named: dict[str, frozenset[str]] = {}  # likewise
        # Comparison key -> the first whole form or surname with that key that is a fuzzy target.
        self.by_key: dict[str, Form] = {}
        # Fuzzy targets blocked by the first letter and length of their key: a list of distinct keys
        # (what rapidfuzz scans) and, at the same positions, the forms that have that key.
        self._fuzzy_keys: dict[tuple[str, int], list[str]] = {}
        self._fuzzy_forms: dict[tuple[str, int], list[list[Form]]] = {}
        self._fuzzy_position: dict[str, int] = {}
        self.max_words = 1
        self.first_words: set[str] = set()  # first folded word of every accepted form
        self.multi_first_words: set[str] = set()  # ... of every accepted form of two words or more
        with paused_gc():
            # Every word's comparison key, worked out in bulk before the entries need them one by one.
            spelling_keys(word for entry in glossary.entries for text in entry.accepted for word in fold(text).split())
            for entry in glossary.entries:
                for form in self._forms_of(entry):
                    self._add(form)
            # Every lookup reads all the keys of a few blocks. Copies made one block after another sit
            # together in memory; the originals are scattered over the heap by the build, and reading
            # them costs twice the time in cache misses.
            for block, keys in self._fuzzy_keys.items():
                self._fuzzy_keys[block] = [key.encode().decode() for key in keys]

    def _forms_of(self, entry: Entry) -> list[Form]:
        forms = []
        canonical = entry.canonical
        canonical_folded = fold(canonical)
        canonical_key = phrase_key(canonical_folded)
        canonical_given, canonical_surname = _person_parts(canonical_folded)
        canonical_words = _words_by_fold(canonical)
        is_person = entry.type == "person"
        for text in entry.accepted:
            folded = fold(text)
            if not folded:
                continue
            key = phrase_key(folded)
            # A place's variant with its own key is another name of it (Shushi for Shusha, Khankendi for
            # Stepanakert): which name an article uses is an editorial choice the tool keeps, so a garble
            # of that name is corrected to it. Spelling variants (Pashinian) are corrected to the canonical.
            is_other_name = (
                entry.type == "place"
                and text != canonical
                and key != canonical_key
                and not derived(folded, canonical_folded)  # "Armenian" is a demonym of Armenia, not its other name
            )
            forms.append(Form(text, entry, "name", text if is_other_name else canonical, folded, key))
            if " " not in folded:
                if is_person and canonical_given:
                    # "Pashinian" alone is this person's surname: the given name before it is checked too.
                    house = _house_part(canonical, canonical_surname)
                    forms.append(Form(text, entry, "surname", house, folded, key))
                continue
            words = _words_by_fold(text)
            if is_person:
                given, surname = _person_parts(folded)
                house = _house_part(canonical, canonical_surname) if canonical_given else canonical
                shown = _house_part(text, surname)
                forms.append(Form(shown, entry, "surname", house, surname, phrase_key(surname)))
                for word in given.split():
                    forms.append(Form(words.get(word, text), entry, "given", canonical, word, spelling_key(word)))
            else:
                for word in folded.split():
                    house = canonical_words.get(word, canonical)
                    forms.append(Form(words.get(word, text), entry, "part", house, word, spelling_key(word)))
        return forms

    def _add(self, form: Form) -> None:
        _, _, role, _, folded, key = form
        forms = self.exact.get(folded)
        if forms is None:
            self.exact[folded] = [form]
        else:
            forms.append(form)
        spaced = " " in folded
        if role == "name":
            first = folded.partition(" ")[0]
            self.first_words.add(first)
            if spaced:
                self.multi_first_words.add(first)
        target = role != "given" and _target(form)
        if target and role != "part" and key not in self.by_key:
            self.by_key[key] = form
        if spaced:
            self.max_words = max(self.max_words, folded.count(" ") + 1)
            return
        if not target or (role == "part" and word_frequency(folded) >= DISTINCTIVE_ZIPF):
            return
        position = self._fuzzy_position.get(key)
        if position is None:
            block = (key[:1], len(key))
            keys = self._fuzzy_keys.setdefault(block, [])
            position = self._fuzzy_position[key] = len(keys)
            keys.append(key)
            self._fuzzy_forms.setdefault(block, []).append([form])
        else:
            self._fuzzy_forms[(key[:1], len(key))][position].append(form)

    def names_spelled(self, folded: str) -> list[Form]:
        """The whole accepted forms spelled ``folded`` (no surnames, given names or parts alone)."""
        forms = self._names_spelled.get(folded)
        if forms is None:
            if folded not in self.exact:
                return []  # kept only for spellings the glossary has: the table stays as small as the index
            forms = self._names_spelled[folded] = [f for f in self.exact[folded] if f.role == "name"]
        return forms

    def entries_named(self, folded: str) -> frozenset[str]:
        """Canonical forms of the entries that ``folded``, spelled exactly, names (a given name alone names nobody)."""
        entries = self._entries_named.get(folded)
        if entries is None:
            entries = self._entries_named[folded] = frozenset(
                f.entry.canonical for f in self.exact.get(folded, ()) if f.role != "given"
            )
        return entries

    def near(self, key: str) -> list[tuple[Form, int]]:
        """Fuzzy targets whose key is within a few edits of ``key``: same first letter, near length."""
        limit = max(2, round(len(key) * 0.4))
        found: list[tuple[int, str, Form]] = []
        for length in range(max(1, len(key) - limit), len(key) + limit + 1):
            keys = self._fuzzy_keys.get((key[:1], length))
            if not keys:
                continue
            forms = self._fuzzy_forms[(key[:1], length)]
            for _, distance, position in process.extract(
                key, keys, scorer=Levenshtein.distance, score_cutoff=limit, limit=12
            ):
                found.extend((distance, form.key, form) for form in forms[position])
        found.sort(key=lambda hit: (hit[0], hit[1]))
        return [(form, distance) for distance, _, form in found[:24]]


_WORD_BREAK = re.compile(r"[\s-]+")


def _words_by_fold(text: str) -> dict[str, str]:
    """Each word of ``text`` by its folded form (the first, where two fold alike): what _house_part
    finds for one folded word, looked up instead of searched for."""
    words: dict[str, str] = {}
    for word in _WORD_BREAK.split(text):
        words.setdefault(fold(word), word)
    return words


@lru_cache(maxsize=100_000)
def _house_part(canonical: str, folded_part: str) -> str:
    """The words of the canonical form that fold to ``folded_part`` ("Pashinyan" of "Nikol Pashinyan")."""
    words = _WORD_BREAK.split(canonical)
    target = folded_part.split()
    for start in range(len(words) - len(target) + 1):
        if [fold(word) for word in words[start : start + len(target)]] == target:
            return " ".join(words[start : start + len(target)])
    return canonical


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


class Mentioned:
    """The entries a document names correctly somewhere, put together only if a match needs to know."""

    def __init__(self, named: list[frozenset[str]]) -> None:
        self._named = named
        self._entries: set[str] | None = None

    def __contains__(self, canonical: object) -> bool:
        if self._entries is None:
            self._entries = set().union(*self._named)
        return canonical in self._entries


class Matcher:
    """Finds garbled and mistranslated glossary names in a text. One per glossary; reuse it across documents."""

    def __init__(self, glossary: Glossary, given_names: GivenNames | None = None, min_confidence: float = 0.7) -> None:
        self.glossary = glossary
        self.index = NameIndex(glossary)
        self.given_names = given_names or default_given_names()
        self.min_confidence = min_confidence
        self._word_cache: dict[str, list[tuple[Form, Evidence]]] = {}
        # phrase surface -> known forms per word, and the entries they name
        self._exact_cache: dict[str, tuple[list[list[Form] | None], frozenset[str]]] = {}
        self._key_cache: dict[str, Form | None] = {}  # run surface -> form with the same comparison key
        # Phrase surfaces that hold nothing to report wherever they stand: no glossary form near any of
        # their words, so the article around them is never weighed ("Officials", "Monday").
        self._barren: set[str] = set()
        # Known wrong forms: one alternation, longest first, so "The Mirror" wins over "Mirror".
        self._avoid_entries: dict[str, tuple[Entry, str]] = {
            form: (entry, form) for entry in glossary.entries for form in entry.avoid
        }
        alternatives = sorted(self._avoid_entries, key=lambda form: (-len(form), form))
        self._avoid_pattern = (
            re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, alternatives)) + r")(?![\w-])")
            if alternatives
            else None
        )

    # -- public ---------------------------------------------------------------------------------
    def find(self, text: str) -> list[NameMatch]:
        """Garbled names and given-name substitutions in ``text``, in text order."""
        phrases = name_phrases(text)
        surfaces = [text[phrase.words[0].start : phrase.words[-1].end] for phrase in phrases]
        readings = [self._exact_words(text, phrase.words, surface) for phrase, surface in zip(phrases, surfaces)]
        # Entries the document names correctly somewhere: a near spelling of one of them elsewhere in
        # the same article is far more likely a garble than a different, real name.
        mentioned = Mentioned([named for _, named in readings if named])
        matches: list[NameMatch] = []
        barren = self._barren
        for phrase, surface, (phrase_known, _) in zip(phrases, surfaces, readings):
            # A phrase spelled right throughout has nothing to report.
            if None in phrase_known and surface not in barren:
                found, weighed = self._phrase_matches(text, phrase, phrase_known, mentioned)
                matches.extend(found)
                if not found and not weighed:
                    if len(barren) > 100_000:
                        barren.clear()  # bounded: a long scan does not grow without end
                    barren.add(surface)
        return sorted(matches, key=lambda m: (m.start, m.end))

    def lowercase_mentions(self, text: str) -> list[tuple[Token, Token, list[Form]]]:
        """Accepted forms spelled right but with a lower-case word in them ("nagorno-Karabakh", "ilham aliyev"),
        as (first word, last word, forms)."""
        found: list[tuple[Token, Token, list[Form]]] = []
        resume = 0
        for start, end in self._mention_openers(text):
            if start < resume:
                continue
            words = words_from(text, start, self.index.max_words)
            for length in range(len(words), 0, -1):
                if length > 1 and not _joined(text, words[:length]):
                    continue
                forms = self.index.names_spelled(fold(text[words[0].start : words[length - 1].end]))
                if forms:
                    found.append((words[0], words[length - 1], forms))
                    resume = words[length - 1].end
                    break
        return found

    def _mention_openers(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of the words of ``text`` that can open a wrongly cased mention, in text order.

        Only a lower-case word that opens some accepted form, or a capitalised one that opens a form of
        two words or more and is followed by a lower-case word, can. The regex engine and the set of
        distinct words sort them out, so the bulk of the text is never looked at word by word in Python.
        """
        first_words, multi_first_words = self.index.first_words, self.index.multi_first_words
        spans = []
        for word in set(_LETTERS.findall(text)):
            if not word[0].isupper() and _folded(word) in first_words:
                spans.extend(_whole_word_spans(text, word))
        spans.extend(
            match.span() for match in CAPITALISED_BEFORE_LOWER.finditer(text) if _folded(match.group()) in multi_first_words
        )
        return sorted(spans)

    def avoided(self, text: str) -> list[tuple[int, int, Entry, str]]:
        """Occurrences of the glossary's known wrong forms, matched exactly (case included) as whole words."""
        if self._avoid_pattern is None:
            return []
        found = []
        for match in self._avoid_pattern.finditer(text):
            entry, form = self._avoid_entries[match.group()]
            found.append((match.start(), match.end(), entry, form))
        return found

    # -- one phrase -----------------------------------------------------------------------------
    def _exact_words(self, text: str, words: list[Token], surface: str) -> tuple[list[list[Form] | None], frozenset[str]]:
        """For each word of a phrase, the forms of the longest exactly spelled glossary form covering it;
        and the entries those forms name."""
        cached = self._exact_cache.get(surface)
        if cached is None:
            if len(self._exact_cache) > 100_000:
                self._exact_cache.clear()  # bounded: a long scan does not grow without end
            known = self._exact_uncached(text, words)
            named = frozenset().union(*(self.index.entries_named(forms[0].folded) for forms in known if forms))
            cached = self._exact_cache[surface] = (known, named)
        return cached

    def _exact_uncached(self, text: str, words: list[Token]) -> list[list[Form] | None]:
        known: list[list[Form] | None] = [None] * len(words)
        position = 0
        while position < len(words):
            for length in range(min(self.index.max_words, len(words) - position), 0, -1):
                forms = self.index.exact.get(fold(text[words[position].start : words[position + length - 1].end]))
                if forms:
                    known[position : position + length] = [forms] * length
                    position += length
                    break
            else:
                position += 1
        return known

    def _phrase_matches(
        self, text: str, phrase: Phrase, exact: list, mentioned: Mentioned
    ) -> tuple[list[NameMatch], bool]:
        """The phrase's matches, and whether the article around it was weighed (else the phrase alone decided)."""
        words = phrase.words
        known = list(exact)
        matches: list[NameMatch] = []
        weighed = False
        position = 0
        while position < len(words):  # runs spelled as a glossary form in another language's spelling
            if known[position] is not None:
                position += 1
                continue
            found = self._key_match(text, words, position, known)
            if found:
                form, length = found
                weighed = True
                clue = self._clue(words, position, phrase, mentioned, form)
                verdict = self._accept(self._evidence(fold(form_surface(text, words, position, length)), form, 0), clue)
                if verdict or length > 1:
                    confidence, reason = verdict or (0.95, _transliteration_reason(form))
                    matches.append(self._match(words[position].start, words[position + length - 1].end, text, form,
                                               "garbled", confidence, reason))
                    known[position : position + length] = [[form]] * length
                    position += length
                    continue
            position += 1
        for position, word in enumerate(words):  # single words near a glossary word
            if known[position] is not None or not _fuzzy_candidate(word):
                continue
            for form, evidence in self._near_forms(fold(word.text)):
                weighed = True
                verdict = self._accept(evidence, self._clue(words, position, phrase, mentioned, form))
                if verdict:
                    known[position] = [form]
                    matches.append(self._match(word.start, word.end, text, form, "garbled", *verdict))
                    break
        return self._with_given_names(text, words, known, matches), weighed

    def _key_match(self, text: str, words: list[Token], position: int, known: list) -> tuple[Form, int] | None:
        """The longest run from ``position`` whose comparison key equals an accepted form's key."""
        for length in range(min(self.index.max_words, len(words) - position), 0, -1):
            if any(k is not None for k in known[position : position + length]):
                continue
            if length == 1 and not _fuzzy_candidate(words[position]):
                continue
            form = self._key_form(form_surface(text, words, position, length))
            if form:
                return form, length
        return None

    def _key_form(self, surface: str) -> Form | None:
        """The accepted form (or surname) whose comparison key ``surface`` has, cached per surface."""
        if surface not in self._key_cache:
            if len(self._key_cache) > 100_000:
                self._key_cache.clear()
            self._key_cache[surface] = self.index.by_key.get(phrase_key(fold(surface)))
        return self._key_cache[surface]

    def _clue(self, words: list[Token], position: int, phrase: Phrase, mentioned: Mentioned, form: Form) -> "Clue":
        previous = words[position - 1].text if position > 0 else ""
        same_person = bool(previous) and self._same_given_name(previous, form.entry)
        other_person = bool(previous) and not same_person and self.given_names.known(previous)
        return Clue(phrase.sentence_start and position == 0, form.entry.canonical in mentioned, other_person, same_person)

    def _inflected_known(self, folded: str) -> bool:
        """'pashinyans', 'karabakhi': an accepted form with an English ending is that name, not a garble."""
        return any(
            folded.endswith(suffix) and folded[: -len(suffix)] in self.index.exact
            for suffix in DERIVATION_SUFFIXES
            if len(folded) - len(suffix) >= MIN_WORD_LENGTH
        )

    def _same_given_name(self, word: str, entry: Entry) -> bool:
        """Is ``word`` the entry's given name, a cognate of it, or a near spelling of it?"""
        folded = fold(word)
        return any(
            folded == given or self.given_names.cognates(folded, given) or _near_spelling(folded, given)
            for names in _given_names(entry)[1]
            for given in names.split()
        )

    def _near_forms(self, folded: str) -> list[tuple[Form, "Evidence"]]:
        """Glossary words near ``folded``, best first, with context-free evidence (cached per word)."""
        if folded not in self._word_cache:
            candidates = []
            if word_frequency(folded) < COMMON_WORD_ZIPF and not self._inflected_known(folded):
                for form, key_distance in self.index.near(spelling_key(folded)):
                    evidence = self._evidence(folded, form, key_distance)
                    if evidence:
                        candidates.append((form, evidence))
            candidates.sort(key=lambda pair: (-pair[1].confidence, pair[0].text))
            self._word_cache[folded] = candidates
        return self._word_cache[folded]

    def _evidence(self, folded: str, form: Form, key_distance: int) -> "Evidence | None":
        """What the spelling alone says about ``folded`` being a garble of ``form`` (None: it is not)."""
        target = form.folded
        if derived(folded, target) or _glued(folded, target):
            return None
        key, target_key = spelling_key(folded), form.key
        raw_distance = Levenshtein.distance(folded, target)
        raw_similarity = 1 - raw_distance / max(len(folded), len(target))
        if key_distance == 0:
            confidence, reason = 0.93, _transliteration_reason(form)
        else:
            if raw_similarity < 0.55:
                return None  # the keys met only because the rewrites shortened both words
            confidence = max(raw_similarity, 1 - key_distance / max(len(key), len(target_key), 1))
            reason = f"{raw_distance} letter{'s' if raw_distance != 1 else ''} from {form.text!r}"
        if key_distance and _consonants(key) == _consonants(target_key) and len(target_key) >= 5 \
                and abs(len(key) - len(target_key)) <= 1:
            # Only vowels differ (Tavoz/Tovuz, Gadabe/Gadabay): vowels are what transliteration from
            # Cyrillic, Armenian or Azerbaijani (ı, ə, ü, ö) gets wrong most, so this is strong evidence.
            confidence = max(confidence, 0.8) + 0.08
        elif skeleton(key) == skeleton(target_key):
            confidence += 0.08  # the same consonant classes in the same order (Stefancart/Stepanakert)
        else:
            if key[:1] != target_key[:1]:
                confidence -= 0.1
            if len(folded) <= 5 and key_distance > 1:
                confidence -= 0.12  # short names collide by chance (Adam/Aghdam)
        if form.role == "part":
            confidence -= 0.05
        return Evidence(min(confidence, 0.99), reason, word_frequency(folded), key_distance)

    def _accept(self, evidence: "Evidence | None", clue: "Clue") -> tuple[float, str] | None:
        """Weigh the spelling evidence against where the word stands; (confidence, reason) or None."""
        if evidence is None or clue.other_person:
            return None  # "Jacques Chirac" is somebody, whatever "Chirac" looks like
        confidence = evidence.confidence
        if clue.own_given_name:
            # The person's own given name before a near spelling of the surname: the word stands where
            # that surname stands, even if English knows it as a word (Vladimir Poutine).
            confidence = min(confidence + 0.1, 0.99)
        if evidence.frequency >= COMMON_WORD_ZIPF:
            return None
        if evidence.frequency >= FREQUENT_WORD_ZIPF:
            # An ordinary English word is a garble only in a name's place: capitalised mid-sentence, same key.
            if evidence.key_distance > 0 or clue.sentence_start:
                return None
            confidence -= 0.1
        elif evidence.key_distance > 0 and evidence.frequency >= RARE_WORD_ZIPF and not clue.own_given_name:
            # A word English text already knows (Chirac, Scholl, Briton) near a glossary name is a
            # different real name. Rarer ones count only where the article names the entry right elsewhere.
            if evidence.frequency >= KNOWN_WORD_ZIPF:
                return None
            if evidence.frequency >= RARE_NAME_ZIPF and not clue.entry_mentioned:
                return None
            confidence -= 0.05 if clue.entry_mentioned else 0.1
        if confidence < self.min_confidence:
            return None
        return round(confidence, 3), evidence.reason

    # -- given names ----------------------------------------------------------------------------
    def _with_given_names(self, text: str, words: list[Token], known: list, matches: list[NameMatch]) -> list[NameMatch]:
        """Look at the word before each surname: a cognate or near spelling of the entry's given name."""
        result = list(matches)
        for position in range(1, len(words)):
            surname_forms = [f for f in known[position] or () if f.role == "surname" and f.entry.type == "person"]
            if not surname_forms or known[position - 1] is not None:
                continue
            previous = words[position - 1]
            if not previous.capitalized:
                continue
            for form in surname_forms:
                given, given_names = _given_names(form.entry)
                if not given or fold(previous.text) in given_names:
                    continue
                first_given = given.split()[0]
                garbled = next((m for m in result if m.start == words[position].start), None)
                start, end = previous.start, words[position].end
                if self.given_names.cognates(previous.text, first_given):
                    kind, confidence = "given-name", 0.95
                    reason = f"{previous.text!r} is another language's form of {first_given.title()!r}"
                elif _near_spelling(fold(previous.text), first_given):
                    kind, confidence = "garbled", 0.9
                    reason = f"given name {previous.text!r} is a misspelling of {first_given.title()!r}"
                else:
                    continue
                if garbled:
                    result.remove(garbled)
                    kind = "garbled"
                    reason = f"{reason}; {garbled.reason}"
                result.append(self._match(start, end, text, form, kind, confidence, reason, whole=True))
                break
        return result

    def _match(
        self, start: int, end: int, text: str, form: Form, kind: str, confidence: float, reason: str, whole: bool = False
    ) -> NameMatch:
        suggestion = form.entry.canonical if whole else form.house
        if fold(suggestion) not in fold(form.entry.canonical):
            reason = f"{reason}; {suggestion!r} is an accepted name of {form.entry.canonical!r}"
        return NameMatch(start, end, text[start:end], form.entry, kind, suggestion, round(confidence, 3), reason, form.text)


_LETTERS = re.compile(r"[^\W\d_]+")


def _folded(word: str) -> str:
    """fold() of one word, without the cache lookup for the plain ASCII majority."""
    return word.lower() if word.isascii() else fold(word)


def _whole_word_spans(text: str, word: str) -> Iterator[tuple[int, int]]:
    """Where ``word`` stands in ``text`` as a whole run of letters (as _LETTERS would find it)."""
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        if not (start and _is_letter(text[start - 1])) and not (end < len(text) and _is_letter(text[end])):
            yield start, end
        start = text.find(word, end)


def _is_letter(char: str) -> bool:
    return char.isalnum() and not char.isdecimal()  # what [^\W\d_] matches


def form_surface(text: str, words: list[Token], position: int, length: int) -> str:
    return text[words[position].start : words[position + length - 1].end]


def _transliteration_reason(form: Form) -> str:
    return f"reads as {form.text!r} once source-language spelling is undone"


@lru_cache(maxsize=200_000)
def _consonants(key: str) -> str:
    """The first letter and every later consonant, exactly: 'tovuz' -> 'tvz', 'armenia' -> 'armn'."""
    return key[:1] + "".join(char for char in key[1:] if char not in VOWELS)


def _fuzzy_candidate(word: Token) -> bool:
    """Worth comparing with the glossary: capitalised, long enough, not an acronym (NHS is not NSS)."""
    return word.capitalized and len(word.text) >= MIN_WORD_LENGTH and not word.text.isupper()


def _target(form: Form) -> bool:
    """Usable as a fuzzy target: long enough and not an acronym."""
    return len(form.folded.replace(" ", "")) >= MIN_WORD_LENGTH and not form.text.isupper()


def _joined(text: str, words: list[Token]) -> bool:
    return all(text[a.end : b.start] in (" ", "-", "\u00a0") for a, b in zip(words, words[1:]))


def derived(word: str, name: str) -> bool:
    """'armenians' from 'armenia', 'turkish' from 'turkey', 'european' from 'europe': a form of the name, not a garble."""
    if word == name:
        return True
    for cut in (0, 1, 2):
        stem = name[: len(name) - cut] if cut else name
        ending = word[len(stem) :]
        # After cutting letters off the name, a one-letter "ending" is a substitution, not a suffix.
        if len(stem) >= 4 and word.startswith(stem) and ending in DERIVATION_SUFFIXES and (cut == 0 or len(ending) > 1):
            return True
    return False


def _glued(word: str, name: str) -> bool:
    """'moscowat': a right name glued to a short ordinary word by a scraper, not a garble."""
    rest = word[len(name) :]
    return word.startswith(name) and 0 < len(rest) <= 4 and word_frequency(rest) >= GLUE_WORD_ZIPF


def _near_spelling(word: str, name: str) -> bool:
    if len(word) < 4 or word[:1] != name[:1]:
        return False
    distance = Levenshtein.distance(spelling_key(word), spelling_key(name))
    return distance <= (1 if len(name) <= 5 else 2)
