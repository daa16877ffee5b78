"""Loading data files (spelling rewrites, given names, debris patterns): TOML tables with their lines,
and the error that names file and line."""
from __future__ import annotations

import re

import tomli


class DataFileError(Exception):
    """A bundled or user data file (patterns, tables) that does not validate; names file and line."""


def table_lines(text: str, table: str) -> list[int]:
    """1-based line of each ``[[table]]`` header: the TOML parser keeps no positions, so the Nth header is the Nth item."""
    header = re.compile(rf"^[ \t]*\[\[[ \t]*{re.escape(table)}[ \t]*\]\]", re.MULTILINE)
    lines, line, counted_to = [], 1, 0
    for match in header.finditer(text):  # count from the previous header: linear in the file's size
        line += text.count("\n", counted_to, match.start())
        counted_to = match.start()
        lines.append(line)
    return lines


def toml_tables(text: str, path: str, table: str) -> list[tuple[int, dict]]:
    """The ``[[table]]`` items of a TOML data file, each with its line; DataFileError names the file."""
    try:
        document = tomli.loads(text)
    except tomli.TOMLDecodeError as error:
        raise DataFileError(f"{path}: invalid TOML: {error}") from None
    unknown = set(document) - {table}
    if unknown:
        raise DataFileError(f"{path}: unknown table {sorted(unknown)[0]!r} (expected [[{table}]] tables)")
    items = document.get(table, [])
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        raise DataFileError(f"{path}: {table!r} must be an array of tables: write [[{table}]]")
    lines = table_lines(text, table)
    return [(lines[index] if index < len(lines) else 0, item) for index, item in enumerate(items)]
