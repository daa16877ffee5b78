"""`--format jsonl`: one finding a line, each the JSON contract's finding object; nothing else.

For streaming into other tools (``jq -c``, log pipelines). Unreadable files go to stderr as in every
format; the summary is not repeated here.
"""
from __future__ import annotations

import json

from ..model import RunResult


def render(result: RunResult, *, color: bool = False) -> str:
    return "".join(json.dumps(finding.to_dict(), ensure_ascii=False) + "\n" for finding in result.findings)
