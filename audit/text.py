"""Text primitives shared by matching and checks: folding, comparison keys, tokens, word frequency.

Pure functions over strings; no knowledge of glossaries or findings.
"""
from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

import tomli
from anyascii import anyascii
from wordfreq import get_frequency_dict, zipf_frequency


class DataFileError(Exception):
    """A bundled or user data file (patterns, tables) that does not validate; names file and line."""


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """ASCII, lower case, letters and single spaces only: 'Çavuşoğlu' -> 'cavusoglu', 'Nagorno-Karabakh' -> 'nagorno karabakh'."""
    if text.isascii():  # most names: no normalising or transliterating to do
        ascii_text = text.lower()
        if ascii_text.isalpha():
            return ascii_text
    else:
        ascii_text = anyascii(unicodedata.normalize("NFC", text)).lower()
    return " ".join(_NOT_LETTERS.sub(" ", ascii_text).split())


_NOT_LETTERS = re.compile(r"[^a-z]+")


def table_lines(text: str, table: str) -> list[int]:
    """1-based line of each ``[[table]]`` header: the TOML parser keeps no positions, so the Nth header is the Nth item."""
    header = re.compile(rf"^[ \t]*\[\[[ \t]*{re.escape(table)}[ \t]*\]\]", re.MULTILINE)
    lines, line, counted_to = [], 1, 0
    for match in header.finditer(text):  # count from the previous header: linear in the file's size
        line += text.count("\n", counted_to, match.start())
        counted_to = match.start()
        lines.append(line)
    return lines


def toml_tables(text: str, path: str, table: str) -> list[tuple[int, dict]]:
    """The ``[[table]]`` items of a TOML data file, each with its line; DataFileError names the file."""
    try:
        document = tomli.loads(text)
    except tomli.TOMLDecodeError as error:
        raise DataFileError(f"{path}: invalid TOML: {error}") from None
    unknown = set(document) - {table}
    if unknown:
        raise DataFileError(f"{path}: unknown table {sorted(unknown)[0]!r} (expected [[{table}]] tables)")
    items = document.get(table, [])
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        raise DataFileError(f"{path}: {table!r} must be an array of tables: write [[{table}]]")
    lines = table_lines(text, table)
    return [(lines[index] if index < len(lines) else 0, item) for index, item in enumerate(items)]


@dataclass(frozen=True)
class Rewrite:
    pattern: re.Pattern[str]
    replace: str
    why: str

    @property
    def required(self) -> str | None:
        """Letters every match contains ("ye" for ``^ye``, "h" for ``(?<=.)h``), or None: a cheap ``in``
        test then tells whether the rule can apply at all."""
        return _required_letters(self.pattern.pattern)


def _required_letters(pattern: str) -> str | None:
    """The plain letters a pattern starts with, after anchors and lookarounds (which match no text)."""
    try:
        parsed = re._parser.parse(pattern)  # type: ignore[attr-defined]  # the re module's own parser
    except Exception:  # a parser that changed shape: the rule is simply always tried
        return None
    letters = ""
    for opcode, argument in parsed:
        name = str(opcode)
        if name in ("AT", "ASSERT", "ASSERT_NOT") and not letters:
            continue
        if name == "LITERAL" and chr(argument).isalpha():
            letters += chr(argument)
            continue
        break
    return letters or None


def load_rewrites(text: str, path: str) -> tuple[Rewrite, ...]:
    """Parse a spelling-rewrite table (see audit/data/spelling.toml), naming file and line on error."""
    rewrites = []
    for line, raw in toml_tables(text, path, "rule"):
        try:
            rewrites.append(Rewrite(re.compile(raw["pattern"]), raw["replace"], raw.get("why", "")))
        except KeyError as missing:
            raise DataFileError(f"{path}:{line}: rule needs {missing.args[0]!r}") from None
        except re.error as error:
            raise DataFileError(f"{path}:{line}: bad pattern {raw['pattern']!r}: {error}") from None
    return tuple(rewrites)


@lru_cache(maxsize=1)
def default_rewrites() -> tuple[Rewrite, ...]:
    resource = resources.files("audit.data").joinpath("spelling.toml")
    return load_rewrites(resource.read_text(encoding="utf-8"), "audit/data/spelling.toml")


# spelling_key's memory: a plain dict, so that spelling_keys can fill it in bulk.
_SPELLING_KEYS: dict[str, str] = {}
_SPELLING_KEYS_KEPT = 400_000


def spelling_key(word: str) -> str:
    """Comparison key of one folded word, with source-language spellings undone: 'paschinjan' -> 'pasinyan'."""
    key = _SPELLING_KEYS.get(word)
    if key is None:
        if len(_SPELLING_KEYS) >= _SPELLING_KEYS_KEPT:
            _SPELLING_KEYS.clear()  # bounded: a long run does not grow without end
        key = _SPELLING_KEYS[word] = _rewritten(word)
    return key


