"""Garbles that generalise: transliteration families, given names and exonyms, with a flat glossary.

The glossary (tests/fixtures/families/flat.csv) is what a desk writes in a hurry: one name a row, no
type, no variants. Every sentence below is invented; each garble is one a machine translation from
German, Polish, Russian, Turkish or Azerbaijani produces, and none of them is listed anywhere.
"""
from __future__ import annotations

import random

import pytest
from conftest import FIXTURES_DIR

from audit.config import Settings
from audit.engine import scan
from audit.model import Severity

FLAT = FIXTURES_DIR / "families" / "flat.csv"
PRECISION = FIXTURES_DIR / "families" / "precision.csv"
NAME_RULES = ("AUD101", "AUD102", "AUD103")

# (sentence, the garbled surface a finding must cover, the suggestion it must make)
GARBLES = [
    # German s for an English z, -yj for -y
    ("On Tuesday Selenskyj thanked the allies for the new air defence.", "Selenskyj", "Zelensky"),
    ("The office of Selensky did not answer questions from reporters.", "Selensky", "Zelensky"),
    # German w for v (in a given name: the finding covers the person's whole name)
    ("The Iranian envoy Jawad Zarif arrived late in the evening.", "Jawad Zarif", "Javad Zarif"),
    # German and Polish ch for kh at the start of a word
    # (after a title English knows, which is no given name of somebody else)
    ("A statement by Ayatollah Chamenei was read out on state television.", "Chamenei", "Khamenei"),
    ("Residents of Chankendi queued for bread on Sunday morning.", "Chankendi", "Khankendi"),
    # German tsch, sch, w and dse
    ("The memoirs of Gorbatschow were reissued this spring.", "Gorbatschow", "Gorbachev"),
    ("The governing party nominated Kobachidse for a second term.", "Kobachidse", "Kobakhidze"),
    # an initial vowel shifted
    ("Shelling was reported near Adisha late on Friday.", "Adisha", "Edisha"),
    # Russian and German forms of a Ukrainian city
    ("Power was cut in parts of Kharkov after the strike.", "Kharkov", "Kharkiv"),
    ("The regional governor of Kharkow appealed for generators.", "Kharkow", "Kharkiv"),
    ("Trains to Charkiw were delayed by several hours.", "Charkiw", "Kharkiv"),
    # exonyms
    ("Delegations met in Kiew to discuss grain exports.", "Kiew", "Kyiv"),
    ("Protesters gathered outside parliament in Tiflis on Monday.", "Tiflis", "Tbilisi"),
]

# Given names: the surname is right, the given name is another language's or another script's form.
GIVEN_NAMES = [
    ("The police chief Igor Klymenko visited the scene of the attack.", "Igor Klymenko", "Ihor Klymenko"),
    ("Mayor Igor Terekhov asked residents to stay in shelters.", "Igor Terekhov", "Ihor Terekhov"),
    ("The governor Oleg Syniehubov reported two injured.", "Oleg Syniehubov", "Oleh Syniehubov"),
    ("The former president Mikhail Saakashvili was moved to a clinic.", "Mikhail Saakashvili", "Mikheil Saakashvili"),
    ("The foreign minister Ceyhun Bayramov met his counterpart.", "Ceyhun Bayramov", "Jeyhun Bayramov"),
    ("Prime Minister Nicholas Pashinyan left for Brussels.", "Nicholas Pashinyan", "Nikol Pashinyan"),
]


def name_findings(scan_text, sentence, glossary=FLAT):
    return [f for f in scan_text(sentence, glossary) if f.rule in NAME_RULES]


@pytest.mark.parametrize(("sentence", "surface", "suggestion"), GARBLES, ids=[(g.values if hasattr(g, "values") else g)[1] for g in GARBLES])
def test_transliteration_family_is_found_with_a_flat_glossary(scan_text, sentence, surface, suggestion):
    findings = name_findings(scan_text, sentence)
    assert [(f.text, f.suggestion) for f in findings] == [(surface, suggestion)]
    assert findings[0].severity >= Severity.WARNING  # fails CI with the default --fail-on


