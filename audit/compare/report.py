"""`audit compare` output: the JSON contract (README, "audit compare") and the text report (rich)."""
from __future__ import annotations

import io
import json

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..model import Finding, Severity
from . import JSON_VERSION, Comparison, Thresholds
from .metrics import METRICS, Score
from .rules import SOURCE_NAME_MISSING

STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
LABELS = {"bleu": "BLEU", "chrf": "chrF", "ter": "TER"}


def _metrics(metrics: dict[str, Score]) -> dict[str, object]:
    return {name: metrics[name].to_dict() for name in METRICS if name in metrics}


def to_dict(comparison: Comparison, thresholds: Thresholds, fail_on: str) -> dict[str, object]:
    """The JSON contract's object: keys are only ever added within a version."""
    missed = thresholds.missed(comparison)
    failing = comparison.failing(fail_on)
    by_rule: dict[str, int] = {}
    for finding in comparison.findings:
        by_rule[finding.rule] = by_rule.get(finding.rule, 0) + 1
    return {
        "version": JSON_VERSION,
        "metrics": _metrics(comparison.metrics),
        "names": comparison.names.to_dict(),
        "documents": [
            {
                "name": document.name,
                "hypothesis": document.hypothesis,
                "reference": document.reference,
                "source": document.source,
                "segments": document.segments,
                "metrics": _metrics(document.metrics),
                "names": document.names.to_dict(),
            }
            for document in comparison.documents
        ],
        "findings": [finding.to_dict() for finding in comparison.findings],
        "worst_segments": [segment.to_dict() for segment in comparison.worst],
        "thresholds": {**thresholds.to_dict(), "fail_on": fail_on},
        "summary": {
            "documents": len(comparison.documents),
            "segments": sum(document.segments for document in comparison.documents),
            "findings": len(comparison.findings),
            "by_rule": dict(sorted(by_rule.items())),
            "missed": missed,
            "passed": not missed and not failing,
        },
    }


def render_json(comparison: Comparison, thresholds: Thresholds, fail_on: str) -> str:
    return json.dumps(to_dict(comparison, thresholds, fail_on), ensure_ascii=False, indent=2) + "\n"


def _finding_line(finding: Finding) -> Text:
    line = Text()
    line.append(f"{finding.path}:{finding.line}:{finding.column}", style="bold")
    line.append("  ")
    line.append(f"{finding.severity.label:<7}", style=STYLES[finding.severity])
    line.append("  ")
    line.append(f"{finding.rule} {finding.name}", style="magenta")
    line.append("  ")
    if finding.rule == SOURCE_NAME_MISSING.id:  # its text is the whole segment: the message says more
        line.append(finding.message)
    else:
        line.append(f'"{finding.text}"')
    if finding.suggestion:
        line.append(" \u2192 ")
        line.append(f'"{finding.suggestion}"', style="green")
    line.append(f" ({finding.confidence:.2f})", style="dim")
    return line


def _score_table(comparison: Comparison) -> Table:
    table = Table(title="Scores (sacrebleu)", title_justify="left", show_edge=False)
    table.add_column("document", overflow="fold")
    table.add_column("segments", justify="right")
    for name in METRICS:
        table.add_column(LABELS[name], justify="right")
    table.add_column("names", justify="right")
    rows = [(document.name, document.segments, document.metrics, document.names) for document in comparison.documents]
    if len(rows) > 1:
        segments = sum(document.segments for document in comparison.documents)
        rows.append(("all", segments, comparison.metrics, comparison.names))
    for name, segments, metrics, names in rows:
        accuracy = names.accuracy
        table.add_row(
            Text(name), str(segments),  # Text: a file name is not rich markup
            *(f"{metrics[metric].score:.2f}" if metric in metrics else "-" for metric in METRICS),
            "-" if accuracy is None else f"{accuracy:.1%} ({names.checked - names.divergent}/{names.checked})",
        )
    return table


def _shortened(text: str, width: int = 100) -> str:
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def render_text(comparison: Comparison, thresholds: Thresholds, fail_on: str, *, color: bool = False) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=color, no_color=not color, width=120, highlight=False)
    console.print(_score_table(comparison))
    for name in METRICS:
        if name in comparison.metrics:
            console.print(Text(f"{LABELS[name]} signature: {comparison.metrics[name].signature}", style="dim"))
    if comparison.findings:
        console.print()
        console.print(Text("Name divergences", style="bold"))
        for finding in comparison.findings:
            console.print(_finding_line(finding), soft_wrap=True)
    if comparison.worst:
        console.print()
        console.print(Text("Worst segments (sentence chrF)", style="bold"))
        for segment in comparison.worst:
            console.print(Text(f"{segment.path}:{segment.line}  {segment.chrf:.1f}", style="bold"), soft_wrap=True)
            console.print(Text(f"  hyp: {_shortened(segment.hypothesis)}"), soft_wrap=True)
            console.print(Text(f"  ref: {_shortened(segment.reference)}", style="dim"), soft_wrap=True)
    console.print()
    console.print(Text(_verdict(comparison, thresholds, fail_on), style="bold"), soft_wrap=True)
    return buffer.getvalue()


def _verdict(comparison: Comparison, thresholds: Thresholds, fail_on: str) -> str:
    missed = thresholds.missed(comparison)
    failing = comparison.failing(fail_on)
    count = len(comparison.findings)
    parts = [f"{count} name divergence{'s' if count != 1 else ''}"]
    if failing:
        parts.append(f"{len(failing)} at or above {fail_on}")
    parts.extend(f"missed: {line}" for line in missed)
    return ("FAILED: " if missed or failing else "passed: ") + "; ".join(parts)
