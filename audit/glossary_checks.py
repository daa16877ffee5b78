"""Checks over a whole glossary file that no single entry shows: CSV quoting, and a name one entry avoids
that another entry gives as its canonical form.

Both return the problem (message, line) instead of raising, so that audit.glossary, which owns
GlossaryError, raises it naming the file.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol


class _Entry(Protocol):  # audit.glossary.Entry, as far as these checks read it
    @property
    def canonical(self) -> str: ...
    @property
    def avoid(self) -> tuple[str, ...]: ...
    @property
    def avoid_case(self) -> str: ...
    @property
    def source(self) -> str: ...


def quote_problem(text: str) -> tuple[str, int] | None:
    """The first quoting mistake in CSV text, with its line: a quote that is never closed (Python's csv
    reader would take every later row into one field), or a stray quote inside a field.

    As RFC 4180 reads them: a field that starts with a quote ends at a quote followed by a comma or the
    end of the line ("" inside it is one quote); a field that does not start with one may not hold one.
    Only the quotes are looked at, found with ``str.find`` (a 50,000-name glossary is read in
    milliseconds, not looked at character by character); lines are counted from one quote to the next.
    """
    lines = _LineCounter(text)
    index, length = 0, len(text)
    while (quote := text.find('"', index)) >= 0:
        if quote and text[quote - 1] not in ",\r\n":
            return "stray quote inside an unquoted field (quote the whole field, doubling inner quotes)", lines.at(quote)
        opened = lines.at(quote)
        position = quote + 1
        while True:
            close = text.find('"', position)
            if close < 0:
                return "quote never closed: every later row would be read into one field", opened
            if text.startswith('"', close + 1):  # "" inside a quoted field is one quote
                position = close + 2
                continue
            if close + 1 < length and text[close + 1] not in ",\r\n":
                return f"stray quote after the quoted field that starts on line {opened}", lines.at(close)
            index = close + 1
            break
    return None


class _LineCounter:
    """The line of a position, for positions asked in increasing order (counted from the last one asked)."""

    def __init__(self, text: str) -> None:
        self.text, self.position, self.line = text, 0, 1

    def at(self, position: int) -> int:
        self.line += self.text.count("\n", self.position, position)
        self.position = position
        return self.line


def split_source(source: str) -> tuple[str, int | None]:
    """An entry's source "path:line" as (path, line); (source, None) when it has no line."""
    path, _, tail = source.rpartition(":")
    return (path, int(tail)) if path and tail.isdigit() else (source, None)


def avoid_problem(entries: Iterable[_Entry]) -> tuple[str, str] | None:
    """An entry that avoids another entry's canonical form (the right name would be reported as wrong):
    (message, source of the avoiding entry). The message names the other entry and where it is."""
    entries = list(entries)
    canonical: dict[str, _Entry] = {}
    for entry in entries:
        canonical.setdefault(entry.canonical.casefold(), entry)
    for entry in entries:
        for form in entry.avoid:
            other = canonical.get(form.casefold())
            if other is None or other is entry:
                continue
            if entry.avoid_case == "exact" and form != other.canonical:
                continue  # avoided in this case only ("turkey" the bird, not Turkey)
            here, there = split_source(entry.source)[0], split_source(other.source)
            where = ("line " if there[0] == here else f"{there[0]}:") + str(there[1]) if there[1] else there[0]
            return (f"{entry.canonical!r} avoids {form!r}, the canonical form of the entry {other.canonical!r} "
                    f"({where}): the right name would be reported as wrong", entry.source)
    return None
