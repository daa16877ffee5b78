"""The thresholds name matching weighs words by. The Zipf thresholds are named once, in
audit/text/frequency.py, and re-exported here for matching's modules."""
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

__all__ = [
    "COMMON_WORD_ZIPF",
    "DISTINCTIVE_ZIPF",
    "FREQUENT_WORD_ZIPF",
    "GLUE_WORD_ZIPF",
    "KNOWN_WORD_ZIPF",
    "MIN_WORD_LENGTH",
    "RARE_NAME_ZIPF",
    "RARE_WORD_ZIPF",
]
