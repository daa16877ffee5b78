"""Word-form rules: when a word is a form of a name (an inflection, a demonym, a name glued to a short
word by a scraper, a near spelling) rather than a different name."""
from __future__ import annotations

from collections.abc import Iterator

from rapidfuzz.distance import Levenshtein

from ..text import spelling_key, word_frequency
from ..text.translit import opens_alike, translit_cost
from .weights import EXPLAINED_TRANSLIT_COST, GLUE_WORD_ZIPF, MIN_WORD_LENGTH

# Endings that make an inflection or a demonym of a name rather than a different name
# ("Armenia" -> "Armenians", "Turkey" -> "Turkish", "Europe" -> "European", "Berlin" -> "Berliner").
DERIVATION_SUFFIXES = frozenset(
    "s es n ns an ans ian ians ean eans i is ese ish ic ics ern erns ite ites ist ists ism ized a er ers".split()
)
# Letters a demonym's or inflection's stem lost from the name ("armeni|ans" <- "armeni|a", "turk|ish" <- "turk|ey").
DEMONYM_RESTORE = ("", "a", "e", "y", "ia", "o", "ey")


def base_forms(folded: str, restore: tuple[str, ...] = ("",)) -> Iterator[str]:
    """What ``folded`` could be an inflection or demonym of: each stem left by a derivation suffix (of at
    least MIN_WORD_LENGTH letters), with each of ``restore`` put back ("pashinyans" -> "pashinyan")."""
    for suffix in DERIVATION_SUFFIXES:
        if folded.endswith(suffix) and len(folded) - len(suffix) >= MIN_WORD_LENGTH:
            stem = folded[: -len(suffix)]
            if _doubled_final_s(stem, suffix):
                continue
            for ending in restore:
                yield stem + ending


def derived(word: str, name: str) -> bool:
    """'armenians' from 'armenia', 'turkish' from 'turkey', 'european' from 'europe': a form of the name, not a garble."""
    if word == name:
        return True
    for cut in (0, 1, 2):
        stem = name[: len(name) - cut] if cut else name
        ending = word[len(stem) :]
        # After cutting letters off the name, a one-letter "ending" is a substitution, not a suffix.
        if len(stem) >= 4 and word.startswith(stem) and ending in DERIVATION_SUFFIXES and (cut == 0 or len(ending) > 1) \
                and not _doubled_final_s(stem, ending):
            return True
    return False


def _doubled_final_s(stem: str, ending: str) -> bool:
    """Endings that only look English: 'donbass' is Donbas with a double s, not its plural (English adds
    -es to a name in -s); 'glukhovskyi' is a Ukrainian -yi, not Glukhovsky with an English -i (Karabakhi)."""
    return (ending == "s" and stem.endswith("s")) or (ending in ("i", "a") and stem[-1:] in "aeiouy")


def glued(word: str, name: str) -> bool:
    """'moscowat': a right name glued to a short ordinary word by a scraper, not a garble."""
    rest = word[len(name) :]
    return word.startswith(name) and 2 <= len(rest) <= 4 and word_frequency(rest) >= GLUE_WORD_ZIPF


def near_spelling(word: str, name: str) -> bool:
    """A misspelling of ``name``: a letter or two off from its first letter on, or another romanisation
    of it (Ceyhun for Jeyhun, Dzhavad for Javad)."""
    if len(word) < 4:
        return False
    if word[:1] != name[:1]:
        # (Below the cost of a letter put in, a romanisation must open as the name does: most words don't.)
        return opens_alike(word, name) and translit_cost(word, name) <= EXPLAINED_TRANSLIT_COST
    if translit_cost(word, name) <= EXPLAINED_TRANSLIT_COST:
        return True
    distance = Levenshtein.distance(spelling_key(word), spelling_key(name))
    return distance <= (1 if len(name) <= 5 else 2)


# Name prefixes a capital follows inside one word (McTum, MacDonald, DiCaprio, LeBron, DeSantis, VanDyke).
_CAPITAL_AFTER = ("Mc", "Mac", "Fitz", "Da", "De", "Di", "Du", "La", "Le", "Van", "Von")


def coined(word: str) -> bool:
    """A brand's or a coined name's inner capital (CapCut, TikTok, PayPal): no transliteration writes one, so such a
    word is not a garble of a glossary name (CapCut is no Calcutta). A capital after a name prefix (McTum) is."""
    rest = word[1:]
    if not rest or rest.islower():  # most words: no capital inside
        return False
    for position in range(1, len(word)):
        if word[position].isupper() and word[position - 1].islower():
            return not any(word.startswith(prefix) and position == len(prefix) for prefix in _CAPITAL_AFTER)
    return False
