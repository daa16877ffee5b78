"""audit/text/translit.py: what transliteration explains, and what it does not."""
from __future__ import annotations

import math

import pytest

from audit.text import DataFileError
from audit.text.translit import load_alternations, translit_cost

EXPLAINED = [  # (written in the copy, the name) : one romanisation's letters for another's
    ("charkiw", "kharkiv"),  # German ch and w
    ("chamenei", "khamenei"),
    ("selenskyj", "zelensky"),  # German s and -yj
    ("kobachidse", "kobakhidze"),  # German ch, dse
    ("ceyhun", "jeyhun"),  # Turkish c
    ("nawalny", "navalny"),
    ("paschinjan", "pashinyan"),
]
NOT_EXPLAINED = [  # different names, however close their letters
    ("chirac", "chirag"),
    ("babacan", "babayan"),
    ("martin", "martuni"),
]


@pytest.mark.parametrize(("written", "name"), EXPLAINED)
def test_romanisation_swaps_are_cheap(written, name):
    assert translit_cost(written, name) <= 0.5


@pytest.mark.parametrize(("written", "name"), NOT_EXPLAINED)
def test_other_changes_cost_a_letter_or_more(written, name):
    assert translit_cost(written, name) >= 1.0


def test_a_vowel_swap_costs_half_a_letter_and_far_pairs_are_infinite():
    assert translit_cost("kharkov", "kharkiv") == 0.5
    assert translit_cost("gorbatschow", "gorbachev") == pytest.approx(0.9)  # tsch, a vowel, w: three steps
    assert translit_cost("abc", "abcdef") == math.inf
    assert translit_cost("same", "same") == 0.0


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ('[[alternation]]\nspellings = ["kh"]\ncost = 0.2\n', "two or more"),
        ('[[alternation]]\nspellings = ["kh", "Ch"]\ncost = 0.2\n', "lower-case"),
        ('[[alternation]]\nspellings = ["kh", "ch"]\ncost = 2\n', "cost"),
        ('[[alternation]]\nspellings = ["kh", "ch"]\ncost = true\n', "cost"),
    ],
)
def test_a_bad_table_names_file_and_line(table, message):
    with pytest.raises(DataFileError, match=rf"^desk\.toml:1: .*{message}"):
        load_alternations(table, "desk.toml")
