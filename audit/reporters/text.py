"""`--format text`: for people. Grouped by file, one line a finding, coloured on a terminal, a summary last."""
from __future__ import annotations

import io

from rich.console import Console
from rich.text import Text

from ..model import Finding, RunResult, Severity
from .common import one_line, summary_line

STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def _line(finding: Finding) -> Text:
    line = Text()
    line.append(f"{finding.path}:{finding.line}:{finding.column}", style="bold")
    if finding.record is not None:
        line.append(f" [{finding.record}]", style="bold")  # the record of an export (JSONL/CSV id, unit id)
    line.append("  ")
    line.append(f"{finding.severity.label:<7}", style=STYLES[finding.severity])
    line.append("  ")
    line.append(f"{finding.rule} {finding.name}", style="magenta")
    line.append("  ")
    line.append(f'"{one_line(finding.text)}"')
    if finding.suggestion:
        line.append(" \u2192 ")
        line.append(f'"{finding.suggestion}"', style="green")
    line.append(f" ({finding.confidence:.2f})", style="dim")
    return line


def render(result: RunResult, *, color: bool = False) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=color, no_color=not color, width=10_000, highlight=False,
                      soft_wrap=True)
    current = None
    for finding in result.findings:
        if finding.path != current:
            if current is not None:
                console.print()
            current = finding.path
        console.print(_line(finding))
    for problem in result.problems:
        console.print(Text(f"{problem}", style="bold red"))
    if result.findings or result.problems:
        console.print()
    console.print(Text(summary_line(result), style="bold"))
    return buffer.getvalue()
