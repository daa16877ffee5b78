#!/usr/bin/env python3
"""False alarms on professionally edited copy: scan ../shared/eval/clean-bbc and count findings per 1,000 words.

    python bench/clean_bbc.py                                     # the bundled glossary
    python bench/clean_bbc.py --glossary /tmp/geonames50k.csv     # a big desk glossary (bench/geonames_glossary.py)
    python bench/clean_bbc.py --glossary default --glossary /tmp/geonames50k.csv   # bundled + GeoNames
    python bench/clean_bbc.py --select AUD1                       # the name rules only (faster)

The 897 BBC articles spell every name in the publisher's house style, so every name finding (AUD101-AUD104)
is a false alarm; hygiene findings (debris, untranslated text) may be real and are shown apart.

Prints, per rule and in total, warnings and errors per 1,000 words (words: whitespace-separated tokens, as
``wc -w`` counts them), the most frequent (text -> suggestion) pairs, the run time (glossary loading,
indexing and scanning, through the library: ``audit.scan``) and the issue's targets:

* bundled glossaries: <= 0.1 name warnings (AUD101-AUD104) per 1,000 words;
* a 50,000-name GeoNames glossary: <= 0.3 name findings (warning or error) per 1,000 words.

``--glossary`` takes a file, or the name of a bundled glossary (``default``, or any other the package ships:
``world`` when there is one). ``--details FILE`` writes every warning and error, one a line, for inspection.
"""
from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from audit import Finding, RunResult, Settings, Severity, scan
from audit.glossary import GlossaryError, bundled_glossary_names, load_glossaries

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "eval" / "clean-bbc"
NAME_RULES = ("AUD101", "AUD102", "AUD103", "AUD104")
BUNDLED_TARGET = 0.1  # name warnings per 1k words, bundled glossaries
BIG_TARGET = 0.3  # name warnings + errors per 1k words, a 50,000-name glossary


def glossary_path(value: str) -> str:
    """A glossary file as given, or the installed path of a bundled glossary named without its suffix."""
    if Path(value).exists():
        return value
    bundled = {Path(name).stem: name for name in bundled_glossary_names()}
    if value in bundled or value in bundled.values():
        from importlib import resources

        name = bundled.get(value, value)
        return str(resources.files("audit.glossaries").joinpath(name))
    return value  # let the loader report it, naming the file


def articles(corpus: Path) -> list[str]:
    """The corpus's article files (its README and LICENSE are not copy)."""
    return sorted(str(path) for path in corpus.glob("*/*.txt"))


def reported(result: RunResult) -> list[Finding]:
    return [f for f in result.findings if f.severity >= Severity.WARNING]


def per_1k(count: int, words: int) -> float:
    return 1000.0 * count / words if words else 0.0


def rule_table(result: RunResult, findings: list[Finding], words: int) -> list[str]:
    rules = sorted({f.rule for f in findings})
    lines = [f"{'rule':8} {'warnings':>9} {'errors':>7} {'per 1k words':>13}"]
    for rule in rules:
        mine = [f for f in findings if f.rule == rule]
        warnings = sum(f.severity == Severity.WARNING for f in mine)
        errors = len(mine) - warnings
        known = result.rule(rule)
        lines.append(f"{rule:8} {warnings:9d} {errors:7d} {per_1k(len(mine), words):13.3f}   {known.name if known else ''}")
    names = [f for f in findings if f.rule in NAME_RULES]
    name_warnings = sum(f.severity == Severity.WARNING for f in names)
    lines.append(f"{'names':8} {name_warnings:9d} {len(names) - name_warnings:7d} {per_1k(len(names), words):13.3f}"
                 "   (AUD101-AUD104: all false alarms)")
    total_warnings = sum(f.severity == Severity.WARNING for f in findings)
    lines.append(f"{'total':8} {total_warnings:9d} {len(findings) - total_warnings:7d} "
                 f"{per_1k(len(findings), words):13.3f}")
    return lines


def top_pairs(findings: list[Finding], count: int) -> list[str]:
    pairs = Counter((f.rule, f.text, f.suggestion or "") for f in findings)
    ordered = sorted(pairs.items(), key=lambda item: (-item[1], item[0]))[:count]
    return [f"{n:5d}  {rule}  {text} -> {suggestion or '(none)'}" for (rule, text, suggestion), n in ordered]


def targets(findings: list[Finding], words: int, glossary_names: int) -> list[str]:
    names = [f for f in findings if f.rule in NAME_RULES]
    warnings = per_1k(sum(f.severity == Severity.WARNING for f in names), words)
    both = per_1k(len(names), words)
    ok = lambda met: "met" if met else "NOT met"  # noqa: E731
    return [
        f"name warnings per 1k words {warnings:.3f} (target with the bundled glossaries <= {BUNDLED_TARGET}: "
        f"{ok(warnings <= BUNDLED_TARGET)})",
        f"name findings per 1k words {both:.3f} (target with a 50,000-name glossary <= {BIG_TARGET}: "
        f"{ok(both <= BIG_TARGET)}; this glossary has {glossary_names:,} entries)",
    ]


def write_details(path: Path, findings: list[Finding]) -> None:
    lines = [f"{f.path}:{f.line}:{f.column}\t{f.rule}\t{f.severity.label}\t{f.text}\t{f.suggestion or ''}\t{f.message}"
             for f in sorted(findings, key=Finding.sort_key)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--glossary", "-g", action="append", default=[],
                        help="glossary file or bundled glossary name; repeatable (default: the bundled glossary)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help=f"default {DEFAULT_CORPUS}")
    parser.add_argument("--select", action="append", default=[], help="rule ids or prefixes to run (default all)")
    parser.add_argument("--top", type=int, default=30, help="how many (text -> suggestion) pairs to list")
    parser.add_argument("--details", type=Path, help="write every warning and error to this file")
    args = parser.parse_args(argv)

    files = articles(args.corpus)
    if not files:
        print(f"clean_bbc: no articles (*/*.txt) under {args.corpus}", file=sys.stderr)
        return 2
    glossaries = tuple(glossary_path(g) for g in args.glossary)
    try:
        glossary_names = len(load_glossaries(glossaries))
        started = time.perf_counter()
        result = scan(files, Settings(glossaries=glossaries, select=tuple(args.select)))
        seconds = time.perf_counter() - started
    except GlossaryError as error:
        print(f"clean_bbc: {error}", file=sys.stderr)
        return 2
    findings = reported(result)
    words = result.words_scanned
    print(f"clean-bbc: {result.files_scanned} articles, {words:,} words; glossary: "
          f"{', '.join(args.glossary) or 'bundled default'} ({glossary_names:,} entries)")
    print(f"run time {seconds:.1f} s (load, index and scan)")
    print()
    print("\n".join(rule_table(result, findings, words)))
    print()
    print(f"top {args.top} (text -> suggestion), warnings and errors:")
    print("\n".join(top_pairs(findings, args.top)) or "  (none)")
    print()
    print("\n".join(targets(findings, words, glossary_names)))
    if args.details:
        write_details(args.details, findings)
        print(f"every finding: {args.details}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
