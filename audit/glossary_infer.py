"""Flat glossaries: what an entry without a type most likely is, and which standalone surname belongs
to which person.

A desk's glossary is often a plain list of names ("Stepanakert", "Nikol Pashinyan", "Tovuz",
"Ihor Terekhov", "Terekhov"). The matcher treats people and places differently (a person's given name
and surname are checked separately; a place's other names are kept), so a type is inferred where none
is declared, from the name's own shape and the lexicon of world names:

* organisation or publication: a word such as Agency, Ministry, Party, Council (organisation) or News,
  Times, Gazette, Radio (publication), or an acronym (OSCE, SOCAR);
* place: a name the lexicon knows as a country, region or place; a place word (Lake, River, Region);
  a place-name ending (-kert, -abad, -kend, -dzor, -grad, -pol, -stan...);
* person: two or more words, the first a given name the lexicon knows (Ihor, Nikol, Maria) or the
  last shaped like a family name (-yan, -ov, -enko, -shvili, -adze, -oglu...);
* otherwise the type stays unknown ("other"), as a declared "other" would.

Inferred types are marked (``Entry.type_inferred``) so messages can say the type was guessed.

Pure functions over names and entries; the glossary loader calls them.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from . import lexicon
from .text import fold

if TYPE_CHECKING:
    from .glossary import Entry

ORGANIZATION_WORDS = frozenset(
    """agency ministry ministries party council committee commission bank union organization organisation
    office service services company corporation corp group association federation institute university
    court parliament assembly fund foundation army forces police guard front movement church club
    authority administration department bureau government cabinet coalition alliance league
    inc ltd llc plc ag gmbh sa airlines airways railways oil gas energy holding holdings
    brigade battalion regiment command centre center""".split()
)
PUBLICATION_WORDS = frozenset(
    """news press times gazette gazeta journal herald tribune post daily weekly magazine radio tv
    television channel broadcasting media zeitung pravda vedomosti novosti agentur""".split()
)
PLACE_WORDS = frozenset(
    """lake river sea mount mountain mountains valley region province oblast district republic island
    islands gulf strait corridor city village town county bay peninsula desert plain plateau reservoir
    canal pass airport port""".split()
)
PLACE_ENDINGS = (
    "kert", "abad", "kend", "kand", "dzor", "grad", "gorod", "pol", "polis", "stan", "burg", "shahr",
    "ovka", "ivka", "evka", "yurt", "dagh", "chay", "hovit", "avan", "ashen", "berd", "sk",
)
SURNAME_ENDINGS = (
    "yan", "ian", "ov", "ova", "ev", "eva", "yev", "yeva", "enko", "shvili", "adze", "idze", "uri",
    "oglu", "zadeh", "zade", "sky", "skiy", "skyi", "ski", "ska", "vich", "ovic", "evic", "yuk", "chuk",
)
ARTICLES = frozenset("the le la les el al der die das de di del".split())  # "Le Monde", "Al Jazeera": no given name
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,6}$")


def _surname_shaped(word: str) -> bool:
    return len(word) > 4 and word.endswith(SURNAME_ENDINGS)


def infer_type(name: str) -> str | None:
    """The most likely type of a glossary name without one: "organization", "publication", "place",
    "person", or None when nothing says."""
    words = fold(name).split()
    if not words:
        return None
    if _ACRONYM.match(name.strip()):
        return "organization"
    vocabulary = set(words)
    if not vocabulary.isdisjoint(PUBLICATION_WORDS):
        return "publication"
    if not vocabulary.isdisjoint(ORGANIZATION_WORDS):
        return "organization"
    if not vocabulary.isdisjoint(PLACE_WORDS):
        return "place"
    if len(words) > 1 and words[0] not in ARTICLES and (lexicon.is_given_name(words[0]) or _surname_shaped(words[-1])):
        if not lexicon.is_place(name, min_bucket=5):  # "Santa Cruz", "Georgetown": a known big place
            return "person"
    if lexicon.is_place(name):
        return "place"
    if words[-1].endswith(PLACE_ENDINGS) and len(words[-1]) > 4:
        return "place"
    return None


def link_surnames(entries: list[Entry]) -> list[Entry]:
    """Entries with each standalone surname of undeclared type ("Terekhov") merged into the first person
    whose canonical ends in it ("Ihor Terekhov"), as an accepted variant, as a typed glossary lists it.
    The person's note records the merge; entries that match no person are kept as they are."""
    people: dict[str, int] = {}
    for index, entry in enumerate(entries):
        words = fold(entry.canonical).split()
        if entry.type == "person" and len(words) > 1:
            people.setdefault(words[-1], index)
    if not people:
        return entries
    merged: dict[int, list[Entry]] = {}
    kept: list[int] = []
    for index, entry in enumerate(entries):
        folded = fold(entry.canonical)
        owner = people.get(folded) if " " not in folded else None
        linkable = not entry.avoid and (entry.type_inferred or entry.type in ("other", "person"))
        if owner is not None and owner != index and linkable and not _declared_non_person(entry):
            merged.setdefault(owner, []).append(entry)
        else:
            kept.append(index)
    result = []
    for index in kept:
        entry = entries[index]
        for surname in merged.get(index, ()):
            entry = _with_surname(entry, surname)
        result.append(entry)
    return result


def _declared_non_person(entry: Entry) -> bool:
    """A standalone name the glossary itself types as something else (a place "Lachin") is no surname."""
    return not entry.type_inferred and entry.type not in ("other", "person")


def _with_surname(person: Entry, surname: Entry) -> Entry:
    spelled = {form.casefold() for form in person.accepted}
    variants = person.variants + tuple(form for form in surname.accepted if form.casefold() not in spelled)
    link = f"surname entry {surname.canonical!r} ({surname.source}) merged"
    note = f"{person.note}; {link}" if person.note else link
    forms = person.forms + tuple(pair for pair in surname.forms if pair not in person.forms)  # source-language spellings
    return replace(person, variants=variants, note=note, forms=forms)
