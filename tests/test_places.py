"""audit/places.py: the GeoNames table of towns' other spellings."""
from __future__ import annotations

import pytest

from audit.places import default_places, parse
from audit.text import DataFileError

TABLE = "# a comment\n3000000\tKyiv\tkyiv\tkiev|kiew|kijow\n200000\tCameroon Town\tcameroon town\t\n20000\tSmallville\tsmallville\t\n"


def test_other_spellings_of_a_place_found_by_any_of_its_names():
    table = parse(TABLE)
    assert table.other_spellings(["kiew"]) == ("kyiv", "kiev", "kiew", "kijow")
    assert table.other_spellings(["nowhere"]) == ()


def test_only_well_known_places_count_as_real_places():
    table = parse(TABLE)
    assert table.is_place("cameroon town")
    assert not table.is_place("smallville")  # too small to outweigh a garble that collides with it
    assert not table.is_place("kiew")  # another spelling is not a different place


def test_a_bad_row_names_file_and_line():
    with pytest.raises(DataFileError, match=r"^places\.tsv:2: "):
        parse("# header\nnot a row\n", "places.tsv")


def test_the_bundled_table_knows_the_big_cities_other_spellings():
    table = default_places()
    assert {"kiew", "kiev", "kijow"} <= set(table.other_spellings(["kyiv"]))
    assert "tiflis" in table.other_spellings(["tbilisi"])
    assert table.is_place("cameroon")
