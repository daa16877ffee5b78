"""Shared by the reader tests: read a fixture, and check every visible word against the raw file."""
from __future__ import annotations

import re
from pathlib import Path

from audit.readers import ReaderOptions, read_raw
from audit.readers.base import Reading

FIXTURES = Path(__file__).parent / "fixtures" / "readers"


def read_fixture(name: str, format_name: str, options: ReaderOptions | None = None) -> Reading:
    return read_raw(format_name, (FIXTURES / name).read_text(encoding="utf-8"), options)


def words_with_raw(reading: Reading) -> list[tuple[str, str]]:
    """(visible word, the raw text its mapped span covers) for every word of the visible text."""
    offsets = reading.offsets
    assert offsets is not None
    pairs = []
    for match in re.finditer(r"\S+", reading.text):
        start, end = offsets.raw_start(match.start()), offsets.raw_end(match.end())
        assert 0 <= start <= end <= len(reading.raw)
        # and back: the raw span maps to exactly this word
        assert (offsets.view_start(start), offsets.view_end(end)) == (match.start(), match.end()), match.group()
        pairs.append((match.group(), reading.raw[start:end]))
    return pairs


def assert_verbatim_except(reading: Reading, decoded: dict[str, str]) -> None:
    """Every visible word is its raw text, except the raw spellings in ``decoded`` (raw -> visible)."""
    for word, raw in words_with_raw(reading):
        assert word == raw or decoded.get(raw) == word, (word, raw)
