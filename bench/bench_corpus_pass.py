#!/usr/bin/env python3
"""The corpus pass of AUD302 at archive scale: the variant pairs among a scan's distinct spellings.

    .venv/bin/python bench/bench_corpus_pass.py                          # 100,000, 300,000 and 1,000,000 spellings
    .venv/bin/python bench/bench_corpus_pass.py --spellings 3000000      # a bigger archive's worth

AUD302 compares every distinct capitalised spelling of a scan with the others that could be variants of it
(audit/variants.py, ``candidate_pairs``): a scan of millions of articles holds hundreds of thousands of
them. The spellings here are invented names, a quarter of them garbled once or twice (a letter dropped,
changed or put in), so the pairs are as dense as in name-dense copy. Each size runs in a fresh process
pinned to one core; the table gives seconds, pairs found, the process's peak RSS, and how the time grows
against the row before (time ratio over spellings ratio: 1 is linear, the spellings' ratio is quadratic).
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


def measure(count: int) -> dict:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    from audit import variants
    from audit.gc_pause import paused_gc
    forms = spellings(count)
    with paused_gc():
        started = time.perf_counter()
        pairs = sum(1 for _ in variants.candidate_pairs(forms))
        seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"seconds": seconds, "pairs": pairs, "peak_rss_mb": peak / 1024 if sys.platform != "darwin" else peak / 2**20}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spellings", default="100000,300000,1000000", help="distinct spellings, comma-separated")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure:
        print(json.dumps(measure(int(args.measure))))
        return 0
    print("| spellings | seconds | pairs | peak RSS MB | growth (time ratio / spellings ratio) |\n|---|---|---|---|---|")
    before: tuple[int, float] | None = None
    for count in (int(n) for n in args.spellings.split(",")):
        done = subprocess.run([sys.executable, __file__, "--measure", str(count)], capture_output=True, text=True)
        if done.returncode != 0:
            print(f"| {count:,} | failed: {done.stderr.strip().splitlines()[-1:]} | | | |", flush=True)
            continue
        result = json.loads(done.stdout)
        growth = ""
        if before is not None and before[1] > 0:
            growth = f"{result['seconds'] / before[1]:.1f}x / {count / before[0]:.1f}x"
        row = f"| {count:,} | {result['seconds']:.1f} | {result['pairs']:,} | {result['peak_rss_mb']:.0f} | {growth} |"
        print(row, flush=True)
        before = (count, result["seconds"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
