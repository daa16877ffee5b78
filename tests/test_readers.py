"""The readers' registry and offset maps, and how a scan uses them (format choice, skipped files)."""
from __future__ import annotations

import io
import json
import sys

from report_support import run

from audit.config import Settings
from audit.engine import scan
from audit.readers import ReaderOptions, format_of
from audit.readers.base import ViewBuilder


def _map(raw: str):
    view = ViewBuilder()
    view.copy(raw, 0, 3)  # "abc"
    view.replace("&", 3, 8)  # "&amp;"
    view.insert("\n\n", 8)
    view.copy(raw, 8, 11)  # "def"
    return view.build()


def test_offset_map_copied_replaced_and_inserted_pieces():
    raw = "abc&amp;def"
    text, offsets = _map(raw)
    assert text == "abc&\n\ndef"
    assert [offsets.raw_start(i) for i in range(len(text))] == [0, 1, 2, 3, 8, 8, 8, 9, 10]
    assert offsets.raw_end(4) == 8 and offsets.raw_end(3) == 3 and offsets.raw_end(len(text)) == 11
    assert raw[offsets.raw_start(2):offsets.raw_end(4)] == "c&amp;"  # a span over a replaced piece: all of it
    assert raw[offsets.raw_start(3):offsets.raw_end(7)] == "&amp;d"  # ... and over the inserted break
    assert (offsets.view_start(3), offsets.view_end(8)) == (3, 4)
    assert (offsets.view_start(8), offsets.view_end(11)) == (6, 9)


def test_format_by_extension_and_override():
    assert format_of("a/story.HTM") == "html" and format_of("x.ndjson") == "jsonl" and format_of("x.xliff") == "xliff"
    assert format_of("named-explicitly.log") == "text"
    assert format_of("page.txt", ReaderOptions(input_format="html")) == "html"


def test_input_format_override_reads_a_txt_as_html(tmp_path):
    path = tmp_path / "saved-page.txt"
    raw = '<p class="Jerevan">Talks in <b>Stepanakret</b>.</p>'
    path.write_text(raw, encoding="utf-8")
    code, out, _ = run(["scan", str(path), "--isolated", "--format", "json"])
    assert {f["text"] for f in json.loads(out)["findings"]} >= {"Jerevan", "Stepanakret"}
    code, out, _ = run(["scan", str(path), "--isolated", "--format", "json", "--input-format", "html"])
    findings = json.loads(out)["findings"]
    assert [(f["text"], f["start"], f["column"]) for f in findings] == [("Stepanakret", raw.index("Stepanakret"), raw.index("Stepanakret") + 1)]


def test_stdin_with_an_input_format(monkeypatch):
    raw = "<html><script>var Jerevan;</script><p>Met in Jerevan.</p></html>"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw.encode("utf-8")), encoding="utf-8"))
    code, out, _ = run(["scan", "-", "--isolated", "--format", "json", "--input-format", "html"])
    assert [(f["text"], f["start"]) for f in json.loads(out)["findings"]] == [("Jerevan", raw.rindex("Jerevan"))]


def test_folder_scans_read_every_format_and_list_what_they_skip(tmp_path):
    for name, content in {"a.txt": "Met in Jerevan.", "b.html": "<p>Met in Jerevan.</p>", "c.md": "Met in *Jerevan*.",
                          "d.jsonl": '{"id": 1, "body": "Met in Jerevan."}\n',
                          "e.csv": "id,body\n1,Met in Jerevan.\n", "photo.png": "", "notes.pdf": ""}.items():
        (tmp_path / name).write_text(content, encoding="utf-8")
    result = scan([str(tmp_path)], Settings())
    assert result.files_scanned == 5 and len(result.findings) == 5
    assert [path.rsplit("/", 1)[-1] for path in result.skipped] == ["notes.pdf", "photo.png"]
    assert result.summary()["skipped"] == list(result.skipped)
    code, out, _ = run(["scan", str(tmp_path), "--isolated", "--no-color"])
    assert "2 files skipped (no reader for the format)" in out
