"""Comparison keys: folding to plain ASCII, source-language spellings undone (the rewrites of
audit/data/spelling.toml), and the consonant skeleton."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from anyascii import anyascii
from mypy_extensions import mypyc_attr

from ..caches import BoundedCache
from ..regex_facts import required_letters, stays_in_line
from .datafiles import DataFileError, toml_tables


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


@mypyc_attr(serializable=True, allow_interpreted_subclasses=True)
@dataclass(frozen=True)
class Rewrite:
    pattern: re.Pattern[str]
    replace: str
    why: str

    @property
    def required(self) -> str | None:
        """Letters every match contains ("ye" for ``^ye``, "h" for ``(?<=.)h``), or None: a cheap ``in``
        test then tells whether the rule can apply at all."""
        return required_letters(self.pattern.pattern)



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
_SPELLING_KEYS: BoundedCache[str, str] = BoundedCache(400_000)


def spelling_key(word: str) -> str:
    """Comparison key of one folded word, with source-language spellings undone: 'paschinjan' -> 'pasinyan'."""
    key = _SPELLING_KEYS.get(word)
    if key is None:
        key = _SPELLING_KEYS.put(word, _rewritten(word))
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
    if rules is None or not _SPELLING_KEYS.room_for(len(todo)):
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
        if not stays_in_line(rewrite.pattern.pattern) or "\n" in rewrite.replace:
            return None
        rules.append((re.compile(rewrite.pattern.pattern, rewrite.pattern.flags | re.MULTILINE), rewrite.replace))
    return tuple(rules)



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
