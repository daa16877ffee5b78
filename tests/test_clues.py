"""Where a word stands (audit/matching/clues.py) and what only vowels differing proves (evidence.py).

Real machine-translated copy scanned with a desk's glossary is full of other people's names that land near
one of its entries: Karen Kazaryan near Kazakhstan, Babyn Yar near Babayan, Bariton near Britain. Every
sentence below is invented; each pair holds a control the rule must leave alone, so the test fails if the
rule does nothing.
"""
from __future__ import annotations

import pytest

from audit.model import Severity

GLOSSARY = (
    "canonical,type,variants\n"
    "Tovuz,place,\n"
    "Gadabay,place,\n"
    "Kommersant,publication,\n"
    "Arman Babayan,person,Babayan\n"
)


@pytest.fixture
def glossary(tmp_path, write_glossary):
    return write_glossary(tmp_path, GLOSSARY, ".csv")


def reported(scan_text, glossary, sentence):
    """(text, suggestion, confidence) of the name findings of warning or error."""
    return [(f.text, f.suggestion, f.confidence) for f in scan_text(sentence, glossary)
            if f.rule.startswith("AUD1") and f.severity >= Severity.WARNING]


def test_a_place_garble_is_found_where_no_given_name_stands_before_it(scan_text, glossary):
    assert [text for text, *_ in reported(scan_text, glossary, "Fighting was reported near Tavoz on Monday.")] == ["Tavoz"]


@pytest.mark.parametrize("sentence", [
    "Karen Tavoz told reporters she had left the town.",
    "Gary Komersant, a lawyer, said the case was closed.",
])
def test_after_a_common_given_name_a_place_or_publication_spelling_is_a_person(scan_text, glossary, sentence):
    assert reported(scan_text, glossary, sentence) == []


def test_after_another_common_given_name_a_persons_surname_spelling_is_somebody_else(scan_text, glossary):
    assert [text for text, *_ in reported(scan_text, glossary, "Arman Babyan said the talks would go on.")] == ["Babyan"]
    assert reported(scan_text, glossary, "Gary Babyan said the talks would go on.") == []


def test_a_publication_garble_is_found_where_no_given_name_stands_before_it(scan_text, glossary):
    found = reported(scan_text, glossary, "The report was first published by Komersant on Monday.")
    assert [(text, suggestion) for text, suggestion, _ in found] == [("Komersant", "Kommersant")]


def test_a_surname_that_opens_a_longer_name_is_less_sure(scan_text, glossary):
    alone = reported(scan_text, glossary, "Babyan told reporters on Monday that talks would go on.")
    before_a_descriptor = reported(scan_text, glossary, "Crowds gathered at the Babyan Memorial on Monday.")
    opening_a_name = reported(scan_text, glossary, "Crowds gathered at Babyan Yar on Monday.")
    assert [text for text, *_ in alone] == [text for text, *_ in before_a_descriptor] == ["Babyan"]
    assert alone[0][2] == before_a_descriptor[0][2]
    # "Yar" is no word English uses: Babyan opens a name the glossary does not know, and a surname stands last.
    assert [text for text, *_ in opening_a_name] == ["Babyan"]
    assert opening_a_name[0][2] < alone[0][2] - 0.1


def test_half_of_a_double_surname_is_less_sure_than_after_a_prefix_english_uses(scan_text, glossary):
    alone = reported(scan_text, glossary, "Babyan told reporters on Monday.")
    after_a_prefix = reported(scan_text, glossary, "Anti-Babyan protests went on.")
    double_surname = reported(scan_text, glossary, "Melik-Babyan told reporters on Monday.")
    assert [confidence for *_, confidence in after_a_prefix] == [confidence for *_, confidence in alone]
    assert [text for text, *_ in double_surname] == ["Babyan"]
    assert double_surname[0][2] < alone[0][2] - 0.1


def test_a_place_before_another_name_word_keeps_its_confidence(scan_text, glossary):
    # A town names what is in it (a church, a team): only a person's surname must stand last.
    plain = reported(scan_text, glossary, "Fighting was reported near Tavoz on Monday.")
    in_a_name = reported(scan_text, glossary, "The Tavoz Ghazarashen church was damaged.")
    assert [(text, confidence) for text, _, confidence in in_a_name] == [(text, confidence) for text, _, confidence in plain]


def test_two_vowels_apart_is_a_garble_three_are_another_word(scan_text, glossary):
    assert [text for text, *_ in reported(scan_text, glossary, "Shelling was reported near Godibay overnight.")] == ["Godibay"]
    assert reported(scan_text, glossary, "Shelling was reported near Godiboy overnight.") == []


def test_a_word_that_opens_a_sentence_is_no_given_name_even_if_the_census_lists_it(scan_text, glossary):
    # "In" is a given name in the US census lists; before a surname at a sentence's start it is a preposition.
    alone = reported(scan_text, glossary, "Babyan's office was closed on Monday.")
    after_in = reported(scan_text, glossary, "In Babyan's office the lights were on.")
    after_a_rare_name = reported(scan_text, glossary, "Anahit Babyan's office was closed on Monday.")
    assert [confidence for *_, confidence in after_in] == [confidence for *_, confidence in alone]
    assert after_a_rare_name[0][2] < alone[0][2]
