"""Fuzzy targets (audit/matching/targets.py): beside a gazetteer's file, a desk's names are looked up apart,
each set with its own caps, and the answers merged nearest first."""
from __future__ import annotations

import random

from rapidfuzz.distance import Levenshtein

from audit.glossary import Entry, Glossary
from audit.matching.batch_lookup import MAX_FORMS, PER_BLOCK
from audit.matching.index import NameIndex
from audit.text import fold, spelling_key

SYLLABLES = ("lu", "mi", "no", "pe", "ta", "si", "de", "wo", "ka", "ro")


def _index(desk: list[str], towns: list[str], size: int = 4_000) -> NameIndex:
    """An index of ``desk`` names (file desk.csv) beside a gazetteer (gazetteer.csv) of ``towns`` and
    invented places up to ``size`` entries."""
    rng = random.Random(7)
    places = dict.fromkeys(towns)
    while len(places) < size:
        places.setdefault("".join(rng.choice(SYLLABLES) for _ in range(rng.choice((3, 4, 5)))).capitalize())
    entries = [Entry(name, "place", source=f"desk.csv:{line}") for line, name in enumerate(desk, 2)]
    entries += [Entry(name, "place", source=f"gazetteer.csv:{line}") for line, name in enumerate(places, 2)]
    return NameIndex(Glossary(tuple(entries)))


# Towns of five letters one letter from the garble "tavoz", more than a lookup keeps of one length, all nearer
# than the desk's Tovuz.
CROWD = [pattern.format(letter) for pattern in ("Tavo{}", "Ta{}oz", "T{}voz") for letter in "dgklmnrst"]


def test_a_desk_name_keeps_its_place_among_a_gazetteers_nearer_towns():
    key = spelling_key("tavoz")
    assert sum(Levenshtein.distance(spelling_key(fold(town)), key) == 1 and len(town) == 5 for town in CROWD) > PER_BLOCK
    beside = _index(["Tovuz"], CROWD).near(key)
    assert "Tovuz" in [form.text for form, _ in beside]
    # The gazetteer's own answer is cut as before; the desk's comes on top of it.
    towns = [form for form, _ in beside if form.entry.source_file == "gazetteer.csv"]
    assert PER_BLOCK <= len(towns) <= MAX_FORMS
    # One file, as before: the towns fill the answer and the desk's name, two letters away, is cut.
    merged_file = NameIndex(Glossary(tuple(Entry(name, "place", source=f"one.csv:{line}")
                                           for line, name in enumerate(["Tovuz", *CROWD], 2))))
    assert "Tovuz" not in [form.text for form, _ in merged_file.near(key)]


def test_answers_are_nearest_first_with_the_desks_forms_first_among_equals():
    index = _index(["Tavoz", "Tovuz"], ["Tavoz", *CROWD])  # "Tavoz" in both files
    found = index.near(spelling_key("tavoz"))
    distances = [distance for _, distance in found]
    assert distances == sorted(distances)
    same = [form.entry.source_file for form, distance in found if distance == 0]
    assert same == ["desk.csv", "gazetteer.csv"]
    assert index.same_key_forms(spelling_key("tavoz")) == [form for form, distance in found if distance == 0]


def test_batched_lookups_answer_as_single_ones_beside_a_gazetteer():
    rng = random.Random(3)
    desk = sorted({"".join(rng.choice(SYLLABLES) for _ in range(4)).capitalize() for _ in range(300)})
    index = _index(desk, CROWD, size=12_000)  # a gazetteer big enough to batch, a desk searched key by key
    words = [name[:-1] + "u" for name in desk[:150]] + ["Tavoz", "Tuvoz", "K", ""]
    keys = [spelling_key(fold(word)) for word in words]
    batched = index.near_many(keys)
    assert all(batched[key] == index.near(key) for key in keys)
    assert any(form.entry.source_file == "desk.csv" for key in keys for form, _ in batched[key])


def test_a_word_only_a_gazetteer_spells_is_compared_with_the_desks_names():
    index = _index(["Melnyk"], ["Melnik", "Rovenki"])
    assert index.checked_for_desk(index.exact["melnik"])
    assert [form.text for form, _ in index.near_desk(spelling_key("melnik"))] == ["Melnyk"]
    assert not index.checked_for_desk(index.exact["melnyk"])  # the desk's own name
    alone = NameIndex(Glossary((Entry("Melnik", "place", source="gazetteer.csv:2"),)))
    assert not alone.checked_for_desk(alone.exact["melnik"])  # no desk beside it: a place is a place