@pytest.mark.parametrize(("sentence", "surface", "suggestion"), GIVEN_NAMES, ids=[g[1] for g in GIVEN_NAMES])
def test_given_name_in_another_form_is_found_whatever_else_the_glossary_holds(scan_text, sentence, surface, suggestion):
    # The glossary also holds a person whose own given name is Igor (Igor Konashenkov): that must not
    # make "Igor" acceptable before somebody else's surname.
    findings = name_findings(scan_text, sentence)
    assert [(f.text, f.suggestion) for f in findings] == [(surface, suggestion)]
    assert findings[0].severity >= Severity.WARNING


def test_a_glossary_persons_own_given_name_is_left_alone(scan_text):
    assert name_findings(scan_text, "Igor Konashenkov briefed reporters in the morning.") == []


def test_another_person_with_a_similar_surname_does_not_fail_ci(scan_text):
    # Anahit Manasyan is somebody else, not a garbled Anna Manukyan.
    findings = name_findings(scan_text, "The singer Anahit Manasyan gave a concert in the capital.")
    assert all(f.severity == Severity.INFO for f in findings)


def test_right_forms_are_left_alone(scan_text):
    text = (
        "Volodymyr Zelensky spoke in Kyiv and Kharkiv. Ihor Terekhov and Ihor Klymenko met Ali Khamenei's "
        "envoy Javad Zarif. Jeyhun Bayramov, Mikheil Saakashvili and Nikol Pashinyan were in Tbilisi."
    )
    assert name_findings(scan_text, text) == []


# Real words and real names that are not garbles of a big glossary's entries: the copy says Tory,
# Cameroon, Kerry, Scots, Mikhail and Chirac, and means them.
CLEAN = [
    "The Tory leader answered questions in the Commons.",
    "Cameroon beat Nigeria in the final on Sunday.",
    "Secretary of State John Kerry visited the region last year.",
    "Many Scots voted to remain in the union.",
    "The composer Mikhail Glinka is remembered in a new concert series.",
    "Jacques Chirac was president of France for twelve years.",
]


@pytest.mark.parametrize("sentence", CLEAN)
def test_real_words_and_names_are_not_garbles_of_a_big_glossary(scan_text, sentence):
    assert [f for f in name_findings(scan_text, sentence, PRECISION) if f.severity >= Severity.WARNING] == []


def test_a_doubled_final_s_is_a_spelling_not_a_plural(scan_text, tmp_path, write_glossary):
    glossary = write_glossary(tmp_path, "canonical\nDonbas\n", ".csv")
    findings = name_findings(scan_text, "Shelling went on across the Donbass overnight.", glossary)
    assert [(f.text, f.suggestion) for f in findings] == [("Donbass", "Donbas")]


def test_a_big_glossary_asks_more_of_a_match_the_article_does_not_support():
    # The more names a glossary holds, the likelier a real unknown name lands near one of them by chance:
    # the same evidence loses confidence in a gazetteer, unless the article names the entry elsewhere.
    from audit.matching.evidence import Clue, Evidence, weigh

    evidence = Evidence(0.88, "only vowels differ", frequency=0.0, key_distance=1)
    alone = Clue(sentence_start=False, entry_mentioned=False, other_person=False)
    supported = Clue(sentence_start=False, entry_mentioned=True, other_person=False)
    assert weigh(evidence, alone, 0.7).confidence == 0.88
    assert weigh(evidence, alone, 0.7, crowding=0.25) is None
    assert weigh(evidence, supported, 0.7, crowding=0.25).confidence == 0.88


def test_a_desk_glossary_merged_with_a_gazetteer_is_as_sure_as_alone(tmp_path, write_glossary, scan_text):
    # Crowding counts each glossary file's own names: a desk's names are no likelier to be hit by chance for
    # the 40,000 invented places of another file beside them, while that file's names stay as crowded as alone.
    rng = random.Random(3)
    syllables = ("lu", "mi", "no", "pe", "ta", "si", "de", "wo", "ka", "ro")
    places: set[str] = set()
    while len(places) < 40_000:
        places.add("".join(rng.choice(syllables) for _ in range(rng.choice((3, 4, 5)))).capitalize())
    gazetteer = write_glossary(tmp_path, "canonical,type\n" + "".join(f"{name},place\n" for name in sorted(places)),
                               ".csv", name="gazetteer")
    desk = write_glossary(tmp_path, "canonical,type\nStepanakert,place\nTovuz,place\n", ".csv", name="desk")
    text = "Shelling was reported in Stefanakert on Monday; Tavoz was quiet. Kadederomy was not."
    place = "Kadederomi"  # one of the invented places, its last letter garbled in the copy
    assert place in places and "Kadederomy" not in places

    def found(*glossaries):
        result = scan(["-"], Settings(glossaries=tuple(map(str, glossaries)), select=NAME_RULES),
                      stdin=lambda: text.encode())
        return [(f.text, f.suggestion, f.confidence) for f in result.findings if f.severity != Severity.INFO]

    alone = found(desk)
    assert [(text, suggestion) for text, suggestion, _ in alone] == [("Stefanakert", "Stepanakert"), ("Tavoz", "Tovuz")]
    crowded = found(gazetteer)
    assert found(desk, gazetteer) == sorted(alone + crowded, key=lambda finding: text.index(finding[0]))
    small = write_glossary(tmp_path, f"canonical,type\n{place},place\n", ".csv", name="small")
    [(garble, _, sure)] = found(small)
    assert garble == "Kadederomy"
    assert all(confidence < sure for found_text, _, confidence in crowded if found_text == garble)  # crowded as alone


