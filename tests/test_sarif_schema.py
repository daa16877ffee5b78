"""SARIF output validates against the OASIS SARIF 2.1.0 schema (from ../shared), and its fingerprints
do not move when an edit above a finding moves its line."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from report_support import ARTICLES_REL, SHARED, at_root, run

jsonschema = pytest.importorskip("jsonschema")

SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def validator():
    if not SCHEMA.is_file():
        pytest.skip(f"SARIF schema not found at {SCHEMA} (../shared sits beside the checkout)")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def _sarif(argv: list[str]) -> dict:
    code, out, err = run(["scan", *argv, "--format", "sarif"])
    assert code in (0, 1), err
    return json.loads(out)


def _assert_valid(validator, document: dict) -> None:
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


def test_seeds_sarif_validates(validator):
    """The issue's command: `audit scan ../shared/seeds --format sarif`, bundled glossary."""
    with at_root():
        document = _sarif(["../shared/seeds", "--isolated"])
    _assert_valid(validator, document)
    run_ = document["runs"][0]
    assert run_["results"], "the seed articles have findings"
    rule_ids = [rule["id"] for rule in run_["tool"]["driver"]["rules"]]
    assert len(rule_ids) == len(set(rule_ids))
    for result in run_["results"]:
        assert rule_ids[result["ruleIndex"]] == result["ruleId"]


def test_fixture_sarif_validates(validator):
    with at_root():
        _assert_valid(validator, _sarif([ARTICLES_REL]))


def test_sarif_with_problems_and_stdin_validates(validator, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01 binary")
    code, out, _ = run(["scan", "bad.txt", "missing.txt", "--format", "sarif", "--isolated"])
    assert code == 2
    document = json.loads(out)
    _assert_valid(validator, document)
    invocation = document["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert len(invocation["toolExecutionNotifications"]) == 2


def _fingerprints(document: dict) -> list[tuple[str, str, int]]:
    return [
        (r["ruleId"], r["partialFingerprints"]["wireAudit/v1"], r["locations"][0]["physicalLocation"]["region"]["startLine"])
        for r in document["runs"][0]["results"]
    ]


def _blank_line_above_first_finding(path: Path, line: int) -> None:
    with open(path, encoding="utf-8", newline="") as stream:
        lines = stream.read().splitlines(keepends=True)
    newline = "\r\n" if lines[0].endswith("\r\n") else "\n"
    lines.insert(line - 1, newline)
    with open(path, "w", encoding="utf-8", newline="") as stream:
        stream.write("".join(lines))


def _check_stable(source: Path, tmp_path: Path, monkeypatch, *options: str) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copyfile(source, tmp_path / source.name)
    before = _fingerprints(_sarif([source.name, *options]))
    assert before, f"{source.name} should have findings"
    _blank_line_above_first_finding(tmp_path / source.name, before[0][2])
    after = _fingerprints(_sarif([source.name, *options]))
    assert [(rule, fp) for rule, fp, _ in after] == [(rule, fp) for rule, fp, _ in before]
    assert [line for *_, line in after] == [line + 1 for *_, line in before]
    assert len({fp for _, fp, _ in before}) == len(before), "every result has its own fingerprint"


def test_fingerprints_survive_a_blank_line_above_a_finding(tmp_path, monkeypatch):
    from report_support import GLOSSARY, REPORTS

    _check_stable(REPORTS / "articles" / "border-villages.txt", tmp_path, monkeypatch, "--isolated", "-g", str(GLOSSARY))


def test_seed_fingerprints_survive_a_blank_line_above_a_finding(tmp_path, monkeypatch):
    seeds = sorted((SHARED / "seeds").glob("*.txt")) if (SHARED / "seeds").is_dir() else []
    if not seeds:
        pytest.skip(f"seed articles not found in {SHARED / 'seeds'}")
    _check_stable(seeds[0], tmp_path, monkeypatch, "--isolated")
