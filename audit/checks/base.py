"""The check contract: what a check is (``Check``) and what it gets (the document and a ``Context``).

A check is one module that defines its ``RULE`` and a ``CHECK = Check(...)`` object naming its rules,
its per-document hook ``check(document, context)`` yielding findings, optionally a ``Corpus`` (a per-document ``note``, tallied
in scan order, and a ``report`` over the tally once all documents have been read), and the matcher's name
kinds it reports. The registry in audit/checks/__init__.py lists the ``CHECK`` objects.
Checks never print and do no I/O.
"""
from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any, Generic, TypeVar, cast

from ..config import Settings
from ..documents import Document
from ..glossary import Glossary
from ..matching import Matcher, NameKind, NameMatch
from ..model import Finding, Rule, Severity
from ..variants import PairMemo

DocumentHook = Callable[[Document, "Context"], Iterable[Finding]]
Note = TypeVar("Note")
Tally = TypeVar("Tally")


def _no_findings(document: Document, context: Context) -> Iterable[Finding]:
    return ()


def _as_is(note: Any) -> Any:
    return note


@dataclass(frozen=True)
class Corpus(Generic[Note, Tally]):
    """A check over a whole scan, in parts so that no scan holds its documents.

    ``note`` runs beside the per-document checks, in whichever process reads the document (a worker of
    ``--jobs``, a Dask worker), and returns a small summary of it, without its text. In the scanning
    process, each note is then ``add``ed, in scan order, to a ``tally`` made empty at the scan's start, and
    ``report`` runs once at the end over the tally: memory grows with what the tally keeps, not with the
    copy nor with the notes. Notes travel between processes (pickled) and into the result cache as JSON:
    ``encode`` turns a note into JSON data (lists, dicts, str, int, float, bool, None) and ``decode``
    turns that back; the defaults suit notes that are JSON data already.
    """

    note: Callable[[Document, "Context"], Note]
    tally: Callable[[], Tally]
    add: Callable[[Tally, Note], None]
    report: Callable[[Tally, "Context"], Iterable[Finding]]
    encode: Callable[[Note], Any] = _as_is
    decode: Callable[[Any], Note] = _as_is


@dataclass(frozen=True)
class Check:
    """One registry entry: the rules a check reports and the hooks the engine calls."""

    rules: tuple[Rule, ...]
    # Findings in one document; called for every document of a scan as it is read.
    check: DocumentHook = _no_findings
    # Findings over all documents of a scan, from a note of each (None: the check needs no corpus).
    corpus: Corpus[Any, Any] | None = None
    # The matcher's name kinds (NameMatch.kind) this check reports: while it runs, other checks stay
    # silent where it speaks, and speak where it is switched off.
    name_kinds: frozenset[NameKind] = frozenset()

    def enabled(self, settings: Settings) -> bool:
        return any(settings.enables(rule) for rule in self.rules)


Notes = TypeVar("Notes")  # a check's own notes kept in the scan state (per process)


@dataclass
class ScanState:
    """What one scan works out as documents pass: owned by the engine's scan and dropped at its end, so a
    context reused for another scan never sees a file as it was before."""

    names: dict[str, list[NameMatch]] = field(default_factory=dict)  # path -> the matcher's reading
    _notes: dict[type, object] = field(default_factory=dict)  # a corpus check's notes, by their type
    pairs: PairMemo | None = None  # variant pairs kept between scans (the result cache's), for the corpus pass

    def notes(self, kind: type[Notes]) -> Notes:
        """The scan's notes of one kind (a corpus check's own class), made empty when first asked for."""
        found = self._notes.get(kind)
        if found is None:
            found = self._notes[kind] = kind()
        return cast(Notes, found)


@dataclass
class Context:
    """What every check sees: glossary, matcher and settings (made once, reusable across scans), the name
    kinds this run reports, and the state of the scan in progress."""

    glossary: Glossary
    matcher: Matcher
    settings: Settings
    # Kinds of name match whose rules this run reports (worked out from the registry by the engine).
    reported_kinds: frozenset[NameKind]
    glossary_hash: str = ""  # provenance.glossary_digest of the glossary, for the run's signature
    scan: ScanState = field(default_factory=ScanState, repr=False)

    def for_scan(self, pairs: PairMemo | None = None) -> Context:
        """This context with a fresh scan state: what one scan's checks see (``pairs``: see ScanState)."""
        return replace(self, scan=ScanState(pairs=pairs))

    def name_matches(self, document: Document) -> list[NameMatch]:
        """The matcher's reading of a document, computed once per scan and shared by the name checks."""
        names = self.scan.names
        if document.key not in names:
            names[document.key] = self.matcher.find(document.text)
        return names[document.key]

    def reported_name_spans(self, document: Document) -> list[tuple[int, int]]:
        """(start, end) of every name match a name rule reports in this run (none without name rules: the
        matcher is then not run at all)."""
        if not self.reported_kinds:
            return []
        return [(m.start, m.end) for m in self.name_matches(document) if m.kind in self.reported_kinds]

    def forget(self, document: Document) -> None:
        self.scan.names.pop(document.key, None)


class Spans:
    """(start, end) spans, asked whether a stretch overlaps any of them: sorted once, then each question
    is a bisection (with the largest end so far), so checking every word of an article against every name
    in it is linear-logarithmic, not quadratic ('Stefancart ' * 32000 on one line)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [start for start, _ in ordered]
        self.reach: list[int] = []  # the largest end among the spans up to each one
        for _, end in ordered:
            self.reach.append(max(end, self.reach[-1]) if self.reach else end)

    def overlaps(self, start: int, end: int) -> bool:
        """Does the text from ``start`` to ``end`` overlap any span?"""
        before = bisect.bisect_left(self.starts, end)  # the spans that start before ``end``
        return before > 0 and self.reach[before - 1] > start


def overlaps(start: int, end: int, spans: Spans | list[tuple[int, int]]) -> bool:
    """Does the text from ``start`` to ``end`` overlap any of the (start, end) spans?

    Pass a ``Spans`` when asking about many stretches: a list is scanned whole on every call.
    """
    if isinstance(spans, Spans):
        return spans.overlaps(start, end)
    return any(span_start < end and start < span_end for span_start, span_end in spans)


def graded(rule: Rule, confidence: float) -> Severity:
    """A rule's severity, lowered when the check is unsure: a tool that cries wolf is switched off."""
    if confidence >= 0.85:
        return rule.severity
    if confidence >= 0.75:
        return min(rule.severity, Severity.WARNING)
    return Severity.INFO


def name_findings(document: Document, context: Context, rule: Rule, kind: NameKind) -> Iterator[Finding]:
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
