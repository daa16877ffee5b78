"""A report written into the folder a scan reads is not read back as an article by the next scan, unless
somebody changed it; and it is never overwritten once it is an article (audit/outputs.py)."""
from __future__ import annotations

import json
import os

from report_support import run

from audit import outputs

ARTICLE = "Prime Minister Nikol Pashinyan spoke in Jerevan on Monday.\n"
GLOSSARY = '[[entry]]\ncanonical = "Yerevan"\ntype = "place"\n\n[[entry]]\ncanonical = "Nikol Pashinyan"\ntype = "person"\n'


def _desk(tmp_path):
    desk = tmp_path / "desk"
    desk.mkdir()
    (desk / "a.txt").write_text(ARTICLE, encoding="utf-8")
    glossary = tmp_path / "glossary.toml"
    glossary.write_text(GLOSSARY, encoding="utf-8")
    return desk, glossary


def _scan(desk, glossary, *options):
    return run(["scan", str(desk), "-g", str(glossary), "--isolated", *options])


def test_a_report_written_into_the_scanned_folder_is_not_read_back(tmp_path):
    desk, glossary = _desk(tmp_path)
    report = desk / "report.txt"
    first, _, _ = _scan(desk, glossary, "-o", str(report))
    second, _, err = _scan(desk, glossary, "-o", str(report))
    assert first == second == 1  # the garble found both times; the second run did not refuse its output
    assert "skipped" not in err  # the report this run writes again is no news, every day a job runs
    third, _, err = _scan(desk, glossary, "-o", str(desk / "report-2.txt"))
    assert third == 1 and "report.txt" in err and "skipped" in err and "not read as an article" in err
    code, out, _ = _scan(desk, glossary, "-f", "json")
    summary = json.loads(out)["summary"]
    assert summary["files"] == 1 and str(report) in summary["skipped_reasons"]


def test_an_edited_report_is_an_article_again_and_never_overwritten(tmp_path):
    desk, glossary = _desk(tmp_path)
    report = desk / "report.txt"
    _scan(desk, glossary, "-o", str(report))
    report.write_text(report.read_text(encoding="utf-8") + "A note the editor added.\n", encoding="utf-8")
    kept = report.read_bytes()
    code, _, err = _scan(desk, glossary, "-o", str(report))
    assert code == 2 and "scanned inputs" in err
    assert report.read_bytes() == kept


def test_an_article_copied_over_a_report_with_the_same_size_and_time_is_read(tmp_path):
    desk, glossary = _desk(tmp_path)
    report = desk / "report.txt"
    _scan(desk, glossary, "-o", str(report))
    written = report.stat()
    report.write_bytes(b"x" * written.st_size)  # same size ...
    os.utime(report, ns=(written.st_atime_ns, written.st_mtime_ns))  # ... and time: only the hash tells
    assert outputs.still_as_written() == frozenset()


def test_with_no_cache_nothing_is_remembered(tmp_path):
    desk, glossary = _desk(tmp_path)
    report = desk / "report.txt"
    _scan(desk, glossary, "--no-cache", "-o", str(report))
    code, _, err = _scan(desk, glossary, "--no-cache", "-o", str(report))
    assert code == 2 and "scanned inputs" in err  # as before: the report is an input
    assert not (outputs.default_registry()).exists()


def test_a_damaged_registry_is_ignored(tmp_path):
    desk, glossary = _desk(tmp_path)
    outputs.default_registry().parent.mkdir(parents=True, exist_ok=True)
    outputs.default_registry().write_text("{not json", encoding="utf-8")
    report = desk / "report.txt"
    assert _scan(desk, glossary, "-o", str(report))[0] == 1
    assert outputs.still_as_written() == frozenset({os.path.realpath(report)})
    assert outputs.still_as_written([str(desk)]) == frozenset({os.path.realpath(report)})
    assert outputs.still_as_written([str(tmp_path / "elsewhere")]) == frozenset()  # only the folders scanned


def test_a_fifo_put_where_a_report_was_is_not_waited_on(tmp_path):
    desk, _ = _desk(tmp_path)
    report = desk / "report.jsonl"
    report.write_text("", encoding="utf-8")  # an empty report (no findings), remembered as written
    outputs.remember(report)
    written = report.stat()
    report.unlink()
    os.mkfifo(report)
    os.utime(report, ns=(written.st_atime_ns, written.st_mtime_ns))  # same size (0) and time
    assert outputs.still_as_written([str(desk)]) == frozenset()  # returns: a FIFO is never opened to be hashed
