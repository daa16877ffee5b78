"""CSV exports: a header row, then one article a row, in one column (``--field``, default ``body``).

Every row is an article of its own, named by its id column (``--id-field``, default ``id``; without
one, by its row's line). RFC 4180 as Python's csv module writes it: comma-separated, fields in double
quotes may hold commas and line breaks, ``""`` inside them is one quote (a *replaced* piece). The csv
module does not tell where a field starts, so rows are tokenised here with offsets; the header and
column count are checked against the csv module's own reading.
"""
from __future__ import annotations

import csv
import io

from .base import ReaderError, Reading, Record, ViewBuilder

NAME = "csv"
SUFFIXES = (".csv",)


def fields(raw: str) -> list[list[tuple[int, int, bool]]]:
    """Rows of (start, end, quoted) raw spans of each field; a quoted span includes its quotes."""
    rows: list[list[tuple[int, int, bool]]] = []
    row: list[tuple[int, int, bool]] = []
    at, size = 0, len(raw)
    while at < size:
        if raw[at] == '"':
            end = at + 1
            while True:
                end = raw.find('"', end)
                if end < 0:
                    raise ReaderError(f"a quoted field opened at offset {at} never closes")
                if raw.startswith('""', end):
                    end += 2
                    continue
                break
            row.append((at, end + 1, True))
            at = end + 1
        else:
            end = at
            while end < size and raw[end] not in ",\r\n":
                end += 1
            row.append((at, end, False))
            at = end
        if at < size and raw[at] == ",":
            at += 1
            if at == size or raw[at] in "\r\n":
                row.append((at, at, False))  # a trailing empty field
            continue
        rows.append(row)
        row = []
        if raw.startswith("\r\n", at):
            at += 2
        elif at < size and raw[at] in "\r\n":
            at += 1
        elif at < size:
            raise ReaderError(f"unexpected character after a quoted field at offset {at}")
    if row:
        rows.append(row)
    return rows


def _value(raw: str, span: tuple[int, int, bool]) -> str:
    start, end, quoted = span
    return raw[start + 1 : end - 1].replace('""', '"') if quoted else raw[start:end]


def _add_field(view: ViewBuilder, raw: str, span: tuple[int, int, bool]) -> None:
    start, end, quoted = span
    if not quoted:
        view.copy(raw, start, end)
        return
    at, stop = start + 1, end - 1
    while at < stop:
        quote = raw.find('""', at, stop)
        if quote < 0:
            view.copy(raw, at, stop)
            return
        view.copy(raw, at, quote)
        view.replace('"', quote, quote + 2)
        at = quote + 2


def encode(text: str) -> str | None:
    """How ``text`` is written into a field (for `audit fix`); None when it holds a quote, comma or line
    break, which would need the field quoted differently (the fix is left to a person then)."""
    return None if any(char in text for char in '",\r\n') else text


def read(raw: str, options) -> Reading:
    rows = [row for row in fields(raw) if not (len(row) == 1 and row[0][0] == row[0][1])]  # blank lines
    if not rows:
        raise ReaderError("empty file")
    header = [_value(raw, span) for span in rows[0]]
    expected = next(csv.reader(io.StringIO(raw)), [])
    if header != expected:
        raise ReaderError("header row is not plain CSV")
    if options.field not in header:
        raise ReaderError(f"no column {options.field!r} (columns: {', '.join(header)}; use --field)")
    column = header.index(options.field)
    id_column = header.index(options.id_field) if options.id_field in header else None
    view = ViewBuilder()
    records: list[Record] = []
    short: list[int] = []
    for number, row in enumerate(rows[1:], 2):
        if column >= len(row):
            short.append(number)
            continue
        if records:
            view.insert("\n\n", row[column][0])
        begin = view.length
        _add_field(view, raw, row[column])
        name = _value(raw, row[id_column]) if id_column is not None and id_column < len(row) else f"row {number}"
        records.append(Record(name, begin, view.length))
    text, offsets = view.build()
    rows_named = ", ".join(map(str, short[:5]))
    notes = (f"{len(short)} row(s) without a {options.field!r} column (rows {rows_named}), skipped",) if short else ()
    return Reading(NAME, raw, text, offsets, tuple(records), notes)
