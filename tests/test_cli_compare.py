"""`audit compare` on the command line: text and JSON output, thresholds, exit codes 0 / 1 / 2."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from report_support import run
from typer.testing import CliRunner

from audit.cli import app

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "compare"
HYP, REF, SRC, GLOSSARY = (str(FIXTURES / name) for name in ("hypothesis.txt", "reference.txt", "source.txt", "glossary.toml"))
runner = CliRunner()


def invoke(*argv: str):
    return runner.invoke(app, ["compare", *argv])


def test_text_output_shows_scores_signatures_divergences_and_worst_segments():
    result = invoke(HYP, "--ref", REF, "--source", SRC, "--glossary", GLOSSARY, "--no-color")
    assert result.exit_code == 1, result.output  # name divergences at the default fail-on (warning)
    out = result.output
    assert "chrF signature: nrefs:1|case:mixed" in out
    # with the glossary, Kiev is the glossary's finding (one finding per span), Zelensky the reference's
    assert f'{HYP}:1:41  error    AUD502 glossary-name-divergence  "Kiev" \u2192 "Kyiv"' in out
    assert f'{HYP}:2:1  warning  AUD501 reference-name-divergence  "Zelensky" \u2192 "Zelenskyy"' in out
    assert 'AUD503 source-name-missing  the source names "Atomstrazh" but this segment does not' in out
    assert "Worst segments (sentence chrF)" in out and "hyp: The Sands said" in out
    assert out.rstrip().endswith("FAILED: 4 name divergences; 4 at or above warning")
    assert invoke(HYP, "--ref", REF, "--no-color").output.count("AUD501 reference-name-divergence") == 2


def test_json_output_is_the_documented_contract():
    result = invoke(HYP, "--ref", REF, "--format", "json", "--fail-on", "never", "--min-chrf", "10")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["version"] == 1
    assert list(report) == ["version", "metrics", "names", "documents", "findings", "worst_segments", "thresholds", "summary"]
    assert set(report["metrics"]) == {"bleu", "chrf", "ter"}
    assert set(report["metrics"]["chrf"]) == {"score", "signature"}
    assert report["names"]["accuracy"] == 0.5
    [document] = report["documents"]
    assert (document["name"], document["segments"], document["source"]) == (HYP, 4, None)
    finding = report["findings"][0]
    assert (finding["rule"], finding["name"], finding["line"], finding["text"], finding["suggestion"]) == (
        "AUD501", "reference-name-divergence", 1, "Kiev", "Kyiv")
    assert report["thresholds"]["min_chrf"] == 10 and report["thresholds"]["fail_on"] == "never"
    assert report["summary"] == {"documents": 1, "segments": 4, "findings": 2, "by_rule": {"AUD501": 2},
                                 "missed": [], "passed": True}
    assert len(report["worst_segments"]) == 4  # --worst 5 but only 4 segments


@pytest.mark.parametrize(("options", "code"), [
    (["--fail-on", "never"], 0),
    (["--fail-on", "error"], 0),  # the divergences are warnings
    (["--fail-on", "warning"], 1),
    (["--fail-on", "never", "--min-chrf", "99"], 1),
    (["--fail-on", "never", "--min-bleu", "99"], 1),
    (["--fail-on", "never", "--max-ter", "1"], 1),
    (["--fail-on", "never", "--min-name-accuracy", "0.9"], 1),
    (["--fail-on", "never", "--min-name-accuracy", "0.5", "--min-chrf", "1", "--max-ter", "100"], 0),
])
def test_thresholds_and_fail_on_set_the_exit_code(options, code):
    result = invoke(HYP, "--ref", REF, *options)
    assert result.exit_code == code, result.output


def test_a_missed_threshold_is_named():
    result = invoke(HYP, "--ref", REF, "--fail-on", "never", "--min-chrf", "99", "--no-color")
    assert "missed: chrf" in result.output and "< --min-chrf 99" in result.output


def test_identical_files_pass():
    result = invoke(REF, "--ref", REF, "--no-color")
    assert result.exit_code == 0, result.output
    assert "passed: 0 name divergences" in result.output


def test_misaligned_files_exit_2_naming_files_and_counts():
    code, out, err = run(["compare", HYP, "--ref", str(FIXTURES / "reference-short.txt")])
    assert code == 2 and out == ""
    assert "hypothesis.txt has 4 lines but reference" in err and "reference-short.txt has 2" in err
    assert "Traceback" not in err


def test_missing_input_and_bad_glossary_exit_2(tmp_path):
    code, _, err = run(["compare", HYP, "--ref", str(tmp_path / "nope.txt")])
    assert code == 2 and "nope.txt: no such file or directory (reference)" in err
    bad = tmp_path / "bad.toml"
    bad.write_text('[[entry]]\ncanonical = "Kyiv"\nforms = {ukrainian = "Київ"}\n', encoding="utf-8")
    code, _, err = run(["compare", HYP, "--ref", REF, "--glossary", str(bad)])
    assert code == 2 and "bad.toml:1: forms of 'Kyiv'" in err


def test_output_file_and_folders(tmp_path):
    target = tmp_path / "compare.json"
    result = invoke(str(FIXTURES / "folder" / "hyp"), "--ref", str(FIXTURES / "folder" / "ref"),
                    "--format", "json", "--output", str(target))
    assert result.exit_code == 1 and result.output == ""
    report = json.loads(target.read_text(encoding="utf-8"))
    assert [d["name"] for d in report["documents"]] == ["a.txt", "b.txt"]
    assert [f["text"] for f in report["findings"]] == ["Kharkov", "Igor"]


def test_explain_and_rules_know_the_compare_rules():
    assert "reference-name-divergence" in runner.invoke(app, ["rules"]).output
    explained = runner.invoke(app, ["explain", "source-name-missing"])
    assert explained.exit_code == 0 and explained.output.startswith("AUD503 source-name-missing (warning)")


def test_empty_input_is_an_input_error_not_a_pass(tmp_path):
    (tmp_path / "hyp.txt").write_text("", encoding="utf-8")
    (tmp_path / "ref.txt").write_text("", encoding="utf-8")
    code, _, err = run(["compare", str(tmp_path / "hyp.txt"), "--ref", str(tmp_path / "ref.txt"), "--min-chrf", "50"])
    assert code == 2 and "no segments to compare" in err


def test_source_without_glossary_forms_says_what_it_checks():
    code, _, err = run(["compare", HYP, "--ref", REF, "--source", SRC, "--fail-on", "never"])
    assert code == 0 and "--source checks only names of a --glossary whose entries have source-language forms" in err
    code, _, err = run(["compare", HYP, "--ref", REF, "--source", SRC, "--glossary", GLOSSARY, "--fail-on", "never"])
    assert err == ""
