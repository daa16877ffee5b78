"""Provenance: every JSON report, SARIF run and baseline says how it was made (a sacrebleu-style signature)."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from report_support import GLOSSARY, run

from audit import __version__

ARTICLE = "Officials in Jerevan said so.\n\nPresident ilham aliyev would visit Jerevan.\n"


@pytest.fixture()
def desk(tmp_path, monkeypatch) -> Path:
    shutil.copyfile(GLOSSARY, tmp_path / "desk.toml")
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _signature(*options: str) -> dict[str, str]:
    code, out, err = run(["scan", "news", "--isolated", "--format", "json", *options])
    assert code in (0, 1), err
    signature = json.loads(out)["summary"]["signature"]
    return dict(field.split(":", 1) for field in signature.split("|"))


def test_the_signature_names_version_glossary_rules_threshold_and_language(desk):
    fields = _signature("-g", "desk.toml")
    assert list(fields) == ["wire-audit", "glossary", "rules", "min-confidence", "language", "debris"]
    assert fields["wire-audit"] == __version__
    assert len(fields["glossary"]) == 12 and fields["rules"] == "all"
    assert (fields["min-confidence"], fields["language"], fields["debris"]) == ("0.7", "en", "bundled")
    chosen = _signature("-g", "desk.toml", "--select", "AUD101,name-casing", "--min-confidence", "0.8", "--language", "de")
    assert (chosen["rules"], chosen["min-confidence"], chosen["language"]) == ("AUD101+AUD104", "0.8", "de")


def test_the_glossary_hash_follows_its_entries_not_its_file(desk):
    original = _signature("-g", "desk.toml")["glossary"]
    moved = desk / "elsewhere.toml"
    moved.write_text("# the same entries, another file\n" + GLOSSARY.read_text(encoding="utf-8"), encoding="utf-8")
    assert _signature("-g", str(moved))["glossary"] == original
    moved.write_text(GLOSSARY.read_text(encoding="utf-8") + '\n[[entry]]\ncanonical = "Gyumri"\ntype = "place"\n',
                     encoding="utf-8")
    assert _signature("-g", str(moved))["glossary"] != original


def test_sarif_runs_and_baselines_carry_the_same_signature(desk):
    _, out, _ = run(["scan", "news", "--isolated", "-g", "desk.toml", "--format", "json"])
    signature = json.loads(out)["summary"]["signature"]
    _, out, _ = run(["scan", "news", "--isolated", "-g", "desk.toml", "--format", "sarif"])
    assert json.loads(out)["runs"][0]["properties"]["signature"] == signature
    run(["scan", "news", "--isolated", "-g", "desk.toml", "--write-baseline", "baseline.json"])
    assert json.loads((desk / "baseline.json").read_text(encoding="utf-8"))["signature"] == signature