def _towns_file(tmp_path, write_glossary, towns: list[str]):
    """A gazetteer's file (4,000 invented places, CROWDING_FROM and more) holding ``towns`` too."""
    rng = random.Random(5)
    syllables = ("lu", "mi", "no", "pe", "ta", "si", "de", "wo", "ka", "ro")
    places = set(towns)
    while len(places) < 4_000 + len(towns):
        places.add("".join(rng.choice(syllables) for _ in range(rng.choice((3, 4, 5)))).capitalize())
    return write_glossary(tmp_path, "canonical,type\n" + "".join(f"{name},place\n" for name in sorted(places)),
                          ".csv", name="gazetteer")


def _found(text: str, *glossaries) -> list[tuple[str, str | None]]:
    result = scan(["-"], Settings(glossaries=tuple(map(str, glossaries)), select=NAME_RULES), stdin=lambda: text.encode())
    return [(f.text, f.suggestion) for f in result.findings if f.severity != Severity.INFO]


def test_a_desk_name_is_not_pushed_out_of_a_lookup_by_a_gazetteers_towns(tmp_path, write_glossary):
    # A lookup keeps the nearest dozens of names; beside a gazetteer, towns one letter from the garble would fill
    # them before the desk's name two letters away. The desk's names are looked up apart from the gazetteer's.
    from rapidfuzz.distance import Levenshtein

    from audit.text import fold, spelling_key

    towns = [pattern.format(letter) for pattern in ("Tavo{}", "Ta{}oz", "T{}voz") for letter in "dgklmnrst"]
    garble = spelling_key("tavoz")
    assert sum(Levenshtein.distance(spelling_key(fold(town)), garble) == 1 for town in towns) >= 24
    desk = write_glossary(tmp_path, "canonical,type\nTovuz,place\n", ".csv", name="desk")
    text = "Shelling was reported near Tavoz on Monday."
    assert _found(text, desk) == [("Tavoz", "Tovuz")]
    assert _found(text, desk, _towns_file(tmp_path, write_glossary, towns)) == [("Tavoz", "Tovuz")]


def test_a_word_a_gazetteer_spells_is_still_compared_with_the_desks_names(tmp_path, write_glossary):
    # Melnik is a Czech town, and here the desk's Melnyk garbled; Beli, a Nigerian town, reads as "Bely" once
    # spellings are undone, and here it is the desk's Bilyi: the desk's names are weighed as without the gazetteer.
    # A town no desk name is near stays a town.
    # Ukrayinska reads as a form of the town Ukrayinsk, and here it is the desk's newspaper.
    desk = write_glossary(tmp_path, "canonical,type\nAndriy Melnyk,person\nSashko Bilyi,person\n"
                          "Ukrainska Pravda,publication\n", ".csv", name="desk")
    gazetteer = _towns_file(tmp_path, write_glossary, ["Melnik", "Beli", "Rovenki", "Ukrayinsk"])
    text = ("The ambassador, Mr Melnik, spoke on Sunday. Sashko Bely led the unit. "
            "Rovenki was quiet, Ukrayinska Pravda reported.")
    alone = _found(text, desk)
    assert alone == [("Melnik", "Melnyk"), ("Bely", "Bilyi"), ("Ukrayinska", "Ukrainska")]
    assert _found(text, desk, gazetteer) == alone
    result = scan(["-"], Settings(glossaries=(str(desk), str(gazetteer)), select=NAME_RULES), stdin=lambda: text.encode())
    melnik = next(f for f in result.findings if f.text == "Melnik")
    assert "also the name of 'Melnik' in gazetteer.csv" in melnik.message  # the town it also is, for the editor


