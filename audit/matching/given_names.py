"""Given names: which words are given names, which are one name in several languages, and the given
names of a glossary person."""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from mypy_extensions import mypyc_attr

from ..glossary import Entry
from ..text import PARTICLES, DataFileError, fold, toml_tables
from .wordforms import near_spelling

if TYPE_CHECKING:  # the index builds its forms with this module's help
    from .index import Form


# Titles that stand only before a person's name, spelled as they are written (not "St": a saint names
# places; not "DR" of DR Congo): the word after one is a person's name (Mr Morchio), never a garbled place.
PERSONAL_TITLES = frozenset(
    "Mr Mrs Ms Miss Mx Dr Prof Sir Dame Mme Mlle Herr Frau Monsieur Madame Messrs".split()
)


# A title, with or without its full stop, and the space before the word that follows it.
_TITLE_BEFORE = re.compile(rf"(?<!\w)(?:{'|'.join(sorted(PERSONAL_TITLES))})\.?[ \u00a0]+\Z")


def after_personal_title(text: str, start: int) -> bool:
    """Does a personal title stand right before the word at ``start`` ("Mr Morchio", "Dr. Morchio")?"""
    return _TITLE_BEFORE.search(text, max(0, start - 16), start) is not None


@mypyc_attr(serializable=True, allow_interpreted_subclasses=True)
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
def is_person(entry: Entry) -> bool:
    """A person: typed so, or an untyped name of two words or more that opens with a known given name.

    Desks often write flat glossaries ("Ihor Terekhov" with no type); the surname and given-name checks
    must work for them too.
    """
    if entry.type == "person":
        return True
    if entry.type != "other":
        return False
    words = fold(entry.canonical).split()
    return len(words) >= 2 and default_given_names().known(words[0])


@lru_cache(maxsize=100_000)
def given_names_of(entry: Entry) -> tuple[str, frozenset[str]]:
    """The canonical form's folded given names, and those of every accepted form (computed once per entry)."""
    canonical_given = person_parts(fold(entry.canonical))[0]
    return canonical_given, frozenset(person_parts(fold(text))[0] for text in entry.accepted) - {""}


def person_parts(folded: str) -> tuple[str, str]:
    """(given names, surname) of a folded person name; particles stay with the surname ("di stefano")."""
    words = folded.split()
    if len(words) < 2:
        return "", folded
    cut = len(words) - 1
    while cut > 1 and words[cut - 1] in PARTICLES:
        cut -= 1
    return " ".join(words[:cut]), " ".join(words[cut:])


def same_given_name(word: str, entry: Entry, given_names: GivenNames) -> bool:
    """Is ``word`` the entry's given name, a cognate of it, or a near spelling of it?"""
    folded = fold(word)
    return any(
        folded == given or given_names.cognates(folded, given) or near_spelling(folded, given)
        for names in given_names_of(entry)[1]
        for given in names.split()
    )


def open_for_given_name(before: list[Form] | None, surname_forms: list[Form]) -> bool:
    """Can the word before a surname be checked as its given name? Yes if the glossary does not know it, or
    knows it only as some other person's given name or as a place's name: "Igor" is Igor Konashenkov's own
    given name, and still the Russian form of Ihor before Klymenko; "Vladimir", a town in a gazetteer, is
    still the Russian form of Volodymyr before Zelensky."""
    if before is None:
        return True
    entries = {form.entry for form in surname_forms}
    return all((form.role == "given" or form.entry.type == "place") and form.entry not in entries for form in before)


def given_name_to_check(known: list[list[Form] | None]) -> bool:
    """Does a glossary surname follow a word the glossary knows only as other people's given name?"""
    for before, forms in zip(known, known[1:]):
        surnames = [form for form in forms or () if form.role == "surname"]
        if surnames and before is not None and open_for_given_name(before, surnames):
            return True
    return False
