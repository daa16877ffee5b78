"""`--format jsonl`: one finding per line, each the JSON contract's finding object."""
from __future__ import annotations

import json

from report_support import fixture_result, make_finding, make_result

from audit.reporters import jsonl


def test_one_finding_a_line():
    result = fixture_result()
    lines = jsonl.render(result).splitlines()
    assert len(lines) == len(result.findings)
    assert [json.loads(line) for line in lines] == [f.to_dict() for f in result.findings]


def test_no_findings_no_output():
    assert jsonl.render(make_result([], paths=["a.md"])) == ""


def test_newlines_in_text_stay_inside_their_line():
    finding = make_finding("Source link\n\nLeave a Reply", rule="AUD201", name="scraper-debris", suggestion=None)
    lines = jsonl.render(make_result([finding])).splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["text"] == "Source link\n\nLeave a Reply"
