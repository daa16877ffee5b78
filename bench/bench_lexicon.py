#!/usr/bin/env python3
"""Benchmark: the bundled lexicon's load time and lookup speed, each in a fresh process.

    .venv/bin/python bench/bench_lexicon.py

Prints the file's size and names, the time of the first lookup in a process that has imported
audit.lexicon but not yet read the file (that lookup reads it: the load), the time of a lookup once
loaded, and a yardstick (seconds for ten million Python additions) to compare machines. The target is
a load under 50 ms.
"""
from __future__ import annotations

import json
import subprocess
import sys

CHILD = r"""
import json, time
from audit import lexicon
start = time.perf_counter()
lexicon.known_name("Kiev")
load = time.perf_counter() - start
words = ["Zhytomyr", "Stefancart", "Jordan", "Deutschland", "Ihor", "New York", "Xyzzy", "Tbilisi"] * 250
start = time.perf_counter()
for word in words:
    lexicon._line(word.lower())
lookup = (time.perf_counter() - start) / len(words)
start = time.perf_counter()
total = 0
for number in range(10_000_000):
    total += number
yardstick = time.perf_counter() - start
print(json.dumps({"load": load, "lookup": lookup, "names": lexicon.size(), "yardstick": yardstick}))
"""


def main() -> None:
    from importlib import resources

    size = len(resources.files("audit.data").joinpath("lexicon.txt").read_bytes())
    runs = [json.loads(subprocess.run([sys.executable, "-c", CHILD], check=True, capture_output=True, text=True).stdout)
            for _ in range(3)]
    best = min(runs, key=lambda run: run["load"])
    print(f"lexicon: {best['names']:,} names, {size / 1e6:.1f} MB")
    print(f"load (first lookup, best of 3 fresh processes): {best['load'] * 1000:.1f} ms   target < 50 ms")
    print(f"lookup once loaded (uncached bisection): {best['lookup'] * 1e6:.1f} µs")
    print(f"yardstick (10M additions): {best['yardstick']:.2f} s")


if __name__ == "__main__":
    main()
