"""bench/bench_corpus_pass.py: its spellings, and the two ways of comparing them agree."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import bench_corpus_pass  # noqa: E402


def test_corpus_pass_bench_makes_garbled_spellings_and_counts_their_pairs(capsys):
    spellings = bench_corpus_pass.spellings(3000)
    assert len(spellings) == len(set(spellings)) == 3000 and spellings == sorted(spellings)
    assert spellings == bench_corpus_pass.spellings(3000)  # the same seed, the same spellings
    assert bench_corpus_pass.main(["--spellings", "3000", "--whole-blocks"]) == 0
    rows = [line for line in capsys.readouterr().out.splitlines() if line.startswith("| 3,000")]
    pairs = {row.split("|")[4].strip() for row in rows}
    assert len(rows) == 2 and len(pairs) == 1 and int(pairs.pop().replace(",", "")) > 100  # both ways agree