def test_a_given_name_that_is_also_a_place_in_the_glossary_is_still_checked(tmp_path, write_glossary, scan_text):
    # A gazetteer names towns after given names (Vladimir, Alexander): before a glossary person's surname such a
    # word is a given name, the Russian form of Volodymyr here, not the town.
    glossary = write_glossary(tmp_path, "canonical,type\nVolodymyr Zelensky,person\nVladimir,place\n", ".csv")
    findings = name_findings(scan_text, "Vladimir Zelensky spoke in Kyiv. Vladimir is a city east of Moscow.", glossary)
    assert [(f.text, f.suggestion) for f in findings] == [("Vladimir Zelensky", "Volodymyr Zelensky")]


def test_letters_the_rewrites_removed_still_count(tmp_path, write_glossary, scan_text):
    # "Lakhani" and "Lany" share a comparison key once kh, h and doubled letters are rewritten; five
    # letters against seven are no transliteration of one another.
    glossary = write_glossary(tmp_path, "canonical,type\nLany,place\n", ".csv")
    assert name_findings(scan_text, "The chief executive, Mr Lakhani, said profits rose.", glossary) == []


def test_ukrainian_adjective_ending_and_a_part_of_a_longer_name(tmp_path, write_glossary, scan_text):
    # -yi is a Ukrainian ending, not an English -i; a misspelled first word of a two-word name is found
    # even though its second word is a known part of it.
    glossary = write_glossary(tmp_path, "canonical,type\nDmitry Glukhovsky,person\nBrennan Phillips,\n", ".csv")
    text = "Writers such as Dmytro Glukhovskyi spoke out. A friend, Brenan Phillips, confirmed it."
    findings = name_findings(scan_text, text, glossary)
    assert [(f.text, f.suggestion) for f in findings] == [
        ("Dmytro Glukhovskyi", "Dmitry Glukhovsky"),
        ("Brenan Phillips", "Brennan Phillips"),
    ]


def test_a_given_name_opening_a_persons_name_is_not_a_places_other_spelling(tmp_path, write_glossary, scan_text):
    glossary = write_glossary(tmp_path, "canonical,type\nSydney,place\n", ".csv")
    assert name_findings(scan_text, "The actor Sidney Poitier was honoured in the evening.", glossary) == []


def test_a_garble_with_a_slavic_case_ending_is_found_whole(tmp_path, write_glossary, scan_text):
    # Polish plural of a family name, still in the source spelling: the Sargsyans.
    glossary = write_glossary(tmp_path, "canonical,type\nArmen Sargsyan,person\n", ".csv")
    findings = name_findings(scan_text, "The family of the Sargisjanowie left the city in the spring.", glossary)
    assert [(f.text, f.suggestion) for f in findings] == [("Sargisjanowie", "Sargsyan")]


def test_a_given_name_before_a_garbled_surname_only_entry_is_found_less_surely(tmp_path, write_glossary, scan_text):
    # The glossary names the minister by surname only: a given name before the garble says nothing of
    # another person, but the match is less sure than the surname alone (a warning, not an error).
    glossary = write_glossary(tmp_path, "canonical,type\nBrandauer,\nWeltenbach,place\n", ".csv")
    text = "The economy minister Lukas Brandaur visited the plant. Later Brandaur left for Bonn."
    findings = name_findings(scan_text, text, glossary)
    assert [(f.text, f.suggestion, f.severity) for f in findings] == [
        ("Brandaur", "Brandauer", Severity.WARNING),
        ("Brandaur", "Brandauer", Severity.ERROR),
    ]
    # A place is never somebody's surname: a given name before its near spelling is another person.
    assert name_findings(scan_text, "The painter Lukas Weltenbah exhibited in Bonn.", glossary) == []


def _gazetteer(tmp_path, write_glossary, *rows: str):
    """A glossary of a gazetteer's size (3,000 invented one-word places, CROWDING_FROM) with ``rows`` first."""
    rng = random.Random(3)
    names = {"".join(rng.choice(("lu", "mi", "no", "pe", "ta", "si", "de", "wo")) for _ in range(4)).capitalize()
             for _ in range(6000)}
    places = [f"{name},place" for name in sorted(names)][:3000]
    assert len(places) == 3000
    return write_glossary(tmp_path, "canonical,type\n" + "\n".join([*rows, *places]) + "\n", ".csv")


