"""Helpers for the report, config, baseline and exit-code tests (imported by those modules).

The example articles in tests/fixtures/reports/articles are invented; tests/fixtures/reports/audit.toml
(found upward from them, as a desk's own would be) points at the tiny glossary beside it and selects
the rules the golden files cover.
"""
from __future__ import annotations

import contextlib
import io
import os
from pathlib import Path

from audit.cli import main
from audit.config import resolve
from audit.engine import all_rules, scan
from audit.model import RunResult

ROOT = Path(__file__).resolve().parents[1]
REPORTS = ROOT / "tests" / "fixtures" / "reports"
ARTICLES_REL = "tests/fixtures/reports/articles"  # relative to ROOT: outputs carry no absolute paths
GLOSSARY = REPORTS / "glossary.toml"
GOLDEN = ROOT / "tests" / "golden"
SHARED = Path(__file__).resolve().parents[2] / "shared"


@contextlib.contextmanager
def at_root():
    """Run with the repository root as working directory (and give it back afterwards)."""
    before = os.getcwd()
    os.chdir(ROOT)
    try:
        yield
    finally:
        os.chdir(before)


def run(argv: list[str], stdin: bytes | None = None) -> tuple[int, str, str]:
    """`audit ARGV` in-process: (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


def fixture_result(**scan_options) -> RunResult:
    """The fixture articles scanned with the fixture configuration, from the repository root."""
    with at_root():
        settings = resolve([ARTICLES_REL], rules=all_rules())
        return scan([ARTICLES_REL], settings, **scan_options)


def make_finding(text: str = "Tavoz", *, path: str = "news/a.md", rule: str = "AUD101", name: str = "garbled-name",
                 severity=None, start: int = 10, line: int = 2, column: int = 5, suggestion: str | None = "Tovuz",
                 message: str | None = None, confidence: float = 0.9, occurrence: int = 1):
    """A Finding built by hand, for reporter tests that need exact control over the data."""
    from audit.model import Finding, Severity

    return Finding(
        rule=rule, name=name, severity=severity or Severity.ERROR, path=path, start=start, end=start + len(text),
        line=line, column=column, end_line=line, end_column=column + len(text), text=text, suggestion=suggestion,
        confidence=confidence, message=message or f'"{text}" should be "{suggestion}"', occurrence=occurrence,
    )


def make_result(findings=(), *, paths=None, problems=(), fail_on: str = "warning", texts=None, **fields) -> RunResult:
    """A RunResult over hand-made findings, with every known rule."""
    findings = tuple(findings)
    paths = tuple(paths) if paths is not None else tuple(dict.fromkeys(f.path for f in findings))
    return RunResult(findings=findings, rules=all_rules(), files_scanned=len(paths), problems=tuple(problems),
                     paths=paths, fail_on=fail_on, texts=dict(texts or {}), **fields)
