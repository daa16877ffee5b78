"""Text primitives shared by matching and checks: tokens, comparison keys, word frequency, data files.

Pure functions over strings; no knowledge of glossaries or findings. Split by job (``tokens``, ``keys``,
``frequency``, ``datafiles``); the public names are re-exported here, so ``from audit.text import fold``
keeps working.
"""
from __future__ import annotations

from .datafiles import DataFileError, InvalidToml, read_toml, table_lines, toml_tables
from .frequency import word_frequency
from .keys import (
    VOWELS,
    Rewrite,
    default_rewrites,
    fold,
    load_rewrites,
    phrase_key,
    skeleton,
    spelling_key,
    spelling_keys,
)
from .tokens import (
    CAPITALISED_BEFORE_LOWER,
    LETTER,
    LETTERS,
    NAME_WORD,
    PARTICLES,
    POSSESSIVE,
    WORD,
    Token,
    iter_words_from,
    name_tokens,
    tokens,
    words_from,
)

__all__ = [
    "CAPITALISED_BEFORE_LOWER",
    "LETTER",
    "LETTERS",
    "NAME_WORD",
    "PARTICLES",
    "POSSESSIVE",
    "VOWELS",
    "WORD",
    "DataFileError",
    "InvalidToml",
    "Rewrite",
    "Token",
    "default_rewrites",
    "fold",
    "iter_words_from",
    "load_rewrites",
    "name_tokens",
    "phrase_key",
    "read_toml",
    "skeleton",
    "spelling_key",
    "spelling_keys",
    "table_lines",
    "tokens",
    "toml_tables",
    "word_frequency",
    "words_from",
]
