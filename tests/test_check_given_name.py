"""AUD102 given-name-substitution: the right family name after another language's form of the given name."""
from __future__ import annotations

import pytest

from audit.model import Severity

RULE = "AUD102"
NAME_RULES = ("AUD101", "AUD102")

# (sentence, surface covering both words, canonical suggestion)
SUBSTITUTIONS = [
    ("Prime Minister Nicholas Pashinyan said the border was calm.", "Nicholas Pashinyan", "Nikol Pashinyan"),
    ("Prime Minister Nikola Pashinyan told parliament the border was calm.", "Nikola Pashinyan", "Nikol Pashinyan"),
    ("On Friday Nicolas Pashinyan flew to Moscow.", "Nicolas Pashinyan", "Nikol Pashinyan"),
    ("EU foreign policy chief Giuseppe Borrell called for restraint.", "Giuseppe Borrell", "Josep Borrell"),
    ("EU foreign policy chief Joseph Borrell called for restraint.", "Joseph Borrell", "Josep Borrell"),
]


@pytest.mark.parametrize(("sentence", "surface", "suggestion"), SUBSTITUTIONS, ids=[s[1] for s in SUBSTITUTIONS])
def test_cognate_given_name_is_reported_over_both_words(scan_text, sentence, surface, suggestion):
    findings = [f for f in scan_text(sentence) if f.rule in NAME_RULES]
    assert [(f.rule, f.text) for f in findings] == [(RULE, surface)]
    finding = findings[0]
    start = sentence.index(surface)
    assert (finding.start, finding.end) == (start, start + len(surface))
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (1, start + 1, 1, start + len(surface) + 1)
    assert finding.suggestion == suggestion
    assert finding.name == "given-name-substitution"
    assert finding.severity > Severity.INFO
    assert finding.confidence >= 0.85
    assert surface in finding.message and suggestion in finding.message


def test_possessive_and_position_in_a_longer_text(scan_text):
    text = "Talks were held in Moscow.\nLater, Nicholas Pashinyan's office denied the report.\n"
    (finding,) = scan_text(text, rule=RULE)
    assert finding.text == "Nicholas Pashinyan"
    assert (finding.line, finding.column) == (2, 8)
    assert text[finding.end :].startswith("'s office")


def test_every_occurrence(scan_text):
    text = "Nicholas Pashinyan arrived. Nikola Pashinyan left. Nikol Pashinyan stayed."
    findings = scan_text(text, rule=RULE)
    assert [f.text for f in findings] == ["Nicholas Pashinyan", "Nikola Pashinyan"]
    assert {f.suggestion for f in findings} == {"Nikol Pashinyan"}


def test_cognate_with_a_garbled_surname_is_one_garbled_finding(scan_text):
    # Both words wrong: one finding over both, reported as a garble, suggesting the whole canonical name.
    text = "Prime Minister Nicholas Pashinjan said the border was calm."
    findings = [f for f in scan_text(text) if f.rule in NAME_RULES]
    assert [(f.rule, f.text, f.suggestion) for f in findings] == [("AUD101", "Nicholas Pashinjan", "Nikol Pashinyan")]


def test_cognate_before_an_accepted_surname_variant(scan_text):
    text = "Prime Minister Nicholas Pashinian said the border was calm."
    findings = [f for f in scan_text(text) if f.rule in NAME_RULES]
    assert [(f.rule, f.text, f.suggestion) for f in findings] == [(RULE, "Nicholas Pashinian", "Nikol Pashinyan")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Prime Minister Nikol Pashinyan said the border was calm.",
        "Josep Borrell and Ilham Aliyev spoke by telephone.",
        "Prime Minister Pashinyan said the border was calm.",
        # a different given name is a different person
        "The economist David Pashinyan, no relation, spoke to the press.",
        "Vladimir Pashinyan, a teacher in Yerevan, said so.",
        "A statue of Heydar Aliyev stands in the centre of the capital.",
        # a cognate that is not right before the surname
        "Nicholas met Pashinyan on Monday.",
        "Nicholas, Pashinyan said, was wrong.",
        "Saint Nicholas church in Yerevan was repaired, Pashinyan said.",
    ],
)
def test_not_a_substitution(scan_text, sentence):
    findings = [f for f in scan_text(sentence) if f.rule in NAME_RULES]
    assert findings == [], [(f.rule, f.text, f.suggestion) for f in findings]


def test_given_name_table_is_only_consulted_for_glossary_people(tmp_path, write_glossary, scan_text):
    glossary = write_glossary(tmp_path, '[[entry]]\ncanonical = "Reuters"\ntype = "organization"\n')
    assert scan_text("Nicholas Cage and Giuseppe Verdi were mentioned by Reuters.", glossary=glossary) == []
