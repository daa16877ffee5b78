"""The glossary arranged for lookups: every form an entry can appear in, exact spellings, comparison keys,
and fuzzy targets blocked by first letter and length."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from typing import Literal, NamedTuple

from mypy_extensions import mypyc_attr
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from ..gc_pause import paused_gc
from ..glossary import Entry, Glossary
from ..text import fold, phrase_key, spelling_key, spelling_keys, word_frequency
from ..text.frequency import COMMON_WORD_ZIPF, common_in_some_language
from . import batch_lookup
from .batch_lookup import MAX_FORMS, PER_BLOCK
from .given_names import is_person, person_parts
from .weights import CROWDING_FROM, DISTINCTIVE_ZIPF, MIN_WORD_LENGTH
from .wordforms import derived

# A form is a whole accepted name, a person's surname or given name, or a word of a longer name.
FormRole = Literal["name", "surname", "given", "part"]


class Form(NamedTuple):  # a tuple: a big glossary makes hundreds of thousands of these
    """One way a glossary entry can appear: a full accepted form, a person's surname, or a word of a longer name."""

    text: str
    entry: Entry
    role: FormRole
    house: str  # what to suggest when this form is garbled: the canonical form, or its matching part
    folded: str
    key: str



@mypyc_attr(serializable=True, allow_interpreted_subclasses=True)
class NameIndex:
    """The glossary arranged for lookups: exact forms, comparison keys, and fuzzy targets by first letter."""

    def __init__(self, glossary: Glossary) -> None:
        self.exact: dict[str, list[Form]] = {}
        self._names_spelled: dict[str, list[Form]] = {}  # worked out from ``exact`` when first asked
        self._entries_named: dict[str, frozenset[str]] = {}  # likewise
        self._name_prefixes: set[str] | None = None  # likewise
        self._second_words: dict[str, frozenset[str]] | None = None  # likewise
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
        # A glossary file of a gazetteer's size (as many entries as Matcher's crowding counts fuzzy targets from),
        # and its places' ordinary words, targets only beside another word of their name (_ordinary_place_word).
        sizes = Counter(entry.source_file for entry in glossary.entries)
        self._gazetteers = {source for source, size in sizes.items() if size >= CROWDING_FROM}
        keys_by_source: dict[str, set[str]] = {}  # each glossary file's fuzzy targets' keys (Matcher's crowding)
        self._beside_only: dict[str, set[str]] = {}  # folded word -> canonical forms of the entries it is such a word of
        with paused_gc():
            # Every word's comparison key, worked out in bulk before the entries need them one by one.
            spelling_keys(word for entry in glossary.entries for text in entry.accepted for word in fold(text).split())
            for entry in glossary.entries:
                for form in self._forms_of(entry):
                    if self._add(form):
                        keys_by_source.setdefault(entry.source_file, set()).add(form.key)
            self._by_first = _runs_by_first_letter(self._fuzzy_keys)
            self._batch_tables: dict[str, batch_lookup.RunTables] | None = None  # made by the first near_many
            self._fuzzy_keys = {}  # read from _by_first from now on
            self.targets_by_source = {source: len(keys) for source, keys in keys_by_source.items()}

    def _forms_of(self, entry: Entry) -> list[Form]:
        forms = []
        canonical = entry.canonical
        canonical_folded = fold(canonical)
        canonical_key = phrase_key(canonical_folded)
        canonical_given, canonical_surname = person_parts(canonical_folded)
        canonical_words = _words_by_fold(canonical)
        person = is_person(entry)
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
                if person and canonical_given:
                    # "Pashinian" alone is this person's surname: the given name before it is checked too.
                    house = _house_part(canonical, canonical_surname)
                    forms.append(Form(text, entry, "surname", house, folded, key))
                continue
            words = _words_by_fold(text)
            if person:
                given, surname = person_parts(folded)
                house = _house_part(canonical, canonical_surname) if canonical_given else canonical
                shown = _house_part(text, surname)
                forms.append(Form(shown, entry, "surname", house, surname, phrase_key(surname)))
                for word in given.split():
                    # A patronymic (Stepanovych) is as distinctive as a surname: a fuzzy target of its own.
                    role: FormRole = "part" if word.endswith(PATRONYMIC_ENDINGS) else "given"
                    house = canonical_words.get(word, canonical) if role == "part" else canonical
                    forms.append(Form(words.get(word, text), entry, role, house, word, spelling_key(word)))
            else:
                for word in folded.split():
                    # A word alone is written with its capital (Tsuma of Shimo-tsuma): a garble of it always has one.
                    house = _capitalised(canonical_words.get(word, canonical))
                    forms.append(Form(words.get(word, text), entry, "part", house, word, spelling_key(word)))
        return forms

    def _add(self, form: Form) -> bool:
        """Index the form; whether it is a fuzzy target."""
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
            return False
        if not target or (role == "part" and word_frequency(folded) >= DISTINCTIVE_ZIPF):
            return False
        if role == "part" and form.entry.source_file in self._gazetteers and _ordinary_place_word(form):
            self._beside_only.setdefault(folded, set()).add(form.entry.canonical)
        position = self._fuzzy_position.get(key)
        if position is None:
            block = (key[:1], len(key))
            keys = self._fuzzy_keys.setdefault(block, [])
            position = self._fuzzy_position[key] = len(keys)
            keys.append(key)
            self._fuzzy_forms.setdefault(block, []).append([form])
        else:
            self._fuzzy_forms[(key[:1], len(key))][position].append(form)
        return True

    @property
    def fuzzy_target_count(self) -> int:
        """How many distinct comparison keys fuzzy lookups search."""
        return len(self._fuzzy_position)

    def names_spelled(self, folded: str) -> list[Form]:
        """The whole accepted forms spelled ``folded`` (no surnames, given names or parts alone)."""
        forms = self._names_spelled.get(folded)
        if forms is None:
            if folded not in self.exact:
                return []  # kept only for spellings the glossary has: the table stays as small as the index
            forms = self._names_spelled[folded] = [f for f in self.exact[folded] if f.role == "name"]
        return forms

    @property
    def name_prefixes(self) -> set[str]:
        """Every run of whole words that opens a whole accepted form ("the", "the hague"; and ""), forms included:
        a run of the copy that folds to none of them opens no form, however many words follow it."""
        if self._name_prefixes is None:
            prefixes = {""}
            for folded, forms in self.exact.items():
                if any(form.role == "name" for form in forms):
                    words = folded.split(" ")
                    prefixes.update(" ".join(words[:count]) for count in range(1, len(words) + 1))
            self._name_prefixes = prefixes
        return self._name_prefixes

    def second_words(self, first: str) -> frozenset[str]:
        """The words that follow ``first`` in the whole accepted forms it opens ("hague" after "the")."""
        if self._second_words is None:
            following: dict[str, set[str]] = {}
            for prefix in self.name_prefixes:
                words = prefix.split(" ", 2)
                if len(words) > 1:
                    following.setdefault(words[0], set()).add(words[1])
            self._second_words = {word: frozenset(seconds) for word, seconds in following.items()}
        return self._second_words.get(first, frozenset())

    def entries_named(self, folded: str, spelled: str) -> frozenset[str]:
        """Canonical forms of the entries that ``folded``, spelled exactly, names (a given name alone names nobody).
        ``spelled`` is how the copy writes it: an ordinary English word names only the entries that write it so,
        case aside (the word "Bank" is no mention of the Indian town Bānk; a gazetteer holds such names by the
        thousand)."""
        entries = self._entries_named.get(folded)
        if entries is None:
            entries = self._entries_named[folded] = self._naming(folded)
        if not entries or " " in folded or word_frequency(folded) < COMMON_WORD_ZIPF:
            return entries
        return self._naming(folded, spelled.casefold())

    def _naming(self, folded: str, written: str | None = None) -> frozenset[str]:
        return frozenset(f.entry.canonical for f in self.exact.get(folded, ())
                         if f.role != "given" and (written is None or f.text.casefold() == written))

    def stray(self, form: Form, known: list[list[Form] | None], position: int) -> bool:
        """Is ``form`` a gazetteer place's ordinary word (see _ordinary_place_word) with no other word of its
        name beside it? ``known``: the forms each word of the phrase spells right, ``position``: the word's."""
        entries = self._beside_only.get(form.folded)  # asked of every candidate the walk weighs: no tuple built
        if entries is None or form.entry.canonical not in entries:
            return False
        around = [known[at] for at in (position - 1, position + 1) if 0 <= at < len(known)]
        return not any(other.entry.canonical == form.entry.canonical for forms in around if forms for other in forms)

    def near(self, key: str) -> list[tuple[Form, int]]:
        """Fuzzy targets whose key is within a few edits of ``key``: a first letter that is the same or
        one romanisation writes for the other (Chamenei/Khamenei, Selenskyj/Zelensky), near length."""
        limit = _limit(key)
        found: list[tuple[int, str, Form]] = []
        for first in _first_letters(key):
            run = self._by_first.get(first)
            span = _span(run, key) if run is not None else None
            if run is None or span is None:
                continue
            # The blocks of every length in reach lie one after another: one call searches them all.
            hits = process.extract(key, run[0][span[0] : span[1]], scorer=Levenshtein.distance, score_cutoff=limit,
                                   limit=None)
            self._collect(found, first, span[0], ((index, distance) for _, distance, index in hits))
        return _nearest(found)

    def complete(self, batched: bool) -> None:
        """Build now the tables lookups build when first asked (the index is about to be kept on disk:
        audit/context_cache.py): the prefixes and second words of the forms, and with ``batched`` the
        batched lookups' arrays."""
        self.second_words("")  # and name_prefixes, which it reads
        if batched and self._batch_tables is None:
            self._batch_tables = batch_lookup.run_tables(self)

    def same_key_forms(self, key: str) -> list[Form]:
        """The fuzzy targets whose key is ``key``: what ``near(key)`` gives at distance 0, without the search."""
        position = self._fuzzy_position.get(key)
        if position is None:
            return []
        return self._fuzzy_forms[(key[:1], len(key))][position][:MAX_FORMS]

    def near_many(self, keys: Iterable[str]) -> dict[str, list[tuple[Form, int]]]:
        """``near`` of every key, the same answers, worked out together (audit/matching/batch_lookup.py):
        a few times faster than one search a key on a big glossary."""
        if self._batch_tables is None:
            self._batch_tables = batch_lookup.run_tables(self)
        return batch_lookup.near_many(self, self._batch_tables, keys)

    def runs(self) -> dict[str, Run]:
        """The fuzzy keys by first letter (see Run)."""
        return self._by_first

    def run_forms(self, first: str) -> list[list[Form]]:
        """The forms of each key of a first letter's run, in the run's order."""
        _, _, lengths, positions = self._by_first[first]
        blocks = self._fuzzy_forms
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
            found.extend((distance, form.key, form) for form in self._fuzzy_forms[(first, length)][positions[start + index]])


