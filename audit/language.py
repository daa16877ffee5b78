"""Which script and which language a stretch of copy is in: for the untranslated-text checks.

Pure functions over strings (no rules, no findings). Language identification uses langdetect with a
private, fixed-seed detector factory, so the same text gets the same answer on every run, whatever
else in the process uses langdetect.
"""
from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from mypy_extensions import mypyc_attr

from .text import LETTER
from .text.frequency import FREQUENT_WORD_ZIPF, at_least, package_folder

# The scripts a language is written in (names as the first word of Unicode character names).
# Languages not listed are written in Latin script.
SCRIPTS_OF_LANGUAGE: dict[str, frozenset[str]] = {
    **{code: frozenset({"CYRILLIC"}) for code in ("ru", "uk", "be", "bg", "mk", "kk", "ky", "mn", "tg", "tt", "ba", "cv")},
    "sr": frozenset({"CYRILLIC", "LATIN"}),
    "el": frozenset({"GREEK"}),
    "hy": frozenset({"ARMENIAN"}),
    "ka": frozenset({"GEORGIAN"}),
    **{code: frozenset({"HEBREW"}) for code in ("he", "yi")},
    **{code: frozenset({"ARABIC"}) for code in ("ar", "fa", "ur", "ps", "ug", "ckb")},
    "zh": frozenset({"CJK"}),
    "ja": frozenset({"CJK", "HIRAGANA", "KATAKANA"}),
    "ko": frozenset({"HANGUL", "CJK"}),
    **{code: frozenset({"DEVANAGARI"}) for code in ("hi", "mr", "ne", "sa")},
    "bn": frozenset({"BENGALI"}),
    "ta": frozenset({"TAMIL"}),
    "te": frozenset({"TELUGU"}),
    "th": frozenset({"THAI"}),
    "am": frozenset({"ETHIOPIC"}),
}
# Scripts written without spaces between words: a passage is measured in characters there.
UNSPACED_SCRIPTS = frozenset({"CJK", "HIRAGANA", "KATAKANA", "THAI"})
SCRIPT_LABELS = {"CJK": "Chinese/Japanese", "HANGUL": "Korean"}


# A letter outside the Latin blocks (Basic Latin to Latin Extended-B, IPA, Latin Extended Additional).
_BEYOND_LATIN = re.compile(r"[^\W\d_\u0000-\u02AF\u1E00-\u1EFF]")


def expected_scripts(language: str) -> frozenset[str]:
    return SCRIPTS_OF_LANGUAGE.get(language.lower().split("-")[0], frozenset({"LATIN"}))


@lru_cache(maxsize=4096)
def script_of(char: str) -> str:
    """The script of a letter ('LATIN', 'CYRILLIC', 'CJK', ...); '' for anything that is not a letter."""
    if not char.isalpha():
        return ""
    name = unicodedata.name(char, "")
    if not name:
        return ""
    first = name.split(" ")[0]
    if first in ("FULLWIDTH", "HALFWIDTH"):
        return "LATIN" if "LATIN" in name else first
    return first


def script_label(script: str) -> str:
    return SCRIPT_LABELS.get(script, script.title())


@mypyc_attr(serializable=True, allow_interpreted_subclasses=True)
@dataclass(frozen=True)
class ScriptRun:
    """Consecutive words in scripts the target language does not use, with no expected-script letter between."""

    start: int
    end: int
    scripts: tuple[str, ...]  # the foreign scripts in it, most letters first
    words: int
    letters: int

    @property
    def unspaced(self) -> bool:
        return self.scripts[0] in UNSPACED_SCRIPTS


# A word as language detection counts it: hyphenated compounds and the modifier apostrophe (ʼ) of
# transliterations stay one word, unlike text.WORD, which name matching splits at hyphens.
_WORD = re.compile(rf"{LETTER}+(?:['\u2019\u02bc-]{LETTER}+)*")


