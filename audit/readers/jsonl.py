"""JSON Lines exports: one JSON object a line, the article in one field (``--field``, default ``body``).

Every record is an article of its own, named by its id field (``--id-field``, default ``id``; without
one, by its line: ``line 12``). The field's JSON string is decoded with a map back to its raw
characters: a plain character maps to itself, an escape (``\\n``, ``\\u00e4``, a surrogate pair) is a
*replaced* piece standing for its whole escape. Records between articles are joined with a blank line
that has no raw counterpart. Records that are not JSON objects, or lack the field, are listed as
problems (never skipped silently); blank lines are ignored.
"""
from __future__ import annotations

import json
import re

from .base import ReaderError, Reading, Record, ViewBuilder

NAME = "jsonl"
SUFFIXES = (".jsonl", ".ndjson")

_DECODER = json.JSONDecoder()
_SPACE = re.compile(r"[ \t\n\r]*")
_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
_UNICODE = re.compile(r"\\u([0-9a-fA-F]{4})(?:\\u([dD][c-fC-F][0-9a-fA-F]{2}))?")


def _skip_space(line: str, at: int) -> int:
    return _SPACE.match(line, at).end()  # type: ignore[union-attr]


def field_span(line: str, field: str) -> tuple[int, int] | None:
    """(start, end) in ``line`` of the JSON string literal (quotes included) of a top-level field, if any.

    Raises ValueError if the line is not one JSON object.
    """
    at = _skip_space(line, 0)
    if not line.startswith("{", at):
        raise ValueError("not a JSON object")
    at = _skip_space(line, at + 1)
    found = None
    if line.startswith("}", at):
        return None
    while True:
        key, at = _DECODER.raw_decode(line, at)
        if not isinstance(key, str):
            raise ValueError("a key that is not a string")
        at = _skip_space(line, at)
        if not line.startswith(":", at):
            raise ValueError("expected ':'")
        value_start = _skip_space(line, at + 1)
        value, at = _DECODER.raw_decode(line, value_start)
        if key == field:
            found = (value_start, at) if isinstance(value, str) else None  # the last one wins, as in json
        at = _skip_space(line, at)
        if line.startswith("}", at):
            if _skip_space(line, at + 1) != len(line):
                raise ValueError("text after the object")
            return found
        if not line.startswith(",", at):
            raise ValueError("expected ',' or '}'")
        at = _skip_space(line, at + 1)


def add_string(view: ViewBuilder, raw: str, start: int, end: int) -> None:
    """The JSON string literal raw[start:end] (quotes included), decoded into ``view`` with its map."""
    at, stop = start + 1, end - 1
    while at < stop:
        escape = raw.find("\\", at, stop)
        if escape < 0:
            view.copy(raw, at, stop)
            return
        view.copy(raw, at, escape)
        unicode = _UNICODE.match(raw, escape)
        if unicode:
            high = int(unicode.group(1), 16)
            if unicode.group(2) and 0xD800 <= high <= 0xDBFF:  # a surrogate pair: one character
                char, escape_end = chr(0x10000 + ((high - 0xD800) << 10) + int(unicode.group(2), 16) - 0xDC00), unicode.end()
            else:
                char, escape_end = chr(high), escape + 6
            view.replace(char, escape, escape_end)
            at = escape_end
        else:
            view.replace(_ESCAPES.get(raw[escape + 1], raw[escape + 1]), escape, escape + 2)
            at = escape + 2


def encode_string(text: str) -> str:
    """A JSON string literal's content for ``text`` (no quotes), non-ASCII kept as it is."""
    return json.dumps(text, ensure_ascii=False)[1:-1]


def _record_id(line: str, id_field: str, number: int) -> str:
    try:
        value = json.loads(line).get(id_field)
    except (ValueError, AttributeError):
        value = None
    return str(value) if isinstance(value, (str, int, float)) and not isinstance(value, bool) else f"line {number}"


def read(raw: str, options) -> Reading:
    view = ViewBuilder()
    records: list[Record] = []
    bad: list[int] = []
    missing: list[int] = []
    offset = 0
    for number, line in enumerate(raw.splitlines(keepends=True), 1):
        content = line.rstrip("\r\n")
        if content.strip():
            try:
                span = field_span(content, options.field)
            except (ValueError, RecursionError):  # not JSON, or nested past the parser's depth
                bad.append(number)
                span = None
            if span is None and number not in bad:
                missing.append(number)
            elif span is not None:
                if records:
                    view.insert("\n\n", offset + span[0])
                begin = view.length
                add_string(view, raw, offset + span[0], offset + span[1])
                records.append(Record(_record_id(content, options.id_field, number), begin, view.length))
        offset += len(line)
    if not records and (bad or missing):
        raise ReaderError(f"no record has a text field {options.field!r} (use --field)" if not bad else
                          f"line {bad[0]} is not a JSON object")
    text, offsets = view.build()
    notes = []
    if bad:
        notes.append(f"{_lines(bad)} not JSON objects, skipped")
    if missing:
        notes.append(f"{_lines(missing)} without a text field {options.field!r}, skipped")
    return Reading(NAME, raw, text, offsets, tuple(records), tuple(notes))


def _lines(numbers: list[int]) -> str:
    shown = ", ".join(str(n) for n in numbers[:5]) + (", ..." if len(numbers) > 5 else "")
    return f"{len(numbers)} record{'s' if len(numbers) != 1 else ''} (line{'s' if len(numbers) != 1 else ''} {shown})"


def encode(text: str) -> str:
    """How ``text`` is written inside a JSON string (for `audit fix`)."""
    return encode_string(text)
