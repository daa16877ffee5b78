"""A given name standing alone in another language's form (audit/matching/lone_given.py), reported as AUD102.

Every sentence is invented. Olha Sukhenko is the glossary's person; the copy calls her Olga, the Russian form."""
from __future__ import annotations

import pytest

GLOSSARY = "canonical,type\nOlha Sukhenko,person\nAlexander Lukashenko,person\nOleksandr Kovalenko,person\n"


@pytest.fixture
def glossary(tmp_path, write_glossary):
    return write_glossary(tmp_path, GLOSSARY, ".csv")


def given_name_findings(scan_text, glossary, text):
    return [(f.text, f.suggestion) for f in scan_text(text, glossary, rule="AUD102")]


def test_a_lone_given_name_of_a_person_the_article_names_in_full(scan_text, glossary):
    text = "The village head Olha Sukhenko stayed when the troops came.\n\nWeeks later Olga was found in a forest.\n"
    assert given_name_findings(scan_text, glossary, text) == [("Olga", "Olha")]


def test_after_a_garbled_full_name_the_lone_given_name_is_reported_too(scan_text, glossary):
    text = "Olga Sukhenko stayed in the village. Weeks later Olga was found.\n"
    assert given_name_findings(scan_text, glossary, text) == [("Olga Sukhenko", "Olha Sukhenko"), ("Olga", "Olha")]


@pytest.mark.parametrize("text", [
    # named by the surname alone: a story about Sukhenko does not call her Olga
    "Sukhenko stayed in the village. Weeks later Olga was found.\n",
    # somebody else the article names is called Olga
    "Olha Sukhenko stayed. Her neighbour Olga Petrova said Olga was tired.\n",
    # Alexander is Lukashenko's own given name: the lone word may be him, not Oleksandr Kovalenko
    "Alexander Lukashenko and Oleksandr Kovalenko met. Alexander spoke first.\n",
])
def test_a_lone_given_name_that_may_be_somebody_else_is_left_alone(scan_text, glossary, text):
    assert given_name_findings(scan_text, glossary, text) == []
