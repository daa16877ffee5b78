"""The thresholds name matching weighs words by, named once.

Zipf frequencies are wordfreq's scale: 0 for a word English text does not know, about 7 for "the".
"""
from __future__ import annotations

# A word at least this frequent in English is an ordinary word, never a garble.
COMMON_WORD_ZIPF = 4.0
# A word at least this frequent is suspect only when its key equals a glossary name's exactly.
FREQUENT_WORD_ZIPF = 3.0
# Words English text already knows are different real names rather than garbles: from KNOWN_WORD_ZIPF
# always, from RARE_NAME_ZIPF unless the article names the entry right elsewhere, and from
# RARE_WORD_ZIPF they cost confidence.
KNOWN_WORD_ZIPF = 2.0
RARE_NAME_ZIPF = 1.5
RARE_WORD_ZIPF = 1.0
# Glossary words at least this frequent in English are not used as fuzzy targets ("Group", "Human").
DISTINCTIVE_ZIPF = 3.3
MIN_WORD_LENGTH = 4
# Short words this frequent ("at", "in", "and") glued to a name by a scraper do not make a garble.
GLUE_WORD_ZIPF = 5.5
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
