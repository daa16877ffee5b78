"""Evidence that a word is a garble of a glossary form: what its spelling says (``Evidence``), what the
article around it says (``Clue``), and how the two are weighed into a confidence."""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from mypy_extensions import mypyc_attr
from rapidfuzz.distance import Levenshtein

from ..text import VOWELS, skeleton, spelling_key, word_frequency
from ..text.translit import translit_cost
from .index import Form
from .weights import (
    COMMON_WORD_ZIPF,
    EXPLAINED_TRANSLIT_COST,
    FIRST_LETTER_PENALTY,
    FREQUENT_WORD_PENALTY,
    FREQUENT_WORD_ZIPF,
    KNOWN_ROMANISATION_PENALTY,
    KNOWN_WORD_TRANSLIT_COST,
    KNOWN_WORD_ZIPF,
    LONGER_NAME_PENALTY,
    MAX_CONFIDENCE,
    MIN_RAW_SIMILARITY,
    OWN_GIVEN_NAME_BONUS,
    PART_PENALTY,
    RARE_NAME_ZIPF,
    RARE_WORD_MENTIONED_PENALTY,
    RARE_WORD_PENALTY,
    RARE_WORD_ZIPF,
    ROMANISATION_CONFIDENCE,
    ROMANISATION_COST_SCALE,
    SAME_KEY_CONFIDENCE,
    SHORT_WORD_LENGTH,
    SHORT_WORD_PENALTY,
    SKELETON_BONUS,
    UNKNOWN_GIVEN_NAME_PENALTY,
    VOWELS_ONLY_BONUS,
    VOWELS_ONLY_FLOOR,
    VOWELS_ONLY_MAX_DISTANCE,
    VOWELS_ONLY_MIN_KEY,
    WEAK_SAME_KEY_SIMILARITY,
)
from .wordforms import derived, glued


class Evidence(NamedTuple):  # a tuple: made for every candidate of every unknown word
    """What spelling alone says about a word being a garble of a form."""

    confidence: float
    reason: str
    frequency: float  # Zipf frequency of the word in English
    key_distance: int
    translit: float = math.inf  # what the difference costs in audit/text/translit.py (one romanisation's letters for another's)


class Verdict(NamedTuple):
    """A word judged a garble: how sure, why, and whether the article must name the entry elsewhere too."""

    confidence: float
    reason: str
    # An ordinary English word in a name's place ("Sushi" for Shushi) is a garble only in an article that
    # names that entry elsewhere, rightly or garbled: alone it is far more likely the word itself.
    needs_support: bool = False


@mypyc_attr(serializable=True, allow_interpreted_subclasses=True)
@dataclass(frozen=True)
class Clue:
    """Where a word stands: what the article around it says."""

    sentence_start: bool  # its capital letter says nothing
    entry_mentioned: bool  # the article spells the entry right elsewhere
    other_person: bool  # the word before it is a given name that is not the entry's
    own_given_name: bool = False  # the word before it is the entry's given name (Vladimir Poutine)
    opens_person_name: bool = False  # it is a known given name (Mikhail Glinka, Ivan), or follows a title (Mr Morchio)
    # The word before it is a name nobody knows, not the entry's given name: maybe somebody else
    # (Anahit Manasyan is not Anna Manukyan), maybe a given name garbled past recognition.
    unknown_given_name: bool = False
    # A known given name before a near spelling of a surname-only entry (Robert Habek for Habeck).
    given_name_before_surname: bool = False
    # It is a near spelling of a person's one-word name followed by another word of a name (Babyn Yar for Babayan),
    # or half of a double surname (Melik-Huseynov): part of a longer name the glossary does not know (clues.py).
    opens_longer_name: bool = False


