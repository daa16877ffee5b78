"""Scraper-debris patterns: loading and validating the pattern files, and finding debris blocks in a text.

The patterns are data (audit/data/debris.toml, documented at its top); users add their own files of the
same format. Knows strings and pattern files, not rules or findings: the scraper-debris check turns
``DebrisBlock`` s into findings.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from typing import Any

from .files import read_regular
from .regex_facts import needed_strings
from .text import DataFileError, toml_tables

DOCUMENT_KINDS = ("text", "markdown", "html")
DEFAULT_CONFIDENCE = 0.95
# A user's pattern runs in the `regex` module, which defuses most catastrophic backtracking, and gives up on
# a text after this long: a pattern that still backtracks is a configuration error (exit 2), never a hang.
# The bundled patterns are tested linear (tests/hostile/test_hostile_complexity.py) and run in `re`.
USER_PATTERN_SECONDS = 2.0
PATTERN_KEYS = {"id", "description", "regex", "confidence", "case_sensitive", "formats"}
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
# What may stand between two debris matches of one block: blank lines and lines without letters or digits.
_FILLER = re.compile(r"[^\w]*")


@dataclass(frozen=True)
class DebrisPattern:
    id: str
    description: str
    regex: re.Pattern[str]
    confidence: float = DEFAULT_CONFIDENCE
    formats: tuple[str, ...] = DOCUMENT_KINDS
    source: str = ""  # "file:line" of the pattern's table, for messages
    guarded: Any = None  # a user's pattern: compiled by the `regex` module, run with a time limit

    def finditer(self, text: str) -> Iterator[Any]:
        """The pattern's matches in ``text`` (DataFileError naming the pattern if a user's gives up)."""
        if self.guarded is None:
            yield from self.regex.finditer(text)
            return
        try:
            yield from self.guarded.finditer(text, timeout=USER_PATTERN_SECONDS)
        except TimeoutError:
            raise DataFileError(f"{self.source}: debris pattern {self.id!r} gave up after {USER_PATTERN_SECONDS:g} s "
                                "on one text: its regex backtracks (nested or overlapping repeats); simplify it") from None

    @cached_property
    def needs(self) -> tuple[str, ...] | None:
        """Strings one of which (case-folded, unless the pattern is case-sensitive) every text the pattern
        matches contains; None if the pattern promises none. A text holding none of them is skipped."""
        needed = needed_strings(self.regex.pattern, self.regex.flags)
        if not needed or min(map(len, needed)) < 3:  # short strings are in nearly every text: no gain
            return None
        return tuple(sorted({text.casefold() for text in needed})) if self.regex.flags & re.IGNORECASE else needed

    def could_match(self, text: str, folded: str) -> bool:
        """False only if the pattern cannot match ``text`` (``folded`` is ``text.casefold()``)."""
        needs = self.needs
        if needs is None:
            return True
        haystack = folded if self.regex.flags & re.IGNORECASE else text
        return any(needle in haystack for needle in needs)


@dataclass(frozen=True)
class DebrisBlock:
    """One stretch of debris: one or more pattern matches with only filler between them."""

    start: int
    end: int
    patterns: tuple[DebrisPattern, ...]  # in the order they matched, without repeats

    @property
    def confidence(self) -> float:
        return max(pattern.confidence for pattern in self.patterns)


def _key_line(text: str, start_line: int, end_line: int | None, key: str) -> int:
    """The line of ``key = ...`` inside the table that starts at ``start_line`` (the header line if absent)."""
    lines = text.splitlines()
    stop = end_line - 1 if end_line else len(lines)
    for number in range(start_line, stop):
        if re.match(rf"\s*{re.escape(key)}\s*=", lines[number]):
            return number + 1
    return start_line


def parse_patterns(text: str, path: str, bundled: bool = False) -> tuple[DebrisPattern, ...]:
    """Parse one pattern file; every problem is a DataFileError naming the file and line. A user's
    patterns (not ``bundled``) also get their `regex`-module twin, which the scan runs (USER_PATTERN_SECONDS)."""
    items = toml_tables(text, path, "pattern")
    headers = [line for line, _ in items]
    patterns: list[DebrisPattern] = []
    for index, (line, raw) in enumerate(items):
        following = headers[index + 1] if index + 1 < len(headers) else None

        def fail(message: str, key: str | None = None) -> DataFileError:
            where = _key_line(text, line, following, key) if key else line
            return DataFileError(f"{path}:{where}: {message}")

        unknown = set(raw) - PATTERN_KEYS
        if unknown:
            name = sorted(unknown)[0]
            raise fail(f"unknown key {name!r} (expected {', '.join(sorted(PATTERN_KEYS))})", name)
        for key in ("id", "description", "regex"):
            if not isinstance(raw.get(key), str) or not raw[key].strip():
                raise fail(f"pattern needs {key} = \"...\"", key if key in raw else None)
        pattern_id = raw["id"].strip()
        if not _ID.match(pattern_id):
            raise fail(f"id {pattern_id!r} must be lower-case letters, digits and hyphens", "id")
        case_sensitive = raw.get("case_sensitive", False)
        if not isinstance(case_sensitive, bool):
            raise fail("case_sensitive must be true or false", "case_sensitive")
        flags = re.MULTILINE | (0 if case_sensitive else re.IGNORECASE)
        try:
            regex = re.compile(raw["regex"], flags)
            guarded = None if bundled else _guarded(raw["regex"], flags)
        except re.error as error:
            raise fail(f"bad regex in pattern {pattern_id!r}: {error}", "regex") from None
        if regex.search("") or regex.search("\n\n"):
            raise fail(f"regex of pattern {pattern_id!r} matches empty text", "regex")
        confidence = raw.get("confidence", DEFAULT_CONFIDENCE)
        if isinstance(confidence, bool) or not isinstance(confidence, (int, float)) or not 0 < confidence <= 1:
            raise fail(f"confidence of pattern {pattern_id!r} must be a number above 0 and at most 1", "confidence")
        formats = raw.get("formats", list(DOCUMENT_KINDS))
        if (
            not isinstance(formats, list)
            or not formats
            or not all(isinstance(kind, str) and kind in DOCUMENT_KINDS for kind in formats)
        ):
            raise fail(f"formats of pattern {pattern_id!r} must be a list of {', '.join(DOCUMENT_KINDS)}", "formats")
        patterns.append(
            DebrisPattern(pattern_id, raw["description"].strip(), regex, float(confidence), tuple(formats), f"{path}:{line}",
                          guarded)
        )
    return tuple(patterns)


def _guarded(source: str, flags: int) -> Any:
    """The pattern compiled by the `regex` module (as `re` reads it: version 0), re.error if it refuses it."""
    import regex  # type: ignore[import-untyped]

    try:
        return regex.compile(source, flags | regex.VERSION0)
    except regex.error as error:
        raise re.error(str(error)) from None


@lru_cache(maxsize=1)
def default_patterns() -> tuple[DebrisPattern, ...]:
    resource = resources.files("audit.data").joinpath("debris.toml")
    return parse_patterns(resource.read_text(encoding="utf-8"), "audit/data/debris.toml", bundled=True)


@lru_cache(maxsize=16)
def load_patterns(extra: tuple[str, ...] = ()) -> tuple[DebrisPattern, ...]:
    """The bundled patterns plus those of the files in ``extra``; ids must be unique over all of them."""
    patterns = list(default_patterns())
    for path in extra:
        try:
            text = read_regular(path).decode("utf-8-sig")
        except OSError as error:
            raise DataFileError(f"{path}: cannot read debris patterns ({error.strerror or error})") from None
        except UnicodeDecodeError:
            raise DataFileError(f"{path}: debris patterns are not UTF-8 text") from None
        patterns.extend(parse_patterns(text, path))
    seen: dict[str, DebrisPattern] = {}
    for pattern in patterns:
        if pattern.id in seen:
            raise DataFileError(f"{pattern.source}: pattern id {pattern.id!r} is already used at {seen[pattern.id].source}")
        seen[pattern.id] = pattern
    return tuple(patterns)


def find_debris(text: str, patterns: tuple[DebrisPattern, ...], kind: str = "text") -> list[DebrisBlock]:
    """Debris blocks in ``text``, in text order; matches with only filler between them form one block."""
    # Carriage returns become line feeds (same length, so offsets hold) so that $ works on Windows text, and
    # Markdown wrappers at the edges of lines ("*Reading time: 3 minutes*", "- Source link") become spaces
    # so that whole-line patterns see the words.
    lines = text.replace("\r", "\n")
    searchable = _blank_wrappers(lines)
    hits: list[tuple[int, int, DebrisPattern]] = []
    folded = searchable.casefold()
    for pattern in patterns:
        if kind not in pattern.formats or not pattern.could_match(searchable, folded):
            continue
        for match in pattern.finditer(searchable):
            start, end = match.span()
            # Whitespace a pattern takes in at its edges is not part of the debris.
            while start < end and searchable[start].isspace():
                start += 1
            while end > start and searchable[end - 1].isspace():
                end -= 1
            if end > start:
                start, end = _with_wrappers(lines, start, end)
                hits.append((start, end, pattern))
    hits.sort(key=lambda hit: (hit[0], -hit[1]))
    blocks: list[DebrisBlock] = []
    for start, end, pattern in hits:
        if blocks and (start < blocks[-1].end or _FILLER.fullmatch(lines, blocks[-1].end, start)):
            last = blocks[-1]
            patterns_seen = last.patterns if pattern in last.patterns else (*last.patterns, pattern)
            blocks[-1] = DebrisBlock(last.start, max(last.end, end), patterns_seen)
        else:
            blocks.append(DebrisBlock(start, end, (pattern,)))
    return [_with_trailing_filler(lines, block) for block in blocks]


# Emphasis, heading, quote and bullet marks at the start or end of a line.
# (A trailing run is only tried where it starts: from inside a run of thousands of "*", it would be tried again
# at every "*", each time to the run's end.)
_WRAPPER = re.compile(r"^[ \t]*(?:[*_#>]+|[-+\u2022](?= ))|(?<![*_])[*_]+[ \t]*$", re.MULTILINE)
_TRAILING_WRAPPER = re.compile(r"[ \t]*[*_]+(?=[ \t]*(?:\n|$))")
# A character every wrapper holds. No wrapper crosses a line break or is empty, so substituting them line by
# line, only in the lines holding one of these, gives what substituting them in the whole text gives, without
# the regex engine trying _WRAPPER's two branches at every character of the copy (a third of the debris rules'
# time on plain copy).
_WRAPPER_MARKS = ("*", "_", "#", ">", "- ", "+ ", "\u2022 ")
_WRAPPER_MARK = re.compile("|".join(map(re.escape, _WRAPPER_MARKS)))


def _blank_wrappers(text: str) -> str:
    """``text`` with every _WRAPPER match replaced by as many spaces (offsets hold)."""
    if not any(mark in text for mark in _WRAPPER_MARKS):  # str's own search: 4 times the regex engine's speed
        return text
    pieces: list[str] = []
    done = 0
    for _ in range(MARKED_LINES):
        mark = _WRAPPER_MARK.search(text, done)
        if mark is None:
            break
        line_start = text.rfind("\n", 0, mark.start()) + 1
        line_end = text.find("\n", mark.end())
        line_end = len(text) if line_end == -1 else line_end
        pieces.append(text[done:line_start])
        pieces.append(_WRAPPER.sub(_blanks, text[line_start:line_end]))
        done = line_end
    else:  # a list or a page of bullets: the rest in one pass (it starts at a line break, so no line is cut)
        pieces.append(_WRAPPER.sub(_blanks, text[done:]))
        return "".join(pieces)
    pieces.append(text[done:])
    return "".join(pieces)


MARKED_LINES = 64  # lines looked at one by one; past them, the whole rest of the text is substituted


def _blanks(match: re.Match[str]) -> str:
    return " " * len(match.group())


def _with_wrappers(lines: str, start: int, end: int) -> tuple[int, int]:
    """Take in the emphasis marks around a match ("*Reading time: 3 minutes*") that stand at line edges.

    Walks back from the match over blanks, marks and blanks to the line's start: only the characters next
    to the match are looked at, never the whole line again per match (a line of thousands of "[ad_1]").
    """
    marks_end = _back_over(lines, start, " \t")
    marks_start = _back_over(lines, marks_end, "*_")
    if marks_start < marks_end:
        line_start = _back_over(lines, marks_start, " \t\f\v")
        if line_start == 0 or lines[line_start - 1] == "\n":
            start = marks_start
    after = _TRAILING_WRAPPER.match(lines, end)
    if after:
        end = after.end()
    return start, end


def _back_over(text: str, position: int, characters: str) -> int:
    """Where the run of ``characters`` that ends at ``position`` starts."""
    while position > 0 and text[position - 1] in characters:
        position -= 1
    return position


# A following line of symbols only ("*" left under a comment form), taken into the block before it.
_SYMBOL_LINE = re.compile(r"[ \t]*\n\s*([^\w\s]+)[ \t]*(?=\n|$)")


def _with_trailing_filler(text: str, block: DebrisBlock) -> DebrisBlock:
    end = block.end
    while match := _SYMBOL_LINE.match(text, end):
        end = match.end(1)
    return block if end == block.end else DebrisBlock(block.start, end, block.patterns)
