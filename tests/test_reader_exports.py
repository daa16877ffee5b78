"""JSON Lines and CSV exports: one article a record, named by its id, findings at the raw field text."""
from __future__ import annotations

import json

import pytest
from reader_support import FIXTURES, read_fixture, words_with_raw
from report_support import run

from audit.config import Settings
from audit.engine import scan
from audit.readers import ReaderOptions, csv_export, jsonl
from audit.readers.base import ReaderError

JSONL = FIXTURES / "export.jsonl"
CSV = FIXTURES / "export.csv"


def _json_decoded(raw: str) -> str:
    return json.loads(f'"{raw}"')


def test_jsonl_records_are_articles_named_by_id():
    reading = read_fixture("export.jsonl", "jsonl", ReaderOptions())
    assert [record.id for record in reading.records] == ["101", "a-7", "103"]
    first = reading.text[reading.records[0].start:reading.records[0].end]
    assert first == 'Prime Minister Nicholas Pashinyan met envoys in Jerevan.\nAnnalena Bärbock said "talks" went well.'
    assert "Talks" not in reading.text  # the headline field is not the article
    second = reading.text[reading.records[1].start:reading.records[1].end]
    assert "\U0001f600" in second  # a surrogate pair is one character


def test_jsonl_every_visible_word_maps_back_to_its_escaped_raw():
    reading = read_fixture("export.jsonl", "jsonl", ReaderOptions())
    pairs = words_with_raw(reading)
    assert ("Bärbock", "B\\u00e4rbock") in pairs and ('"talks"', '\\"talks\\"') in pairs
    for word, raw in pairs:
        assert _json_decoded(raw) == word


def test_jsonl_findings_carry_the_record_and_raw_positions():
    raw_lines = JSONL.read_text(encoding="utf-8").splitlines(keepends=True)
    raw = "".join(raw_lines)
    result = scan([str(JSONL)], Settings())
    assert {f.record for f in result.findings} == {"101", "a-7"}
    for finding in result.findings:
        assert _json_decoded(raw[finding.start:finding.end]) == finding.text
        assert raw_lines[finding.line - 1][finding.column - 1:].startswith(raw[finding.start:finding.end])
        assert finding.to_dict()["record"] == finding.record
    bärbock = next(f for f in result.findings if f.text == "Bärbock")
    assert (bärbock.line, bärbock.record) == (1, "101")
    # the same garble in two records: distinct identities that do not depend on the order of the records
    twice = [f for f in result.findings if f.text == "Stepanakret"]
    assert len(twice) == 2 and twice[0].record == twice[1].record == "a-7"


def test_jsonl_broken_lines_and_missing_fields_are_listed_not_skipped_silently(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text('{"id": 1, "body": "Talks in Yerevan."}\nnot json\n{"id": 3, "text": "x"}\n[1, 2]\n', encoding="utf-8")
    result = scan([str(path)], Settings())
    messages = [str(problem) for problem in result.problems]
    assert any("2 records (lines 2, 4) not JSON objects" in m for m in messages), messages
    assert any("1 record (line 3) without a text field 'body'" in m for m in messages), messages
    assert result.files_scanned == 1


def test_jsonl_field_options_and_a_wrong_field_name(tmp_path):
    code, out, err = run(["scan", str(JSONL), "--isolated", "--field", "headline", "--format", "json"])
    assert json.loads(out)["findings"] == []  # only the headline "Talks" is read
    assert code == 2 and "2 records (lines 3, 4) without a text field 'headline', skipped" in err
    code, out, err = run(["scan", str(JSONL), "--isolated", "--field", "content"])
    assert code == 2 and "no record has a text field 'content' (use --field)" in err
    code, out, err = run(["scan", str(JSONL), "--isolated", "--id-field", "missing", "--format", "json"])
    assert {f["record"] for f in json.loads(out)["findings"]} == {"line 1", "line 3"}


def test_jsonl_string_encoding_round_trips():
    for text in ['plain', 'quote " and \\ backslash', "line\nbreak\ttab", "Bärbock \U0001f600", "\x01"]:
        literal = '"' + jsonl.encode_string(text) + '"'
        assert json.loads(literal) == text


def test_csv_rows_are_articles_with_quotes_and_line_breaks():
    reading = read_fixture("export.csv", "csv", ReaderOptions())
    assert [record.id for record in reading.records] == ["201", "202", "203"]
    second = reading.text[reading.records[1].start:reading.records[1].end]
    assert second == 'Annalena Bärbock said "talks" went well\nin Stepanakret.'
    for word, raw in words_with_raw(reading):
        assert raw.replace('""', '"') == word


def test_csv_findings_point_into_the_raw_file():
    raw = CSV.read_text(encoding="utf-8")
    result = scan([str(CSV)], Settings())
    assert {f.record for f in result.findings} == {"201", "202"}
    stepanakret = next(f for f in result.findings if f.text == "Stepanakret")
    assert (stepanakret.line, stepanakret.column, stepanakret.record) == (4, 4, "202")
    for finding in result.findings:
        assert raw[finding.start:finding.end] == finding.text


def test_csv_errors_name_the_problem():
    with pytest.raises(ReaderError, match="no column 'body'"):
        csv_export.read("id,text\n1,Baku\n", ReaderOptions())
    with pytest.raises(ReaderError, match="never closes"):
        csv_export.read('id,body\n1,"Baku\n', ReaderOptions())
    reading = csv_export.read("body\r\nBaku\r\n\r\n\"Susa, Yerevan\"\r\n", ReaderOptions())
    assert [r.id for r in reading.records] == ["row 2", "row 3"]
    assert reading.text.split("\n\n") == ["Baku", "Susa, Yerevan"]


def test_sarif_and_jsonl_outputs_carry_the_record():
    code, out, _ = run(["scan", str(JSONL), "--isolated", "--format", "sarif"])
    records = {result["properties"].get("record") for result in json.loads(out)["runs"][0]["results"]}
    assert records == {"101", "a-7"}
    code, out, _ = run(["scan", str(JSONL), "--isolated", "--format", "jsonl"])
    assert {json.loads(line).get("record") for line in out.splitlines() if '"rule"' in line} == {"101", "a-7"}


def test_a_suppression_marker_in_a_record_covers_that_record_only(tmp_path):
    export = tmp_path / "export.jsonl"
    export.write_text('{"id": 1, "body": "<!-- audit: ignore garbled-name -->\\nMet in Jerevan."}\n'
                      '{"id": 2, "body": "Met in Jerevan."}\n', encoding="utf-8")
    result = scan([str(export)], Settings())
    assert [(f.rule, f.record, f.line) for f in result.findings] == [("AUD101", "2", 2)]
    assert result.suppressed == 1


def test_html_report_of_an_export_highlights_each_record(tmp_path):
    code, out, _ = run(["scan", str(JSONL), "--isolated", "--format", "html"])
    assert code == 1 and "not kept" not in out
    assert out.count('data-rule="AUD101" data-severity="error">Stepanakret<span class="tip"') == 2
    assert ">Bärbock<span" in out and "\\u00e4" not in out
