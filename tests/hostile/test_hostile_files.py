"""File system: FIFOs, devices, links, huge files, wide encodings and undecodable file names never hang
nor crash a scan; what is not read is listed with the reason."""
from __future__ import annotations

import json
import os

import pytest
from hostile_support import ARTICLE, audit, desk
from hypothesis import given, settings
from hypothesis import strategies as st

from audit.config import Settings
from audit.documents import decode
from audit.engine import scan
from audit.files import format_size, parse_size, read_regular


def _json(*argv: str) -> tuple[int, dict, str]:
    code, out, err = audit(*argv, "--isolated", "-f", "json")
    return code, json.loads(out), err


def test_fifo_and_device_links_in_a_folder_are_skipped_not_read(tmp_path):
    article, glossary = desk(tmp_path)
    os.mkfifo(article.parent / "pipe.txt")  # reading it would block forever
    (article.parent / "zero.txt").symlink_to("/dev/zero")  # reading it would never end
    (article.parent / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    (article.parent / "linked.txt").symlink_to(article)  # a link to a regular file is read
    code, report, err = _json("scan", str(article.parent), "-g", str(glossary))
    reasons = report["summary"]["skipped_reasons"]
    assert reasons[str(article.parent / "pipe.txt")] == "not a regular file (a FIFO)"
    assert reasons[str(article.parent / "zero.txt")] == "not a regular file (a device)"
    assert reasons[str(article.parent / "dangling.txt")].startswith("cannot read")
    assert report["summary"]["files"] == 2 and code == 1
    assert "pipe.txt: skipped: not a regular file (a FIFO)" in err


@pytest.mark.parametrize("target", ["/dev/zero", "fifo"])
def test_a_device_or_fifo_named_on_the_command_line_is_an_input_problem(tmp_path, target):
    _, glossary = desk(tmp_path)
    if target == "fifo":
        target = str(tmp_path / "pipe")
        os.mkfifo(target)
    code, _, err = audit("scan", target, "-g", str(glossary), "--isolated")
    assert code == 2 and f"{target}: not a regular file" in err and "Traceback" not in err


def test_a_device_as_glossary_is_refused(tmp_path):
    article, _ = desk(tmp_path)
    code, _, err = audit("scan", str(article), "-g", "/dev/zero", "--isolated")
    assert code == 2 and err == "audit: /dev/zero: cannot read glossary (not a regular file (a device))\n"


def test_files_over_the_size_limit_are_skipped_with_the_reason(tmp_path):
    article, glossary = desk(tmp_path)
    big = article.parent / "big.txt"
    big.write_text(ARTICLE * 2000, encoding="utf-8")  # ~150 kB
    code, report, err = _json("scan", str(article.parent), "-g", str(glossary), "--max-file-size", "100k")
    assert report["summary"]["files"] == 1
    assert report["summary"]["skipped_reasons"][str(big)].startswith("larger than --max-file-size")
    code, report, _ = _json("scan", str(article.parent), "-g", str(glossary), "--max-file-size", "1MB")
    assert report["summary"]["files"] == 2 and "skipped_reasons" not in report["summary"]


def test_the_default_limit_applies_from_python_and_stdin(tmp_path):
    _, glossary = desk(tmp_path)
    data = b"x" * (2048 + 1)
    result = scan("-", Settings(glossaries=(str(glossary),), max_file_size=2048), stdin=lambda: data)
    assert result.problems and "larger than --max-file-size" in result.problems[0].message


def test_read_regular_refuses_before_reading(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(OSError, match="FIFO"):
        read_regular(fifo)  # opened without blocking, refused at once
    with pytest.raises(OSError, match="device"):
        read_regular("/dev/zero")
    small = tmp_path / "small.txt"
    small.write_bytes(b"x" * 100)
    with pytest.raises(OSError, match="larger"):
        read_regular(small, max_size=10)


@pytest.mark.parametrize("size, expected", [("10MB", 10 * 1024**2), ("500k", 500 * 1024), ("1000", 1000),
                                            (" 2.5 MiB ", int(2.5 * 1024**2)), ("0", 0)])
def test_sizes_in_human_units(size, expected):
    assert parse_size(size) == expected


@pytest.mark.parametrize("size", ["", "ten", "10 parsecs", "-5", "1e9"])
def test_bad_sizes_are_usage_errors(tmp_path, size):
    article, glossary = desk(tmp_path)
    code, _, err = audit("scan", str(article), "-g", str(glossary), "--isolated", "--max-file-size", size)
    assert code == 2 and err.startswith("audit: --max-file-size:") and err.count("\n") == 1


@given(st.integers(min_value=0, max_value=1024**4))
def test_format_size_reads_back_close(size):
    shown = format_size(size)
    assert parse_size(shown.replace(" ", "").replace("bytes", "").replace("kB", "k")) == pytest.approx(size, rel=0.06, abs=1)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-8-sig"])
def test_wide_encodings_are_read_not_called_binary(tmp_path, encoding):
    article, glossary = desk(tmp_path)
    article.write_bytes("Officials in Tavoz said so.\n".encode(encoding))
    code, report, err = _json("scan", str(article), "-g", str(glossary))
    assert {f["text"] for f in report["findings"]} == {"Tavoz"} and not report["summary"]["problems"]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", categories=("L", "Zs", "P")), min_size=2, max_size=80),
       st.sampled_from(["utf-16", "utf-16-le", "utf-16-be", "utf-32"]))
def test_wide_text_decodes_to_itself(text, encoding):
    # BOM-less UTF-16 is told by its NUL bytes, which only mostly-Latin text has: give it some.
    text = "News " + text if encoding in ("utf-16-le", "utf-16-be") else text
    if encoding in ("utf-16-le", "utf-16-be") and sum(ord(c) < 256 for c in text) < 0.95 * len(text):
        return
    assert decode(text.encode(encoding), "x.txt") == text


def test_fix_writes_utf16_back_as_utf16(tmp_path):
    article, glossary = desk(tmp_path)
    article.write_bytes("Officials in Tavoz said so.\n".encode("utf-16"))
    code, _, err = audit("fix", str(article), "-g", str(glossary), "--isolated")
    assert code == 1
    assert article.read_bytes().decode("utf-16") == "Officials in Tovuz said so.\n"


def test_a_file_name_that_is_not_utf8_is_scanned_and_reported(tmp_path):
    _, glossary = desk(tmp_path)
    folder = os.fsencode(tmp_path / "news")
    with open(os.path.join(folder, b"caf\xe9.txt"), "wb") as stream:
        stream.write(b"Officials in Tavoz said so.\n")
    for form in ("text", "json", "sarif", "junit", "github", "markdown", "html", "jsonl"):
        code, out, err = audit("scan", str(tmp_path / "news"), "-g", str(glossary), "--isolated", "-f", form)
        assert code == 1 and "internal error" not in err, form
        assert "caf" in out, form
    code, out, _ = audit("scan", str(tmp_path / "news"), "-g", str(glossary), "--isolated", "-f", "json")
    paths = {finding["path"] for finding in json.loads(out)["findings"]}
    assert any(path.endswith("caf\udce9.txt") for path in paths)  # the JSON escape of the undecodable byte
    report = tmp_path / "report.txt"
    code, _, err = audit("scan", str(tmp_path / "news"), "-g", str(glossary), "--isolated", "-o", str(report))
    assert code == 1 and "caf\\udce9.txt" in report.read_text(encoding="utf-8")
    code, _, err = audit("names", str(tmp_path / "news"), "-g", str(glossary), "--csv", str(tmp_path / "n.csv"))
    assert code == 0, err
