"""What every reader returns: the text a reader sees, and a map from its positions back to the raw file.

A reader turns a file's raw text (HTML, Markdown, a JSON Lines export ...) into the *visible* text the
checks read. The :class:`OffsetMap` records, piece by piece, which raw characters each visible
character came from, so a finding on the visible text is reported at its place in the original file:

* a *copied* piece is visible text that is the raw text itself, one character for one;
* a *replaced* piece is visible text that stands for a different raw stretch (``&auml;`` -> ``ä``,
  ``\\u00e4`` -> ``ä``, ``""`` -> ``"``); it maps as a whole: a finding that starts inside it starts at
  the raw stretch's start, one that ends inside it ends at the raw stretch's end;
* an *inserted* piece is visible text with no raw counterpart (the line break between two HTML
  paragraphs, the blank line between two records); it sits at one raw position.

Readers never print and do no I/O beyond what they are handed.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field


@dataclass(frozen=True)
class OffsetMap:
    """Visible offsets <-> raw offsets, as sorted pieces (see the module's documentation)."""

    view_starts: tuple[int, ...]
    raw_starts: tuple[int, ...]
    raw_ends: tuple[int, ...]
    copied: tuple[bool, ...]  # one raw character per visible character
    view_length: int

    def _piece(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.view_starts, offset) - 1)

    def raw_start(self, offset: int) -> int:
        """Raw offset where the visible character at ``offset`` begins."""
        if not self.view_starts:
            return 0
        if offset >= self.view_length:
            return self.raw_ends[-1]
        index = self._piece(offset)
        if self.copied[index]:
            return self.raw_starts[index] + offset - self.view_starts[index]
        return self.raw_starts[index]

    def raw_end(self, offset: int) -> int:
        """Raw offset just past the visible character before ``offset`` (an exclusive end)."""
        if not self.view_starts or offset <= 0:
            return self.raw_starts[0] if self.view_starts else 0
        index = self._piece(offset - 1)
        if self.copied[index]:
            return self.raw_starts[index] + offset - self.view_starts[index]
        return self.raw_ends[index]

    def view_start(self, raw: int) -> int:
        """Visible offset of the first visible character that comes from raw offset ``raw`` or later."""
        index = bisect.bisect_left(self.raw_ends, raw + 1)
        if index >= len(self.view_starts):
            return self.view_length
        if self.copied[index] and self.raw_starts[index] <= raw:
            return self.view_starts[index] + raw - self.raw_starts[index]
        return self.view_starts[index]

    def view_end(self, raw: int) -> int:
        """Visible offset just past the last visible character that comes from before raw offset ``raw``."""
        index = bisect.bisect_left(self.raw_starts, raw) - 1
        if index < 0:
            return 0
        following = self.view_starts[index + 1] if index + 1 < len(self.view_starts) else self.view_length
        if self.copied[index] and raw < self.raw_ends[index]:
            return self.view_starts[index] + raw - self.raw_starts[index]
        return following

    def runs(self, start: int, end: int) -> list[tuple[int, int]]:
        """The raw stretches the visible text from ``start`` to ``end`` comes from, in order.

        One stretch when that text stands in the raw file in one piece; more when markup, a skipped
        element or an inserted break lies between its parts (a fix then edits each text run, never markup).
        """
        found: list[tuple[int, int]] = []
        joined = True
        index = self._piece(start) if self.view_starts else 0
        while index < len(self.view_starts) and self.view_starts[index] < end:
            view_start = self.view_starts[index]
            view_end = self.view_starts[index + 1] if index + 1 < len(self.view_starts) else self.view_length
            raw_start, raw_end = self.raw_starts[index], self.raw_ends[index]
            index += 1
            if view_end <= start:
                continue
            if raw_start == raw_end:  # an inserted break: what follows is another stretch
                joined = False
                continue
            if self.copied[index - 1]:
                raw_start, raw_end = (raw_start + max(start, view_start) - view_start,
                                      raw_start + min(end, view_end) - view_start)
            if found and joined and found[-1][1] == raw_start:
                found[-1] = (found[-1][0], raw_end)
            else:
                found.append((raw_start, raw_end))
            joined = True
        return found


