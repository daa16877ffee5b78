"""Inline suppressions: ``<!-- audit: ignore garbled-name -->`` silences findings in the next paragraph.

A marker is an HTML comment, invisible in rendered Markdown and HTML copy:

    <!-- audit: ignore garbled-name -->            one rule, by name
    <!-- audit: ignore AUD101, name-casing -->     several, by id, id prefix or name
    <!-- audit: ignore -->                         every rule

It covers the *next paragraph*: from the end of the marker (and of any markers stacked right after it)
to the next blank line, or in HTML to the first closing block tag (``</p>``, ``</li>``, ...), whichever
comes first. A marker that suppresses nothing, or names no known rule, is itself reported as AUD901
``unused-suppression`` (info), so stale markers do not pile up.

The engine calls ``parse`` on every document as it streams past and ``apply`` once at the end (so
findings of corpus-wide checks are suppressed too). Nothing here prints or reads files.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from .documents import Document
from .model import Finding, Rule, Severity

RULE = Rule(
    id="AUD901",
    name="unused-suppression",
    severity=Severity.INFO,
    summary="An `<!-- audit: ignore ... -->` marker that suppresses nothing, or names no known rule.",
    what=(
        "An inline suppression marker whose next paragraph has no finding of the rules it names, or that "
        "names a rule that does not exist. Markers for rules that were not run (deselected or ignored) "
        "are not reported."
    ),
    why=(
        "A marker outlives the problem it silenced: once the name is fixed or the check improves, a stale "
        "marker would hide the next real problem in that paragraph. A misspelt rule name silences nothing."
    ),
    example="<!-- audit: ignore garbled-name -->\nPrime Minister Nikol Pashinyan said ...  ->  the marker is unused",
    fix="Delete the marker, or correct the rule it names (`audit rules` lists them).",
)

MARKER = re.compile(r"<!--\s*audit:\s*ignore\b(?P<rules>[^>]*?)\s*-->", re.IGNORECASE)
_BLANK_LINE = re.compile(r"\r?\n[ \t]*(?:\r?\n|\r|$)|\r[ \t]*\r")
_HTML_BLOCK_END = re.compile(
    r"</(?:p|li|h[1-6]|blockquote|td|th|div|figcaption|pre|dd|dt|caption|section|article)\s*>", re.IGNORECASE
)


@dataclass(frozen=True)
class Marker:
    path: str
    start: int  # the comment itself
    end: int
    scope_start: int  # the paragraph it covers
    scope_end: int
    rules: tuple[str, ...]  # as written; empty: every rule
    report: Finding  # where to report the marker if it suppresses nothing

    def covers(self, finding: Finding) -> bool:
        return finding.path == self.path and self.scope_start <= finding.start < self.scope_end

    def names(self, rule: Rule) -> bool:
        return not self.rules or any(rule.matches(pattern) for pattern in self.rules)


def _scope(document: Document, after: int, markers: list[re.Match[str]]) -> tuple[int, int]:
    """The paragraph a marker ending at ``after`` covers: skip blank space and stacked markers first."""
    text = document.text
    position = after
    while True:
        stripped = len(text) - len(text[position:].lstrip())
        following = next((m for m in markers if m.start() == stripped), None)
        if following is None:
            position = stripped
            break
        position = following.end()
    ends = [len(text)]
    blank = _BLANK_LINE.search(text, position)
    if blank:
        ends.append(blank.start())
    if document.kind == "html":
        block = _HTML_BLOCK_END.search(text, position)
        if block:
            ends.append(block.end())
    return position, min(ends)


def parse(document: Document) -> list[Marker]:
    """Every suppression marker in a document, with the paragraph each covers."""
    found = list(MARKER.finditer(document.text))
    markers = []
    for match in found:
        rules = tuple(part for part in re.split(r"[\s,]+", match.group("rules")) if part)
        scope_start, scope_end = _scope(document, match.end(), found)
        report = document.finding(RULE, match.start(), match.end(), "", confidence=1.0)
        markers.append(Marker(document.path, match.start(), match.end(), scope_start, scope_end, rules, report))
    return markers


def apply(
    findings: Iterable[Finding],
    markers: dict[str, list[Marker]],
    rules: Iterable[Rule],
    enabled: Callable[[Rule], bool],
) -> tuple[list[Finding], int]:
    """Drop the findings markers cover; add a finding for each marker that suppressed nothing.

    ``rules`` are every known rule (to tell a misspelt name from a rule that was not run); ``enabled``
    says whether a rule ran. Returns the findings kept and how many were suppressed.
    """
    rules = tuple(rules)
    by_id = {rule.id: rule for rule in rules}
    used: set[Marker] = set()
    kept: list[Finding] = []
    suppressed = 0
    own = {path: _marker_regions(found) for path, found in markers.items()}
    for finding in findings:
        here = markers.get(finding.path, ())
        if any(start <= finding.start and finding.end <= end for start, end in own.get(finding.path, ())):
            continue  # a finding about the markers themselves (an "HTML comment"): markers are not copy
        rule = by_id.get(finding.rule)
        hits = [m for m in here if m.covers(finding) and rule is not None and m.names(rule)]
        if hits:
            used.update(hits)
            suppressed += 1
        else:
            kept.append(finding)
    if enabled(RULE):
        for marker in (m for path in sorted(markers) for m in markers[path]):
            message = _unused_message(marker, marker in used, rules, enabled)
            if message:
                kept.append(replace(marker.report, message=message))
    return kept, suppressed


def _marker_regions(markers: list[Marker]) -> list[tuple[int, int]]:
    """The spans markers occupy; markers stacked on one paragraph share its scope and make one span."""
    regions: dict[int, tuple[int, int]] = {}
    for marker in markers:
        start, end = regions.get(marker.scope_start, (marker.start, marker.end))
        regions[marker.scope_start] = (min(start, marker.start), max(end, marker.end))
    return list(regions.values())


def _unused_message(marker: Marker, used: bool, rules: tuple[Rule, ...], enabled: Callable[[Rule], bool]) -> str:
    unknown = [p for p in marker.rules if not any(rule.matches(p) for rule in rules if rule is not RULE)]
    problems = []
    if unknown:
        problems.append("names no known rule: " + ", ".join(repr(p) for p in unknown))
    ran = [rule for rule in rules if rule is not RULE and marker.names(rule) and enabled(rule)]
    if not used and ran and len(unknown) < len(marker.rules or ("*",)):
        what = " ".join(marker.rules) if marker.rules else "any rule"
        problems.append(f"suppresses nothing: no finding of {what} in the next paragraph")
    return "suppression marker " + "; ".join(problems) if problems else ""
