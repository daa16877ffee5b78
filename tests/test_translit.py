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


def test_words_that_open_unalike_cost_at_least_a_letter_put_in():
    # near_spelling skips the programme for such pairs: it asks only whether the cost is EXPLAINED or less.
    import random

    from audit.matching.weights import EXPLAINED_TRANSLIT_COST
    from audit.text.translit import VOWEL_GAP_COST, opens_alike

    assert EXPLAINED_TRANSLIT_COST < VOWEL_GAP_COST
    rng = random.Random(3)
    letters = "abcdefghijklmnopqrstuvwxyz"
    words = ["kharkiv", "charkiw", "tschernihiw", "chernihiv", "jeyhun", "ceyhun", "selenskyj", "zelensky",
             "wolodymyr", "volodymyr", "ksenia", "xenia", "shchors", "szczors", "achmed", "ahmed", "ivan"]
    words += ["".join(rng.choice(letters) for _ in range(rng.randint(3, 9))) for _ in range(300)]
    unalike = 0
    for written in words:
        for name in words:
            if not opens_alike(written, name):
                unalike += 1
                assert translit_cost(written, name) >= VOWEL_GAP_COST, (written, name)
    assert unalike > 50_000
    assert opens_alike("charkiw", "kharkiv") and opens_alike("wolodymyr", "volodymyr") and opens_alike("ivan", "ahmed")
