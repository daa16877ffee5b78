"""What every check gets: the parsed document and a Context (glossary, matcher, settings).

A check is a module with ``RULE`` (or ``RULES``) and ``check(document, context)`` yielding findings;
a check that needs every article at once also has ``check_corpus(documents, context)``.
Checks never print and do no I/O.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Protocol

from ..config import Settings
from ..documents import Document
from ..glossary import Glossary
from ..matching import Matcher, NameMatch
from ..model import Finding, Rule, Severity


@dataclass
class Context:
    glossary: Glossary
    matcher: Matcher
    settings: Settings
    # Kinds of name match ("garbled", "given-name") whose rules this run reports: other checks stay
    # silent where those rules speak, and speak where they are switched off.
    reported_kinds: frozenset[str] = frozenset({"garbled", "given-name"})
    # What a corpus check notes as documents pass (keyed by its rule id), to use in check_corpus.
    state: dict[str, object] = field(default_factory=dict, repr=False)
    _names: dict[str, list[NameMatch]] = field(default_factory=dict, repr=False)

    def name_matches(self, document: Document) -> list[NameMatch]:
        """The matcher's reading of a document, computed once and shared by the name checks."""
        if document.key not in self._names:
            self._names[document.key] = self.matcher.find(document.text)
        return self._names[document.key]

    def reported_name_spans(self, document: Document) -> list[tuple[int, int]]:
        """(start, end) of every name match a name rule reports in this run."""
        return [(m.start, m.end) for m in self.name_matches(document) if m.kind in self.reported_kinds]

    def forget(self, document: Document) -> None:
        self._names.pop(document.key, None)


class Check(Protocol):
    RULES: tuple[Rule, ...]

    def check(self, document: Document, context: Context) -> Iterable[Finding]: ...


def overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Does the text from ``start`` to ``end`` overlap any of the (start, end) spans?"""
    return any(span_start < end and start < span_end for span_start, span_end in spans)


def graded(rule: Rule, confidence: float) -> Severity:
    """A rule's severity, lowered when the check is unsure: a tool that cries wolf is switched off."""
    if confidence >= 0.85:
        return rule.severity
    if confidence >= 0.75:
        return min(rule.severity, Severity.WARNING)
    return Severity.INFO


def name_findings(document: Document, context: Context, rule: Rule, kind: str) -> Iterator[Finding]:
    """Findings for the matcher's name matches of one kind (shared by the name checks)."""
    for match in context.name_matches(document):
        if match.kind != kind:
            continue
        yield document.finding(
            rule,
            match.start,
            match.end,
            f'"{match.surface}" should be "{match.suggestion}": {match.reason}',
            suggestion=match.suggestion,
            confidence=match.confidence,
            severity=graded(rule, match.confidence),
        )
