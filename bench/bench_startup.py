#!/usr/bin/env python3
"""Benchmark: one article, as a copy editor scans it, start-up included. One command.

    .venv/bin/python bench/bench_startup.py                        # this install's `audit`, 8 runs a case
    .venv/bin/python bench/bench_startup.py --audit /tmp/old/.venv/bin/audit .venv/bin/audit   # interleaved

Each run is `audit ...` in a new process, timed from start to exit (wall clock), as a user waits for it:

  version      `audit --version`
  plain        `audit scan` of a new plain-text article (its words differ run to run: the result cache misses)
  foreign      the same with a sentence in German, which AUD402 must judge (language detection, word lists)
  markdown     a new Markdown article (the Markdown reader)
  rescan       the same plain article again: the result cache answers
  first        a new plain article with an empty cache folder, as the first scan after installing runs (it
               also writes the word list's sorted form and the result cache's database)

The articles are this script's own invented copy with a few garbled names in them. Each `audit` gets a
result cache folder of its own, emptied at the start. With several `--audit` executables (two installs, say,
one of them built from an older revision), their runs alternate case by case, so a shared machine's changing
load falls on both alike. The table gives the fastest, the median and the slowest run, and the yardstick
(bench_scan.reference_seconds: ten million Python additions) before and after, to compare machines.
The issue's target is a one-article scan under 0.5 s.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_scan import reference_seconds  # noqa: E402

CASES = ("version", "plain", "foreign", "markdown", "rescan", "first")
PLAIN = """Talks on the corridor resume, report {number}

The delegation led by Ilham Aliyew met officials in Stefanakert on Tuesday, the ministry said in report {number}.
Negotiators from Yerevan and Baku discussed the road through Lachin and the border villages near Tavoz.
Nikol Pashinyan told reporters that the next round would be held in Brussels before the end of the month.
"""
FOREIGN = "Die Kommission will die Vereinbarung im Herbst noch einmal gründlich überprüfen.\n"
MARKDOWN = "# {title}\n\n*Reading time: 3 minutes*\n\n{body}\n- Source link\n"


def article(case: str, number: int, folder: Path) -> Path:
    """A new article for one run of ``case`` (``number`` makes its words, and so its hash, new)."""
    text = PLAIN.format(number=number)
    if case == "foreign":
        text += FOREIGN
    if case == "markdown":
        title, _, body = text.partition("\n\n")
        path = folder / f"story-{number}.md"
        path.write_text(MARKDOWN.format(title=title, body=body), encoding="utf-8")
        return path
    path = folder / f"story-{number}.txt"
    path.write_text(text, encoding="utf-8")
    return path


def run_once(audit: str, case: str, number: int, folder: Path, cache: Path, rescanned: Path) -> float:
    """Seconds one `audit` process takes for one run of ``case``."""
    if case == "version":
        arguments = ["--version"]
    elif case == "rescan":
        arguments = ["scan", str(rescanned)]
    else:
        arguments = ["scan", str(article("plain" if case == "first" else case, number, folder))]
    if case == "first":
        cache = folder / f"empty-cache-{number}"  # a folder of its own, empty: nothing kept from earlier runs
    environment = {**os.environ, "AUDIT_CACHE_DIR": str(cache)}
    started = time.perf_counter()
    done = subprocess.run([audit, *arguments], capture_output=True, text=True, env=environment)
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 1):  # 1: findings, as these articles have
        raise SystemExit(f"{audit} {' '.join(arguments)} failed ({done.returncode}): {done.stderr.strip()}")
    return seconds


def measure(audits: list[str], repeat: int, work: Path) -> dict[tuple[str, str], list[float]]:
    times: dict[tuple[str, str], list[float]] = {(audit, case): [] for audit in audits for case in CASES}
    caches = {audit: work / f"cache-{index}" for index, audit in enumerate(audits)}
    rescanned = article("plain", 0, work)
    for audit in audits:  # the article every rescan asks about, scanned once into each cache
        shutil.rmtree(caches[audit], ignore_errors=True)
        run_once(audit, "plain", 0, work, caches[audit], rescanned)
    number = 1
    for _ in range(repeat):
        for case in CASES:
            for audit in audits:
                times[(audit, case)].append(run_once(audit, case, number, work, caches[audit], rescanned))
                number += 1
    return times


def version_of(audit: str) -> str:
    done = subprocess.run([audit, "--version"], capture_output=True, text=True)
    return done.stdout.strip() or done.stderr.strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = str(Path(sys.executable).with_name("audit"))
    parser.add_argument("--audit", nargs="+", default=[default], help=f"`audit` executables to time (default {default})")
    parser.add_argument("--repeat", type=int, default=8, help="runs of every case for each executable (default 8)")
    options = parser.parse_args(argv)
    audits = [str(Path(audit).resolve()) for audit in options.audit]
    for audit in audits:
        if not Path(audit).exists():
            print(f"bench_startup: no such executable: {audit}", file=sys.stderr)
            return 2
    before = reference_seconds()
    with tempfile.TemporaryDirectory(prefix="wire-audit-startup-") as folder:
        times = measure(audits, options.repeat, Path(folder))
    after = reference_seconds()
    print(f"yardstick {before:.2f} s before, {after:.2f} s after (ten million Python additions)")
    for index, audit in enumerate(audits):
        print(f"[{index}] {audit}: {version_of(audit)}")
    print("\n| case | audit | runs | fastest | median | slowest |\n|---|---|---|---|---|---|")
    for case in CASES:
        for index, audit in enumerate(audits):
            runs = times[(audit, case)]
            middle = statistics.median(runs)
            print(f"| {case} | [{index}] | {len(runs)} | {min(runs):.2f} s | {middle:.2f} s | {max(runs):.2f} s |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
