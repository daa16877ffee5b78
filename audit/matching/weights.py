"""The weights and thresholds name matching decides by, in one place.

The Zipf thresholds are named once, in audit/text/frequency.py, and re-exported here for matching's
modules. The confidences below are what audit/matching/evidence.py builds a match's confidence from:
spelling first (``spelling_evidence``), then where the word stands (``weigh``). They were set on the
invented examples and the seeds, never string by string; tests/test_shared_eval.py guards them.
"""
from __future__ import annotations

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

__all__ = [
    "COGNATE_CONFIDENCE",
    "COMMON_WORD_ZIPF",
    "DISTINCTIVE_ZIPF",
    "FIRST_LETTER_PENALTY",
    "FREQUENT_WORD_PENALTY",
    "FREQUENT_WORD_ZIPF",
    "GIVEN_MISSPELLING_CONFIDENCE",
    "GLUE_WORD_ZIPF",
    "KEY_RUN_CONFIDENCE",
    "KNOWN_WORD_ZIPF",
    "MAX_CONFIDENCE",
    "MIN_RAW_SIMILARITY",
    "MIN_WORD_LENGTH",
    "OWN_GIVEN_NAME_BONUS",
    "PART_PENALTY",
    "RARE_NAME_ZIPF",
    "RARE_WORD_MENTIONED_PENALTY",
    "RARE_WORD_PENALTY",
    "RARE_WORD_ZIPF",
    "SAME_KEY_CONFIDENCE",
    "SHORT_WORD_LENGTH",
    "SHORT_WORD_PENALTY",
    "SKELETON_BONUS",
    "VOWELS_ONLY_BONUS",
    "VOWELS_ONLY_FLOOR",
    "VOWELS_ONLY_MIN_KEY",
]
