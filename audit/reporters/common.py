"""Helpers several reporters share: plurals, one-line excerpts, the summary sentence, findings by file."""
from __future__ import annotations

from ..model import Finding, RunResult


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def one_line(text: str, limit: int = 80) -> str:
    """Whitespace collapsed to single spaces, cut with an ellipsis past ``limit`` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "\u2026"


def summary_line(result: RunResult) -> str:
    """"3 findings (2 errors, 1 info) in 2 of 5 files; 4 baselined" — the last line of most reports."""
    parts = [plural(n, label) if label != "info" else f"{n} info" for label, n in result.counts().items() if n]
    files_with = len({f.path for f in result.findings})
    detail = f" ({', '.join(parts)})" if parts else ""
    text = f"{plural(len(result.findings), 'finding')}{detail} in {files_with} of {plural(result.files_scanned, 'file')}"
    if result.baselined:
        text += f"; {result.baselined} baselined"
    if result.suppressed:
        text += f"; {result.suppressed} suppressed"
    if result.problems:
        text += f"; {plural(len(result.problems), 'file')} could not be read"
    if result.skipped:
        text += f"; {plural(len(result.skipped), 'file')} skipped ({_skip_reasons(result)})"
    return text


def _skip_reasons(result: RunResult) -> str:
    """'no reader for the format', or how many files were skipped for each reason."""
    if not result.skip_reasons:
        return "no reader for the format"
    counts: dict[str, int] = {}
    for path in result.skipped:
        reason = result.skip_reasons.get(path, "no reader for the format").split(" (")[0]
        counts[reason] = counts.get(reason, 0) + 1
    return ", ".join(f"{count} {reason}" for reason, count in sorted(counts.items()))


def by_path(result: RunResult) -> dict[str, list[Finding]]:
    """Every scanned path (in scan order, then any path only findings name) -> its findings."""
    grouped: dict[str, list[Finding]] = {path: [] for path in result.paths}
    for finding in result.findings:
        grouped.setdefault(finding.path, []).append(finding)
    return grouped


def fix_text(finding: Finding) -> str:
    """The finding's message, with its suggestion when the message does not already give it."""
    if finding.suggestion and finding.suggestion not in finding.message:
        return f"{finding.message} (suggestion: {finding.suggestion})"
    return finding.message
