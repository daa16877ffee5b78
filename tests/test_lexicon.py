"""The bundled lexicon of world names: lookups fold like the matcher, senses carry kind, size and main name."""
from __future__ import annotations

import pytest

from audit import lexicon
from audit.text import fold


def test_a_country_is_known_under_its_endonym_and_points_to_its_english_name():
    info = lexicon.known_name("Deutschland")
    assert info is not None and "country" in info.kinds
    assert info.main_names == ("Germany",)


def test_lookups_fold_case_and_diacritics_like_the_matcher():
    assert lexicon.known_name("TÜRKIYE") == lexicon.known_name("Türkiye") == lexicon.known_name("turkiye")
    assert lexicon.known_name("Türkiye").folded == fold("Türkiye")


def test_an_exonym_of_a_city_names_the_city_it_is_another_name_of():
    info = lexicon.known_name("Tiflis")
    assert info is not None and info.sense("place").main == "Tbilisi"
    assert lexicon.known_name("Kyiv").main_names == ()  # the primary name points nowhere


def test_a_phrase_of_several_words_is_one_name():
    info = lexicon.known_name("Buenos Aires")
    assert info is not None and info.population_bucket >= 6


def test_one_name_can_be_a_country_a_place_a_given_name_and_a_surname():
    assert {"country", "place", "given", "surname"} <= lexicon.known_name("Jordan").kinds


def test_population_buckets_order_places_by_size():
    assert lexicon.known_name("London").population_bucket > lexicon.known_name("Zvolen").population_bucket
    assert lexicon.is_place("London", min_bucket=6)
    assert not lexicon.is_place("Zvolen", min_bucket=6)


@pytest.mark.parametrize("text", ["Stefancart", "Xyzzyq", "", "   ", "Пашинян"])
def test_what_is_no_world_name_is_unknown(text):
    assert lexicon.known_name(text) is None


def test_given_names_come_from_the_census_and_the_cognate_table():
    assert lexicon.is_given_name("James", min_bucket=6)  # one of the commonest US given names
    assert lexicon.is_given_name("Ihor")  # only the cognate table knows it
    assert not lexicon.is_given_name("Yerevan")


def test_surnames_are_told_apart_from_given_names():
    assert lexicon.is_surname("Smith") and not lexicon.is_given_name("Smith")


def test_given_name_forms_are_the_other_forms_of_the_same_name():
    forms = lexicon.given_name_forms("Igor")
    assert "Ihor" in forms and "Igor" not in forms
    assert "Mikheil" in lexicon.given_name_forms("mikhail")
    assert lexicon.given_name_forms("Stepanakert") == ()


def test_the_first_and_last_lines_of_the_file_are_found():
    data = lexicon._data()
    first = data[: data.index(b"\t")].decode()
    last = data.rstrip(b"\n").rsplit(b"\n", 1)[1].split(b"\t")[0].decode()
    assert lexicon.known_name(first) is not None and lexicon.known_name(last) is not None


def test_the_file_is_sorted_and_every_name_is_folded_once():
    lines = lexicon._data().decode("utf-8").splitlines()
    names = [line.split("\t")[0] for line in lines]
    assert names == sorted(names) and len(set(names)) == len(names)
    assert all(fold(name) == name for name in names[::997])
    assert lexicon.size() == len(lines) > 100_000


def test_the_index_built_for_many_lookups_answers_as_the_bisection_does():
    data = lexicon._data().decode("utf-8").splitlines()
    for line in data[::1999] + ["zz no such name\t"]:
        name = line.split("\t")[0]
        expected = lexicon._line(name)
        assert lexicon._index().get(name.encode("ascii")) == expected
