"""Output corruption: a report, CSV or baseline is never written onto an input, a device, a FIFO or a link."""
from __future__ import annotations

import os
import stat
import threading

import pytest
from hostile_support import audit, desk

from audit.atomic import WriteError, check_target, write_atomic


def test_output_onto_the_scanned_article_is_refused(tmp_path):
    article, glossary = desk(tmp_path)
    before = article.read_bytes()
    code, _, err = audit("scan", str(article.parent), "-g", str(glossary), "--isolated", "-o", str(article))
    assert code == 2 and str(article) in err and "scanned inputs" in err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert article.read_bytes() == before


def test_output_onto_an_input_through_another_name_is_refused(tmp_path):
    article, glossary = desk(tmp_path)
    alias = tmp_path / "alias.txt"
    os.link(article, alias)  # a hard link: another name, the same file
    before = article.read_bytes()
    code, _, err = audit("scan", str(article), "-g", str(glossary), "--isolated", "-o", str(alias))
    assert code == 2 and "scanned inputs" in err
    assert article.read_bytes() == before


@pytest.mark.parametrize("option", ["--write-baseline", "--output"])
def test_baseline_and_output_onto_a_symlink_are_refused(tmp_path, option):
    article, glossary = desk(tmp_path)
    kept = tmp_path / "kept.txt"
    kept.write_text("keep me\n", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(kept)
    code, _, err = audit("scan", str(article), "-g", str(glossary), "--isolated", option, str(link))
    assert code == 2 and "symbolic link" in err and str(link) in err
    assert link.is_symlink() and kept.read_text(encoding="utf-8") == "keep me\n"


def test_names_csv_onto_a_fifo_is_refused_without_blocking(tmp_path):
    article, glossary = desk(tmp_path)
    fifo = tmp_path / "names.csv"
    os.mkfifo(fifo)
    code, _, err = audit("names", str(article), "-g", str(glossary), "--csv", str(fifo))
    assert code == 2 and "FIFO" in err
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_a_device_is_never_replaced():
    with pytest.raises(WriteError, match="device"):
        write_atomic("/dev/null", "report")
    assert stat.S_ISCHR(os.lstat("/dev/null").st_mode)


@pytest.mark.parametrize("name", ["", "   "])
def test_an_empty_output_name_is_a_usage_error(tmp_path, name):
    article, glossary = desk(tmp_path)
    code, _, err = audit("scan", str(article), "-g", str(glossary), "--isolated", "-o", name)
    assert code == 2 and err.startswith("audit: ") and err.count("\n") == 1


def test_a_user_file_named_like_a_temporary_file_survives(tmp_path):
    target = tmp_path / "report.txt"
    decoy = tmp_path / ".report.txt.tmp"
    decoy.write_text("mine", encoding="utf-8")
    write_atomic(target, "report\n")
    assert decoy.read_text(encoding="utf-8") == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".report.txt.tmp", "report.txt"]


def test_replacing_keeps_the_file_mode(tmp_path):
    target = tmp_path / "report.txt"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "new" and stat.S_IMODE(target.stat().st_mode) == 0o640


def test_concurrent_writers_never_interleave(tmp_path):
    target = tmp_path / "out.txt"
    bodies = [(chr(ord("a") + index) * 200_000 + "\n") for index in range(6)]
    threads = [threading.Thread(target=write_atomic, args=(target, body)) for body in bodies]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert target.read_text(encoding="utf-8") in bodies
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


def test_fix_refuses_a_symlinked_article_and_leaves_its_target(tmp_path):
    article, glossary = desk(tmp_path)
    article.write_text("Officials in Tavoz said so.\n", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(article)
    code, _, err = audit("fix", str(link), "-g", str(glossary), "--isolated")
    assert code == 2 and "symbolic link" in err
    assert link.is_symlink() and article.read_text(encoding="utf-8") == "Officials in Tavoz said so.\n"


def test_check_target_accepts_a_new_file_and_a_regular_one(tmp_path):
    check_target(tmp_path / "new.txt")
    existing = tmp_path / "old.txt"
    existing.write_text("x", encoding="utf-8")
    check_target(existing, inputs=[str(tmp_path / "other.txt")])


@pytest.mark.parametrize("command", ["names-csv", "write-baseline", "report-html"])
def test_no_writer_overwrites_a_scanned_article(tmp_path, command):
    article, glossary = desk(tmp_path)
    target = article.parent / "b.txt"  # an article of the scanned folder
    target.write_text("Officials in Tavoz said so.\n", encoding="utf-8")
    before = target.read_bytes()
    argv = {
        "names-csv": ["names", str(article.parent), "-g", str(glossary), "--csv", str(target)],
        "write-baseline": ["scan", str(article.parent), "-g", str(glossary), "--isolated", "--write-baseline", str(target)],
        "report-html": ["scan", str(article.parent), "-g", str(glossary), "--isolated", "-f", "html", "-o", str(target)],
    }[command]
    code, _, err = audit(*argv)
    assert code == 2 and "scanned inputs" in err and str(target) in err
    assert target.read_bytes() == before
