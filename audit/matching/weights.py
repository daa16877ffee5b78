"""The weights and thresholds name matching decides by, in one place.

The Zipf thresholds are named once, in audit/text/frequency.py, and re-exported here for matching's
modules. The confidences below are what audit/matching/evidence.py builds a match's confidence from:
spelling first (``spelling_evidence``), then where the word stands (``weigh``). They were set on the
invented examples and the seeds, never string by string; tests/test_shared_eval.py guards them.
"""
from __future__ import annotations

import math

from ..text.frequency import (
    COMMON_WORD_ZIPF,
    DISTINCTIVE_ZIPF,
    FREQUENT_WORD_ZIPF,
    GLUE_WORD_ZIPF,
    KNOWN_WORD_ZIPF,
    RARE_NAME_ZIPF,
    RARE_WORD_ZIPF,
)

MIN_WORD_LENGTH = 4  # shorter words are not compared with the glossary: they collide by chance

# -- spelling evidence ----------------------------------------------------------------------------
SAME_KEY_CONFIDENCE = 0.93  # the word's comparison key is the form's: a transliteration (Paschinjan)
# Below this similarity of the folded words, equal or near keys met only because the rewrites shortened both.
MIN_RAW_SIMILARITY = 0.55
# Only vowels differ (Tavoz/Tovuz), in a key of at least VOWELS_ONLY_MIN_KEY letters and at most one letter
# longer or shorter: at least VOWELS_ONLY_FLOOR, plus VOWELS_ONLY_BONUS.
VOWELS_ONLY_MIN_KEY = 5
VOWELS_ONLY_MAX_DISTANCE = 2  # three vowels apart is another word (Bariton is no Britain), however alike the consonants
VOWELS_ONLY_FLOOR = 0.8
VOWELS_ONLY_BONUS = 0.08
SKELETON_BONUS = 0.08  # the same consonant classes in the same order (Stefancart/Stepanakert)
FIRST_LETTER_PENALTY = 0.1  # otherwise: a different first letter
# ... and a short word (at most SHORT_WORD_LENGTH letters) more than one key edit away: names collide by chance.
SHORT_WORD_LENGTH = 5
SHORT_WORD_PENALTY = 0.12
PART_PENALTY = 0.05  # a word of a longer name ("Karabakh" of "Nagorno-Karabakh") is weaker evidence alone
MAX_CONFIDENCE = 0.99  # never certain

# -- the article around the word ------------------------------------------------------------------
OWN_GIVEN_NAME_BONUS = 0.1  # the person's own given name stands before it (Vladimir Poutine)
FREQUENT_WORD_PENALTY = 0.1  # an English word in a name's place, with the name's key
RARE_WORD_PENALTY = 0.1  # a word English text knows a little, the entry not named right elsewhere
RARE_WORD_MENTIONED_PENALTY = 0.05  # ... the entry named right elsewhere in the article

# -- matches without a single word's evidence -----------------------------------------------------
KEY_RUN_CONFIDENCE = 0.95  # several words whose comparison key is an accepted form's ("Nagorno Karabach")
COGNATE_CONFIDENCE = 0.95  # a given name that is another language's form of the person's (Nicholas/Nikol)
GIVEN_MISSPELLING_CONFIDENCE = 0.9  # a near spelling of the person's given name (Vachram/Vahram)
# One romanisation's letters for another's (Charkiw for Kharkiv): at least ROMANISATION_CONFIDENCE, less the
# transliteration cost over ROMANISATION_COST_SCALE.
ROMANISATION_CONFIDENCE = 0.9
ROMANISATION_COST_SCALE = 5
# Another romanisation English knows as a word loses this much per Zipf point above KNOWN_WORD_ZIPF.
KNOWN_ROMANISATION_PENALTY = 0.05

