"""AUD401 foreign-script and AUD402 untranslated-sentence, and the language helpers under them."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from audit.checks import foreign_script, untranslated_sentence
from audit.config import Settings
from audit.documents import Document
from audit.engine import build_context
from audit.glossary import Glossary
from audit.language import detect_languages, foreign_script_runs, sentences


def run(module, text: str, language: str = "en") -> list:
    glossary = Glossary(())
    context = build_context(Settings(target_language=language), glossary)
    return list(module.check(Document.from_text("story.txt", text), context))


ENGLISH = (
    "The council approved the budget on Tuesday after a long debate about road repairs. "
    "Opposition members said the plan left too little money for schools in the northern districts."
)
GERMAN = (
    "Der Stadtrat hat am Dienstag nach einer langen Debatte den Haushalt beschlossen. "
    "Die Opposition kritisierte, dass zu wenig Geld für die Schulen übrig bleibe."
)
FRENCH = "Le conseil municipal a adopté mardi le budget après un long débat sur la réparation des routes."


# -- AUD401 foreign-script -----------------------------------------------------------------------------------


def test_bracketed_cyrillic_phrase_is_reported():
    text = "The mayor described the plan (\u043e\u0447\u0435\u043d\u044c \u0432\u0430\u0436\u043d\u044b\u0439 \u0448\u0430\u0433 \u0432\u043f\u0435\u0440\u0451\u0434) as historic."
    (finding,) = run(foreign_script, text)
    assert finding.rule == "AUD401"
    assert finding.text == "\u043e\u0447\u0435\u043d\u044c \u0432\u0430\u0436\u043d\u044b\u0439 \u0448\u0430\u0433 \u0432\u043f\u0435\u0440\u0451\u0434"
    assert "Cyrillic" in finding.message


def test_armenian_and_arabic_passages_are_reported():
    armenian = "\u0574\u0565\u0576\u0584 \u0570\u0561\u0572\u0569\u0565\u056c\u0578\u0582 \u0565\u0576\u0584"
    arabic = "\u0647\u0630\u0627 \u064a\u0648\u0645 \u0645\u0647\u0645 \u062c\u062f\u0627"
    findings = run(foreign_script, f"A banner read {armenian} in the square.\n\nAnother said {arabic} too.")
    assert [f.text for f in findings] == [armenian, arabic]
    assert "Armenian" in findings[0].message and "Arabic" in findings[1].message


@pytest.mark.parametrize(
    "text",
    [
        "The paper \u00ab\u041d\u043e\u0432\u0430\u044f \u0433\u0430\u0437\u0435\u0442\u0430\u00bb reported the story.",  # quoted title
        "Residents of the capital (\u0415\u0440\u0435\u0432\u0430\u043d) stayed home.",  # one word
        "The region, known locally as \u041d\u0430\u0433\u043e\u0440\u043d\u044b\u0439 \u041a\u0430\u0440\u0430\u0431\u0430\u0445, was calm.",  # a name
        "Temperatures of 5\u00b0C and a \u03b2 coefficient were measured.",  # a Greek letter in a formula
        "Cafés in Bra\u0219ov and Gda\u0144sk reopened, said \u00c7avu\u015fo\u011flu.",  # Latin with diacritics
    ],
)
def test_names_single_words_and_latin_diacritics_are_not_passages(text):
    assert run(foreign_script, text) == []


def test_target_language_decides_the_expected_script():
    text = "\u041c\u044d\u0440 \u043e\u0442\u043a\u0440\u044b\u043b \u043d\u043e\u0432\u044b\u0439 \u043c\u043e\u0441\u0442 \u0432 \u043f\u043e\u043d\u0435\u0434\u0435\u043b\u044c\u043d\u0438\u043a."
    assert len(run(foreign_script, text)) == 1
    assert run(foreign_script, text, language="ru") == []
    runs = foreign_script_runs("The mayor opened a new bridge in the city.", "ru")
    assert runs and runs[0].scripts == ("LATIN",)


# -- AUD402 untranslated-sentence ----------------------------------------------------------------------------


def test_german_passage_is_one_finding():
    (finding,) = run(untranslated_sentence, ENGLISH + " " + GERMAN + "\n")
    assert finding.rule == "AUD402"
    assert finding.text == GERMAN
    assert "German" in finding.message and "(de," in finding.message


def test_french_sentence_in_its_own_paragraph():
    (finding,) = run(untranslated_sentence, ENGLISH + "\n\n" + FRENCH + "\n")
    assert finding.text == FRENCH and "French" in finding.message


@pytest.mark.parametrize(
    "text",
    [
        ENGLISH,
        # English heavy with foreign names is still English.
        "Prime Minister Nikol Pashinyan met Ilham Aliyev and Recep Tayyip Erdogan in Brussels on Thursday evening.",
        # A short foreign quotation inside an English sentence is not a passage.
        'He ended his speech with "Wir schaffen das" and left the stage without taking questions.',
        # Too short to identify reliably.
        "Danke sch\u00f6n, sagte er.",
        # German names and titles in English copy.
        "The Frankfurter Allgemeine Zeitung and Der Spiegel both reported that the Bundestag would vote on Friday.",
    ],
)
def test_english_copy_is_not_reported(text):
    assert run(untranslated_sentence, text) == []


def test_target_language_can_be_set():
    assert run(untranslated_sentence, GERMAN, language="de") == []
    (finding,) = run(untranslated_sentence, ENGLISH, language="de")
    assert "English" in finding.message


def test_sentences_split_glued_sentences_and_keep_abbreviations():
    text = "It rained.Then it stopped. Mr. Brown left. \u201cGood,\u201d he said."
    assert [text[a:b] for a, b in sentences(text)] == ["It rained.", "Then it stopped.", "Mr. Brown left.", "\u201cGood,\u201d he said."]


def test_sentence_ends_are_those_of_the_pattern_as_first_written():
    # The pattern opens both branches with the mark, for speed; its ends must be those of the plain
    # spelling (a run of marks and closers before a space, or a glued capital after one mark).
    import random
    import re

    from audit.language import _SENTENCE_END

    plain = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019\u00bb)\]]*(?=\s)|(?<=[a-z\u00df-\u00ff]{2}[.!?])(?=[A-Z\u00c0-\u00de][a-z])")
    rng = random.Random(5)
    alphabet = "ab.!?\u2026 \n\"')]\u201d\u00bbAZ\u00c0\u00df\u00e9D"
    for _ in range(100_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        assert [m.end() for m in _SENTENCE_END.finditer(text)] == [m.end() for m in plain.finditer(text)], text


def test_language_detection_is_deterministic_across_processes():
    probe = (
        "import json, sys; from audit.language import detect_languages; "
        "print(json.dumps([detect_languages(s) for s in json.loads(sys.argv[1])]))"
    )
    samples = [GERMAN, FRENCH, "Nagorno Karabakh Stepanakert Shushi Lachin", "Die Stadt und the city"]
    outputs = {
        subprocess.run([sys.executable, "-c", probe, json.dumps(samples)], capture_output=True, text=True, check=True).stdout
        for _ in range(3)
    }
    assert len(outputs) == 1
    assert json.loads(outputs.pop()) == [[list(pair) for pair in detect_languages(s)] for s in samples]


def test_the_ngram_table_filled_on_demand_equals_langdetects_own():
    # The detector's n-gram rows are worked out when first asked for, not all 87,000 when the profiles load:
    # every row must be the one langdetect's own factory builds, in the same language order.
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    from audit.language import _factory

    eager = DetectorFactory()
    eager.load_profile(PROFILES_DIRECTORY)
    ours = _factory()
    assert ours.langlist == eager.langlist
    table = ours.word_lang_prob_map
    assert all(ngram in table and table[ngram] == row for ngram, row in eager.word_lang_prob_map.items())
    for absent in ("\u2603", "qx\u2603", "zzzzzz"):
        assert absent not in table and absent not in eager.word_lang_prob_map
        with pytest.raises(KeyError):
            table[absent]


def test_detection_with_the_table_filled_on_demand_equals_langdetects_factory():
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    eager = DetectorFactory()
    eager.load_profile(PROFILES_DIRECTORY)
    eager.seed = 0
    samples = [GERMAN, FRENCH, ENGLISH, "Nagorno Karabakh Stepanakert Shushi Lachin", "Die Stadt und the city",
               "La ciudad aprobó el presupuesto el martes.", "Miasto przyjęło budżet we wtorek po długiej debacie.",
               "Город принял бюджет во вторник.", "市议会周二通过了预算。", "Η πόλη ενέκρινε τον προϋπολογισμό."]
    for sample in samples:
        detector = eager.create()
        detector.append(sample)
        assert detect_languages(sample) == [(found.lang, found.prob) for found in detector.get_probabilities()], sample


def test_the_detectors_languages_are_its_profiles_found_without_importing_it():
    import os

    from langdetect.detector_factory import PROFILES_DIRECTORY

    from audit.language import detector_languages

    names = {name.lower() for name in os.listdir(PROFILES_DIRECTORY)}
    assert detector_languages() == frozenset(names | {name.split("-")[0] for name in names})
    assert {"de", "fr", "ru", "zh", "zh-cn"} <= detector_languages()
