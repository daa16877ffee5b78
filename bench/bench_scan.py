#!/usr/bin/env python3
"""Benchmark: a big glossary and megabytes of copy through the library, on one core.

Generates, from a fixed seed, a glossary of N invented but realistic names (multi-syllable person,
place and organisation names in the shapes of South Caucasus, Slavic and Turkic names; some with
accepted variants) and about M megabytes of English-like news text that mentions them, a few percent
garbled the way translation engines garble names. Then it times, in one process on one core:

  load    audit.glossary.load_glossary on the generated TOML file
  index   audit.engine.build_context (the Matcher and its NameIndex)
  scan    audit.engine.scan over the generated articles (reading, every enabled check, sorting)

and prints names, megabytes, seconds, findings (and how many planted garbles were found), and peak
memory (the process's maximum resident set size; --tracemalloc adds Python's own peak, slower).

    .venv/bin/python bench/bench_scan.py                       # 50,000 names, 5 MB
    .venv/bin/python bench/bench_scan.py --names 5000 --megabytes 1
    .venv/bin/python bench/bench_scan.py --select AUD101,AUD102 --profile 30

The target: load + index + scan under 10 s for 50,000 names and 5 MB.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import random
import resource
import shutil
import string
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

# Runs from a checkout without installing: the repository root goes first on the path.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from audit.config import Settings  # noqa: E402
from audit.engine import build_context, scan  # noqa: E402
from audit.gc_pause import paused_gc  # noqa: E402
from audit.glossary import load_glossary  # noqa: E402

# -- names -----------------------------------------------------------------------------------------
ONSETS = ["b", "v", "g", "d", "z", "k", "l", "m", "n", "p", "r", "s", "t", "kh", "ts", "ch", "sh", "zh", "gh",
          "h", "y", "dz", "j", "f", "", "", "", "r", "s", "t", "m", "n", "k", "v"]
VOWELS = ["a", "a", "a", "e", "e", "i", "i", "o", "o", "u", "ya", "ie"]
CODAS = ["", "", "", "", "n", "r", "k", "sh", "m", "t", "v", "l", "z", "s", "g", "rt", "nd"]
SURNAME_ENDINGS = ["yan", "yan", "yan", "ov", "ova", "ev", "yev", "eva", "shvili", "adze", "enko", "sky", "ovic",
                   "oglu", "li", "zade", "iani", "uk", "ayev", "anov"]
PLACE_ENDINGS = ["kert", "abad", "shen", "kend", "li", "dzor", "grad", "avan", "ovka", "ly", "ashat", "ur", "ino",
                 "ovo", "ska", "evo", "an", "ar", "", "", ""]
ORG_WORDS = ["Agency", "Group", "Bank", "Holding", "Press", "Foundation", "Institute", "Media", "Union", "Party"]
PLACE_PREFIXES = ["Upper", "Lower", "New", "Old", "Great", "Little"]


def syllables(rng: random.Random, low: int, high: int) -> str:
    word = ""
    for index in range(rng.randint(low, high)):
        onset = rng.choice(ONSETS)
        if index and not onset:
            onset = rng.choice(["l", "m", "n", "r", "s", "t", "v"])
        word += onset + rng.choice(VOWELS) + (rng.choice(CODAS) if rng.random() < 0.35 else "")
    return word


def capital(word: str) -> str:
    return word[:1].upper() + word[1:]


def variant_of(rng: random.Random, name: str) -> str | None:
    """Another accepted transliteration: yan/ian, kh/h, y/i, ev/yev."""
    swaps = [("yan", "ian"), ("kh", "h"), ("yev", "ev"), ("ya", "ia"), ("ch", "tch"), ("zh", "j")]
    rng.shuffle(swaps)
    for old, new in swaps:
        if old in name:
            return name.replace(old, new, 1)
    return None


def make_glossary(rng: random.Random, count: int) -> list[dict]:
    """``count`` distinct entries: about 55% people, 38% places, 7% organisations."""
    given_pool = sorted({capital(syllables(rng, 2, 3)) for _ in range(3000)})
    entries: list[dict] = []
    taken: set[str] = set()
    surnames_seen: set[str] = set()

    def fresh(text: str) -> bool:
        key = text.casefold()
        if key in taken or len(text) < 4:
            return False
        taken.add(key)
        return True

    while len(entries) < count:
        roll = rng.random()
        if roll < 0.55:
            surname = capital(syllables(rng, 1, 3) + rng.choice(SURNAME_ENDINGS))
            canonical = f"{rng.choice(given_pool)} {surname}"
            if not fresh(canonical):
                continue
            variants = []
            if surname not in surnames_seen and rng.random() < 0.6 and fresh(surname):
                variants.append(surname)
            surnames_seen.add(surname)
            other = variant_of(rng, canonical)
            if other and rng.random() < 0.3 and fresh(other):
                variants.append(other)
            entries.append({"canonical": canonical, "type": "person", "variants": variants})
        elif roll < 0.93:
            base = capital(syllables(rng, 2, 3) + rng.choice(PLACE_ENDINGS))
            canonical = f"{rng.choice(PLACE_PREFIXES)} {base}" if rng.random() < 0.08 else base
            if not fresh(canonical):
                continue
            variants = []
            other = variant_of(rng, canonical)
            if other and rng.random() < 0.25 and fresh(other):
                variants.append(other)
            if rng.random() < 0.05:
                second = capital(syllables(rng, 2, 3) + rng.choice(PLACE_ENDINGS))
                if fresh(second):
                    variants.append(second)
            entries.append({"canonical": canonical, "type": "place", "variants": variants})
        else:
            canonical = f"{capital(syllables(rng, 2, 3))} {rng.choice(ORG_WORDS)}"
            if not fresh(canonical):
                continue
            entries.append({"canonical": canonical, "type": "organization", "variants": []})
    return entries


def write_toml(entries: list[dict], path: Path) -> None:
    def quoted(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

    with path.open("w", encoding="utf-8") as out:
        out.write('[glossary]\nname = "benchmark"\n\n')
        for entry in entries:
            out.write(f"[[entry]]\ncanonical = {quoted(entry['canonical'])}\ntype = \"{entry['type']}\"\n")
            if entry["variants"]:
                out.write("variants = [" + ", ".join(quoted(v) for v in entry["variants"]) + "]\n")
            out.write("\n")


# -- garbles ---------------------------------------------------------------------------------------
GERMAN = [("sh", "sch"), ("ch", "tsch"), ("v", "w"), ("y", "j"), ("zh", "sch"), ("j", "dsch")]


def garble(rng: random.Random, word: str) -> str:
    """One garble a translation engine or a tired typist produces: a source-language spelling, a
    changed vowel, a dropped, doubled or swapped letter."""
    lower = word.lower()
    for _ in range(10):
        kind = rng.random()
        if kind < 0.3:
            old, new = rng.choice(GERMAN)
            if old not in lower:
                continue
            out = lower.replace(old, new, 1)
        elif kind < 0.6:
            spots = [i for i, c in enumerate(lower) if c in "aeiou" and i > 0]
            if not spots:
                continue
            i = rng.choice(spots)
            out = lower[:i] + rng.choice([v for v in "aeiou" if v != lower[i]]) + lower[i + 1:]
        elif kind < 0.75:
            i = rng.randrange(1, len(lower))
            out = lower[:i] + lower[i + 1:]
        elif kind < 0.9:
            i = rng.randrange(1, len(lower))
            out = lower[:i] + lower[i] + lower[i:]
        else:
            i = rng.randrange(1, len(lower) - 1)
            out = lower[:i] + lower[i + 1] + lower[i] + lower[i + 2:]
        if out != lower and len(out) >= 4:
            return capital(out)
    return capital(lower + "a")


# -- text ------------------------------------------------------------------------------------------
FILLER = ("the a of in and to on for with at by from that this was were is are has had have said says will would "
          "government officials minister talks border region city village people report reports agency week "
          "ceasefire meeting army police court election parliament president prime statement troops residents "
          "water road bridge school hospital market prices energy gas oil trade deal plan plans year years day "
          "morning evening night after before during about against between under over new old local national "
          "foreign military civilian economic political public several many some most other further early late "
          "again also still already only more less very").split()
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
TEMPLATES = [
    "{P} said on {D} that talks in {L} would {w} {w} the {w}.",
    "Officials in {L} told reporters the {w} {w} had been {w} since {D}.",
    "According to {O}, {P} met {Q} in {L} to discuss the {w} {w}.",
    "Residents of {L} and {M} said the {w} was {w} {w} {w} on {D}.",
    "{Ps} office denied the report, which {O} had published on {D}.",
    "The {w} between {L} and {M} {w} {w} the {w} {w}, {P} said.",
    "{P}, who {w} {w} {w} in {L}, was not available for comment.",
    "In a statement, {O} said {Q} would travel to {L} {w} {w} {w}.",
]


def make_corpus(rng: random.Random, entries: list[dict], megabytes: float, garble_rate: float,
                directory: Path) -> tuple[int, set[tuple[str, str]]]:
    """Articles of about 5 KB until ``megabytes`` are written; returns (bytes, planted garbles)."""
    people = [e for e in entries if e["type"] == "person"]
    places = [e for e in entries if e["type"] == "place"]
    orgs = [e for e in entries if e["type"] == "organization"] or places
    planted: set[tuple[str, str]] = set()
    target = int(megabytes * 1_000_000)
    written = 0
    number = 0

    def mention(entry: dict, file_name: str) -> str:
        name = rng.choice([entry["canonical"], *entry["variants"]]) if entry["variants"] and rng.random() < 0.3 \
            else entry["canonical"]
        if rng.random() < garble_rate:
            words = name.split()
            index = len(words) - 1 if entry["type"] == "person" else rng.randrange(len(words))
            if words[index] not in ORG_WORDS and words[index] not in PLACE_PREFIXES:
                words[index] = garble(rng, words[index])
                planted.add((file_name, words[index]))
                return " ".join(words)
        return name

    while written < target:
        number += 1
        file_name = f"{number:05d}.txt"
        paragraphs = []
        size = 0
        while size < 5000:
            sentences = []
            for _ in range(rng.randint(3, 6)):
                template = rng.choice(TEMPLATES)
                slots = {field for _, field, _, _ in string.Formatter().parse(template) if field}
                # Only the names a template uses are drawn, so every planted garble is in the text.
                values = {"D": rng.choice(DAYS), "w": "{w}"}
                if slots & {"P", "Ps"}:
                    person = mention(rng.choice(people), file_name)
                    values.update(P=person, Ps=person + "'s")
                for slot, pool in (("Q", people), ("L", places), ("M", places), ("O", orgs)):
                    if slot in slots:
                        values[slot] = mention(rng.choice(pool), file_name)
                sentence = template.format(**values)
                while "{w}" in sentence:
                    sentence = sentence.replace("{w}", rng.choice(FILLER), 1)
                sentences.append(sentence[0].upper() + sentence[1:])
            paragraph = " ".join(sentences)
            paragraphs.append(paragraph)
            size += len(paragraph) + 2
        text = "\n\n".join(paragraphs) + "\n"
        (directory / file_name).write_text(text, encoding="utf-8")
        written += len(text.encode("utf-8"))
    return written, planted


# -- run -------------------------------------------------------------------------------------------
def peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 if sys.platform != "darwin" else peak / (1024 * 1024)


# The rules of name detection, which the speed target is for (the hygiene checks come on top).
NAME_RULES = ("AUD101", "AUD102", "AUD103", "AUD104")


def pin_to_one_core() -> None:
    if hasattr(os, "sched_setaffinity"):  # one core, whatever the libraries underneath would like
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})


def reference_seconds() -> float:
    """How long this core takes for a fixed piece of plain Python (ten million additions): a yardstick
    for comparing the times of runs on different machines, or on a shared machine at different moments."""
    started = time.perf_counter()
    total = 0
    for number in range(10_000_000):
        total += number
    return time.perf_counter() - started


def measure(glossary_path: Path, articles: Path, select: tuple[str, ...], profile: int | None,
            trace: bool) -> dict:
    """The timed part, run in a fresh process (see main): what `audit scan` does, through the library."""
    pin_to_one_core()
    reference = reference_seconds()
    if trace:
        tracemalloc.start()
    settings = Settings(glossaries=(str(glossary_path),), select=select)
    profiler = cProfile.Profile() if profile else None
    # `audit scan` runs the three phases inside one pause of the garbage collector (engine.scan); done
    # one by one here, to time each, they get the same pause.
    with paused_gc():
        started = time.perf_counter()
        glossary = load_glossary(glossary_path)
        loaded = time.perf_counter()
        context = build_context(settings, glossary)
        indexed = time.perf_counter()
        if profiler:
            profiler.enable()
        result = scan([str(articles)], settings, context=context)
        if profiler:
            profiler.disable()
        scanned = time.perf_counter()
    by_rule: dict[str, int] = {}
    for finding in result.findings:
        by_rule[finding.rule] = by_rule.get(finding.rule, 0) + 1
    report = {
        "names": len(glossary),
        "files": result.files_scanned,
        "words": result.words_scanned,
        "load": loaded - started,
        "index": indexed - loaded,
        "scan": scanned - indexed,
        "findings": len(result.findings),
        "by_rule": dict(sorted(by_rule.items())),
        "name_findings": sorted({(Path(f.path).name, f.text) for f in result.findings if f.rule in ("AUD101", "AUD102")}),
        "peak_rss_mb": peak_rss_mb(),
        "reference": reference,
    }
    if trace:
        report["peak_heap_mb"] = tracemalloc.get_traced_memory()[1] / 1e6
    if profiler:
        buffer = io.StringIO()
        pstats.Stats(profiler, stream=buffer).sort_stats("cumulative").print_stats(profile)
        report["profile"] = buffer.getvalue()
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--names", type=int, default=50_000, help="glossary entries to generate (default 50,000)")
    parser.add_argument("--megabytes", type=float, default=5.0, help="megabytes of copy to generate (default 5)")
    parser.add_argument("--seed", type=int, default=20201027)
    parser.add_argument("--garble-rate", type=float, default=0.03, help="share of name mentions garbled")
    parser.add_argument("--select", default="", help="comma-separated rules to run (default: every rule)")
    parser.add_argument("--keep", type=Path, help="write the generated glossary and articles here and keep them")
    parser.add_argument("--profile", type=int, metavar="N", help="profile the scan with cProfile; print the top N")
    parser.add_argument("--tracemalloc", action="store_true", help="also measure Python's peak allocation (slower)")
    parser.add_argument("--measure", nargs=2, type=Path, metavar=("GLOSSARY", "ARTICLES"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    select = tuple(rule.strip() for rule in args.select.split(",") if rule.strip())

    if args.measure:  # the child process: time, and report to the parent as JSON
        print(json.dumps(measure(*args.measure, select, args.profile, args.tracemalloc)))
        return 0

    rng = random.Random(args.seed)
    work = args.keep or Path(tempfile.mkdtemp(prefix="audit-bench-"))
    articles = work / "articles"
    articles.mkdir(parents=True, exist_ok=True)
    try:
        started = time.perf_counter()
        entries = make_glossary(rng, args.names)
        glossary_path = work / "glossary.toml"
        write_toml(entries, glossary_path)
        size, planted = make_corpus(rng, entries, args.megabytes, args.garble_rate, articles)
        generated = time.perf_counter() - started
        files = len(list(articles.iterdir()))
        print(f"generated {len(entries):,} names ({glossary_path.stat().st_size / 1e6:.1f} MB TOML), "
              f"{files:,} articles, {size / 1e6:.2f} MB, {len(planted):,} planted garbles in {generated:.1f} s")
        del entries  # the generator's data stays in this process; the measuring one starts clean

        # Measured in a fresh process, as a user's `audit scan` would run: none of the generator's
        # objects in its heap, and its peak memory is the scan's own.
        command = [sys.executable, __file__, "--measure", str(glossary_path), str(articles), "--select", args.select]
        if args.profile:
            command += ["--profile", str(args.profile)]
        if args.tracemalloc:
            command.append("--tracemalloc")
        child = subprocess.run(command, capture_output=True, text=True)
        if child.returncode != 0:
            print(child.stderr, file=sys.stderr)
            return 1
        report = json.loads(child.stdout)

        found = {tuple(pair) for pair in report["name_findings"]}
        caught = sum(1 for file_name, word in planted if any(fn == file_name and word in text for fn, text in found))
        planted_in: dict[str, list[str]] = {}
        for file_name, word in planted:
            planted_in.setdefault(file_name, []).append(word)
        unplanted = sum(1 for fn, text in found if not any(word in text for word in planted_in.get(fn, ())))
        total = report["load"] + report["index"] + report["scan"]
        from audit.build import describe

        print(f"build     {describe()} (audit/build.py)")
        print(f"names     {report['names']:,}")
        print(f"megabytes {size / 1e6:.2f} ({report['files']:,} files, {report['words']:,} words)")
        print(f"load      {report['load']:.2f} s")
        print(f"index     {report['index']:.2f} s")
        print(f"scan      {report['scan']:.2f} s ({size / 1e6 / max(report['scan'], 1e-9):.2f} MB/s)")
        if set(select) == set(NAME_RULES):
            print(f"total     {total:.2f} s  (target < 10 s for the name rules: {'met' if total < 10 else 'NOT met'})")
        else:
            print(f"total     {total:.2f} s  (the < 10 s target is for the name rules: --select {','.join(NAME_RULES)})")
        print(f"findings  {report['findings']:,} {report['by_rule']}; "
              f"planted garbles found {caught:,}/{len(planted):,}; "
              f"AUD101/102 findings on no planted garble {unplanted:,}")
        print(f"peak RSS  {report['peak_rss_mb']:.0f} MB (the measuring process)")
        print(f"yardstick {report['reference']:.2f} s for ten million Python additions on this core "
              "(compare machines, or moments of a shared one, by it)")
        if "peak_heap_mb" in report:
            print(f"peak heap {report['peak_heap_mb']:.0f} MB (tracemalloc)")
        if "profile" in report:
            print(report["profile"])
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
