"""The fast paths give the answers of the plain ones: batched fuzzy lookups, and the bench tools that
measure and check them (bench/bench_real.py, bench/check_identical.py)."""
from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import pytest

from audit.glossary import Entry, Glossary
from audit.matching.index import NameIndex
from audit.text import fold, spelling_key

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import check_identical  # noqa: E402

SYLLABLES = ["ka", "ra", "bo", "vin", "tsk", "zhe", "kha", "ly", "sch", "ov", "yan", "ie", "ar", "den", "mu", "chi"]


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()


def test_near_many_answers_as_near_does_one_key_at_a_time():
    rng = random.Random(11)
    names = sorted({_name(rng) for _ in range(3000)})
    # Many keys of the same first letter and length, so blocks hold more hits than a lookup keeps.
    index = NameIndex(Glossary(tuple(Entry(name, "place") for name in names)))
    words = [_name(rng) for _ in range(400)] + [name[:-1] + "a" for name in names[:200]] + ["", "K", "Xy"]
    keys = [spelling_key(fold(word)) for word in words]
    batched = index.near_many(keys)
    assert set(batched) == set(keys)
    assert all(batched[key] == index.near(key) for key in keys)
    assert sum(len(found) == 24 for found in batched.values()) > 50  # the cut to the best 24 is exercised


def test_exact_scan_counts_whole_words_as_written(tmp_path):
    bench_real = pytest.importorskip("bench_real")
    pytest.importorskip("ahocorasick", reason="pyahocorasick is not installed (test extra)")
    article = tmp_path / "a.txt"
    article.write_text("Yerevan and Van met in Vanadzor; van Gogh stayed in Yerevan.\n", encoding="utf-8")
    hits, _ = bench_real.exact_scan(["Yerevan", "Van", "Vanadzor"], [article])
    assert hits == 4  # Yerevan twice, Van, Vanadzor; not the Van inside Vanadzor, not lower-case van


def _report(tmp_path: Path, name: str, findings: list[dict]) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps({"findings": findings, "summary": {"findings": len(findings)}}), encoding="utf-8")
    return path


def test_check_identical_names_the_findings_that_differ(tmp_path):
    one = {"path": "a.txt", "start": 3, "rule": "AUD101", "text": "Jerewan"}
    other = dict(one, start=4)
    same = check_identical.differences(_report(tmp_path, "x.0.json", [one]), _report(tmp_path, "x.1.json", [one]))
    assert same == []
    lines = check_identical.differences(_report(tmp_path, "y.0.json", [one]), _report(tmp_path, "y.1.json", [other]))
    assert any("only in reference" in line and '"start": 3' in line for line in lines)
    assert any("only in this tree" in line and '"start": 4' in line for line in lines)
