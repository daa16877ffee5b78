"""Loading data files (spelling rewrites, given names, debris patterns, and the TOML parsing of glossaries
and configuration): TOML tables with their lines, and errors that name file and line."""
from __future__ import annotations

import re
from typing import Any

import tomli


class DataFileError(Exception):
    """A bundled or user data file (patterns, tables) that does not validate; names file and line."""


class InvalidToml(ValueError):
    """TOML that does not parse: the parser's reason and the line it gives (None if it gives none).
    Each caller turns it into its own error naming the file."""

    def __init__(self, reason: str, line: int | None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.line = line

    def located(self, path: str) -> str:
        """'path:line: invalid TOML: reason' (without the line if the parser gave none)."""
        return f"{path}{f':{self.line}' if self.line else ''}: invalid TOML: {self.reason}"


_TOML_ERROR_LINE = re.compile(r"\(at line (\d+)")


def read_toml(text: str) -> dict[str, Any]:
    """The TOML document in ``text``; InvalidToml says why and where it does not parse."""
    try:
        return tomli.loads(text)
    except tomli.TOMLDecodeError as error:
        line = _TOML_ERROR_LINE.search(str(error))
        raise InvalidToml(str(error).split(" (at ")[0], int(line.group(1)) if line else None) from None
    except RecursionError:  # arrays or inline tables nested thousands deep
        raise InvalidToml("nested too deep", None) from None
    except ValueError as error:  # an integer of thousands of digits
        raise InvalidToml(str(error).split(" (at ")[0], None) from None


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
        document = read_toml(text)
    except InvalidToml as error:
        raise DataFileError(error.located(path)) from None
    unknown = set(document) - {table}
    if unknown:
        raise DataFileError(f"{path}: unknown table {sorted(unknown)[0]!r} (expected [[{table}]] tables)")
    items = document.get(table, [])
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        raise DataFileError(f"{path}: {table!r} must be an array of tables: write [[{table}]]")
    lines = table_lines(text, table)
    return [(lines[index] if index < len(lines) else 0, item) for index, item in enumerate(items)]
