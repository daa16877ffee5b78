"""audit compare, the library: segments, sacrebleu scores, name divergences (AUD501-AUD503), worst segments."""
from __future__ import annotations

from pathlib import Path

import pytest
import sacrebleu

from audit.compare import CompareInputError, Thresholds, compare, load_pairs
from audit.compare.inputs import segmented
from audit.compare.names import SourceForms, divergence, names_entry
from audit.documents import Document
from audit.glossary import load_glossary, parse_toml

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "compare"
HYP, REF, SRC = (str(FIXTURES / name) for name in ("hypothesis.txt", "reference.txt", "source.txt"))
GLOSSARY = FIXTURES / "glossary.toml"


def lines(path: str) -> list[str]:
    return Path(path).read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize(("hypothesis", "reference"), [
    ("kiev", "kyiv"), ("kharkov", "kharkiv"), ("sergey", "sergei"), ("lukashenka", "lukashenko"),
    ("zelensky", "zelenskyy"), ("buchi", "bucha"), ("igor", "ihor"),
])
def test_two_spellings_of_one_name_diverge(hypothesis, reference):
    assert divergence(hypothesis, reference) is not None


@pytest.mark.parametrize(("hypothesis", "reference"), [
    ("ukrainian", "ukraine"),  # demonym
    ("peskova", "peskov"),  # inflection
    ("defence", "defense"),  # an ordinary word spelled two ways
    ("minister", "minster"),
    ("yugoslavia", "yugoslav"),  # a longer word built on the name
    ("kyiv", "kyiv"),
    ("berlin", "bonn"),  # two names
    ("kiev", "odesa"),
])
def test_inflections_demonyms_and_other_names_do_not(hypothesis, reference):
    assert divergence(hypothesis, reference) is None


def test_segments_are_lines_and_a_final_line_break_starts_none():
    assert segmented(Document.from_text("x", "one\ntwo\n")).segments == ("one", "two")
    assert segmented(Document.from_text("x", "one\r\ntwo")).segments == ("one", "two")
    assert segmented(Document.from_text("x", "one\n\nthree\n")).segments == ("one", "", "three")
    assert segmented(Document.from_text("x", "")).segments == ()


def test_scores_are_sacrebleus_own_with_signatures():
    comparison = compare(load_pairs(HYP, REF))
    hyps, refs = lines(HYP), lines(REF)
    assert comparison.metrics["bleu"].score == pytest.approx(sacrebleu.corpus_bleu(hyps, [refs]).score)
    assert comparison.metrics["chrf"].score == pytest.approx(sacrebleu.corpus_chrf(hyps, [refs]).score)
    assert comparison.metrics["ter"].score == pytest.approx(sacrebleu.corpus_ter(hyps, [refs]).score)
    assert comparison.metrics["chrf"].signature.startswith("nrefs:1|case:mixed|eff:yes|nc:6|nw:0")
    assert "tok:13a" in comparison.metrics["bleu"].signature


def test_reference_divergences_point_into_the_hypothesis():
    comparison = compare(load_pairs(HYP, REF))
    found = [(f.rule, f.line, f.column, f.text, f.suggestion) for f in comparison.findings]
    kiev_column = lines(HYP)[0].index("Kiev") + 1
    assert found == [
        ("AUD501", 1, kiev_column, "Kiev", "Kyiv"),
        ("AUD501", 2, 1, "Zelensky", "Zelenskyy"),  # the possessive 's is not part of it
    ]
    text = Path(HYP).read_text(encoding="utf-8")
    assert all(text[f.start:f.end] == f.text for f in comparison.findings)


def test_name_accuracy_counts_names_rendered_exactly_and_divergently():
    names = compare(load_pairs(HYP, REF)).names
    # Kyiv and Zelenskyy diverge; Scholz and Berlin are exact; Peskov and Atomstrazh appear in no form.
    assert (names.reference_checked, names.reference_divergent, names.reference_unmatched) == (4, 2, 2)
    assert names.accuracy == pytest.approx(0.5)


def test_source_forms_catch_literal_translations():
    comparison = compare(load_pairs(HYP, REF, SRC), load_glossary(GLOSSARY))
    missing = [(f.line, f.suggestion, f.confidence) for f in comparison.findings if f.rule == "AUD503"]
    # "The Sands said" for Песков, "Atomic Sentinel" for «Атомный страж»; Kiev is already an AUD501 on line 1,
    # and Berlin (Берлине, an inflected form) is translated.
    assert missing == [(1, "Dmitry Peskov", 0.9), (3, "Atomstrazh", 0.9)]
    assert comparison.names.source_checked == 4
    assert comparison.names.source_missing == 2


def test_source_forms_of_another_language_are_left_out_when_one_is_named():
    comparison = compare(load_pairs(HYP, REF, SRC), load_glossary(GLOSSARY), source_language="de")
    assert not [f for f in comparison.findings if f.rule == "AUD503"]


