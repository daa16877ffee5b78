"""Output formats. Each reporter turns a RunResult into text; none imports a check.

The registry maps a ``--format`` name to a module with ``render(result, color=False) -> str``.
"""
from __future__ import annotations

from types import ModuleType

from . import json_report, text

REPORTERS: dict[str, ModuleType] = {
    "text": text,
    "json": json_report,
}


def render(format_name: str, result, *, color: bool = False) -> str:
    return REPORTERS[format_name].render(result, color=color)
