"""`--format json`: one object with `findings` and `summary`; the stable contract in the README."""
from __future__ import annotations

import json

from ..model import RunResult

SCHEMA_VERSION = 1


def render(result: RunResult, *, color: bool = False) -> str:
    document = {
        "version": SCHEMA_VERSION,
        "findings": [finding.to_dict() for finding in result.findings],
        "summary": result.summary(),
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
