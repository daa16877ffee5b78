"""`audit compare` on WMT22 documents (../shared/eval/wmt22): sacrebleu's own scores, and the names systems get wrong.

Skipped where ../shared is absent. No article text is copied here: only file names and the names compared.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import sacrebleu
from typer.testing import CliRunner

from audit.cli import app
from audit.compare import compare, load_pairs
from audit.glossary import parse_toml

runner = CliRunner()


@pytest.fixture(scope="module")
def wmt22(shared_dir) -> Path:
    folder = shared_dir / "eval" / "wmt22"
    if not folder.is_dir():
        pytest.skip(f"WMT22 documents not found at {folder}")
    return folder


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")[:-1]  # every file ends with a line break


def test_scores_equal_sacrebleu_called_directly(wmt22):
    document = wmt22 / "uk-en" / "test_uk_10"
    hypothesis, reference = document / "systems" / "Online-G.txt", document / "reference.txt"
    result = runner.invoke(app, ["compare", str(hypothesis), "--ref", str(reference), "--format", "json"])
    assert result.exit_code == 1, result.output  # it has name divergences
    report = json.loads(result.output)
    hyps, refs = _lines(hypothesis), _lines(reference)
    direct = {"bleu": sacrebleu.corpus_bleu(hyps, [refs]), "chrf": sacrebleu.corpus_chrf(hyps, [refs]),
              "ter": sacrebleu.corpus_ter(hyps, [refs])}
    for metric, score in direct.items():
        assert report["metrics"][metric]["score"] == pytest.approx(score.score, abs=1e-4), metric
        assert report["documents"][0]["metrics"][metric]["score"] == pytest.approx(score.score, abs=1e-4)
    chrf = sacrebleu.CHRF()
    chrf.corpus_score(hyps, [refs])
    assert report["metrics"]["chrf"]["signature"] == str(chrf.get_signature())


def test_the_russian_form_of_a_ukrainian_name_is_a_divergence(wmt22):
    document = wmt22 / "uk-en" / "test_uk_10"
    hypothesis = document / "systems" / "Online-G.txt"
    comparison = compare(load_pairs(str(hypothesis), str(document / "reference.txt")))
    found = {(f.rule, f.line, f.text, f.suggestion) for f in comparison.findings}
    assert ("AUD501", 3, "Kiev", "Kyiv") in found
    kiev = next(f for f in comparison.findings if f.text == "Kiev")
    assert _lines(hypothesis)[kiev.line - 1][kiev.column - 1:kiev.end_column - 1] == "Kiev"


def test_a_name_translated_for_its_meaning_is_found_from_the_source(wmt22, tmp_path):
    document = wmt22 / "ru-en" / "argumenti.ru.30890"
    glossary = parse_toml('[[entry]]\ncanonical = "Dmitry Peskov"\ntype = "person"\nforms = {ru = "Песков"}\n', "g.toml")

    def missing(system: str) -> list[int]:
        pairs = load_pairs(str(document / "systems" / f"{system}.txt"), str(document / "reference.txt"),
                           str(document / "source.txt"))
        return [f.line for f in compare(pairs, glossary, source_language="ru").findings if f.rule == "AUD503"]

    assert missing("ALMAnaCH-Inria") == [1, 4]  # this system wrote the surname as a common noun
    assert missing("Online-B") == []
