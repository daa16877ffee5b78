"""The world's towns and countries and their other spellings (audit/data/place_names.tsv, from GeoNames).

Two questions the matcher asks:

* ``other_spellings(names)``: the spellings other languages and older usage give a glossary place
  ("kiew", "kijow", "kiev" for Kyiv; "tiflis" for Tbilisi). Found in the copy, they are that place
  written the wrong way, whatever English word frequency says about them.
* ``is_place(folded)``: is this the name of a town or a country? Then a near spelling of some other
  glossary name is that real place, not a garble ("Cameroon" is not a garbled "Cameron").

Everything is folded text (audit.text.fold). The table is read once, when first asked.
"""
from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from .text import DataFileError

# A town smaller than this is too little known to make a near spelling of a glossary name "a real
# place" (a garble can collide with a small town somewhere).
KNOWN_PLACE_POPULATION = 100_000


class Place(NamedTuple):
    population: int
    name: str  # as GeoNames writes it
    folded: str
    spellings: tuple[str, ...]  # other spellings, folded


class PlaceTable:
    def __init__(self, places: list[Place]) -> None:
        self._places = places
        self._by_spelling: dict[str, int] = {}  # folded name or other spelling -> the biggest such place
        self._by_name: dict[str, int] = {}  # folded name -> the biggest place so named
        for index, place in enumerate(places):  # biggest first
            self._by_name.setdefault(place.folded, index)
            self._by_spelling.setdefault(place.folded, index)
            for spelling in place.spellings:
                self._by_spelling.setdefault(spelling, index)

    def other_spellings(self, folded_names: Iterable[str]) -> tuple[str, ...]:
        """Other spellings of the biggest place one of ``folded_names`` names (its own name included)."""
        found = [self._by_spelling[name] for name in folded_names if name in self._by_spelling]
        if not found:
            return ()
        place = self._places[min(found)]
        return (place.folded, *place.spellings)

    def is_place(self, folded: str) -> bool:
        """Is ``folded`` the name of a country or of a well-known town?"""
        index = self._by_name.get(folded)
        return index is not None and self._places[index].population >= KNOWN_PLACE_POPULATION


def parse(text: str, path: str = "audit/data/place_names.tsv") -> PlaceTable:
    """Read the table (biggest place first); DataFileError names the file and line of a bad row."""
    places = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line or line.startswith("#"):
            continue
        try:
            population, name, folded, spellings = line.split("\t")
            places.append(Place(int(population), name, folded, tuple(spellings.split("|")) if spellings else ()))
        except ValueError:
            raise DataFileError(f"{path}:{number}: expected population, name, folded name and spellings") from None
    return PlaceTable(places)


@lru_cache(maxsize=1)
def default_places() -> PlaceTable:
    return parse(resources.files("audit.data").joinpath("place_names.tsv").read_text(encoding="utf-8"))
