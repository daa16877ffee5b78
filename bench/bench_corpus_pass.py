#!/usr/bin/env python3
"""The corpus pass of AUD302 at archive scale: the variant pairs among a scan's distinct spellings.

    .venv/bin/python bench/bench_corpus_pass.py                          # 100,000 and 300,000 spellings
    .venv/bin/python bench/bench_corpus_pass.py --spellings 1000000      # an archive's worth
    .venv/bin/python bench/bench_corpus_pass.py --whole-blocks           # also each block in one matrix

AUD302 compares every distinct capitalised spelling of a scan with the others that could be variants of it
(audit/variants.py, ``candidate_pairs``): a scan of millions of articles holds hundreds of thousands of
them. The spellings here are invented names, a quarter of them garbled once or twice (a letter dropped,
changed or put in), so the pairs are as dense as in name-dense copy. Each size runs in a fresh process
pinned to one core; the table gives seconds, pairs found and the process's peak RSS. ``--whole-blocks``
also runs each size with every length block compared in one matrix (as before rows were taken a few at
a time), to show the memory that bounds.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SYLLABLES = ["ka", "ra", "ba", "kh", "an", "yan", "ov", "ev", "ko", "shi", "na", "ly", "ze", "len", "sky", "ta",
             "vuz", "ga", "da", "bay", "mel", "ni", "sar", "gis", "to", "ha", "mi", "ro", "vi", "chu", "pa", "dor"]


def spellings(count: int, seed: int = 7) -> list[str]:
    """``count`` distinct invented spellings, a quarter of them garbles of the others."""
    rng = random.Random(seed)
    found: set[str] = set()
    names: list[str] = []
    while len(found) < count:
        if names and rng.random() < 0.25:
            word = list(rng.choice(names))
            for _ in range(rng.randint(1, 2)):
                at = rng.randrange(len(word))
                change = rng.random()
                if change < 0.33 and len(word) > 5:
                    del word[at]
                elif change < 0.66:
                    word[at] = rng.choice("aeiouhkszy")
                else:
                    word.insert(at, rng.choice("aeiouhn"))
            spelling = "".join(word)
        else:
            spelling = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(3, 5)))
            names.append(spelling)
        found.add(spelling)
    return sorted(found)


def measure(count: int, whole_blocks: bool) -> dict:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    from audit import variants
    from audit.gc_pause import paused_gc

    if whole_blocks:
        variants.MATRIX_CELLS = 10**12
    forms = spellings(count)
    with paused_gc():
        started = time.perf_counter()
        pairs = sum(1 for _ in variants.candidate_pairs(forms))
        seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"seconds": seconds, "pairs": pairs, "peak_rss_mb": peak / 1024 if sys.platform != "darwin" else peak / 2**20}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spellings", default="100000,300000", help="distinct spellings, comma-separated")
    parser.add_argument("--whole-blocks", action="store_true", help="also compare each length block in one matrix")
    parser.add_argument("--measure", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure:
        print(json.dumps(measure(int(args.measure[0]), args.measure[1] == "whole")))
        return 0
    print("| spellings | blocks | seconds | pairs | peak RSS MB |\n|---|---|---|---|---|")
    for count in (int(n) for n in args.spellings.split(",")):
        for mode in ("rows", "whole") if args.whole_blocks else ("rows",):
            done = subprocess.run([sys.executable, __file__, "--measure", str(count), mode],
                                  capture_output=True, text=True)
            if done.returncode != 0:
                print(f"| {count:,} | {mode} | failed: {done.stderr.strip().splitlines()[-1:]} | | |", flush=True)
                continue
            result = json.loads(done.stdout)
            label = "a few rows at a time" if mode == "rows" else "one matrix a block"
            print(f"| {count:,} | {label} | {result['seconds']:.1f} | {result['pairs']:,} | {result['peak_rss_mb']:.0f} |",
                  flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
