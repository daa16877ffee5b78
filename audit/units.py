"""One file's share of a scan: read it, run the per-document checks and the corpus checks' notes, and hand
back a ``FileResult`` the scanning process merges.

This is the unit every way of scanning shares: the single process, the worker processes of ``--jobs``, the
result cache (which stores a ``FileResult`` as JSON) and Dask workers. A result holds findings, suppression
markers and corpus notes, never the document (its text only when a report asks for the copy), so a scan of
many files keeps none of them in memory.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from . import checks as registry
from . import suppressions
from .checks.base import Check, Context
from .documents import Document, DocumentError
from .model import Finding, InputProblem, Severity
from .readers import ReaderOptions
from .readers.load import load


@dataclass
class FileResult:
    """What one file contributed to a scan, in the order its documents were read."""

    path: str
    paths: list[str] = field(default_factory=list)  # each document's path (the records of an export repeat it)
    findings: list[Finding] = field(default_factory=list)  # before severity overrides and rule selection
    markers: list[suppressions.Marker] = field(default_factory=list)
    notes: dict[str, list[Any]] = field(default_factory=dict)  # corpus check (its first rule id) -> a note a document
    problems: list[InputProblem] = field(default_factory=list)
    words: int = 0
    texts: dict[str, str] = field(default_factory=dict)  # only when the report shows the copy (not cached)
    views: dict[str, object] = field(default_factory=dict)


def enabled_checks(context: Context) -> list[Check]:
    return [check for check in registry.CHECKS if check.enabled(context.settings)]


def corpus_key(check: Check) -> str:
    """A corpus check's name in results and in the cache: its first rule's id."""
    return check.rules[0].id


def read_problem(path: str, error: DocumentError) -> InputProblem:
    return InputProblem(path, str(error).removeprefix(f"{path}: ").removeprefix("<stdin>: "))


# Files whose documents' unknown name words are looked up together before they are checked (on a big
# glossary: Matcher.look_ahead); as many as the name phrases' cache holds (audit/matching/phrases.py).
LOOK_AHEAD = 8


def check_file(path: str, data: bytes | None, context: Context, reading: ReaderOptions | None = None,
               keep_text: bool = False) -> FileResult:
    """Read one file (``data``: its bytes if already read, else read here) and check each of its documents.

    ``context`` must carry a scan state of its own (``Context.for_scan``); each document's name matches are
    dropped from it once the document is checked. A file that cannot be read gives a result with a problem.
    """
    return _checked(_loaded(path, data, reading), context, keep_text)


def check_files(files: Iterable[tuple[str, bytes | None]], context: Context, reading: ReaderOptions | None = None,
                keep_text: bool = False) -> Iterator[FileResult]:
    """``check_file`` of each (path, bytes or None), in order: the same results, LOOK_AHEAD files read
    before they are checked so that the matcher looks up their name words together."""
    batches = context.matcher.near_words.batches and bool(context.reported_kinds)
    pending: list[Loaded] = []
    for path, data in files:
        pending.append(_loaded(path, data, reading))
        if not batches or len(pending) == LOOK_AHEAD:
            yield from _checked_together(pending, context, keep_text, batches)
            pending = []
    yield from _checked_together(pending, context, keep_text, batches)


def _checked_together(loaded: list[Loaded], context: Context, keep_text: bool, batches: bool) -> Iterator[FileResult]:
    if batches and loaded:
        context.matcher.look_ahead([document.text for _, documents, _ in loaded
                                    if isinstance(documents, list) for document in documents])
    try:
        for one in loaded:
            yield _checked(one, context, keep_text)
    finally:
        if batches and loaded:
            context.matcher.end_look_ahead()


Loaded = tuple[str, "list[Document] | DocumentError", list[str]]  # a file's path, documents (or why not), notes


def _loaded(path: str, data: bytes | None, reading: ReaderOptions | None) -> Loaded:
    """A file's documents (or why it cannot be read) and the reader's notes about it."""
    try:
        documents, read = load(path, reading, data)
    except DocumentError as error:
        return path, error, []
    return path, list(documents), list(read.notes) if read else []


def _checked(loaded: Loaded, context: Context, keep_text: bool) -> FileResult:
    path, documents, notes = loaded
    result = FileResult(path)
    if isinstance(documents, DocumentError):
        result.problems.append(read_problem(path, documents))
        return result
    result.problems.extend(InputProblem(path, note) for note in notes)
    enabled = enabled_checks(context)
    for document in documents:
        check_document(document, context, enabled, result, keep_text)
    return result


def check_document(document: Document, context: Context, enabled: Sequence[Check], result: FileResult,
                   keep_text: bool = False) -> None:
    """Add one document's findings, markers and corpus notes to ``result``."""
    if not result.paths or result.paths[-1] != document.path:
        if keep_text:
            result.texts[document.path] = document.source.reading.text if document.source else document.text
            if document.source is not None and document.source.reading.offsets is not None:
                result.views[document.path] = document.source.reading.offsets
    result.paths.append(document.path)
    result.words += len(document.text.split())
    for check in enabled:
        result.findings.extend(check.check(document, context))
    for check in enabled:
        if check.corpus is not None:
            result.notes.setdefault(corpus_key(check), []).append(check.corpus.note(document, context))
    result.markers.extend(_markers(document))
    context.forget(document)  # nothing looks back: keep memory flat on big scans