def _limit(key: str) -> int:
    """How many edits a fuzzy target's key may be from ``key``."""
    return max(2, round(len(key) * 0.4))


def _first_letters(key: str) -> str:
    return key[:1] + FIRST_LETTER_ALTERNATES.get(key[:1], "")


def _span(run: Run, key: str) -> tuple[int, int] | None:
    """Where the keys of the lengths within reach of ``key`` lie in a run (None: there are none)."""
    return _span_of(run[1], key)


def _span_of(starts: list[int], key: str) -> tuple[int, int] | None:
    """``_span`` from where each length starts in the run."""
    limit = _limit(key)
    last = len(starts) - 1
    low, high = starts[min(max(1, len(key) - limit), last)], starts[min(len(key) + limit + 1, last)]
    return (low, high) if low < high else None


def _nearest(found: list[tuple[int, str, Form]]) -> list[tuple[Form, int]]:
    found.sort(key=lambda hit: (hit[0], hit[1]))
    return [(form, distance) for distance, _, form in found[:MAX_FORMS]]


# A first letter's fuzzy keys, every block of it one after another by length: the keys, where each
# length starts (index = length; one past the longest at the end), and each key's length and position
# in its block.
Run = tuple[list[str], list[int], list[int], list[int]]


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


# Endings of East Slavic patronymics (Stepanovych, Sergeyevich, Ivanovna).
PATRONYMIC_ENDINGS = ("ovych", "evych", "ovich", "evich", "yich", "ovna", "evna", "ivna", "yivna")


