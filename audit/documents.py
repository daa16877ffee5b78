"""Reading articles into text, and mapping character offsets to line and column.

Documents are decoded once (UTF-8, with or without BOM; a file that is not UTF-8 is tried as
Windows-1252, the usual encoding of scraped Western copy). Line endings are kept as they are,
so offsets point into exactly the text a user's editor shows.
"""
from __future__ import annotations

import bisect
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from .model import Finding, Rule, Severity

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".text")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class DocumentError(Exception):
    """A file that cannot be read as text; the message names the file."""


@dataclass(frozen=True)
class Document:
    path: str  # as the user named it (relative paths stay relative), "-" for stdin
    text: str
    line_starts: tuple[int, ...] = field(repr=False, default=())

    @classmethod
    def from_text(cls, path: str, text: str) -> "Document":
        starts = [0] + [match.end() for match in _LINE_BREAK.finditer(text)]
        return cls(path=path, text=text, line_starts=tuple(starts))

    @property
    def kind(self) -> str:
        """'markdown', 'html' or 'text', from the file name."""
        suffix = os.path.splitext(self.path)[1].lower()
        if suffix in (".md", ".markdown"):
            return "markdown"
        if suffix in (".html", ".htm"):
            return "html"
        return "text"

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a 0-based character offset."""
        index = bisect.bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1

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
        line, column = self.position(start)
        end_line, end_column = self.position(end)
        return Finding(
            rule=rule.id,
            name=rule.name,
            severity=severity or rule.severity,
            path=self.path,
            start=start,
            end=end,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column,
            text=self.text[start:end],
            suggestion=suggestion,
            confidence=max(0.0, min(1.0, confidence)),
            message=message,
        )


def decode(data: bytes, path: str) -> str:
    if b"\x00" in data[:8192]:
        raise DocumentError(f"{path}: binary file (contains NUL bytes), not an article")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError as error:
            raise DocumentError(f"{path}: not UTF-8 or Windows-1252 text ({error.reason} at byte {error.start})") from None


def read_document(path: str | Path) -> Document:
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise DocumentError(f"{name}: cannot read ({error.strerror or error})") from None
    return Document.from_text(name, decode(data, name))


def expand_paths(paths: list[str]) -> tuple[list[str], list[str]]:
    """Files to scan, in a stable order, and paths that do not exist.

    Directories are walked recursively for article files (by suffix); hidden entries are skipped.
    A file named explicitly is scanned whatever its suffix.
    """
    files: list[str] = []
    missing: list[str] = []
    for path in paths:
        if path == "-":
            files.append(path)
        elif os.path.isdir(path):
            found: list[str] = []
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(
                    os.path.join(root, name)
                    for name in names
                    if not name.startswith(".") and name.lower().endswith(TEXT_SUFFIXES)
                )
            files.extend(sorted(found))
        elif os.path.isfile(path):
            files.append(path)
        else:
            missing.append(path)
    return list(dict.fromkeys(files)), missing  # each file once, where it was first named
