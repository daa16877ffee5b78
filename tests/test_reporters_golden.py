"""Golden files: `audit scan tests/fixtures/reports/articles --format F` for every format.

The run uses relative paths from the repository root and the fixture configuration (tiny glossary,
selected rules), so the outputs hold no timestamps, absolute paths or bundled-glossary noise.
Regenerate after an intended change with ``UPDATE_GOLDEN=1 pytest tests/test_reporters_golden.py``
and read the diff before committing it.
"""
from __future__ import annotations

import os

import pytest
from report_support import ARTICLES_REL, GOLDEN, at_root, run

from audit.reporters import REPORTERS

SUFFIX = {"text": "txt", "json": "json", "jsonl": "jsonl", "sarif": "sarif", "junit": "xml",
          "github": "txt", "markdown": "md", "html": "html"}


def test_every_format_has_a_golden_file():
    assert set(SUFFIX) == set(REPORTERS), "add the new format to SUFFIX and generate its golden file"


@pytest.mark.parametrize("format_name", sorted(SUFFIX))
def test_golden(format_name):
    with at_root():
        code, out, err = run(["scan", ARTICLES_REL, "--format", format_name, "--no-color"])
    assert code == 1, err
    assert err == ""
    golden = GOLDEN / f"{format_name}.{SUFFIX[format_name]}"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        with open(golden, "w", encoding="utf-8", newline="") as stream:
            stream.write(out)
    assert golden.exists(), f"{golden} missing: run with UPDATE_GOLDEN=1 to create it"
    with open(golden, encoding="utf-8", newline="") as stream:
        expected = stream.read()
    assert out == expected, f"{format_name} output changed; if intended, regenerate with UPDATE_GOLDEN=1"


def test_golden_output_has_no_absolute_paths():
    for golden in GOLDEN.iterdir():
        text = golden.read_text(encoding="utf-8")
        assert str(GOLDEN.parents[1]) not in text, golden
