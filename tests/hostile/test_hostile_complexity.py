"""Hangs and super-linear time: every hostile input here runs in time linear in its size.

Each test either quadruples an input and allows at most eight times the time (linear code takes about
four, a quadratic algorithm sixteen, a cubic sixty-four), or gives a generous budget to an input a
quadratic algorithm could not finish in minutes. Nothing here asserts a tight timing.
"""
from __future__ import annotations

import re
import time

import pytest
from hostile_support import scales_linearly, seconds
from hypothesis import given, settings
from hypothesis import strategies as st

from audit.checks.base import Spans, overlaps
from audit.debris import default_patterns, find_debris
from audit.documents import Document
from audit.engine import all_rules
from audit.model import Finding, RunResult, Severity
from audit.reporters import render
from audit.reporters.html_report import _laminar
from audit.suppressions import apply, parse

BUDGET = 5.0  # seconds, for inputs a quadratic algorithm needs minutes for


def _literals(pattern: str) -> list[str]:
    """The words a pattern spells out ("continue reading", "source link"), the prefixes an attacker repeats."""
    return sorted({word.strip() for word in re.findall(r"[A-Za-z][A-Za-z' ]{2,}", pattern) if word.strip()})


def _attacks(pattern: str, size: int) -> dict[str, str]:
    attacks = {
        "letters": "x" * size,
        "spaces": " " * size + "x",
        "words": "x " * (size // 2),
        "html comments": "<!-- " * (size // 5),
        "ad placeholders": "[ad_1] " * (size // 7),
        "dots": "a." * (size // 2),
        "stars": "*" * size + "x",
        "punctuation": ".-" * (size // 2) + "x",
        "digits": "1a" * (size // 2) + " x",
    }
    for word in _literals(pattern)[:8]:
        attacks[f"{word!r} repeated"] = (word + " ") * (size // (len(word) + 1))
        attacks[f"{word!r} then a long word"] = word + " " + "x" * size + " a b c d e f g h"
        attacks[f"{word!r} then many words"] = word + " " + "ab " * (size // 3)
    return attacks


@pytest.mark.parametrize("pattern", default_patterns(), ids=lambda pattern: pattern.id)
def test_every_bundled_debris_pattern_is_linear_on_adversarial_text(pattern):
    started = time.perf_counter()
    for name, text in _attacks(pattern.regex.pattern, 40_000).items():
        began = time.perf_counter()
        for _ in pattern.regex.finditer(text):
            pass
        assert time.perf_counter() - began < BUDGET, name
    assert time.perf_counter() - started < 4 * BUDGET


def test_the_continue_reading_redos_of_the_report():
    text = "Continue reading " + "x" * 130 + " a b c d e f g h"  # 164 bytes that ran for minutes
    assert seconds(lambda: find_debris(text, default_patterns())) < 1.0


@pytest.mark.parametrize("unit", ["<!-- ", "[ad_1] ", "*", "Source link ", "** Source link **\n", "&nbsp;"])
def test_find_debris_on_one_long_line_scales_linearly(unit):
    def make(n: int) -> str:
        return unit * (n // len(unit))

    scales_linearly(make, lambda text: find_debris(text, default_patterns()), 100_000)


def test_find_debris_on_the_reported_attacks_within_budget():
    for text in ("<!-- " * 40_000, "[ad_1] " * 40_000):
        assert seconds(lambda text=text: find_debris(text, default_patterns())) < BUDGET


def _stacked(n: int) -> Document:
    return Document.from_text("a.md", "<!-- audit: ignore -->\n" * n + "Officials in Tavoz said so.\n")


def test_stacked_suppression_markers_scale_linearly():
    scales_linearly(_stacked, parse, 2_000)
    markers = parse(_stacked(3))
    assert {marker.scope_start for marker in markers} == {len("<!-- audit: ignore -->\n") * 3}


def test_an_unclosed_marker_repeated_is_linear():
    scales_linearly(lambda n: Document.from_text("a.md", "<!-- audit: ignore x " * n), parse, 20_000)


def _finding(start: int, end: int, rule: str = "AUD101", path: str = "a.md") -> Finding:
    return Finding(rule=rule, name="garbled-name", severity=Severity.ERROR, path=path, start=start, end=end, line=1,
                   column=start + 1, end_line=1, end_column=end + 1, text="x" * (end - start), suggestion="y",
                   confidence=0.9, message="m")


def test_applying_many_markers_to_many_findings_is_linear():
    def make(n: int):
        document = Document.from_text("a.md", "<!-- audit: ignore AUD101 --> Tavoz. " * n)
        markers = parse(document)
        findings = [_finding(m.end + 1, m.end + 6) for m in markers]
        return findings, {"a.md": markers}

    def run(made):
        findings, markers = made
        return apply(findings, markers, all_rules(), lambda rule: True)

    scales_linearly(make, run, 4_000)
    findings, markers = make(10)
    kept, suppressed = run((findings, markers))
    assert suppressed == 10 and kept == []


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 20)), max_size=30), st.integers(0, 80), st.integers(0, 20))
def test_spans_answer_like_a_scan_of_every_span(spans, start, width):
    pairs = [(s, s + w) for s, w in spans]
    assert overlaps(start, start + width, Spans(pairs)) == overlaps(start, start + width, pairs)


def test_overlap_questions_are_linear_in_the_names():
    def make(n: int):
        return [(i * 11, i * 11 + 10) for i in range(n)]

    def ask(pairs: list[tuple[int, int]]) -> list[bool]:
        spans = Spans(pairs)
        return [spans.overlaps(start + 3, end + 3) for start, end in pairs]

    scales_linearly(make, ask, 50_000)


def test_aud302_on_a_line_of_32000_names_finishes(tmp_path):
    from audit.config import Settings
    from audit.engine import scan

    (tmp_path / "a.txt").write_text("Stefancart " * 32_000, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Stepanakert and Stefankert met.\n", encoding="utf-8")
    elapsed = seconds(lambda: scan([str(tmp_path)], Settings(select=("AUD302",))))
    assert elapsed < 30  # 31-44 s before on a fast core, a minute and more here; about 2 s now


def _laminar_reference(findings: list[Finding], length: int) -> list[tuple[int, int, int]]:
    """The placement as first written: every placed span compared, quadratic but plainly right."""
    order = sorted(range(len(findings)), key=lambda i: (findings[i].start, -findings[i].end, i))
    placed: list[tuple[int, int, int]] = []
    for index in order:
        start, end = max(0, min(findings[index].start, length)), max(0, min(findings[index].end, length))
        crossing = True
        while crossing:
            crossing = False
            for other_start, other_end, _ in placed:
                overlap = other_start < end and start < other_end
                nested = (other_start <= start and end <= other_end) or (start <= other_start and other_end <= end)
                if overlap and not nested:
                    start, end = (other_end, end) if other_start <= start else (start, other_start)
                    crossing = True
                    break
        placed.append((start, end, index))
    return sorted(placed, key=lambda span: (span[0], -span[1], span[2]))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 40), st.integers(0, 12)), max_size=25))
def test_laminar_places_spans_as_the_plain_algorithm_did(spans):
    findings = [_finding(s, s + w) for s, w in spans]
    assert _laminar(findings, 45) == _laminar_reference(findings, 45)


def test_an_html_report_of_16000_findings_renders_quickly():
    text = "Tavoz said. " * 16_000
    findings = tuple(_finding(i * 12, i * 12 + 5, path="a.txt") for i in range(16_000))
    result = RunResult(findings=findings, rules=(), files_scanned=1, paths=("a.txt",), texts={"a.txt": text})
    assert seconds(lambda: render("html", result)) < BUDGET
    scales_linearly(lambda n: [_finding(i * 12, i * 12 + 5) for i in range(n)], lambda f: _laminar(f, 10**9), 8_000)


def _user_patterns(tmp_path, regex: str):
    from audit.debris import load_patterns

    path = tmp_path / "our-debris.toml"
    path.write_text(f"[[pattern]]\nid = \"our-footer\"\ndescription = \"our footer\"\nregex = '''{regex}'''\n", encoding="utf-8")
    return path, load_patterns((str(path),))


def test_a_users_pattern_with_nested_repeats_finishes(tmp_path):
    # In `re` this pattern backtracks exponentially on a long line of words without the last one; users'
    # patterns run in the `regex` module, which does not.
    _, patterns = _user_patterns(tmp_path, r"^(?:\w+\s?)+copyright$")
    text = "Talks resumed.\n" + "word " * 40 + "!\nour site copyright\n"
    found: list = []
    assert seconds(lambda: found.extend(find_debris(text, patterns))) < BUDGET
    assert [text[block.start : block.end] for block in found] == ["our site copyright"]


def test_a_users_pattern_that_still_backtracks_is_a_one_line_exit_2(tmp_path):
    from hostile_support import audit

    path, _ = _user_patterns(tmp_path, r"^(?:a|aa)+$")
    (tmp_path / "audit.toml").write_text(f'debris-patterns = ["{path}"]\n', encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Talks resumed.\n" + "a" * 80 + "!\n", encoding="utf-8")
    outcome: list = []
    spent = seconds(lambda: outcome.append(audit("scan", str(article), "--config", str(tmp_path / "audit.toml"), "--no-cache")))
    code, _, err = outcome[0]
    assert code == 2 and err.count("\n") == 1 and "Traceback" not in err
    assert f"{path}:1" in err and "our-footer" in err and "backtracks" in err
    assert spent < BUDGET
