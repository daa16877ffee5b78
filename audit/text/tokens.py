"""Word tokens with offsets, and the name words among them: found by the regex engine in bulk."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import NamedTuple

# The one definition of a letter: a word character that is not a digit or an underscore (re has no \p{L}).
LETTER = r"[^\W\d_]"
LETTERS = re.compile(rf"{LETTER}+")  # a run of letters
# A word: letters, with inner apostrophes (O'Brien). Hyphens separate words; phrase building rejoins them.
WORD = re.compile(rf"{LETTER}+(?:['\u2019]{LETTER}+)*")
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


def iter_words_from(text: str, position: int) -> Iterator[Token]:
    """The tokens of ``words_from`` one at a time, read only as far as the caller asks."""
    pending: list[Token] = []
    for match in WORD.finditer(text, position):
        _append_word(pending, match.group(), match.start())
        yield from pending
        pending.clear()


def _tokenized(text: str, position: int = 0, limit: int | None = None) -> list[Token]:
    result: list[Token] = []
    for match in WORD.finditer(text, position):
        if limit is not None and len(result) >= limit:
            break
        _append_word(result, match.group(), match.start())
    return result


def token_end(text: str, position: int) -> int | None:
    """Where the first token ``words_from(text, position, 1)`` gives ends, if it starts at ``position``."""
    match = WORD.match(text, position)
    if match is None:
        return None
    word = match.group()
    if word[1:].islower() and "'" not in word and "\u2019" not in word:  # the usual word: its token, as it is
        return match.end()
    return _tokenized(text, position, 1)[0].end  # a possessive to strip, words glued together


def first_piece(word: str) -> str:
    """The first token a run of letters gives: itself, or its first part if words were glued ("yorkCity")."""
    if word.islower() or word[1:].islower():
        return word
    return _GLUED.split(word, 1)[0] or word


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
