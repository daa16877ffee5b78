"""Given names: which words are given names, which are one name in several languages, and the given
names of a glossary person."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

from ..glossary import Entry
from ..text import PARTICLES, DataFileError, fold, toml_tables


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