def foreign_script_runs(text: str, language: str = "en") -> list[ScriptRun]:
    """Runs of words written in a script the target language does not use, in text order.

    A run continues over spaces, digits and punctuation, not over a word in the expected script or a
    paragraph break.
    """
    expected = expected_scripts(language)
    if expected == {"LATIN"} and not _BEYOND_LATIN.search(text):
        return []  # the usual case: every letter is Latin, so there is nothing to look at letter by letter
    runs: list[ScriptRun] = []
    current: list[tuple[int, int, dict[str, int]]] = []

    def close() -> None:
        if current:
            counts: dict[str, int] = {}
            for _, _, word_counts in current:
                for script, count in word_counts.items():
                    counts[script] = counts.get(script, 0) + count
            scripts = tuple(sorted(counts, key=lambda s: (-counts[s], s)))
            runs.append(ScriptRun(current[0][0], current[-1][1], scripts, len(current), sum(counts.values())))
            current.clear()

    for match in _WORD.finditer(text):
        counts: dict[str, int] = {}
        for char in match.group():
            script = script_of(char)
            if script:
                counts[script] = counts.get(script, 0) + 1
        foreign = {s: n for s, n in counts.items() if s not in expected}
        if not foreign or sum(foreign.values()) * 2 < sum(counts.values()):
            close()
            continue
        if current and "\n\n" in text[current[-1][1] : match.start()].replace("\r", ""):
            close()
        current.append((match.start(), match.end(), foreign))
    close()
    return runs


# -- language identification ----------------------------------------------------------------------------

_SEED = 0


class NgramTable:
    """langdetect's n-gram table (n-gram -> probability in each language, in profile order), filled in for
    the n-grams a text asks about rather than all 87,000 up front.

    langdetect's own factory builds every row when it loads its 55 profiles, 0.3-0.5 s of Python that a
    scan pays for the first sentence it has to identify, to ask about a few hundred n-grams. This table
    keeps the profiles as json parsed them and works a row out the way DetectorFactory.add_profile does
    (the count over the profile's number of n-grams of that length), when the detector first asks for it.
    Its detectors use only ``in`` and ``[]`` (tests/test_check_untranslated.py holds the rows equal).
    """

    def __init__(self, profiles: list[tuple[dict[str, int], list[int]]], languages: int) -> None:
        self._profiles = profiles  # (n-gram counts, n-grams of each length) per profile
        self._languages = languages  # a row's length: langdetect counts every file of its folder
        self._rows: dict[str, list[float]] = {}

    def __contains__(self, ngram: object) -> bool:
        return ngram in self._rows or any(ngram in counts for counts, _ in self._profiles)

    def __getitem__(self, ngram: str) -> list[float]:
        row = self._rows.get(ngram)
        if row is None:
            row = [0.0] * self._languages
            found = False
            for index, (counts, totals) in enumerate(self._profiles):
                count = counts.get(ngram)
                if count is not None:
                    found = True
                    if 1 <= len(ngram) <= 3:  # langdetect's rows for longer n-grams stay zero
                        row[index] = 1.0 * count / totals[len(ngram) - 1]
            if not found:
                raise KeyError(ngram)
            self._rows[ngram] = row
        return row


@lru_cache(maxsize=1)
def _factory():
    """A langdetect factory of our own with a fixed seed (detection is deterministic run after run), whose
    n-gram table is an NgramTable over langdetect's profiles, read in the order its load_profile reads them."""
    import json

    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    files = os.listdir(PROFILES_DIRECTORY)
    profiles: list[tuple[dict[str, int], list[int]]] = []
    factory = DetectorFactory()
    for name in files:
        path = os.path.join(PROFILES_DIRECTORY, name)
        if name.startswith(".") or not os.path.isfile(path):
            continue
        with open(path, encoding="utf-8") as handle:
            profile = json.load(handle)
        factory.langlist.append(profile["name"])
        profiles.append((profile["freq"], profile["n_words"]))
    factory.word_lang_prob_map = NgramTable(profiles, len(files))
    factory.seed = _SEED
    return factory