def spelling_evidence(folded: str, form: Form, key_distance: int) -> Evidence | None:
    """What the spelling alone says about ``folded`` being a garble of ``form`` (None: it is not)."""
    target = form.folded
    if derived(folded, target) or glued(folded, target):
        return None
    key, target_key = spelling_key(folded), form.key
    raw_distance = Levenshtein.distance(folded, target)
    raw_similarity = 1 - raw_distance / max(len(folded), len(target))
    # Keys far apart are past what a few romanisation swaps explain.
    cost = translit_cost(folded, target) if key_distance <= 3 else math.inf
    explained = cost <= EXPLAINED_TRANSLIT_COST
    if key_distance == 0 and cost == math.inf and raw_similarity < WEAK_SAME_KEY_SIMILARITY:
        # The rewrites took away most of what differs (Lakhani and Lany share a key): weigh the letters.
        confidence, reason = raw_similarity, f"{raw_distance} letters from {form.text!r}"
    elif key_distance == 0:
        confidence, reason = SAME_KEY_CONFIDENCE, transliteration_reason(form)
    else:
        if raw_similarity < MIN_RAW_SIMILARITY and not explained:
            return None  # the keys met only because the rewrites shortened both words
        confidence = max(raw_similarity, 1 - key_distance / max(len(key), len(target_key), 1))
        reason = f"{raw_distance} letter{'s' if raw_distance != 1 else ''} from {form.text!r}"
    bonused = _letter_bonus(confidence, key, target_key, key_distance)
    if bonused is not None:
        confidence = bonused
    elif not explained:
        if key[:1] != target_key[:1]:
            confidence -= FIRST_LETTER_PENALTY
        if len(folded) <= SHORT_WORD_LENGTH and key_distance > 1:
            confidence -= SHORT_WORD_PENALTY  # short names collide by chance (Adam/Aghdam)
    romanised = ROMANISATION_CONFIDENCE - cost / ROMANISATION_COST_SCALE
    if explained and key_distance and confidence < romanised:
        # One romanisation's letters for another's (Charkiw for Kharkiv, Chamenei for Khamenei).
        confidence, reason = romanised, f"another romanisation of {form.text!r}"
    if form.role == "part":
        confidence -= PART_PENALTY
    return Evidence(min(confidence, MAX_CONFIDENCE), reason, word_frequency(folded), key_distance, cost)


def confidence_bound(folded: str, form: Form, key_distance: int) -> float:
    """At least the confidence ``spelling_evidence`` gives ``folded`` as a garble of ``form`` (when it gives
    any), worked out without the transliteration cost (``translit_cost``, most of the evidence's price): the
    matcher leaves candidates that cannot reach the bar a big glossary sets for the evidence of unsupported
    matches unweighed until an article names their entry (see NearWords)."""
    if key_distance == 0:
        return MAX_CONFIDENCE
    target = form.folded
    key, target_key = spelling_key(folded), form.key
    raw_similarity = 1 - Levenshtein.distance(folded, target) / max(len(folded), len(target))
    confidence = max(raw_similarity, 1 - key_distance / max(len(key), len(target_key), 1))
    bonused = _letter_bonus(confidence, key, target_key, key_distance)
    confidence = confidence if bonused is None else bonused
    if key_distance <= 3:
        confidence = max(confidence, ROMANISATION_CONFIDENCE)  # another romanisation: at most this, at no cost
    if form.role == "part":
        confidence -= PART_PENALTY
    return min(confidence, MAX_CONFIDENCE)


def confidence_ceiling(folded: str, key: str, form: Form, key_distance: int) -> float:
    """At least ``confidence_bound`` (``key``: the spelling key of ``folded``), for a fraction of its cost:
    the edit distances and lengths without the letter comparisons, every bonus taken as given. On a big
    glossary most candidates are below the bar for an unsupported match by this measure already. (The
    steps of ``confidence_bound`` written out again, not shared through helpers: the lookup calls this for
    every candidate; tests/test_speed_paths.py holds it at or above the bound.)"""
    if key_distance == 0:
        return MAX_CONFIDENCE
    target = form.folded
    raw_similarity = 1 - Levenshtein.distance(folded, target) / max(len(folded), len(target))
    confidence = max(raw_similarity, 1 - key_distance / max(len(key), len(form.key), 1))
    confidence = max(confidence, VOWELS_ONLY_FLOOR) + max(VOWELS_ONLY_BONUS, SKELETON_BONUS)
    if key_distance <= 3:
        confidence = max(confidence, ROMANISATION_CONFIDENCE)
    if form.role == "part":
        confidence -= PART_PENALTY
    return min(confidence, MAX_CONFIDENCE)


def _letter_bonus(confidence: float, key: str, target_key: str, key_distance: int) -> float | None:
    """``confidence`` raised for a difference of a kind transliteration makes, or None if it is not one."""
    if 0 < key_distance <= VOWELS_ONLY_MAX_DISTANCE and _consonants(key) == _consonants(target_key) \
            and len(target_key) >= VOWELS_ONLY_MIN_KEY \
            and abs(len(key) - len(target_key)) <= 1:
        # Only vowels differ (Tavoz/Tovuz, Gadabe/Gadabay): vowels are what transliteration from
        # Cyrillic, Armenian or Azerbaijani (ı, ə, ü, ö) gets wrong most, so this is strong evidence.
        return max(confidence, VOWELS_ONLY_FLOOR) + VOWELS_ONLY_BONUS
    if skeleton(key) == skeleton(target_key):
        return confidence + SKELETON_BONUS  # the same consonant classes in the same order (Stefancart/Stepanakert)
    return None


