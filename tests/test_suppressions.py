"""Inline suppressions (<!-- audit: ignore RULE -->), --ignore, and unused markers (AUD901)."""
from __future__ import annotations

from pathlib import Path

import pytest
from report_support import GLOSSARY, run

from audit.config import Settings
from audit.documents import Document
from audit.engine import scan
from audit.model import Severity
from audit.suppressions import parse

MARKDOWN = """Officials in Jerevan said so.

<!-- audit: ignore garbled-name -->
The weekly spells it Jerevan and Stepanakret,
all through this paragraph.

Back in Jerevan, President ilham aliyev spoke.
"""


def _scan(tmp_path: Path, text: str, name: str = "a.md", **settings):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return scan([str(path)], Settings(glossaries=(str(GLOSSARY),), **settings))


def _found(result) -> list[tuple[str, str, int]]:
    return [(f.rule, f.text, f.line) for f in result.findings]


def test_marker_suppresses_its_rule_in_the_next_paragraph_only(tmp_path):
    result = _scan(tmp_path, MARKDOWN)
    assert _found(result) == [
        ("AUD101", "Jerevan", 1),
        ("AUD101", "Jerevan", 7),
        ("AUD104", "ilham aliyev", 7),
    ]
    assert result.suppressed == 2


@pytest.mark.parametrize("rules", ["AUD101", "AUD1", "garbled-name, name-casing", "AUD104 AUD101", ""])
def test_rules_by_id_prefix_name_list_or_all(tmp_path, rules):
    text = f"<!-- audit: ignore {rules} -->\nIn Jerevan, President ilham aliyev and Jerevan.\n"
    result = _scan(tmp_path, text)
    assert [f.rule for f in result.findings if f.rule != "AUD104"] == []
    assert result.suppressed >= 2


def test_other_rules_in_the_paragraph_are_still_reported(tmp_path):
    result = _scan(tmp_path, "<!-- audit: ignore name-casing -->\nIn Jerevan, President ilham aliyev.\n")
    assert _found(result) == [("AUD101", "Jerevan", 2)]
    assert result.suppressed == 1


def test_unused_marker_is_reported_as_info(tmp_path):
    result = _scan(tmp_path, "Intro.\n\n<!-- audit: ignore garbled-name -->\nNothing wrong here.\n")
    assert _found(result) == [("AUD901", "<!-- audit: ignore garbled-name -->", 3)]
    finding = result.findings[0]
    assert finding.severity == Severity.INFO and finding.name == "unused-suppression"
    assert "suppresses nothing" in finding.message
    assert any(rule.id == "AUD901" for rule in result.rules)


def test_marker_naming_no_rule_is_reported(tmp_path):
    result = _scan(tmp_path, "<!-- audit: ignore garbeld-name -->\nIn Jerevan.\n")
    assert [(f.rule, f.text) for f in result.findings] == [
        ("AUD901", "<!-- audit: ignore garbeld-name -->"),
        ("AUD101", "Jerevan"),
    ]
    assert result.findings[0].message == "suppression marker names no known rule: 'garbeld-name'"


def test_marker_for_a_rule_that_did_not_run_is_not_reported(tmp_path):
    result = _scan(tmp_path, "<!-- audit: ignore name-casing -->\nAll fine.\n", ignore=("AUD104",))
    assert result.findings == ()


def test_unused_marker_reports_obey_ignore_and_severity(tmp_path):
    text = "<!-- audit: ignore name-casing -->\nAll fine.\n"
    assert _scan(tmp_path, text, ignore=("unused-suppression",)).findings == ()
    raised = _scan(tmp_path, text, severity={"AUD901": Severity.WARNING})
    assert [f.severity for f in raised.findings] == [Severity.WARNING]


def test_stacked_markers_cover_the_same_paragraph(tmp_path):
    text = "<!-- audit: ignore garbled-name -->\n<!-- audit: ignore name-casing -->\nIn Jerevan, President ilham aliyev.\n"
    result = _scan(tmp_path, text)
    assert result.findings == () and result.suppressed == 2


def test_html_paragraph_ends_at_the_closing_tag(tmp_path):
    text = "<!-- audit: ignore AUD101 --><p>In Jerevan.</p><p>Also Jerevan.</p>\n"
    result = _scan(tmp_path, text, name="a.html")
    assert [(f.text, f.column) for f in result.findings] == [("Jerevan", 56)]
    assert result.suppressed == 1


def test_scope_of_markers():
    document = Document.from_text("a.md", "x\n<!-- audit: ignore AUD101 -->\n\nPara one\nstill one\n\nPara two\n")
    (marker,) = parse(document)
    assert document.text[marker.scope_start:marker.scope_end] == "Para one\nstill one"
    assert marker.rules == ("AUD101",)
    assert parse(Document.from_text("a.md", "<!-- audit:ignore -->")) [0].rules == ()
    assert parse(Document.from_text("a.md", "<!-- not audit: ignore -->")) == []


def test_cli_ignore_option(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("In Jerevan, President ilham aliyev.\n", encoding="utf-8")
    code, out, _ = run(["scan", "a.txt", "--isolated", "-g", str(GLOSSARY), "--ignore", "garbled-name"])
    assert code == 0 and "AUD101" not in out and "AUD104" in out
    code, _, err = run(["scan", "a.txt", "--isolated", "-g", str(GLOSSARY), "--ignore", "no-such-rule"])
    assert code == 2 and "--ignore: 'no-such-rule' names no rule" in err


def test_findings_about_the_markers_themselves_are_dropped():
    """A check that flags HTML comments (scraper debris) must not flag the markers: they are not copy."""
    from dataclasses import replace

    from report_support import make_finding

    from audit.engine import all_rules
    from audit.suppressions import apply

    text = "<!-- audit: ignore AUD104 -->\n<!-- audit: ignore AUD101 -->\nIn Jerevan.\n"
    document = Document.from_text("a.md", text)
    markers = parse(document)
    stacked = text.index("In") - 1
    about_markers = replace(make_finding(text[:stacked], path="a.md", rule="AUD201", name="scraper-debris",
                                         suggestion=None, start=0))
    garbled = make_finding("Jerevan", path="a.md", start=text.index("Jerevan"), suggestion="Yerevan")
    kept, suppressed = apply([about_markers, garbled], {"a.md": markers}, all_rules(), lambda rule: True)
    assert suppressed == 1
    assert [f.rule for f in kept] == ["AUD901"]  # the AUD104 marker suppressed nothing
    assert kept[0].text == "<!-- audit: ignore AUD104 -->"