@lru_cache(maxsize=1)
def detector_languages() -> frozenset[str]:
    """The languages langdetect has profiles for, by ISO 639-1 code (zh-cn and zh-tw give zh too): the names
    of its profile files, found without importing langdetect (the settings are checked on every scan, and
    most scans never identify a language)."""
    package = package_folder("langdetect")
    if package is not None:
        folder = os.path.join(package, "profiles")
    else:
        from langdetect.detector_factory import PROFILES_DIRECTORY

        folder = PROFILES_DIRECTORY
    names = {name.lower() for name in os.listdir(folder)}
    return frozenset(names | {name.split("-")[0] for name in names})


def known_language(code: str) -> bool:
    """Can the copy's language be ``code``? Only a language the detector knows can be checked."""
    if not isinstance(code, str):
        return False
    folded = code.strip().lower()
    return folded in detector_languages() or folded.split("-")[0] in detector_languages()


def detect_languages(text: str) -> list[tuple[str, float]]:
    """(language code, probability) pairs for ``text``, most probable first; [] when undecidable."""
    from langdetect.lang_detect_exception import LangDetectException

    detector = _factory().create()
    detector.append(text)
    try:
        return [(found.lang, found.prob) for found in detector.get_probabilities()]
    except LangDetectException:
        return []


# langdetect's codes that wordfreq files under another code.
_WORDLIST_CODE = {"no": "nb", "hr": "sh", "sr": "sh", "bs": "sh", "tl": "fil", "zh-cn": "zh", "zh-tw": "zh"}


@lru_cache(maxsize=64)
def _has_wordlist(language: str) -> bool:
    """Does wordfreq have a word list of its own for ``language`` (not a "nearest match")?"""
    from .text.frequency import wordlist_languages

    return language in wordlist_languages()


def known_word_share(words: list[str], language: str, min_zipf: float = FREQUENT_WORD_ZIPF) -> float | None:
    """Share of ``words`` that are ordinary words of ``language`` (None if wordfreq has no list for it)."""
    language = _WORDLIST_CODE.get(language.lower(), language.lower().split("-")[0])
    if not words or not _has_wordlist(language):
        return None
    known = sum(1 for word in words if at_least(word.lower(), language, min_zipf))
    return known / len(words)


def lower_case_words(text: str) -> list[str]:
    """The words of ``text`` that start lower-case: names are left out, function words and verbs stay."""
    return [word for word in _WORD.findall(text) if word[:1].islower()]


# A sentence ends at . ! ? or an ellipsis, with any closing quotes or brackets, before a space or a new
# line; scrapers also glue sentences together ("direction.On September"), which ends one too. Both
# branches start at the mark itself, so the regex engine skips to marks at C speed (a branch opening with
# a lookbehind made it try every position: 6 times slower; tests/test_check_untranslated.py holds the two
# spellings of the pattern equal).
_SENTENCE_END = re.compile(
    r"[.!?\u2026](?:[.!?\u2026]*[\"'\u201d\u2019\u00bb)\]]*(?=\s)"
    r"|(?<=[a-z\u00df-\u00ff]{2}[.!?])(?=[A-Z\u00c0-\u00de][a-z]))"
)


# Words whose full stop ends no sentence ("Mr. Smith", "Gen. Petrov", "J. Smith").
_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Sr|Jr|Gen|Col|Lt|Sgt|Capt|Prof|Rev|Gov|Sen|Rep|No|vs|etc|approx|Jan|Feb|Mar|Apr|"
    r"Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun))\.$"
)


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text``: lines are split at sentence ends; whitespace is trimmed."""
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\r\n]+", text):
        start = line.start()
        cuts = [
            match.end()
            for match in _SENTENCE_END.finditer(text, line.start(), line.end())
            if not _ABBREVIATION.search(text, max(line.start(), match.end() - 8), match.end())
        ]
        for end in [*cuts, line.end()]:
            segment = text[start:end]
            stripped = segment.strip()
            if stripped:
                left = start + len(segment) - len(segment.lstrip())
                spans.append((left, left + len(stripped)))
            start = end
    return spans
