"""`--format sarif`: SARIF 2.1.0, for GitHub code scanning and other static-analysis dashboards.

One run; the driver lists every rule the scan ran (id, name, short and full descriptions, help, default
level); each finding is a result with its rule, level, message, location (lines and columns counted in
Unicode code points, as the run's ``columnKind`` says), the suggestion as a fix, and
``partialFingerprints`` made from file, rule, surface and suggestion (plus which occurrence in the file it
is), never from line numbers: an edit above a finding does not make it a new result.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from urllib.parse import quote

from .. import __version__
from ..model import Finding, InputProblem, Rule, RunResult, Severity

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
FINGERPRINT_KEY = "wireAudit/v1"


def uri(path: str) -> str:
    """A relative path stays a relative URI reference (resolved against the checkout); absolute ones become file URIs."""
    if path == "-":
        return "stdin"
    if os.path.isabs(path):
        return Path(path).as_uri()
    return quote(os.fsencode(Path(path).as_posix()), safe="/")  # a name's own bytes, even if not UTF-8


def _rule(rule: Rule) -> dict[str, object]:
    help_text = f"{rule.what}\n\nWhy it matters: {rule.why}\n\nExample: {rule.example}\n\nHow to fix: {rule.fix}"
    help_markdown = (
        f"{rule.what}\n\n**Why it matters.** {rule.why}\n\n**Example.**\n\n```\n{rule.example}\n```\n\n"
        f"**How to fix.** {rule.fix}"
    )
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.what},
        "help": {"text": help_text, "markdown": help_markdown},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"tags": ["translation-quality"]},
    }


def _region(finding: Finding) -> dict[str, object]:
    return {
        "startLine": finding.line,
        "startColumn": finding.column,
        "endLine": finding.end_line,
        "endColumn": finding.end_column,
    }


def _result(finding: Finding, index: dict[str, int]) -> dict[str, object]:
    location = {"uri": uri(finding.path)}
    result: dict[str, object] = {
        "ruleId": finding.rule,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [{
            "physicalLocation": {
                "artifactLocation": location,
                "region": {**_region(finding), "snippet": {"text": finding.text}},
            }
        }],
        "partialFingerprints": {FINGERPRINT_KEY: finding.identity},
        "properties": {"confidence": round(finding.confidence, 3), "name": finding.name,
                       **({"record": finding.record} if finding.record is not None else {})},
    }
    if finding.rule in index:
        result["ruleIndex"] = index[finding.rule]
    if finding.suggestion is not None:
        result["fixes"] = [{
            "description": {"text": f'Replace with "{finding.suggestion}"'},
            "artifactChanges": [{
                "artifactLocation": location,
                "replacements": [{"deletedRegion": _region(finding), "insertedContent": {"text": finding.suggestion}}],
            }],
        }]
    return result


def _notification(problem: InputProblem) -> dict[str, object]:
    notification: dict[str, object] = {"level": "error", "message": {"text": problem.message}}
    location: dict[str, object] = {"artifactLocation": {"uri": uri(problem.path)}}
    if problem.line:
        location["region"] = {"startLine": problem.line}
    notification["locations"] = [{"physicalLocation": location}]
    return notification


def render(result: RunResult, *, color: bool = False) -> str:
    index = {rule.id: position for position, rule in enumerate(result.rules)}
    run = {
        "tool": {
            "driver": {
                "name": "wire-audit",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": [_rule(rule) for rule in result.rules],
            }
        },
        "columnKind": "unicodeCodePoints",
        "results": [_result(finding, index) for finding in result.findings],
        "invocations": [{
            "executionSuccessful": not result.problems,
            "toolExecutionNotifications": [_notification(problem) for problem in result.problems],
        }],
        "properties": {"filesScanned": result.files_scanned, "baselined": result.baselined,
                       "suppressed": result.suppressed, "signature": result.signature},
    }
    document = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
