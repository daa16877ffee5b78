"""Readers: each input format turned into the text a reader sees, with a map back to the raw file.

One module per format, each with ``NAME``, ``SUFFIXES`` and ``read(raw, options) -> Reading`` (DOCX,
a zip, gets bytes: ``BINARY = True``). The format is chosen by file extension; ``--input-format``
overrides it. ``read_file`` turns a file into the documents the checks read: one per article (a
JSONL export gives one per record).
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from types import ModuleType

from . import csv_export, docx, html, jsonl, markdown, plain, tmx, xliff
from .base import ReaderError, Reading, Record, Source

READERS: dict[str, ModuleType] = {
    module.NAME: module for module in (plain, markdown, html, jsonl, csv_export, docx, xliff, tmx)
}
BY_SUFFIX: dict[str, str] = {suffix: module.NAME for module in READERS.values() for suffix in module.SUFFIXES}
# Formats whose every record is an article of its own.
RECORD_FORMATS = frozenset({jsonl.NAME, csv_export.NAME, xliff.NAME, tmx.NAME})

__all__ = ["READERS", "BY_SUFFIX", "ReaderOptions", "Reading", "ReaderError", "Record", "Source", "format_of",
           "read_raw", "known_suffix"]


@dataclass(frozen=True)
class ReaderOptions:
    """How to read files: a forced format, and which fields of an export hold the article and its id."""

    input_format: str | None = None  # None: by extension
    field: str = "body"
    id_field: str = "id"
    # HTML: only the page's article (its <article> elements, else <main>), not the site around it.
    article_only: bool = False


def known_suffix(path: str) -> bool:
    """Does a folder scan read this file (its extension names a format)?"""
    return os.path.splitext(path)[1].lower() in BY_SUFFIX


def format_of(path: str, options: ReaderOptions | None = None) -> str:
    """The format a file is read as: the forced one, else by extension, else plain text."""
    if options is not None and options.input_format:
        return options.input_format
    return BY_SUFFIX.get(os.path.splitext(path)[1].lower(), plain.NAME)


def is_binary(format_name: str) -> bool:
    return getattr(READERS[format_name], "BINARY", False)


def read_raw(format_name: str, raw: str | bytes, options: ReaderOptions | None = None) -> Reading:
    """A file's content (bytes for binary formats, text otherwise) as its reader sees it (ReaderError if it cannot)."""
    return READERS[format_name].read(raw, options or ReaderOptions())
