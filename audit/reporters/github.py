"""`--format github`: GitHub Actions workflow commands, shown as annotations on the pull request's diff.

    ::error file=news/a.md,line=3,col=14,endLine=3,endColumn=22,title=AUD101 garbled-name::"Tavoz" should be ...

Errors become ``::error``, warnings ``::warning``, info ``::notice``. Values are escaped as the runner
expects (``%``, CR and LF everywhere; ``:`` and ``,`` too inside properties). A summary line ends the output.
"""
from __future__ import annotations

from ..model import Finding, RunResult, Severity
from .common import fix_text, summary_line

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **properties: object) -> str:
    fields = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items() if value is not None)
    return f"::{name} {fields}::{escape_data(message)}" if fields else f"::{name}::{escape_data(message)}"


def _annotation(finding: Finding) -> str:
    return command(
        COMMANDS[finding.severity],
        fix_text(finding),
        file=finding.path,
        line=finding.line,
        col=finding.column,
        endLine=finding.end_line,
        endColumn=finding.end_column,
        title=f"{finding.rule} {finding.name}",
    )


def render(result: RunResult, *, color: bool = False) -> str:
    lines = [_annotation(finding) for finding in result.findings]
    lines += [command("error", problem.message, file=problem.path, line=problem.line, title="unreadable input")
              for problem in result.problems]
    lines.append(f"wire-audit: {summary_line(result)}")
    return "\n".join(lines) + "\n"
