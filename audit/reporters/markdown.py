"""`--format markdown`: a summary for a pull-request comment or a GitHub job summary ($GITHUB_STEP_SUMMARY).

A heading and the summary sentence, counts by severity and by rule, then a table of findings (the first
``MAX_ROWS``; a comment has a size limit). Text from the copy is escaped so it cannot break the table
or inject markup.
"""
from __future__ import annotations

import re

from ..model import RunResult
from .common import one_line, summary_line

MAX_ROWS = 100
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~])")


def cell(text: str, limit: int = 80) -> str:
    """Text safe inside a table cell: one line, markdown punctuation and HTML escaped."""
    flat = one_line(text, limit)
    flat = flat.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", flat)


def render(result: RunResult, *, color: bool = False) -> str:
    out = ["## wire-audit", "", f"**{summary_line(result)}**", ""]
    if result.findings:
        out += ["| Severity | Findings |", "|---|---:|"]
        out += [f"| {label} | {count} |" for label, count in result.counts().items() if count]
        out.append("")
        by_rule = result.by_rule()
        out += ["| Rule | Name | Findings |", "|---|---|---:|"]
        for rule_id, count in by_rule.items():
            rule = result.rule(rule_id)
            out.append(f"| {rule_id} | {cell(rule.name if rule else '')} | {count} |")
        out.append("")
        out += ["| File | Line | Severity | Rule | Found | Suggestion |", "|---|---:|---|---|---|---|"]
        for finding in result.findings[:MAX_ROWS]:
            suggestion = cell(finding.suggestion) if finding.suggestion else ""
            out.append(
                f"| {cell(finding.path, 120)} | {finding.line} | {finding.severity.label} | "
                f"{finding.rule} {cell(finding.name)} | {cell(finding.text)} | {suggestion} |"
            )
        if len(result.findings) > MAX_ROWS:
            out += ["", f"…and {len(result.findings) - MAX_ROWS} more; the full report has them all."]
        out.append("")
    if result.problems:
        out += ["**Could not be read:**", ""]
        out += [f"- {cell(str(problem), 200)}" for problem in result.problems]
        out.append("")
    return "\n".join(out)
