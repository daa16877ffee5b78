"""engine.scan from Python: results, order, determinism, standard input, and the JSON contract."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from audit.cli import main
from audit.config import Settings
from audit.engine import build_context, scan
from audit.glossary import GlossaryError
from audit.model import Finding, RunResult, Severity
from audit.reporters import render

ARTICLE_A = (
    "Fighting resumed in nagorno-Karabakh on Tuesday.\n"
    "Azerbaijan said its positions near Tovouz came under fire.\n"
    "Prime Minister Nicholas Pashinyan said civilians in Stepanakyert sheltered in basements.\n"
    "Photo: The mirror\n"
)
ARTICLE_B = "Ilham Aliyev met Vladimir Putin in Moscow.\r\nThe Businessman reported that Jerewan would send a delegation.\r\n"
ARTICLE_C = "Nothing to see here: Baku and Yerevan are spelled right.\n"


@pytest.fixture
def corpus(tmp_path):
    root = tmp_path / "copy"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text(ARTICLE_A, encoding="utf-8", newline="")
    (root / "sub" / "b.txt").write_text(ARTICLE_B, encoding="utf-8", newline="")
    (root / "c.md").write_text(ARTICLE_C, encoding="utf-8", newline="")
    return root


@pytest.fixture
def settings(names_glossary_path):
    return Settings(glossaries=(str(names_glossary_path),))


def test_scan_from_python(corpus, settings):
    result = scan([str(corpus)], settings)
    assert isinstance(result, RunResult)
    assert result.files_scanned == 3
    assert result.problems == ()
    assert sorted(Path(p).name for p in result.paths) == ["a.txt", "b.txt", "c.md"]
    assert result.words_scanned == sum(len(t.split()) for t in (ARTICLE_A, ARTICLE_B, ARTICLE_C))
    got = {(Path(f.path).name, f.rule, f.text, f.suggestion) for f in result.findings}
    assert {
        ("a.txt", "AUD104", "nagorno-Karabakh", "Nagorno-Karabakh"),
        ("a.txt", "AUD101", "Tovouz", "Tovuz"),
        ("a.txt", "AUD102", "Nicholas Pashinyan", "Nikol Pashinyan"),
        ("a.txt", "AUD101", "Stepanakyert", "Stepanakert"),
        ("a.txt", "AUD103", "The mirror", "Der Spiegel"),
        ("b.txt", "AUD103", "The Businessman", "Kommersant"),
        ("b.txt", "AUD101", "Jerewan", "Yerevan"),
    } <= got
    assert not any(Path(f.path).name == "c.md" and f.rule.startswith("AUD10") for f in result.findings)
    assert {rule.id for rule in result.rules} >= {"AUD101", "AUD102", "AUD103", "AUD104"}


def test_findings_are_sorted_and_unique(corpus, settings):
    findings = list(scan([str(corpus)], settings).findings)
    assert findings == sorted(findings, key=Finding.sort_key)
    assert len({(f.path, f.start, f.end, f.rule) for f in findings}) == len(findings)


def test_paths_in_the_given_order_are_kept_as_named(corpus, settings, monkeypatch):
    monkeypatch.chdir(corpus)
    result = scan(["sub/b.txt", "a.txt"], settings)
    assert {f.path for f in result.findings} == {"sub/b.txt", "a.txt"}
    assert list(result.paths) == ["sub/b.txt", "a.txt"]


def test_two_runs_give_identical_json(corpus, settings):
    first = render("json", scan([str(corpus)], settings))
    second = render("json", scan([str(corpus)], settings))
    assert first == second
    # a fresh context (new matcher, caches empty) and a reused one agree too
    context = build_context(settings)
    third = render("json", scan([str(corpus)], settings, context=context))
    fourth = render("json", scan([str(corpus)], settings, context=context))
    assert first == third == fourth


def test_a_reused_context_sees_a_changed_file_as_it_is_now(corpus, settings):
    """Name matches are per scan: a watch loop or server reusing one context must not report a fixed name."""
    context = build_context(settings)
    article = corpus / "a.txt"
    before = scan([str(article)], settings, context=context)
    assert ("AUD101", "Tovouz") in {(f.rule, f.text) for f in before.findings}
    article.write_text(ARTICLE_A.replace("Tovouz", "Tovuz"), encoding="utf-8")
    after = scan([str(article)], settings, context=context)
    assert {f.text for f in after.findings if f.rule == "AUD101"} == {"Stepanakyert"}


def test_output_does_not_depend_on_hash_seed(corpus, names_glossary_path):
    """Set and dict order must never leak into the report: two interpreters, two hash seeds, one output."""
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-m", "audit.cli", "scan", "--format", "json", "-g", str(names_glossary_path), str(corpus)],
            capture_output=True, text=True, env=env, cwd=corpus, timeout=120,
        )
        assert "Traceback" not in done.stderr, done.stderr
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]
    assert json.loads(outputs[0])["findings"]


def test_stdin_through_the_library(settings):
    data = ARTICLE_A.encode("utf-8")
    result = scan(["-"], settings, stdin=lambda: data)
    assert result.files_scanned == 1
    assert {f.path for f in result.findings} == {"-"}
    assert ("AUD101", "Tovouz") in {(f.rule, f.text) for f in result.findings}


def test_stdin_through_the_cli(names_glossary_path, monkeypatch, capsys):
    stream = io.TextIOWrapper(io.BytesIO(("\ufeff" + ARTICLE_A).encode("utf-8")), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stream)
    main(["scan", "-", "--format", "json", "--glossary", str(names_glossary_path)])
    document = json.loads(capsys.readouterr().out)
    texts = {(f["rule"], f["text"], f["path"]) for f in document["findings"]}
    assert ("AUD101", "Tovouz", "-") in texts
    assert ("AUD103", "The mirror", "-") in texts
    tovouz = next(f for f in document["findings"] if f["text"] == "Tovouz")
    assert tovouz["start"] == ARTICLE_A.index("Tovouz")  # the BOM is not counted


def test_stdin_mixed_with_files(corpus, settings):
    data = "Residents of Khojavand left.".encode()
    result = scan(["-", str(corpus / "c.md")], settings, stdin=lambda: data)
    assert result.files_scanned == 2
    assert [(f.path, f.text) for f in result.findings if f.rule == "AUD101"] == [("-", "Khojavand")]


def test_select_ignore_and_severity(corpus, names_glossary_path):
    base = dict(glossaries=(str(names_glossary_path),))
    only = scan([str(corpus)], Settings(**base, select=("AUD103",)))
    assert {f.rule for f in only.findings} == {"AUD103"}
    by_name = scan([str(corpus)], Settings(**base, select=("known-wrong-form",)))
    assert [f.text for f in by_name.findings] == [f.text for f in only.findings]
    ignored = scan([str(corpus)], Settings(**base, ignore=("AUD101", "name-casing")))
    assert not {f.rule for f in ignored.findings} & {"AUD101", "AUD104"}
    assert "AUD103" in {f.rule for f in ignored.findings}
    raised = scan([str(corpus)], Settings(**base, select=("AUD104",), severity={"AUD104": Severity.ERROR}))
    assert raised.findings and {f.severity for f in raised.findings} == {Severity.ERROR}


def test_bad_glossary_raises_glossary_error(tmp_path, corpus):
    bad = tmp_path / "bad.csv"
    bad.write_text("canonical,type\nBaku,village\n", encoding="utf-8")
    with pytest.raises(GlossaryError, match=r"bad\.csv:2: "):
        scan([str(corpus)], Settings(glossaries=(str(bad),)))


def test_default_settings_use_the_bundled_glossary(corpus):
    result = scan([str(corpus / "a.txt")])
    assert ("AUD101", "Tovouz", "Tovuz") in {(f.rule, f.text, f.suggestion) for f in result.findings}


# -- the JSON contract -----------------------------------------------------------------------------
FIELDS = {
    "path": str,
    "line": int,
    "column": int,
    "end_line": int,
    "end_column": int,
    "start": int,
    "end": int,
    "text": str,
    "rule": str,
    "name": str,
    "severity": str,
    "confidence": (int, float),
    "message": str,
}


def test_json_contract(corpus, settings):
    result = scan([str(corpus)], settings)
    document = json.loads(render("json", result))
    assert isinstance(document, dict)
    assert isinstance(document["findings"], list) and document["findings"]
    texts = {str(p): p.read_bytes().decode("utf-8") for p in corpus.rglob("*") if p.is_file()}
    rule_ids = {rule.id for rule in result.rules}
    for finding in document["findings"]:
        for key, kind in FIELDS.items():
            assert key in finding, key
            assert isinstance(finding[key], kind) and not isinstance(finding[key], bool), (key, finding[key])
        assert "suggestion" in finding and (finding["suggestion"] is None or isinstance(finding["suggestion"], str))
        text = texts[finding["path"]]
        assert 0 <= finding["start"] < finding["end"] <= len(text)
        assert finding["text"] == text[finding["start"] : finding["end"]]
        # line/column agree with the offsets (1-based, end exclusive)
        before = text[: finding["start"]]
        line = before.count("\n") + 1
        assert finding["line"] == line
        assert finding["column"] == finding["start"] - (before.rfind("\n") + 1) + 1
        before_end = text[: finding["end"]]
        assert finding["end_line"] == before_end.count("\n") + 1
        assert finding["end_column"] == finding["end"] - (before_end.rfind("\n") + 1) + 1
        assert (finding["end_line"], finding["end_column"]) > (finding["line"], finding["column"])
        assert finding["severity"] in ("error", "warning", "info")
        assert 0.0 <= finding["confidence"] <= 1.0
        assert finding["rule"] in rule_ids
        assert finding["message"].strip()
    names = {f["rule"]: f["name"] for f in document["findings"]}
    assert names.get("AUD101") == "garbled-name"
    assert names.get("AUD103") == "known-wrong-form"


def test_json_summary(corpus, settings):
    result = scan([str(corpus)], settings)
    document = json.loads(render("json", result))
    summary = document["summary"]
    assert summary["files"] == 3
    assert summary["findings"] == len(document["findings"])
    assert set(summary["by_severity"]) == {"error", "warning", "info"}
    assert sum(summary["by_severity"].values()) == len(document["findings"])
    for label, count in summary["by_severity"].items():
        assert count == sum(1 for f in document["findings"] if f["severity"] == label)
    assert summary["by_rule"] == {
        rule: sum(1 for f in document["findings"] if f["rule"] == rule) for rule in sorted({f["rule"] for f in document["findings"]})
    }
    assert list(summary["by_rule"]) == sorted(summary["by_rule"])
    assert isinstance(summary["baselined"], int) and isinstance(summary["suppressed"], int)
    assert summary["problems"] == []


def test_json_summary_lists_problems(corpus, settings):
    result = scan([str(corpus), str(corpus / "missing.txt")], settings)
    summary = json.loads(render("json", result))["summary"]
    assert len(summary["problems"]) == 1 and "missing.txt" in summary["problems"][0]


def test_json_is_valid_utf8_with_non_ascii_text(tmp_path, settings):
    article = tmp_path / "a.txt"
    article.write_text("«Photo: The mirror» — Çavuşoğlu said Tovouz was shelled.\n", encoding="utf-8")
    document = json.loads(render("json", scan([str(article)], settings)))
    for finding in document["findings"]:
        assert finding["text"] == article.read_text(encoding="utf-8")[finding["start"] : finding["end"]]


@pytest.mark.pure_python
def test_without_name_rules_the_matcher_is_not_run(corpus, settings, monkeypatch):
    # The spelling checks leave out what a name rule reports; with no name rule selected there is nothing
    # to leave out, and `--select AUD3` should not pay for the name matcher.
    from audit.matching.matcher import Matcher

    hygiene = Settings(glossaries=settings.glossaries, select=("AUD2", "AUD3", "AUD4"))
    expected = scan([str(corpus)], hygiene).findings
    monkeypatch.setattr(Matcher, "find", lambda self, text: pytest.fail("the matcher ran"))
    assert scan([str(corpus)], hygiene).findings == expected