# First letters of comparison keys (audit/text/keys.py) that romanisations write for one another: German
# and Polish ch (key "k") for kh (key "h"), German s for z, Turkish c for j (key "y"), an initial vowel
# shifted (Adisha/Edisha), Azerbaijani x for kh. Not Russian g for h: Gadrut for Hadrut is a Russian
# spelling desks accept, and the big places' Russian forms (Gorlovka) come from the GeoNames table.
FIRST_LETTER_ALTERNATES = {
    "k": "h", "h": "kx", "x": "hk", "s": "z", "z": "s", "c": "y", "y": "cie",
    "a": "eo", "o": "a", "e": "aiy", "i": "ey",
}


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


def _capitalised(word: str) -> str:
    return word[:1].upper() + word[1:] if word[:1].islower() else word


def _ordinary_place_word(part: Form) -> bool:
    """Is this word of a gazetteer place's name (CROWDING_FROM entries or more) an ordinary word of some
    language wordfreq reads plainly? A gazetteer's names are built of them (Agua, Alta, Novo, Casale: 1,900
    of the 11,248 such words of 50,000 GeoNames names), and a near spelling of one alone in English copy is
    most often the same word in a neighbouring language (Boerse, German Börse, for Bourse of Paris 02
    Bourse): such a word is a target only beside another word of its name (Porto Allegre). A desk
    glossary's words are all targets (and its index, built on every scan, does not read 24 languages'
    lists); other names keep such words (Gawad of Shaaban Abdel Gawad is also a Filipino word)."""
    return part.entry.type == "place" and common_in_some_language(part.text)


def _target(form: Form) -> bool:
    """Usable as a fuzzy target: long enough and not an acronym."""
    return len(form.folded.replace(" ", "")) >= MIN_WORD_LENGTH and not form.text.isupper()

