"""The glossary arranged for lookups: every form an entry can appear in, exact spellings, comparison keys,
and fuzzy targets blocked by first letter and length."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from typing import Literal, NamedTuple

from mypy_extensions import mypyc_attr

from ..gc_pause import paused_gc
from ..glossary import Entry, Glossary
from ..text import fold, phrase_key, spelling_key, spelling_keys, word_frequency
from ..text.frequency import COMMON_WORD_ZIPF, common_in_some_language
from .given_names import is_person, person_parts
from .targets import FuzzyTargets, Hits, merged
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
        self.max_words = 1
        self.first_words: set[str] = set()  # first folded word of every accepted form
        self.multi_first_words: set[str] = set()  # ... of every accepted form of two words or more
        # A glossary file of a gazetteer's size (as many entries as Matcher's crowding counts fuzzy targets from),
        # and its places' ordinary words, targets only beside another word of their name (_ordinary_place_word).
        sizes = Counter(entry.source_file for entry in glossary.entries)
        self._gazetteers = {source for source, size in sizes.items() if size >= CROWDING_FROM}
        keys_by_source: dict[str, set[str]] = {}  # each glossary file's fuzzy targets' keys (Matcher's crowding)
        # Fuzzy targets, a gazetteer file's apart from the other files' (audit/matching/targets.py), by group.
        targets: dict[str, FuzzyTargets] = {}
        self._beside_only: dict[str, set[str]] = {}  # folded word -> canonical forms of the entries it is such a word of
        with paused_gc():
            # Every word's comparison key, worked out in bulk before the entries need them one by one.
            spelling_keys(word for entry in glossary.entries for text in entry.accepted for word in fold(text).split())
            for entry in glossary.entries:
                for form in self._forms_of(entry):
                    if self._add(form, targets):
                        keys_by_source.setdefault(entry.source_file, set()).add(form.key)
            for group in targets.values():
                group.finish()
            self._groups = [targets[group] for group in sorted(targets)]  # the desk's ("") first
            # The desk's own targets, beside a gazetteer's (else None: there is nothing to look up apart).
            self._desk: FuzzyTargets | None = targets.get("") if self._gazetteers else None
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
            # A demonym or inflection the glossary lists (Azerbaijani of Azerbaijan) is a word of its own: a garble
            # of it (Azerbaidjani) is corrected to it, not to the country's name.
            word_form = text != canonical and derived(folded, canonical_folded)
            # ("Armenian" is such a form of Armenia, not its other name.)
            is_other_name = entry.type == "place" and text != canonical and key != canonical_key and not word_form
            forms.append(Form(text, entry, "name", text if is_other_name or word_form else canonical, folded, key))
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

    def _add(self, form: Form, targets: dict[str, FuzzyTargets]) -> bool:
        """Index the form (a fuzzy target in ``targets``, by group); whether it is a fuzzy target."""
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
        source = form.entry.source_file
        group = source if source in self._gazetteers else ""
        found = targets.get(group)
        if found is None:
            found = targets[group] = FuzzyTargets()
        found.add(form)
        return True

    @property
    def batches(self) -> bool:
        """Do lookups gain by being made many at a time (``near_many``)? Yes if a group of targets is big enough."""
        return any(group.batches for group in self._groups)

    @property
    def desk_beside_gazetteer(self) -> bool:
        """Has the glossary a gazetteer's file and other files beside it (whose names are looked up apart)?"""
        return self._desk is not None

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

    def near(self, key: str) -> Hits:
        """Fuzzy targets whose key is within a few edits of ``key`` (FuzzyTargets.near), a gazetteer's apart
        from the desk's, the desk's first among equals."""
        return merged([group.near(key) for group in self._groups])

    def near_desk(self, key: str) -> Hits:
        """``near(key)`` among the targets of the files that are no gazetteer, beside a gazetteer (else none)."""
        return self._desk.near(key) if self._desk is not None else []

    def checked_for_desk(self, forms: list[Form]) -> bool:
        """Is a word the glossary spells right (``forms``: its forms) still compared with the desk's names? Yes
        if they are all a gazetteer's one-word names, beside a desk's glossary (``near_desk``): a town of the
        same spelling somewhere in the world does not make it right where a desk's name is meant (Melnik, a
        Czech town, for the diplomat Melnyk), and without the gazetteer the desk's names would be weighed."""
        return self.desk_beside_gazetteer and all(
            form.entry.source_file in self._gazetteers and " " not in form.folded for form in forms)

    def near_many(self, keys: Iterable[str]) -> dict[str, Hits]:
        """``near`` of every key, the same answers, worked out together (audit/matching/batch_lookup.py):
        a few times faster than one search a key on a big glossary. A group too small to gain by it (a desk's
        names beside a gazetteer) is searched a key at a time."""
        keys = list(dict.fromkeys(keys))
        answers = [group.near_many(keys) if group.batches else {key: group.near(key) for key in keys} for group in self._groups]
        return {key: merged([answer[key] for answer in answers]) for key in keys}

    def same_key_forms(self, key: str) -> list[Form]:
        """The fuzzy targets whose key is ``key``: what ``near(key)`` gives at distance 0, without the search."""
        if len(self._groups) == 1:
            return self._groups[0].same_key_forms(key)
        return [form for group in self._groups for form in group.same_key_forms(key)]

    def complete(self, batched: bool) -> None:
        """Build now the tables lookups build when first asked (the index is about to be kept on disk:
        audit/context_cache.py): the prefixes and second words of the forms, and with ``batched`` the
        batched lookups' arrays."""
        self.second_words("")  # and name_prefixes, which it reads
        if batched:
            for group in self._groups:
                if group.batches:
                    group.complete()


# Endings of East Slavic patronymics (Stepanovych, Sergeyevich, Ivanovna).
PATRONYMIC_ENDINGS = ("ovych", "evych", "ovich", "evich", "yich", "ovna", "evna", "ivna", "yivna")


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

