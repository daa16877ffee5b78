"""Fuzzy name matching: where does the copy name a glossary entry, rightly or garbled?

Knows glossaries and strings, not rules or findings. The checks turn its ``NameMatch`` es into findings.

How a document is read:

1. Word tokens are grouped into *name phrases*: runs of capitalised words joined by a space or a
   hyphen ("Nicholas Pashinyan", "Nagorno-Karbakh").
2. Inside a phrase, the longest runs that spell an accepted form exactly are taken as known.
3. Runs whose comparison key (source-language spellings undone, see audit/data/spelling.toml)
   equals an accepted form's key are transliteration garbles ("Paschinjan", "Jerevan").
4. Each remaining word is looked up in an index of the glossary's distinctive words (blocked by
   first letter, so no span is compared with every name) and scored: edit distance on folded text
   and on keys, agreement of the consonant skeleton, and rejection rules for ordinary English
   words, inflections and demonyms ("Armenian", "Putin's"), and names of other people.
5. A surname match looks back at the given name before it: a cognate from another language
   ("Nicholas" for "Nikol") is a given-name substitution; a near spelling is a garble; any other
   given name is a different person and is left alone.

Results are cached per distinct word, so a corpus repeating a name costs one lookup.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from .glossary import Entry, Glossary
from .text import DataFileError, Token, fold, phrase_key, skeleton, spelling_key, tokens, word_frequency

# Lower-case words that may stand inside a name ("Manlio Di Stefano", "Ursula von der Leyen").
PARTICLES = frozenset("al el de da di do dos das du la le van von der den ter bin ibn ben".split())
# Endings that make an inflection or a demonym of a name rather than a different name
# ("Armenia" -> "Armenians", "Turkey" -> "Turkish", "Europe" -> "European").
DERIVATION_SUFFIXES = frozenset(
    "s es n ns an ans ian ians ean eans i is ese ish ic ics e ern erns ite ites ist ists ism ized a".split()
)
# A word at least this frequent in English is an ordinary word, never a garble.
COMMON_WORD_ZIPF = 4.0
# A word at least this frequent is suspect only when its key equals a glossary name's exactly.
FREQUENT_WORD_ZIPF = 3.0
# Glossary words at least this frequent in English are not used as fuzzy targets ("Group", "Human").
DISTINCTIVE_ZIPF = 3.3
MIN_WORD_LENGTH = 4


@dataclass(frozen=True)
class Form:
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


class GivenNames:
    """Groups of given names that are one name in several languages (Nikol, Nicholas, Nikola)."""

    def __init__(self, groups: list[list[str]]) -> None:
        self._group_of: dict[str, int] = {}
        for index, names in enumerate(groups):
            for name in names:
                self._group_of.setdefault(fold(name), index)

    def cognates(self, a: str, b: str) -> bool:
        group = self._group_of.get(fold(a))
        return group is not None and group == self._group_of.get(fold(b)) and fold(a) != fold(b)

    @classmethod
    def parse(cls, text: str, path: str) -> "GivenNames":
        try:
            document = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            raise DataFileError(f"{path}: invalid TOML: {error}") from None
        headers = [text.count("\n", 0, m.start()) + 1 for m in re.finditer(r"^\s*\[\[\s*group\s*\]\]", text, re.M)]
        groups = []
        for index, raw in enumerate(document.get("group", [])):
            names = raw.get("names") if isinstance(raw, dict) else None
            if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
                line = headers[index] if index < len(headers) else 0
                raise DataFileError(f"{path}:{line}: a group needs names = [\"...\", ...]")
            groups.append(names)
        return cls(groups)


@lru_cache(maxsize=1)
def default_given_names() -> GivenNames:
    resource = resources.files("audit.data").joinpath("given_names.toml")
    return GivenNames.parse(resource.read_text(encoding="utf-8"), "audit/data/given_names.toml")


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
        self.by_key: dict[str, list[Form]] = {}
        # Fuzzy targets blocked by the first letter of their key: a list of distinct keys (what
        # rapidfuzz scans) and, at the same positions, the forms that have that key.
        self._fuzzy_keys: dict[str, list[str]] = {}
        self._fuzzy_forms: dict[str, list[list[Form]]] = {}
        self._fuzzy_position: dict[str, int] = {}
        self.max_words = 1
        for entry in glossary.entries:
            for form in self._forms_of(entry):
                self._add(form)

    def _forms_of(self, entry: Entry) -> list[Form]:
        forms = []
        canonical_folded = fold(entry.canonical)
        canonical_given, canonical_surname = _person_parts(canonical_folded)
        for text in entry.accepted:
            folded = fold(text)
            if not folded:
                continue
            forms.append(Form(text, entry, "name", entry.canonical, folded, phrase_key(folded)))
            words = folded.split()
            if len(words) < 2:
                continue
            if entry.type == "person":
                given, surname = _person_parts(folded)
                house = _house_part(entry.canonical, canonical_surname) if canonical_given else entry.canonical
                forms.append(Form(surname, entry, "surname", house, surname, phrase_key(surname)))
                for word in given.split():
                    forms.append(Form(word, entry, "given", entry.canonical, word, spelling_key(word)))
            else:
                for word in words:
                    house = _house_part(entry.canonical, word) if word in canonical_folded.split() else entry.canonical
                    forms.append(Form(word, entry, "part", house, word, spelling_key(word)))
        return forms

    def _add(self, form: Form) -> None:
        self.exact.setdefault(form.folded, []).append(form)
        self.by_key.setdefault(form.key, []).append(form)
        self.max_words = max(self.max_words, len(form.folded.split()))
        if " " in form.folded or form.role == "given" or len(form.folded) < MIN_WORD_LENGTH:
            return
        if form.role == "part" and word_frequency(form.folded) >= DISTINCTIVE_ZIPF:
            return
        letter = form.key[:1]
        keys = self._fuzzy_keys.setdefault(letter, [])
        forms = self._fuzzy_forms.setdefault(letter, [])
        position = self._fuzzy_position.setdefault(form.key, len(keys))
        if position == len(keys):
            keys.append(form.key)
            forms.append([])
        forms[position].append(form)

    def near(self, key: str) -> list[tuple[Form, int]]:
        """Fuzzy targets whose key is within a few edits of ``key`` (same first letter)."""
        keys = self._fuzzy_keys.get(key[:1])
        if not keys:
            return []
        limit = max(2, round(len(key) * 0.4))
        hits = process.extract(key, keys, scorer=Levenshtein.distance, score_cutoff=limit, limit=12)
        forms = self._fuzzy_forms[key[:1]]
        return [(form, distance) for _, distance, position in hits for form in forms[position]]


def _house_part(canonical: str, folded_part: str) -> str:
    """The words of the canonical form that fold to ``folded_part`` ("Pashinyan" of "Nikol Pashinyan")."""
    words = re.split(r"[\s-]+", canonical)
    target = folded_part.split()
    for start in range(len(words) - len(target) + 1):
        if [fold(word) for word in words[start : start + len(target)]] == target:
            return " ".join(words[start : start + len(target)])
    return canonical


@dataclass
class Phrase:
    """Capitalised words joined by a space or hyphen, with what is known about each."""

    words: list[Token]
    sentence_start: bool  # the first word opens a sentence, so its capital says nothing
    known: list[list[Form] | None] = field(default_factory=list)


_SENTENCE_END = re.compile(r"(^|[.!?:;\"\u201c\u201d\u2014|>\]\)])\s*$")


def name_phrases(text: str, words: list[Token] | None = None) -> list[Phrase]:
    """Capitalised words joined by a space or hyphen, in text order (the candidates for names)."""
    words = tokens(text) if words is None else words
    phrases: list[Phrase] = []
    current: list[Token] = []

    def close() -> None:
        while current and not current[-1].capitalized:  # trailing particles belong to no name
            current.pop()
        if current:
            before = text[max(0, current[0].start - 40) : current[0].start]
            phrases.append(Phrase(list(current), bool(_SENTENCE_END.search(before)) or "\n" in before[-3:]))
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


class Matcher:
    """Finds garbled and mistranslated glossary names in a text. One per glossary; reuse it across documents."""

    def __init__(self, glossary: Glossary, given_names: GivenNames | None = None, min_confidence: float = 0.7) -> None:
        self.glossary = glossary
        self.index = NameIndex(glossary)
        self.given_names = given_names or default_given_names()
        self.min_confidence = min_confidence
        self._word_cache: dict[str, tuple[Form, float, str] | None] = {}
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
        matches: list[NameMatch] = []
        for phrase in name_phrases(text, tokens(text)):
            matches.extend(self._phrase_matches(text, phrase))
        return sorted(matches, key=lambda m: (m.start, m.end))

    def mentions(self, text: str) -> list[tuple[Token, Token, list[Form]]]:
        """Exact (case-insensitive) occurrences of accepted forms, as (first word, last word, forms)."""
        words = tokens(text)
        found = []
        position = 0
        while position < len(words):
            for length in range(min(self.index.max_words, len(words) - position), 0, -1):
                last = words[position + length - 1]
                if length > 1 and not _joined(text, words[position : position + length]):
                    continue
                forms = self.index.exact.get(fold(text[words[position].start : last.end]))
                forms = [f for f in forms or () if f.role == "name"]
                if forms:
                    found.append((words[position], last, forms))
                    position += length
                    break
            else:
                position += 1
        return found

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
    def _phrase_matches(self, text: str, phrase: Phrase) -> list[NameMatch]:
        words = phrase.words
        known: list[list[Form] | None] = [None] * len(words)
        matches: list[NameMatch] = []
        position = 0
        while position < len(words):
            taken = self._longest_exact(text, words, position, known)
            if taken:
                position += taken
                continue
            match = self._key_match(text, words, position, phrase)
            if match:
                matches.append(match[0])
                for index in range(position, position + match[1]):
                    known[index] = [match[2]]
                position += match[1]
                continue
            position += 1
        for position, word in enumerate(words):
            if known[position] is None and word.capitalized:
                found = self._fuzzy_word(word, phrase.sentence_start and position == 0)
                if found:
                    form, confidence, reason = found
                    known[position] = [form]
                    matches.append(self._match(word.start, word.end, text, form, "garbled", confidence, reason))
        return self._with_given_names(text, words, known, matches)

    def _longest_exact(self, text: str, words: list[Token], position: int, known: list) -> int:
        for length in range(min(self.index.max_words, len(words) - position), 0, -1):
            surface = text[words[position].start : words[position + length - 1].end]
            forms = self.index.exact.get(fold(surface))
            if forms:
                for index in range(position, position + length):
                    known[index] = forms
                return length
        return 0

    def _key_match(self, text: str, words: list[Token], position: int, phrase: Phrase) -> tuple[NameMatch, int, Form] | None:
        """A run whose comparison key equals an accepted form's key: a transliteration left in the copy."""
        for length in range(min(self.index.max_words, len(words) - position), 0, -1):
            run = words[position : position + length]
            surface = text[run[0].start : run[-1].end]
            folded = fold(surface)
            forms = [f for f in self.index.by_key.get(phrase_key(folded), ()) if f.role in ("name", "surname")]
            if not forms:
                continue
            form = forms[0]
            if length == 1:
                sentence_start = phrase.sentence_start and position == 0
                verdict = self._judge(folded, form, 0, sentence_start)
                if verdict is None:
                    continue
                confidence, reason = verdict
            else:
                confidence, reason = 0.95, f"spelled as in the source language; the key matches {form.text!r}"
            return self._match(run[0].start, run[-1].end, text, form, "garbled", confidence, reason), length, form
        return None

    def _fuzzy_word(self, word: Token, sentence_start: bool) -> tuple[Form, float, str] | None:
        folded = fold(word.text)
        cache_key = f"{folded}|{int(sentence_start)}"
        if cache_key in self._word_cache:
            return self._word_cache[cache_key]
        result = None
        if len(folded) >= MIN_WORD_LENGTH and " " not in folded and word_frequency(folded) < COMMON_WORD_ZIPF:
            best: tuple[float, Form, str] | None = None
            for form, key_distance in self.index.near(spelling_key(folded)):
                verdict = self._judge(folded, form, key_distance, sentence_start)
                if verdict and (best is None or verdict[0] > best[0]):
                    best = (verdict[0], form, verdict[1])
            if best:
                result = (best[1], best[0], best[2])
        self._word_cache[cache_key] = result
        return result

    def _judge(self, folded: str, form: Form, key_distance: int, sentence_start: bool) -> tuple[float, str] | None:
        """Confidence that ``folded`` is a garble of ``form`` (None: it is not)."""
        target = form.folded
        if _derived(folded, target):
            return None
        key, target_key = spelling_key(folded), form.key
        raw_distance = Levenshtein.distance(folded, target)
        similarity = max(
            1 - raw_distance / max(len(folded), len(target)),
            1 - key_distance / max(len(key), len(target_key), 1),
        )
        if key_distance == 0:
            confidence, reason = 0.93, f"spelled as in the source language; reads as {form.text!r}"
        else:
            confidence = similarity
            reason = f"{raw_distance} letter{'s' if raw_distance != 1 else ''} from {form.text!r}"
        if skeleton(key) == skeleton(target_key):
            confidence += 0.08
        elif key[:1] != target_key[:1]:
            confidence -= 0.1
        if len(folded) <= 5 and key_distance > 1:
            confidence -= 0.12  # short names collide by chance (Adam/Aghdam)
        frequency = word_frequency(folded)
        if frequency >= FREQUENT_WORD_ZIPF:
            # An ordinary English word is a garble only in a name's place: capitalised mid-sentence, same key.
            if key_distance > 0 or sentence_start:
                return None
            confidence -= 0.15
        elif frequency >= 2.0 and key_distance > 0:
            confidence -= 0.08
        if form.role == "part":
            confidence -= 0.05
        confidence = min(confidence, 0.99)
        if confidence < self.min_confidence:
            return None
        return confidence, reason

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
                given = _person_parts(fold(form.entry.canonical))[0]
                given_names = {_person_parts(fold(text_))[0] for text_ in form.entry.accepted} - {""}
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
        return NameMatch(start, end, text[start:end], form.entry, kind, suggestion, round(confidence, 3), reason, form.text)


def _joined(text: str, words: list[Token]) -> bool:
    return all(text[a.end : b.start] in (" ", "-", "\u00a0") for a, b in zip(words, words[1:]))


def _derived(word: str, name: str) -> bool:
    """'armenians' from 'armenia', 'turkish' from 'turkey', 'european' from 'europe': a form of the name, not a garble."""
    if word == name:
        return True
    for cut in (0, 1, 2):
        stem = name[: len(name) - cut] if cut else name
        if len(stem) >= 4 and word.startswith(stem) and word[len(stem) :] in DERIVATION_SUFFIXES:
            return True
    return False


def _near_spelling(word: str, name: str) -> bool:
    if len(word) < 4 or word[:1] != name[:1]:
        return False
    distance = Levenshtein.distance(spelling_key(word), spelling_key(name))
    return distance <= (1 if len(name) <= 5 else 2)