def _markers(document: Document) -> list[suppressions.Marker]:
    """A document's suppression markers, placed in the raw file like its findings.

    Markers are HTML comments: in an HTML or Markdown file they are markup the reader hides, so they are
    read from the raw file; in a record of an export they are part of the record's text, and cover only
    that record.
    """
    source = document.source
    if source is None:
        return suppressions.parse(document)
    if source.record.id is None:
        return suppressions.parse(Document(document.path, source.reading.raw, source.raw_line_starts))
    return [replace(marker, start=source.raw_start(marker.start), end=source.raw_end(marker.start, marker.end),
                    scope_start=source.raw_start(marker.scope_start),
                    scope_end=source.raw_end(marker.scope_start, marker.scope_end))
            for marker in suppressions.parse(document)]


# JSON form of a result, for the result cache (JSON rather than pickle: a cache file found beside the copy is
# data, never code). Texts and views are not part of it: a scan that keeps the copy does not use the cache.

def _finding_json(finding: Finding) -> list[Any]:
    return [finding.rule, finding.name, int(finding.severity), finding.path, finding.start, finding.end, finding.line,
            finding.column, finding.end_line, finding.end_column, finding.text, finding.suggestion,
            finding.confidence, finding.message, finding.occurrence, finding.record]


def _finding_from(data: list[Any]) -> Finding:
    rule, name, severity, *rest = data
    return Finding(rule, name, Severity(severity), *rest)


def to_json(result: FileResult, enabled: Sequence[Check]) -> dict[str, Any]:
    codecs = {corpus_key(check): check.corpus for check in enabled if check.corpus is not None}
    return {
        "path": result.path,
        "paths": result.paths,
        "findings": [_finding_json(f) for f in result.findings],
        "markers": [[m.path, m.start, m.end, m.scope_start, m.scope_end, list(m.rules), _finding_json(m.report)]
                    for m in result.markers],
        "notes": {key: [codecs[key].encode(note) for note in notes] for key, notes in result.notes.items()},
        "problems": [[p.path, p.message, p.line] for p in result.problems],
        "words": result.words,
    }


def from_json(data: dict[str, Any], enabled: Sequence[Check]) -> FileResult:
    """The result ``to_json`` stored (KeyError, TypeError or ValueError if it is not one)."""
    codecs = {corpus_key(check): check.corpus for check in enabled if check.corpus is not None}
    return FileResult(
        path=data["path"],
        paths=list(data["paths"]),
        findings=[_finding_from(f) for f in data["findings"]],
        markers=[suppressions.Marker(path, start, end, scope_start, scope_end, tuple(rules), _finding_from(report))
                 for path, start, end, scope_start, scope_end, rules, report in data["markers"]],
        notes={key: [codecs[key].decode(note) for note in notes] for key, notes in data["notes"].items()},
        problems=[InputProblem(path, message, line) for path, message, line in data["problems"]],
        words=int(data["words"]),
    )
