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

import bisect
import heapq
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

# The rules stop at "<" as well as ">": from an unclosed marker the search runs only to the next one, never to
# the end of the text once per marker; blank space before "-->" is the split's business, not a second
# quantifier's (two quantifiers over one blank run backtrack in quadratic time).
MARKER = re.compile(r"<!--\s*audit:\s*ignore\b(?P<rules>[^<>]*?)-->", re.IGNORECASE)
_SPACE = re.compile(r"\s*")
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


def _scopes(document: Document, markers: list[re.Match[str]]) -> list[tuple[int, int]]:
    """The paragraph each marker covers: from after the marker and any markers stacked right after it
    (blank space between them allowed) to the paragraph's end.

    Worked out from the last marker back, so a stack of thousands of markers costs one pass, and the
    paragraph ends are looked up by bisection in the sorted ends: linear-logarithmic in the markers.
    """
    text = document.text
    by_start = {match.start(): index for index, match in enumerate(markers)}
    starts: list[int] = [0] * len(markers)  # where each marker's paragraph starts
    for index in range(len(markers) - 1, -1, -1):
        space = _SPACE.match(text, markers[index].end())
        after = space.end() if space else markers[index].end()
        following = by_start.get(after)
        starts[index] = starts[following] if following is not None and following > index else after
    blank_starts = [match.start() for match in _BLANK_LINE.finditer(text)]
    blocks = [(match.start(), match.end()) for match in _HTML_BLOCK_END.finditer(text)] if document.kind == "html" else []
    block_starts = [start for start, _ in blocks]
    scopes = []
    for start in starts:
        # The first blank line and the first closing block tag at or after the paragraph's start (the start is
        # never inside either: it is past any blank space, and tags are not blank).
        blank = bisect.bisect_left(blank_starts, start)
        block = bisect.bisect_left(block_starts, start)
        end = min(blank_starts[blank] if blank < len(blank_starts) else len(text),
                  blocks[block][1] if block < len(blocks) else len(text))
        scopes.append((start, end))
    return scopes


def parse(document: Document) -> list[Marker]:
    """Every suppression marker in a document, with the paragraph each covers."""
    found = list(MARKER.finditer(document.text))
    markers = []
    for match, (scope_start, scope_end) in zip(found, _scopes(document, found)):
        rules = tuple(part for part in re.split(r"[\s,]+", match.group("rules")) if part)
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
    findings = list(findings)
    own = {path: _Regions(_marker_regions(found)) for path, found in markers.items()}
    mine = [own[f.path].contain(f.start, f.end) if f.path in own else False for f in findings]
    groups: dict[tuple[str, str], list[int]] = {}
    for number, finding in enumerate(findings):
        if not mine[number] and finding.path in markers and finding.rule in by_id:
            groups.setdefault((finding.path, finding.rule), []).append(number)
    used: set[int] = set()  # id() of the markers that suppressed something
    covered: set[int] = set()
    for (path, rule_id), numbers in groups.items():
        naming = [marker for marker in markers[path] if marker.names(by_id[rule_id])]
        covered.update(_sweep([findings[number] for number in numbers], numbers, naming, used))
    kept = [f for number, f in enumerate(findings) if not mine[number] and number not in covered]
    if enabled(RULE):
        for marker in (m for path in sorted(markers) for m in markers[path]):
            message = _unused_message(marker, id(marker) in used, rules, enabled)
            if message:
                kept.append(replace(marker.report, message=message))
    return kept, len(covered)


def _sweep(findings: list[Finding], numbers: list[int], markers: list[Marker], used: set[int]) -> list[int]:
    """The numbers of the findings (of one file and rule) some marker covers; the markers that cover one go
    into ``used``. One sweep in order of position: a heap holds the markers whose paragraph is open."""
    order = sorted(range(len(findings)), key=lambda i: findings[i].start)
    pending = sorted(markers, key=lambda marker: marker.scope_start)
    open_ends: list[tuple[int, int]] = []  # (scope_end, id) of the markers covering the position
    fresh: dict[int, Marker] = {}  # open markers not yet known to be used
    next_marker = 0
    hits = []
    for index in order:
        position = findings[index].start
        while next_marker < len(pending) and pending[next_marker].scope_start <= position:
            marker = pending[next_marker]
            heapq.heappush(open_ends, (marker.scope_end, id(marker)))
            fresh[id(marker)] = marker
            next_marker += 1
        while open_ends and open_ends[0][0] <= position:
            fresh.pop(heapq.heappop(open_ends)[1], None)
        if open_ends:
            hits.append(numbers[index])
            used.update(fresh)
            fresh.clear()
    return hits


class _Regions:
    """Spans (start, end), asked whether one contains a stretch: bisection over the starts, with the
    largest end so far, so each question costs a logarithm."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self.starts = [start for start, _ in spans]
        self.reach: list[int] = []
        for _, end in spans:
            self.reach.append(max(end, self.reach[-1]) if self.reach else end)

    def contain(self, start: int, end: int) -> bool:
        index = bisect.bisect_right(self.starts, start)
        return index > 0 and self.reach[index - 1] >= end


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