# -- transliteration costs and places ---------------------------------------------------------------
# A difference that costs at most this in audit/text/translit.py (letters one romanisation writes for
# another's, or one vowel for another: Chamenei/Khamenei 0.2, Selenskyj/Zelensky 0.5) is explained by
# transliteration: strong evidence of a garble.
EXPLAINED_TRANSLIT_COST = 0.5
# Cheaper than a vowel swap, it outweighs English knowing the word as a name (Klimenko for Klymenko),
# short of FREQUENT_WORD_ZIPF (Routers is no garbled Reuters).
KNOWN_WORD_TRANSLIT_COST = 0.4
# A surname's near spelling after an unknown capitalised word (not a title: those are frequent words)
# loses this much confidence: the word may be another person's given name.
UNKNOWN_GIVEN_NAME_PENALTY = 0.15
# A given name at least this common (audit/data/LEXICON.md: log10 of bearers per 100 million; Karen, Valerie,
# Alexander 5) says "a person" wherever it stands; rarer ones are also words and surnames (Temple, Street).
PERSON_GIVEN_NAME_BUCKET = 4
LONGER_NAME_PENALTY = 0.15  # a one-word name's near spelling opens a longer name (Babyn Yar): Clue.opens_longer_name
# A town's other spelling (Kiew for Kyiv) is that town: as sure as a garble the keys agree on.
OTHER_SPELLING_CONFIDENCE = 0.9
# A spelling English knows well is a place's other spelling only this close to the name (Kiev/Kyiv 0.8;
# Vine is Vienna's in Romanian, and an English word).
KNOWN_OTHER_SPELLING_COST = 1.0

# How sure spelling alone must be before a glossary form is suggested for a word the name rules left alone.
NEAREST_HOUSE_CONFIDENCE = 0.8
# Glossaries with more fuzzy targets than this make unsupported matches pay CROWDING_PER_DECADE of
# confidence for every tenfold more.
CROWDING_FROM = 3_000
CROWDING_PER_DECADE = 0.2


def crowding(targets: int) -> float:
    """What a glossary file of ``targets`` fuzzy targets takes off a match no article supports (Matcher)."""
    return CROWDING_PER_DECADE * max(0.0, math.log10(targets / CROWDING_FROM)) if targets else 0.0


# Equal comparison keys with less than this raw similarity (Lakhani, Lany) are weighed by their letters.
WEAK_SAME_KEY_SIMILARITY = 0.7

__all__ = [
    "WEAK_SAME_KEY_SIMILARITY",
    "NEAREST_HOUSE_CONFIDENCE",
    "CROWDING_PER_DECADE",
    "CROWDING_FROM",
    "COGNATE_CONFIDENCE",
    "COMMON_WORD_ZIPF",
    "DISTINCTIVE_ZIPF",
    "EXPLAINED_TRANSLIT_COST",
    "FIRST_LETTER_PENALTY",
    "FREQUENT_WORD_PENALTY",
    "FREQUENT_WORD_ZIPF",
    "GIVEN_MISSPELLING_CONFIDENCE",
    "GLUE_WORD_ZIPF",
    "KEY_RUN_CONFIDENCE",
    "KNOWN_OTHER_SPELLING_COST",
    "KNOWN_ROMANISATION_PENALTY",
    "KNOWN_WORD_TRANSLIT_COST",
    "KNOWN_WORD_ZIPF",
    "MAX_CONFIDENCE",
    "MIN_RAW_SIMILARITY",
    "MIN_WORD_LENGTH",
    "OTHER_SPELLING_CONFIDENCE",
    "OWN_GIVEN_NAME_BONUS",
    "PART_PENALTY",
    "RARE_NAME_ZIPF",
    "RARE_WORD_MENTIONED_PENALTY",
    "RARE_WORD_PENALTY",
    "RARE_WORD_ZIPF",
    "ROMANISATION_CONFIDENCE",
    "ROMANISATION_COST_SCALE",
    "SAME_KEY_CONFIDENCE",
    "SHORT_WORD_LENGTH",
    "SHORT_WORD_PENALTY",
    "SKELETON_BONUS",
    "UNKNOWN_GIVEN_NAME_PENALTY",
    "LONGER_NAME_PENALTY",
    "PERSON_GIVEN_NAME_BUCKET",
    "VOWELS_ONLY_BONUS",
    "VOWELS_ONLY_FLOOR",
    "VOWELS_ONLY_MIN_KEY",
    "VOWELS_ONLY_MAX_DISTANCE",
    "crowding",
]