class ViewBuilder:
    """Builds a visible text and its OffsetMap piece by piece, in raw order."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self._view_starts: list[int] = []
        self._raw_starts: list[int] = []
        self._raw_ends: list[int] = []
        self._copied: list[bool] = []
        self._tail = ""  # the last few visible characters, to avoid stacking separators

    def _add(self, text: str, raw_start: int, raw_end: int, copied: bool) -> None:
        if not text:
            return
        if (copied and self._copied and self._copied[-1] and self._raw_ends[-1] == raw_start):
            self._raw_ends[-1] = raw_end  # one long copied piece instead of many short ones
        else:
            self._view_starts.append(self.length)
            self._raw_starts.append(raw_start)
            self._raw_ends.append(raw_end)
            self._copied.append(copied)
        self.parts.append(text)
        self.length += len(text)
        self._tail = (self._tail + text)[-4:]

    def copy(self, raw: str, start: int, end: int) -> None:
        """raw[start:end] is visible as it stands."""
        self._add(raw[start:end], start, end, True)

    def replace(self, text: str, raw_start: int, raw_end: int) -> None:
        """``text`` is visible where raw[raw_start:raw_end] stands (an entity, an escape)."""
        self._add(text, raw_start, raw_end, False)

    def insert(self, text: str, raw_at: int) -> None:
        """``text`` is visible with nothing in the raw file behind it (a paragraph break)."""
        self._add(text, raw_at, raw_at, False)

    def at_line_start(self) -> bool:
        """Is the text empty or does it end a line?"""
        return not self.length or self._tail.endswith("\n")

    def separate(self, raw_at: int, breaks: str = "\n\n") -> None:
        """End a block: line breaks, unless the text is empty or already ends with them."""
        if not self.length:
            return
        trailing = len(self._tail) - len(self._tail.rstrip("\n"))
        needed = max(0, len(breaks) - trailing)
        if needed:
            self.insert("\n" * needed, raw_at)

    def build(self) -> tuple[str, OffsetMap]:
        offsets = OffsetMap(
            tuple(self._view_starts), tuple(self._raw_starts), tuple(self._raw_ends), tuple(self._copied), self.length
        )
        return "".join(self.parts), offsets


@dataclass(frozen=True)
class Record:
    """One article of a file: a JSONL/CSV record, a translation unit, or the whole file."""

    id: str | None  # the record's id as a reader names it ("123"); None: the file is one article
    start: int  # visible offsets of its text in the file's view
    end: int
    source: str | None = None  # the source-language text of a translation unit, kept for later use


@dataclass(frozen=True)
class Reading:
    """A file as its reader sees it."""

    format: str  # the reader's name: "text", "html", "markdown", "jsonl", ...
    raw: str  # the file's raw text (for DOCX: its paragraphs, one a line)
    text: str  # the visible text of the whole file
    offsets: OffsetMap | None  # None: the visible text is the raw text
    records: tuple[Record, ...]
    notes: tuple[str, ...] = field(default=())  # what the reader skipped, for the user (never silent)


class ReaderError(Exception):
    """A file its reader cannot make sense of; the message says why (the caller adds the path)."""


def whole(format_name: str, raw: str) -> Reading:
    """A file read as it stands: one article, visible text = raw text."""
    return Reading(format_name, raw, raw, None, (Record(None, 0, len(raw)),))


@dataclass(frozen=True)
class Source:
    """One document's way back to its raw file: the file's reading, the record it is, the raw lines."""

    reading: Reading
    record: Record
    raw_line_starts: tuple[int, ...] = field(repr=False)

    def _raw(self, view: int, end: bool) -> int:
        offsets = self.reading.offsets
        if offsets is None:
            return view
        return offsets.raw_end(view) if end else offsets.raw_start(view)

    def raw_start(self, offset: int) -> int:
        """Raw offset of the document's character at ``offset``."""
        return self._raw(self.record.start + offset, end=False)

    def raw_end(self, start: int, end: int) -> int:
        """Raw exclusive end of the document's text from ``start`` to ``end`` (empty stays empty)."""
        if end <= start:
            return self.raw_start(start)
        return self._raw(self.record.start + end, end=True)

    def position(self, raw_offset: int) -> tuple[int, int]:
        """1-based (line, column) of a raw offset."""
        index = bisect.bisect_right(self.raw_line_starts, raw_offset) - 1
        return index + 1, raw_offset - self.raw_line_starts[index] + 1
