"""Reading articles into text, and mapping character offsets to line and column.

Documents are decoded once (UTF-8, with or without BOM; UTF-16 and UTF-32 by their BOM, UTF-16 without one
by its NUL bytes; a file that is not UTF-8 is tried as Windows-1252, the usual encoding of scraped Western
copy). Line endings are kept as they are, so offsets point into exactly the text a user's editor shows.
"""
from __future__ import annotations

import bisect
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .files import expand_paths as expand_paths  # re-exported: discovery moved to audit.files
from .files import read_regular, wide_encoding
from .model import Finding, Rule, Severity
from .readers.base import Source

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".text")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class DocumentError(Exception):
    """A file that cannot be read as text; the message names the file."""


@dataclass(frozen=True)
class Document:
    path: str  # as the user named it (relative paths stay relative), "-" for stdin
    text: str
    line_starts: tuple[int, ...] = field(repr=False, default=())
    # Set by a reader whose visible text is not the raw file (HTML, JSONL ...): findings are placed in the raw file.
    source: Source | None = field(repr=False, default=None, compare=False)

    @classmethod
    def from_text(cls, path: str, text: str, source: Source | None = None) -> "Document":
        return cls(path=path, text=text, line_starts=line_starts(text), source=source)

    @property
    def record(self) -> str | None:
        """The record of a multi-article file (a JSONL line's id) this document is, if any."""
        return self.source.record.id if self.source else None

    @property
    def key(self) -> str:
        """Unique per document of a scan (several records share a path)."""
        return f"{self.path}#{self.source.record.id}" if self.source and self.source.record.id is not None else self.path

    @property
    def kind(self) -> str:
        """'markdown', 'html' or 'text', from the file name."""
        if self.source is not None:
            return "text"  # a reader's visible text carries no markup
        suffix = os.path.splitext(self.path)[1].lower()
        if suffix in (".md", ".markdown"):
            return "markdown"
        if suffix in (".html", ".htm"):
            return "html"
        return "text"

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a 0-based character offset (in the raw file when a reader made the text)."""
        if self.source is not None:
            return self.source.position(self.source.raw_start(offset))
        index = bisect.bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1

    def place(self, start: int, end: int) -> tuple[int, int, int, int, int, int]:
        """Where text[start:end] stands in the file: (start, end, line, column, end line, end column), the
        offsets in the raw file when a reader made the text."""
        if self.source is not None:
            raw_start, raw_end = self.source.raw_start(start), self.source.raw_end(start, end)
            return raw_start, raw_end, *self.source.position(raw_start), *self.source.position(raw_end)
        return start, end, *self.position(start), *self.position(end)

    def line_text(self, line: int) -> str:
        start = self.line_starts[line - 1]
        end = self.line_starts[line] if line < len(self.line_starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")

    def finding(
        self,
        rule: Rule,
        start: int,
        end: int,
        message: str,
        *,
        suggestion: str | None = None,
        confidence: float = 1.0,
        severity: Severity | None = None,
    ) -> Finding:
        """Build a Finding for text[start:end], filling in positions; checks call this."""
        raw_start, raw_end, line, column, end_line, end_column = self.place(start, end)
        return Finding(
            rule=rule.id,
            name=rule.name,
            severity=severity or rule.severity,
            path=self.path,
            start=raw_start,
            end=raw_end,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            text=self.text[start:end],
            suggestion=suggestion,
            confidence=max(0.0, min(1.0, confidence)),
            message=message,
            record=self.record,
        )


def line_starts(text: str) -> tuple[int, ...]:
    """Offsets where each line of ``text`` starts (any of \\n, \\r\\n, \\r ends a line)."""
    return (0, *(match.end() for match in _LINE_BREAK.finditer(text)))


def decode(data: bytes, path: str) -> str:
    wide = wide_encoding(data)
    if wide is not None:
        bom, codec = wide
        try:
            return data[len(bom):].decode(codec)
        except UnicodeDecodeError as error:
            raise DocumentError(f"{path}: not valid {codec.upper()} text ({error.reason} at byte {error.start})") from None
    if b"\x00" in data[:8192]:
        raise DocumentError(f"{path}: binary file (contains NUL bytes), not an article")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError as error:
            raise DocumentError(f"{path}: not UTF-8 or Windows-1252 text ({error.reason} at byte {error.start})") from None


def read_bytes(path: str | Path, max_size: int | None = None) -> bytes:
    """A regular file's bytes (never a FIFO's or a device's); DocumentError naming the file otherwise."""
    try:
        return read_regular(path, max_size)
    except OSError as error:
        raise DocumentError(f"{path}: cannot read ({error.strerror or error})") from None


def read_stdin(limit: int | None = None) -> bytes:
    """Standard input, at most one byte past ``limit``; closed or unreadable, a DocumentError."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise DocumentError("<stdin>: standard input is closed")
    try:
        data = stream.read(limit + 1 if limit else -1)
    except (OSError, ValueError) as error:
        raise DocumentError(f"<stdin>: cannot read standard input ({getattr(error, 'strerror', None) or error})") from None
    if limit and len(data) > limit:
        raise DocumentError(f"<stdin>: larger than --max-file-size ({limit} bytes); not read")
    return data


def read_document(path: str | Path) -> Document:
    name = str(path)
    return Document.from_text(name, decode(read_bytes(path), name))
