"""`--format sarif`: rule metadata, results, fixes, locations (schema validity is in test_sarif_schema.py)."""
from __future__ import annotations

import json

from report_support import make_finding, make_result

from audit.model import InputProblem, Severity
from audit.reporters import sarif


def _run(result) -> dict:
    return json.loads(sarif.render(result))["runs"][0]


def test_one_rule_per_id_with_descriptions_and_help():
    result = make_result([make_finding()])
    rules = _run(result)["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == [rule.id for rule in result.rules]
    garbled = next(rule for rule in rules if rule["id"] == "AUD101")
    source = result.rule("AUD101")
    assert garbled["name"] == "garbled-name"
    assert garbled["shortDescription"]["text"] == source.summary
    assert garbled["fullDescription"]["text"] == source.what
    assert source.fix in garbled["help"]["text"] and source.why in garbled["help"]["markdown"]
    assert garbled["defaultConfiguration"]["level"] == "error"


def test_result_levels_locations_and_fix():
    findings = [
        make_finding(severity=Severity.ERROR),
        make_finding("nagorno-Karabakh", rule="AUD104", name="name-casing", severity=Severity.INFO,
                     suggestion="Nagorno-Karabakh", start=40, line=4, column=3),
        make_finding("[ad_1]", rule="AUD201", name="scraper-debris", severity=Severity.WARNING, suggestion=None,
                     start=60, line=6, column=1),
    ]
    results = _run(make_result(findings))["results"]
    assert [r["level"] for r in results] == ["error", "note", "warning"]
    first = results[0]
    region = first["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 2, "startColumn": 5, "endLine": 2, "endColumn": 10, "snippet": {"text": "Tavoz"}}
    assert first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "news/a.md"
    replacement = first["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert replacement["insertedContent"]["text"] == "Tovuz"
    assert "fixes" not in results[2]
    assert first["partialFingerprints"]["wireAudit/v1"] == findings[0].identity


def test_fingerprint_ignores_position_but_not_surface_or_suggestion():
    a = make_finding(start=10, line=2)
    moved = make_finding(start=99, line=9, column=1)
    other = make_finding(suggestion="Tovuz District")
    assert a.identity == moved.identity
    assert a.identity != other.identity
    assert a.identity != make_finding(occurrence=2).identity


def test_column_kind_and_uris():
    results = _run(make_result([make_finding(path="dir with space/ä.md"), make_finding(path="-")]))["results"]
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results]
    assert uris == ["dir%20with%20space/%C3%A4.md", "stdin"]
    assert _run(make_result([]))["columnKind"] == "unicodeCodePoints"
    assert sarif.uri("/abs/path.md") == "file:///abs/path.md"


def test_problems_become_notifications():
    run_ = _run(make_result([], problems=[InputProblem("x.txt", "binary file", None)], paths=[]))
    invocation = run_["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert invocation["toolExecutionNotifications"][0]["message"]["text"] == "binary file"
