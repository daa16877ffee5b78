"""How frequent a word is in ordinary text (wordfreq's Zipf scale)."""
from __future__ import annotations

import math
from functools import lru_cache

from wordfreq import get_frequency_dict, zipf_frequency


@lru_cache(maxsize=200_000)
def word_frequency(word: str, language: str = "en") -> float:
    """Zipf frequency of a word in ordinary text (0 for unknown words, about 7 for 'the')."""
    if language == "en" and word.isascii() and word.isalpha() and word.islower():
        return _plain_english_zipf(word)
    return zipf_frequency(word, language)


def _plain_english_zipf(word: str) -> float:
    """zipf_frequency(word, "en") for a plain lower-case ASCII word, from wordfreq's table directly.

    wordfreq tokenises every word it is asked about, which costs 8 times the lookup; a plain word is its
    own single token, so this does what wordfreq then does (same rounding; tests/test_text.py holds the
    two equal).
    """
    frequency = get_frequency_dict("en").get(word)
    if frequency is None:
        return 0.0
    frequency = max(1.0 / (1.0 / frequency), _ZIPF_ZERO)  # wordfreq combines tokens as 1/f
    frequency = round(frequency, math.floor(-math.log(frequency, 10)) + 3)  # 3 significant digits
    return round(math.log(frequency, 10) + 9, 2)


_ZIPF_ZERO = 1e-9  # the frequency of Zipf 0, wordfreq's floor
