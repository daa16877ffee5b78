"""`--format markdown`: a summary table for pull-request comments and job summaries."""
from __future__ import annotations

from report_support import make_finding, make_result

from audit.reporters import markdown


def test_summary_and_tables():
    out = markdown.render(make_result([make_finding()], paths=["news/a.md", "news/b.md"]))
    assert out.startswith("## wire-audit\n\n**1 finding (1 error) in 1 of 2 files**")
    assert "| AUD101 | garbled\\-name | 1 |" not in out  # hyphens need no escape
    assert "| AUD101 | garbled-name | 1 |" in out
    assert "| news/a.md | 2 | error | AUD101 garbled-name | Tavoz | Tovuz |" in out


def test_copy_cannot_break_the_table_or_inject_markup():
    finding = make_finding("a | b <img src=x> *c*\nd", suggestion="[x](y)")
    row = [line for line in markdown.render(make_result([finding])).splitlines() if line.startswith("| news/a.md")][0]
    assert row.count(" | ") == 5  # six cells, no stray separators
    assert "a \\| b &lt;img src=x&gt; \\*c\\* d" in row
    assert "\\[x\\]\\(y\\)" in row


def test_long_runs_are_cut():
    findings = [make_finding(start=i * 10, line=i + 1) for i in range(markdown.MAX_ROWS + 5)]
    out = markdown.render(make_result(findings))
    assert "…and 5 more" in out
    assert sum(line.startswith("| news/a.md") for line in out.splitlines()) == markdown.MAX_ROWS


def test_clean_run():
    out = markdown.render(make_result([], paths=["a.md"]))
    assert "**0 findings in 0 of 1 file**" in out and "| File |" not in out
