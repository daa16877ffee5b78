"""Baselines: --write-baseline records today's findings, --baseline reports only new ones."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from report_support import GLOSSARY, make_finding, run

from audit import baseline as baselines

ARTICLE = "Officials in Jerevan said so.\n\nPresident ilham aliyev would visit Jerevan.\n"


@pytest.fixture()
def desk(tmp_path, monkeypatch) -> Path:
    shutil.copyfile(GLOSSARY, tmp_path / "desk.toml")
    (tmp_path / "audit.toml").write_text('glossaries = ["desk.toml"]\nfail-on = "info"\n', encoding="utf-8")
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _json(argv):
    code, out, err = run([*argv, "--format", "json"])
    return code, json.loads(out), err


def test_round_trip(desk):
    code, before, _ = _json(["scan", "news"])
    assert code == 1 and before["summary"]["findings"] == 3
    code, written, err = _json(["scan", "news", "--write-baseline", "baseline.json"])
    assert code == 0 and written["findings"] == [] and written["summary"]["baselined"] == 3
    assert "wrote 3 findings to baseline baseline.json" in err
    assert [p.name for p in desk.iterdir() if p.name.startswith(".")] == [], "no temporary file left behind"
    code, after, _ = _json(["scan", "news", "--baseline", "baseline.json"])
    assert code == 0 and after["findings"] == [] and after["summary"]["baselined"] == 3
    code, out, _ = run(["scan", "news", "--baseline", "baseline.json"])
    assert out.strip() == "0 findings in 0 of 1 file; 3 baselined"


def test_only_new_findings_are_reported(desk):
    run(["scan", "news", "--write-baseline", "baseline.json"])
    article = desk / "news" / "a.txt"
    article.write_text("A new first line.\n\n" + ARTICLE + "\nThe talks in Jerevan and Stepanakret ended.\n", encoding="utf-8")
    code, after, _ = _json(["scan", "news", "--baseline", "baseline.json"])
    assert code == 1
    assert [(f["text"], f["line"]) for f in after["findings"]] == [("Jerevan", 7), ("Stepanakret", 7)]
    assert after["summary"]["baselined"] == 3


def test_fixing_a_finding_keeps_the_rest_baselined(desk):
    run(["scan", "news", "--write-baseline", "baseline.json"])
    (desk / "news" / "a.txt").write_text(ARTICLE.replace("Officials in Jerevan", "Officials in Yerevan"), encoding="utf-8")
    code, after, _ = _json(["scan", "news", "--baseline", "baseline.json"])
    assert code == 0 and after["summary"]["baselined"] == 2


def test_baseline_paths_are_relative_to_the_baseline_file(desk, monkeypatch):
    run(["scan", "news", "--write-baseline", "baseline.json"])
    records = json.loads((desk / "baseline.json").read_text(encoding="utf-8"))
    assert records["version"] == 1
    assert {r["path"] for r in records["findings"]} == {"news/a.txt"}
    assert sorted(r["occurrence"] for r in records["findings"] if r["text"] == "Jerevan") == [1, 2]
    monkeypatch.chdir(desk / "news")
    code, after, _ = _json(["scan", "a.txt", "--baseline", "../baseline.json"])
    assert code == 0 and after["summary"]["baselined"] == 3


@pytest.mark.parametrize("content", ["not json", '{"version": 7, "findings": []}', '{"version": 1, "findings": [{}]}'])
def test_bad_baseline_is_exit_2_naming_the_file(desk, content):
    (desk / "baseline.json").write_text(content, encoding="utf-8")
    code, out, err = run(["scan", "news", "--baseline", "baseline.json"])
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and err.startswith("audit: baseline.json: ")


def test_missing_baseline_is_exit_2(desk):
    code, _, err = run(["scan", "news", "--baseline", "none.json"])
    assert code == 2 and "none.json: cannot read baseline" in err


def test_write_is_atomic_and_sorted(tmp_path):
    target = tmp_path / "b.json"
    target.write_text("old", encoding="utf-8")
    findings = [make_finding("Jerevan", path=str(tmp_path / "x.md"), suggestion="Yerevan"), make_finding(path=str(tmp_path / "x.md"))]
    assert baselines.write(target, findings) == 2
    records = json.loads(target.read_text(encoding="utf-8"))["findings"]
    assert [r["text"] for r in records] == ["Jerevan", "Tavoz"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.json"]
    loaded = baselines.load(target)
    assert all(loaded.knows(f) for f in findings)
    with pytest.raises(baselines.BaselineError, match="cannot write baseline"):
        baselines.write(tmp_path / "no" / "dir" / "b.json", findings)
