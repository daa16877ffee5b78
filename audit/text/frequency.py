"""How frequent a word is in ordinary text (wordfreq's Zipf scale)."""
from __future__ import annotations

import math
from functools import lru_cache
from types import ModuleType

# What a word's Zipf frequency in English says, most frequent first: every threshold the tool uses, named
# once. 7 is "the"; 0 is a word English text does not know.
# Short words this frequent ("at", "in", "and") glued to a name by a scraper do not make a garble.
GLUE_WORD_ZIPF = 5.5
# An ordinary English word: never a garble; a near spelling of it is another word (Monday/Mondavi); a
# capitalised one is a title or an ordinary word rather than part of a name ("President", "The").
COMMON_WORD_ZIPF = 4.0
# Glossary words at least this frequent in English are not used as fuzzy targets ("Group", "Human").
DISTINCTIVE_ZIPF = 3.3
# A well-known word: suspect only when its key equals a glossary name's exactly; near it, only a spelling
# with the same comparison key is a variant; a lower-cased one in a name is just a word ("the").
FREQUENT_WORD_ZIPF = 3.0
# Words English text already knows are different real names rather than garbles: from KNOWN_WORD_ZIPF
# always, from RARE_NAME_ZIPF unless the article names the entry right elsewhere, and from RARE_WORD_ZIPF
# they cost confidence. A spelling at least RARE_NAME_ZIPF is a spelling in use; one below RARE_WORD_ZIPF
# is a candidate garble, and one below UNKNOWN_WORD_ZIPF is a spelling English word lists have not seen.
KNOWN_WORD_ZIPF = 2.0
RARE_NAME_ZIPF = 1.5
RARE_WORD_ZIPF = 1.0
UNKNOWN_WORD_ZIPF = 0.5


@lru_cache(maxsize=200_000)
def word_frequency(word: str, language: str = "en") -> float:
    """Zipf frequency of a word in ordinary text (0 for unknown words, about 7 for 'the')."""
    if language == "en" and word.isascii() and word.isalpha() and word.islower():
        return _plain_english_zipf(word)
    return _wordfreq().zipf_frequency(word, language)


@lru_cache(maxsize=1)
def _wordfreq() -> ModuleType:
    """wordfreq, imported when the first word is looked up: it imports ftfy, langcodes and regex (0.1 s),
    which `audit --version` and the commands that look up no word do not need."""
    import wordfreq

    return wordfreq


@lru_cache(maxsize=1)
def _english() -> dict[str, float]:
    # The same arguments as wordfreq's own lookups pass (lang, wordlist), so its cache holds one table,
    # built once (0.15-0.3 s), not one for each spelling of the call.
    table: dict[str, float] = _wordfreq().get_frequency_dict("en", "best")
    return table


def _plain_english_zipf(word: str) -> float:
    """zipf_frequency(word, "en") for a plain lower-case ASCII word, from wordfreq's table directly.

    wordfreq tokenises every word it is asked about, which costs 8 times the lookup; a plain word is its
    own single token, so this does what wordfreq then does (same rounding; tests/test_text.py holds the
    two equal).
    """
    frequency = _english().get(word)
    if frequency is None:
        return 0.0
    frequency = max(1.0 / (1.0 / frequency), _ZIPF_ZERO)  # wordfreq combines tokens as 1/f
    frequency = round(frequency, math.floor(-math.log(frequency, 10)) + 3)  # 3 significant digits
    return round(math.log(frequency, 10) + 9, 2)


_ZIPF_ZERO = 1e-9  # the frequency of Zipf 0, wordfreq's floor
