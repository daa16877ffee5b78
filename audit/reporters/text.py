"""`--format text`: for people. Grouped by file, one line a finding, coloured on a terminal, a summary last."""
from __future__ import annotations

import io

from rich.console import Console
from rich.text import Text

from ..model import Finding, RunResult, Severity

STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def _line(finding: Finding) -> Text:
    line = Text()
    line.append(f"{finding.path}:{finding.line}:{finding.column}", style="bold")
    line.append("  ")
    line.append(f"{finding.severity.label:<7}", style=STYLES[finding.severity])
    line.append("  ")
    line.append(f"{finding.rule} {finding.name}", style="magenta")
    line.append("  ")
    line.append(f'"{_one_line(finding.text)}"')
    if finding.suggestion:
        line.append(" \u2192 ")
        line.append(f'"{finding.suggestion}"', style="green")
    line.append(f" ({finding.confidence:.2f})", style="dim")
    return line


def _one_line(text: str, limit: int = 80) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "\u2026"


def summary_line(result: RunResult) -> str:
    counts = result.counts()
    parts = [f"{n} {label}{'s' if n != 1 else ''}" for label, n in counts.items() if n]
    files_with = len({f.path for f in result.findings})
    found = f"{len(result.findings)} finding{'s' if len(result.findings) != 1 else ''}"
    detail = f" ({', '.join(parts)})" if parts else ""
    text = f"{found}{detail} in {files_with} of {result.files_scanned} file{'s' if result.files_scanned != 1 else ''}"
    if result.baselined:
        text += f"; {result.baselined} baselined"
    if result.suppressed:
        text += f"; {result.suppressed} suppressed"
    if result.problems:
        text += f"; {len(result.problems)} file{'s' if len(result.problems) != 1 else ''} could not be read"
    return text


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
