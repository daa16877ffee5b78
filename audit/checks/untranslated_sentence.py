"""AUD402 untranslated-sentence: a sentence left in another language (a whole German sentence in English copy)."""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..documents import Document
from ..language import (
    detect_languages,
    expected_scripts,
    known_word_share,
    lower_case_words,
    script_of,
    sentences,
)
from ..model import Finding, Rule, Severity
from .base import Check, Context, graded

RULE = Rule(
    id="AUD402",
    name="untranslated-sentence",
    severity=Severity.WARNING,
    summary="A sentence left in another language, such as a whole German sentence in English copy.",
    what=(
        "Sentences of at least six words and forty letters, in the target language's script, that are written "
        "in another language. Two signals must agree: few of the sentence's lower-case words are ordinary "
        "words of the target language (names do not count either way), and langdetect, run with a fixed seed "
        "so the answer is the same on every run, names another language with high probability and most of "
        "the words are ordinary words of that language. Consecutive sentences are reported as one passage. "
        "Short sentences, single words and quoted names are never reported: language identification is not "
        "reliable on them. The target language is English unless the configuration or --language sets another."
    ),
    why=(
        "An untranslated sentence is content the reader cannot read, and usually a sign that the "
        "translation engine skipped a paragraph or a quotation."
    ),
    example=(
        "Der Minister hat am Montag die neue Strategie vorgestellt.  ->  sentence in German (de, p=1.00) in en "
        "copy: translate it"
    ),
    fix="Translate the sentence (or the quotation, with a note of the original language if it matters).",
)

MIN_LETTERS = 40
MIN_WORDS = 6
# Above this share of ordinary target-language words among its lower-case words, a sentence is in the
# target language (the cheap test that spares most sentences langdetect). English word lists know many
# foreign function words (le, la, die, der), so a foreign sentence can still reach 0.7.
MAX_TARGET_SHARE = 0.85
MIN_PROBABILITY = 0.9
# The detected language must account for the words: most of them ordinary words of it, and clearly
# more of them than of the target language.
MIN_DETECTED_SHARE = 0.8
MIN_SHARE_MARGIN = 0.2
MIN_LOWER_WORDS = 4
LANGUAGE_NAMES = {
    "de": "German", "fr": "French", "es": "Spanish", "it": "Italian", "pt": "Portuguese", "nl": "Dutch",
    "sv": "Swedish", "no": "Norwegian", "da": "Danish", "fi": "Finnish", "pl": "Polish", "cs": "Czech",
    "sk": "Slovak", "sl": "Slovenian", "hr": "Croatian", "sr": "Serbian", "ro": "Romanian", "hu": "Hungarian",
    "tr": "Turkish", "lt": "Lithuanian", "lv": "Latvian", "et": "Estonian", "ca": "Catalan", "en": "English",
    "id": "Indonesian", "af": "Afrikaans", "sq": "Albanian", "so": "Somali", "sw": "Swahili", "tl": "Tagalog",
    "cy": "Welsh", "vi": "Vietnamese", "ru": "Russian", "uk": "Ukrainian", "bg": "Bulgarian", "el": "Greek",
}


def _foreign_language(sentence: str, target: str) -> tuple[str, float] | None:
    """(language, probability) when ``sentence`` is reliably in a language other than ``target``."""
    words = lower_case_words(sentence)
    if len(words) < MIN_LOWER_WORDS:
        return None
    target_share = known_word_share(words, target)
    if target_share is not None and target_share > MAX_TARGET_SHARE:
        return None  # cheap and decisive: most sentences stop here, before langdetect
    guesses = detect_languages(sentence)
    if not guesses:
        return None
    language, probability = guesses[0]
    if language.split("-")[0] == target or probability < MIN_PROBABILITY:
        return None
    detected_share = known_word_share(words, language)
    if detected_share is not None and (
        detected_share < MIN_DETECTED_SHARE or detected_share < (target_share or 0.0) + MIN_SHARE_MARGIN
    ):
        return None
    return language, probability


@dataclass
class _Passage:
    """Sentences in a row found to be in one other language."""

    start: int
    end: int
    languages: dict[str, float]  # language -> the lowest probability any of its sentences had


def _in_expected_script(sentence: str, scripts: frozenset[str]) -> bool:
    """Long enough to judge, and mostly in the copy's scripts (counted in C for ASCII, the usual case:
    every ASCII letter is Latin, so a 5 MB article is not looked at letter by letter in Python)."""
    if sentence.isascii():
        count = sum(map(str.isalpha, sentence))
        in_script = count if "LATIN" in scripts else 0
    else:
        letters = [char for char in sentence if char.isalpha()]
        count = len(letters)
        in_script = sum(1 for char in letters if script_of(char) in scripts)
    return count >= MIN_LETTERS and len(sentence.split()) >= MIN_WORDS and in_script >= 0.8 * count


def check(document: Document, context: Context) -> Iterator[Finding]:
    text = document.text
    target = context.settings.target_language.lower()
    scripts = expected_scripts(target)
    passages: list[_Passage] = []
    for start, end in sentences(text):
        sentence = text[start:end]
        if not _in_expected_script(sentence, scripts):
            continue  # too short, or another script: the foreign-script check's business
        found = _foreign_language(sentence, target)
        if found is None:
            continue
        language, probability = found
        last = passages[-1] if passages else None
        if last and re.fullmatch(r"\s*", text[last.end : start]) and language in last.languages:
            last.end = end
            last.languages[language] = min(probability, last.languages[language])
        else:
            passages.append(_Passage(start, end, {language: probability}))
    for passage in passages:
        start, end = passage.start, passage.end
        language, probability = next(iter(passage.languages.items()))
        confidence = 0.9 if probability >= 0.99 else 0.8
        name = LANGUAGE_NAMES.get(language, language)
        yield document.finding(
            RULE,
            start,
            end,
            f"sentence in {name} ({language}, p={probability:.2f}) in {target} copy: translate it",
            confidence=confidence,
            severity=graded(RULE, confidence),
        )


CHECK = Check(rules=(RULE,), check=check)