def _rewritten(word: str) -> str:
    key = word
    for pattern, replace, required in _compiled_rewrites():
        if required is None or required in key:
            key = pattern.sub(replace, key)
    return key


@lru_cache(maxsize=1)
def _compiled_rewrites() -> tuple[tuple[re.Pattern[str], str, str | None], ...]:
    return tuple((rewrite.pattern, rewrite.replace, rewrite.required) for rewrite in default_rewrites())


def spelling_keys(words: Iterable[str]) -> None:
    """Work out the keys of many folded words at once (building an index): each rule is applied once to
    all of them, one word a line, instead of once to each word."""
    todo = [word for word in dict.fromkeys(words) if word not in _SPELLING_KEYS and "\n" not in word]
    rules = _line_rules()
    if rules is None or len(todo) + len(_SPELLING_KEYS) >= _SPELLING_KEYS_KEPT:
        for word in todo:  # a rule that could match across lines, or too many words to keep: one by one
            spelling_key(word)
        return
    lines = "\n".join(todo)
    for pattern, replace in rules:
        lines = pattern.sub(replace, lines)
    keys = lines.split("\n")
    if len(keys) != len(todo):  # cannot happen with line-safe rules; never trust a bulk answer blindly
        keys = [_rewritten(word) for word in todo]
    _SPELLING_KEYS.update(zip(todo, keys))


@lru_cache(maxsize=1)
def _line_rules() -> tuple[tuple[re.Pattern[str], str], ...] | None:
    """The rewrite rules compiled to work line by line (``^`` and ``$`` at each line), or None if one
    of them could match a line break, which would join two words' lines."""
    rules = []
    for rewrite in default_rewrites():
        if not _stays_in_line(rewrite.pattern.pattern) or "\n" in rewrite.replace:
            return None
        rules.append((re.compile(rewrite.pattern.pattern, rewrite.pattern.flags | re.MULTILINE), rewrite.replace))
    return tuple(rules)


def _stays_in_line(pattern: str) -> bool:
    """True if the pattern can never match a line break: no negated classes, no \\s or \\W, no
    dot-matches-all, no string anchors; anything unfamiliar counts as unsafe."""
    try:
        parsed = re._parser.parse(pattern)  # type: ignore[attr-defined]
    except Exception:
        return False
    if parsed.state.flags & re.DOTALL:
        return False
    safe_at = {"AT_BEGINNING", "AT_END", "AT_BOUNDARY", "AT_NON_BOUNDARY"}

    def safe(items: object) -> bool:
        for opcode, argument in items:  # type: ignore[attr-defined]
            name = str(opcode)
            if name == "LITERAL":
                if argument == ord("\n"):
                    return False
            elif name == "ANY" or name == "GROUPREF":
                continue  # "." stops at line breaks without DOTALL; a backreference repeats matched text
            elif name == "AT":
                if str(argument) not in safe_at:
                    return False
            elif name == "IN":
                if any(str(op) not in ("LITERAL", "RANGE") for op, _ in argument):
                    return False
                if any(str(op) == "LITERAL" and arg == ord("\n") for op, arg in argument):
                    return False
            elif name == "SUBPATTERN":
                if not safe(argument[-1]):
                    return False
            elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
                if not safe(argument[2]):
                    return False
            elif name in ("ASSERT", "ASSERT_NOT"):
                if not safe(argument[1]):
                    return False
            elif name == "BRANCH":
                if not all(safe(branch) for branch in argument[1]):
                    return False
            else:
                return False
        return True

    return safe(parsed)


@lru_cache(maxsize=200_000)
def phrase_key(folded: str) -> str:
    """Comparison key of a folded phrase: each word's key."""
    if " " not in folded:
        return spelling_key(folded)
    return " ".join(spelling_key(word) for word in folded.split(" "))


VOWELS = set("aeiouy")
# Consonants that transliteration and garbling swap for one another fall in one class
# (Stefancart/Stepanakert: f for p; Karabach/Karabakh: c for k).
_CONSONANT_CLASS = str.maketrans("bfvwdgcqxzj", "pppptkkkkss")


@lru_cache(maxsize=200_000)
def skeleton(key: str) -> str:
    """First letter plus the remaining consonant classes, doubles collapsed: 'tovuz' -> 'tps', 'armenia' -> 'armn'."""
    if not key:
        return key
    out = [key[0]]
    for char in key[1:].translate(_CONSONANT_CLASS):
        if char not in VOWELS and char != " " and char != out[-1]:
            out.append(char)
    return "".join(out)


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


# A word: letters, with inner apostrophes (O'Brien). Hyphens separate words; phrase building rejoins them.
WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")
_GLUED = re.compile(r"(?<=[a-z\u00e0-\u00ff]{4})(?=[A-Z][a-z])")
POSSESSIVE = re.compile(r"['\u2019]s?$")


