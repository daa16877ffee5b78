"""AUD103 known-wrong-form: a glossary's avoid forms, matched with exact case as whole words."""
from __future__ import annotations

import pytest

from audit.model import Severity

RULE = "AUD103"

FOUND = [
    ("Photo: The mirror", "The mirror", "Der Spiegel"),
    ("According to The Mirror, the talks had failed.", "The Mirror", "Der Spiegel"),
    ("The mirror reported on Friday that the talks had failed.", "The mirror", "Der Spiegel"),
    ("The Moscow daily The Businessman reported the deal.", "The Businessman", "Kommersant"),
    ("The Businessman's correspondent was expelled.", "The Businessman", "Kommersant"),
    ("An editor of New Newspaper was attacked outside his flat.", "New Newspaper", "Novaya Gazeta"),
    ("Sources: Reuters, Interfax, The mirror.", "The mirror", "Der Spiegel"),
]


@pytest.mark.parametrize(("text", "surface", "suggestion"), FOUND, ids=[f[0][:30] for f in FOUND])
def test_known_wrong_form_is_reported(scan_text, text, surface, suggestion):
    findings = scan_text(text, rule=RULE)
    assert [(f.text, f.suggestion) for f in findings] == [(surface, suggestion)]
    finding = findings[0]
    start = text.index(surface)
    assert (finding.start, finding.end, finding.line, finding.column) == (start, start + len(surface), 1, start + 1)
    assert finding.end_column == start + len(surface) + 1
    assert finding.name == "known-wrong-form"
    assert finding.severity == Severity.ERROR
    assert 0.9 <= finding.confidence <= 1.0
    assert surface in finding.message and suggestion in finding.message


def test_message_carries_the_glossary_note(scan_text):
    (finding,) = scan_text("Icon: The mirror", rule=RULE)
    assert "German news magazine" in finding.message


def test_positions_on_a_later_line_with_crlf(scan_text):
    text = "Talks failed.\r\nSources said so.\r\nPhoto: The Mirror\r\n"
    (finding,) = scan_text(text, rule=RULE)
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (3, 8, 3, 18)
    assert text[finding.start : finding.end] == "The Mirror"


def test_every_occurrence_is_reported(scan_text):
    text = "The mirror said so. Later The mirror said it again, and The Mirror agreed."
    findings = scan_text(text, rule=RULE)
    assert [f.start for f in findings] == [0, text.index("The mirror", 1), text.index("The Mirror")]


@pytest.mark.parametrize(
    "text",
    [
        # ordinary English, lower case or another case than the avoid form
        "She looked at herself in the mirror before the interview.",
        "Reports from the mirror of public opinion were mixed.",
        "THE MIRROR CRACKED, the headline read.",
        "The MIRROR was broken.",
        "the businessman, a supplier of the army, was arrested.",
        "A new newspaper opened in Yerevan.",
        # not whole words
        "The Mirrors of the palace were restored.",
        "The mirrored walls of the hall shone.",
        "The Businessmen met in Baku.",
        "The Mirror-like surface of the lake froze.",
        "Themirror said so.",
        # the right names
        "Der Spiegel, Kommersant and Novaya Gazeta reported the deal.",
    ],
)
def test_not_reported(scan_text, text):
    assert scan_text(text, rule=RULE) == []


def test_avoid_forms_from_a_csv_glossary(tmp_path, write_glossary, scan_text):
    glossary = write_glossary(
        tmp_path, "canonical,type,variants,avoid,note\nDer Spiegel,publication,Spiegel,The mirror|Mirror Online,\n", ".csv"
    )
    text = "Sources: The mirror and Mirror Online, not the mirror in the hall."
    findings = scan_text(text, glossary=glossary, rule=RULE)
    assert [(f.text, f.suggestion) for f in findings] == [("The mirror", "Der Spiegel"), ("Mirror Online", "Der Spiegel")]


def test_longest_avoid_form_wins(tmp_path, write_glossary, scan_text):
    glossary = write_glossary(
        tmp_path,
        '[[entry]]\ncanonical = "Der Spiegel"\navoid = ["The Mirror", "The Mirror Online"]\n',
    )
    findings = scan_text("Source: The Mirror Online.", glossary=glossary, rule=RULE)
    assert [f.text for f in findings] == ["The Mirror Online"]


def test_word_for_word_renderings_of_a_known_name_need_no_avoid_list(tmp_path, write_glossary, scan_text):
    # A flat glossary that only names the magazine still finds its literal translation
    # (audit/data/literal_names.toml), and nothing where the glossary does not name it.
    named = write_glossary(tmp_path, "canonical\nDer Spiegel\n", ".csv", name="named")
    (finding,) = scan_text("Photo: The mirror", glossary=named, rule=RULE)
    assert (finding.text, finding.suggestion) == ("The mirror", "Der Spiegel")
    other = write_glossary(tmp_path, '[[entry]]\ncanonical = "Kommersant"\n', name="other")
    assert scan_text("Photo: The mirror", glossary=other, rule=RULE) == []


def test_avoid_form_is_not_also_a_garble(scan_text):
    findings = scan_text("The Moscow daily The Businessman reported the deal.")
    assert [f.rule for f in findings if f.rule.startswith("AUD10")] == [RULE]


def test_avoid_forms_in_any_case_where_the_glossary_says_so(tmp_path, write_glossary, scan_text):
    glossary = write_glossary(
        tmp_path, "canonical,avoid,avoid_case\nDer Spiegel,the mirror,any\nKommersant,The Businessman,\n", ".csv"
    )
    text = "Photo: THE MIRROR. Credit: The mirror. Quoted in the businessman column."
    findings = scan_text(text, glossary=glossary, rule=RULE)
    assert [(f.text, f.suggestion) for f in findings] == [("THE MIRROR", "Der Spiegel"), ("The mirror", "Der Spiegel")]


def test_a_bad_avoid_case_names_file_and_line(tmp_path, write_glossary):
    from audit.glossary import GlossaryError, load_glossary

    path = write_glossary(tmp_path, '[[entry]]\ncanonical = "Der Spiegel"\navoid_case = "sometimes"\n')
    with pytest.raises(GlossaryError, match=r"glossary\.toml:1: avoid_case of 'Der Spiegel' must be one of exact, any"):
        load_glossary(path)