def best_weighed(evidence: Evidence) -> float:
    """The most confidence ``weigh`` can give this evidence, wherever the word stands: every clue but the
    entry's own given name (a bonus) only takes confidence away. Candidates below the threshold by this
    measure need no article weighed."""
    return min(evidence.confidence + OWN_GIVEN_NAME_BONUS, MAX_CONFIDENCE)


def weigh(
    evidence: Evidence | None, clue: Clue, min_confidence: float, person: bool = False, crowding: float = 0.0
) -> Verdict | None:
    """Weigh the spelling evidence against where the word stands (``person``: the entry is a person;
    ``crowding``: what a big glossary takes off a match the article does not support, see Matcher)."""
    if evidence is None or clue.other_person:
        return None  # "Jacques Chirac" is somebody, whatever "Chirac" looks like
    if clue.opens_person_name and not person:
        return None  # "Mikhail Glinka" names a man, not a garbled town
    confidence = evidence.confidence
    if (clue.unknown_given_name and person) or clue.given_name_before_surname:
        confidence -= UNKNOWN_GIVEN_NAME_PENALTY
    if clue.opens_longer_name:
        # Babyn Yar is no garbled Babayan; but machine translation also writes names surname first (Vinger
        # Vasyl) and drops an apposition's comma (Ecompay Arthur Zaremba): a doubt, not a veto.
        confidence -= LONGER_NAME_PENALTY
    needs_support = False
    if clue.own_given_name:
        # The person's own given name before a near spelling of the surname: the word stands where
        # that surname stands, even if English knows it as a word (Vladimir Poutine).
        confidence = min(confidence + OWN_GIVEN_NAME_BONUS, MAX_CONFIDENCE)
    if evidence.frequency >= COMMON_WORD_ZIPF:
        return None
    if evidence.translit <= KNOWN_WORD_TRANSLIT_COST and evidence.frequency < FREQUENT_WORD_ZIPF and evidence.key_distance > 0:
        # Another romanisation of the name, not just a vowel changed: English may know the word (Klimenko,
        # Zelenskiy) as the Russian or German form of that very name, so its frequency is no sign of a
        # different name. (A vowel alone is not enough: Kalan is no garbled Kalin.)
        confidence -= max(0.0, evidence.frequency - KNOWN_WORD_ZIPF) * KNOWN_ROMANISATION_PENALTY
    elif only_same_key_matches(evidence.frequency):
        # An ordinary English word is a garble only in a name's place: capitalised mid-sentence, same key,
        # in an article that names the entry elsewhere.
        if evidence.key_distance > 0 or clue.sentence_start:
            return None
        confidence -= FREQUENT_WORD_PENALTY
        needs_support = not clue.entry_mentioned and not clue.own_given_name
    elif evidence.key_distance > 0 and evidence.frequency >= RARE_WORD_ZIPF and not clue.own_given_name:
        # A word English text already knows (Chirac, Scholl, Briton) near a glossary name is a
        # different real name. Rarer ones count only where the article names the entry right elsewhere.
        if evidence.frequency >= KNOWN_WORD_ZIPF:
            return None
        if evidence.frequency >= RARE_NAME_ZIPF and not clue.entry_mentioned:
            return None
        confidence -= RARE_WORD_MENTIONED_PENALTY if clue.entry_mentioned else RARE_WORD_PENALTY
    elif evidence.key_distance == 0 and evidence.frequency >= KNOWN_WORD_ZIPF and crowding:
        # The same key, but a name English knows, and a glossary so big that some entry shares its key by
        # chance (Milburn/Millburn in a gazetteer): only where the article names the entry. A desk
        # glossary's Donbas makes Donbass a garble wherever it stands.
        needs_support = not clue.entry_mentioned and not clue.own_given_name
    if not clue.entry_mentioned and not clue.own_given_name:
        confidence -= crowding
    if confidence < min_confidence:
        return None
    return Verdict(round(confidence, 3), evidence.reason, needs_support)


def only_same_key_matches(frequency: float) -> bool:
    """Is a word this frequent in English a garble only of forms with its own comparison key, wherever it
    stands? (``weigh`` turns every other candidate of such a word down.) The matcher looks such words up by
    their key alone, without the fuzzy search."""
    return frequency >= FREQUENT_WORD_ZIPF


def transliteration_reason(form: Form) -> str:
    return f"reads as {form.text!r} once source-language spelling is undone"


@lru_cache(maxsize=200_000)
def _consonants(key: str) -> str:
    """The first letter and every later consonant, exactly: 'tovuz' -> 'tvz', 'armenia' -> 'armn'."""
    return key[:1] + "".join(char for char in key[1:] if char not in VOWELS)

