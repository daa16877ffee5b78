"""Output formats. Each reporter turns a RunResult into text; none imports a check.

The registry maps a ``--format`` name to a module with ``render(result, color=False) -> str``.
"""
from __future__ import annotations

from types import ModuleType

from . import github, html_report, json_report, jsonl, junit, markdown, sarif, text

REPORTERS: dict[str, ModuleType] = {
    "text": text,
    "json": json_report,
    "jsonl": jsonl,
    "sarif": sarif,
    "junit": junit,
    "github": github,
    "markdown": markdown,
    "html": html_report,
}

# Formats that show the copy itself: the engine keeps each document's text for them.
NEEDS_TEXT = frozenset({"html"})


def render(format_name: str, result, *, color: bool = False) -> str:
    return REPORTERS[format_name].render(result, color=color)
