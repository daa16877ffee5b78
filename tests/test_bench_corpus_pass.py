"""bench/bench_corpus_pass.py: its spellings, and the table of their pairs."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import bench_corpus_pass  # noqa: E402


def test_corpus_pass_bench_makes_garbled_spellings_and_counts_their_pairs(capsys):
    spellings = bench_corpus_pass.spellings(3000)
    assert len(spellings) == len(set(spellings)) == 3000 and spellings == sorted(spellings)
    assert spellings == bench_corpus_pass.spellings(3000)  # the same seed, the same spellings
    assert bench_corpus_pass.main(["--spellings", "1000,3000"]) == 0
    rows = [line.split("|") for line in capsys.readouterr().out.splitlines() if line.startswith(("| 1,000", "| 3,000"))]
    assert len(rows) == 2 and all(int(row[3].strip().replace(",", "")) > 30 for row in rows)  # the garbles make pairs
    assert rows[0][5].strip() == "" and rows[1][5].strip().endswith("x / 3.0x")  # growth against the row before