class Token(NamedTuple):  # a tuple: documents have hundreds of thousands of these, built in a hot loop
    text: str  # as in the document, possessive stripped
    start: int
    end: int
    capitalized: bool  # starts with a capital letter


# Lower-case words that stand inside names ("Manlio Di Stefano", "Ursula von der Leyen").
PARTICLES = frozenset("al el de da di do dos das du la le van von der den ter bin ibn ben".split())


@lru_cache(maxsize=8)
def tokens(text: str) -> tuple[Token, ...]:
    """Word tokens with offsets; "Putin's" gives "Putin", "continuesArmenian" (glued by a scraper) gives two.

    Cached for the last few texts: the checks of one document all read the same tokens.
    """
    return tuple(_tokenized(text))


def _letter_class(test: Callable[[str], bool]) -> str:
    """A character-class body of every letter below U+2000 that passes ``test`` (re has no \\p{Lu})."""
    ranges: list[list[int]] = []
    for code in range(0x41, 0x2000):
        if test(chr(code)):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    return "".join(re.escape(chr(a)) + (f"-{re.escape(chr(b))}" if b > a else "") for a, b in ranges)


_UPPER = _letter_class(str.isupper)
_LOWER = _letter_class(str.islower)
# Name words are found by the regex engine, so the lower-case bulk is never looked at in Python. Each
# pattern starts with a character class, which lets the engine skip ahead at C speed, and checks what
# stands before with a lookbehind after it.
#
# A name word: a capital that does not stand inside a word (no letter before it: "McCain" is one word,
# "iPhone" none), or one glued by a scraper to four lower-case letters ("continuesArmenian").
NAME_WORD = re.compile(
    rf"[{_UPPER}](?:(?<![^\W\d_].)|(?<=[a-z\u00e0-\u00ff]{{4}}[A-Z])(?=[a-z]))[^\W\d_]*(?:['\u2019][^\W\d_]+)*"
)
# A particle after a word and a space or hyphen ("Ursula von der Leyen"). Phrase building keeps only
# those right after a name word; the others join nothing.
_PARTICLE = re.compile(
    rf"[ \-\u00a0\u2011](?<=[^\W\d_].)({'|'.join(sorted(PARTICLES))})(?![^\W\d_'\u2019])"
)
# A capitalised word (not inside a word) followed by a space or hyphen and a lower-case word: where the
# case check looks for "Ilham aliyev".
CAPITALISED_BEFORE_LOWER = re.compile(rf"[{_UPPER}](?<![^\W\d_].)[^\W\d_]*+(?=[ \-\u00a0][{_LOWER}])")


@lru_cache(maxsize=8)
def name_tokens(text: str) -> tuple[Token, ...]:
    """The tokens of ``tokens(text)`` that can be part of a name: capitalised words, and name particles
    standing after a word."""
    return tuple(_name_tokenized(text))


def _name_tokenized(text: str) -> list[Token]:
    result: list[Token] = []
    for match in NAME_WORD.finditer(text):
        word, start = match.group(), match.start()
        if word[1:].islower() and "'" not in word and "\u2019" not in word:  # the usual name word, as it is
            result.append(Token(word, start, match.end(), True))
        else:
            _append_word(result, word, start)
    particles = [Token(m.group(1), m.start(1), m.end(1), False) for m in _PARTICLE.finditer(text)]
    if particles:
        result = sorted(result + particles, key=_start)
    return result


def _start(token: Token) -> int:
    return token.start


def words_from(text: str, position: int, limit: int) -> list[Token]:
    """At most ``limit`` tokens from ``position`` on (uncached: for looking ahead from one word)."""
    return _tokenized(text, position, limit)


def _tokenized(text: str, position: int = 0, limit: int | None = None) -> list[Token]:
    result: list[Token] = []
    for match in WORD.finditer(text, position):
        if limit is not None and len(result) >= limit:
            break
        _append_word(result, match.group(), match.start())
    return result


def _append_word(result: list[Token], word: str, start: int) -> None:
    """Append the token(s) of one matched word: possessive stripped, words glued by a scraper split."""
    if "'" in word or "\u2019" in word:
        possessive = POSSESSIVE.search(word)
        if possessive and possessive.start() > 0 and ("'" in word[-2:] or "\u2019" in word[-2:]):
            word = word[: possessive.start()]
    if word.islower() or word[1:].islower() or not _GLUED.search(word):  # cheap tests first
        result.append(Token(word, start, start + len(word), word[:1].isupper()))
        return
    offset = start
    for piece in _GLUED.split(word):
        if piece:
            result.append(Token(piece, offset, offset + len(piece), piece[:1].isupper()))
        offset += len(piece)