def test_an_ordinary_word_of_a_gazetteers_place_name_is_no_target_alone(tmp_path, write_glossary, scan_text):
    # A gazetteer's places are named with ordinary words of their languages (Bourse, French for a stock
    # exchange, in the name of a Paris district): a near spelling of such a word alone is that word in
    # another language, not a garbled place; beside another word of its name it is the place (Porto
    # Allegre). A distinctive word of a place's name is a target anywhere.
    glossary = _gazetteer(tmp_path, write_glossary, "Paris 02 Bourse,place", "Nagorno-Karabakh,place",
                          "Porto Alegre,place")
    text = ("Shares in the Frankfurt exchange operator Deutsche Boerse rose. Shelling resumed in Karabkh overnight. "
            "Floods hit Porto Allegre. Allegre is a surname too.")
    findings = name_findings(scan_text, text, glossary)
    assert [(f.text, f.suggestion) for f in findings] == [("Karabkh", "Karabakh"), ("Allegre", "Alegre")]
    assert findings[1].start == text.index("Allegre")


def test_a_desk_glossarys_words_of_longer_names_are_all_targets(tmp_path, write_glossary, scan_text):
    # A desk glossary names few places, chosen by the desk: their words are all kept, and so are the words
    # of an organisation's or a newspaper's name in any glossary (Monde is French for "world").
    glossary = write_glossary(tmp_path, "canonical,type\nLe Monde,organization\nParis 02 Bourse,place\n", ".csv")
    text = "The report first appeared in Mondde. The Boursse was closed."
    findings = name_findings(scan_text, text, glossary)
    assert [(f.text, f.suggestion) for f in findings] == [("Mondde", "Monde"), ("Boursse", "Bourse")]
    gazetteer = _gazetteer(tmp_path, write_glossary, "Le Monde,organization", "Paris 02 Bourse,place")
    findings = name_findings(scan_text, text, gazetteer)
    assert [(f.text, f.suggestion) for f in findings] == [("Mondde", "Monde")]


def test_a_word_after_a_personal_title_is_a_persons_name_not_a_garbled_place(tmp_path, write_glossary, scan_text):
    # "Mr Morchio" names a man, whatever place his name looks like (Italian ch reads as k: Morocco); a
    # garbled person's surname after a title is still found.
    glossary = write_glossary(tmp_path, "canonical,type\nMorocco,place\nNikol Pashinyan,person\n", ".csv")
    text = ("The carmaker's chief, Mr Morchio, resigned. Dr. Morchio will stay on the board. "
            "Mr Pashinjan met him. Exports to Morrocco rose.")
    findings = name_findings(scan_text, text, glossary)
    assert [(f.text, f.suggestion) for f in findings] == [("Pashinjan", "Pashinyan"), ("Morrocco", "Morocco")]


def test_a_garbled_word_of_a_longer_name_is_given_its_capital(tmp_path, write_glossary, scan_text):
    # The glossary writes the word inside a compound in lower case (Shimo-tsuma); alone, as the garble
    # stands, it takes a capital, and `audit fix` writes the suggestion into the copy.
    glossary = write_glossary(tmp_path, "canonical,type\nShimo-tsuma,place\n", ".csv")
    findings = name_findings(scan_text, "Officials in Tsumma said the road was closed.", glossary)
    assert [(f.text, f.suggestion) for f in findings] == [("Tsumma", "Tsuma")]


def test_an_ordinary_word_names_only_the_entry_that_writes_it_so(tmp_path, write_glossary, scan_text):
    # A gazetteer writes towns with their marks (Bānk, India): the word "bank" in the copy is not that town
    # named right, so it gives no support to a near spelling elsewhere (Banc of America). Written as the
    # glossary writes it (Georgia, any case), an ordinary word is a mention as before.
    glossary = _gazetteer(tmp_path, write_glossary, "Bānk,place", "Georgia,place")
    banking = "Shares in Banc of America rose on Monday. The Bank said its profits rose."
    assert name_findings(scan_text, banking, glossary) == []
    text = "Talks with GEORGIA resumed. Officials from Gerogia arrived on Monday."
    findings = name_findings(scan_text, text, glossary)
    assert [(f.text, f.suggestion) for f in findings] == [("Gerogia", "Georgia")]