def test_a_name_the_reference_also_lacks_is_only_info(tmp_path):
    (tmp_path / "src.txt").write_text("Песков промолчал.\n", encoding="utf-8")
    (tmp_path / "ref.txt").write_text("The Kremlin kept silent.\n", encoding="utf-8")
    (tmp_path / "hyp.txt").write_text("The Sands was silent.\n", encoding="utf-8")
    pairs = load_pairs(*(str(tmp_path / name) for name in ("hyp.txt", "ref.txt", "src.txt")))
    [finding] = compare(pairs, load_glossary(GLOSSARY)).findings
    assert (finding.rule, finding.severity.label) == ("AUD503", "info")


def test_source_forms_match_simple_inflections_only():
    forms = SourceForms(load_glossary(GLOSSARY), "ru")
    assert [e.canonical for e in forms.named("Слова Пескова и встреча в Киеве")] == ["Dmitry Peskov", "Kyiv"]
    assert forms.named("Песковский район") == []  # another word built on the name, not a case ending


def test_an_entry_is_named_by_its_surname_or_an_inflection():
    entry = load_glossary(GLOSSARY).entries[0]
    assert names_entry("Peskov's remarks", entry)
    assert names_entry("said Dmitry Peskov.", entry)
    assert not names_entry("The Sands said", entry)


def test_glossary_divergences_use_the_scan_matcher(tmp_path):
    glossary = parse_toml('[[entry]]\ncanonical = "Stepanakert"\ntype = "place"\n', "g.toml")
    (tmp_path / "ref.txt").write_text("Shelling was heard in Stepanakert.\n", encoding="utf-8")
    (tmp_path / "hyp.txt").write_text("Shelling was heard in Stefanakert.\n", encoding="utf-8")
    comparison = compare(load_pairs(str(tmp_path / "hyp.txt"), str(tmp_path / "ref.txt")), glossary)
    # one finding for the span: the glossary's, not a second one from the reference
    assert [(f.rule, f.text, f.suggestion) for f in comparison.findings] == [("AUD502", "Stefanakert", "Stepanakert")]
    assert comparison.names.divergent == 1


def test_a_spelling_the_glossary_accepts_is_not_a_divergence(tmp_path):
    glossary = parse_toml('[[entry]]\ncanonical = "Kyiv"\nvariants = ["Kiev"]\ntype = "place"\n', "g.toml")
    (tmp_path / "ref.txt").write_text("Talks in Kyiv.\n", encoding="utf-8")
    (tmp_path / "hyp.txt").write_text("Talks in Kiev.\n", encoding="utf-8")
    assert compare(load_pairs(str(tmp_path / "hyp.txt"), str(tmp_path / "ref.txt")), glossary).findings == ()


def test_worst_segments_have_the_lowest_sentence_chrf():
    worst = compare(load_pairs(HYP, REF), worst=2).worst
    direct = sorted((sacrebleu.sentence_chrf(h, [r]).score, line) for line, (h, r) in enumerate(zip(lines(HYP), lines(REF)), 1))
    assert [(segment.chrf, segment.line) for segment in worst] == [pytest.approx(item) for item in direct[:2]]
    assert worst[0].line == 1  # "The Sands said that the negotiations..." is furthest from its reference
    assert worst[0].hypothesis == lines(HYP)[0] and worst[0].reference == lines(REF)[0]


def test_folders_pair_files_by_name_and_score_each_document():
    comparison = compare(load_pairs(str(FIXTURES / "folder" / "hyp"), str(FIXTURES / "folder" / "ref")))
    assert [(d.name, d.segments) for d in comparison.documents] == [("a.txt", 2), ("b.txt", 1)]
    assert comparison.documents[1].metrics["chrf"].score == pytest.approx(100.0)
    assert [(f.path.endswith("a.txt"), f.text) for f in comparison.findings] == [(True, "Kharkov"), (True, "Igor")]


def test_misaligned_files_name_both_files_and_counts():
    with pytest.raises(CompareInputError, match=r"hypothesis.txt has 4 lines but reference .*reference-short.txt has 2"):
        load_pairs(HYP, str(FIXTURES / "reference-short.txt"))


def test_folder_without_a_partner_file_is_named(tmp_path):
    for side in ("hyp", "ref"):
        (tmp_path / side).mkdir()
        (tmp_path / side / "a.txt").write_text("One.\n", encoding="utf-8")
    (tmp_path / "hyp" / "b.txt").write_text("Two.\n", encoding="utf-8")
    with pytest.raises(CompareInputError, match=r"b.txt has no reference file"):
        load_pairs(str(tmp_path / "hyp"), str(tmp_path / "ref"))
    with pytest.raises(CompareInputError, match="not both"):
        load_pairs(str(tmp_path / "hyp"), str(tmp_path / "ref" / "a.txt"))


def test_thresholds_name_what_they_missed():
    comparison = compare(load_pairs(HYP, REF))
    chrf = comparison.metrics["chrf"].score
    assert Thresholds(min_chrf=chrf - 1).missed(comparison) == []
    assert Thresholds(min_chrf=chrf + 1).missed(comparison) == [f"chrf {chrf:.2f} < --min-chrf {chrf + 1:g}"]
    assert Thresholds(max_ter=1.0, min_name_accuracy=0.9).missed(comparison)[1].startswith("name accuracy 0.500")
