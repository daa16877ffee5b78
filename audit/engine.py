"""Run a scan: read documents, run every enabled check, collect findings. No printing here.

``scan(paths, settings)`` is the library's entry point; the CLI is a thin layer over it.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Callable, Collection, Iterable
from dataclasses import replace

from . import checks as registry
from . import suppressions
from .baseline import Baseline
from .checks.base import Check, Context
from .config import Settings, path_selected
from .documents import Document, DocumentError
from .files import DEFAULT_MAX_FILE_SIZE, expand_paths, format_size
from .gc_pause import paused_gc
from .glossary import Glossary, load_glossaries
from .matching import Matcher
from .model import Finding, InputProblem, Rule, RunResult
from .provenance import glossary_digest, signature
from .readers import ReaderOptions
from .readers.load import load

# Called with (files done, files in all, path) as each document is read: the CLI draws a progress bar.
Progress = Callable[[int, int, str], None]
# What scan() takes as its paths: one path, or an iterable of them.
Paths = str | os.PathLike[str] | Iterable[str | os.PathLike[str]]


def all_rules() -> tuple[Rule, ...]:
    """Every rule a scan can report (the registry's, AUD901 unused-suppression included)."""
    return registry.all_rules()


def build_context(settings: Settings, glossary: Glossary | None = None) -> Context:
    """The glossary, matcher and settings every check sees (GlossaryError if a glossary is bad)."""
    glossary = glossary if glossary is not None else load_glossaries(settings.glossaries, settings.extend_glossaries)
    matcher = Matcher(glossary, min_confidence=settings.min_confidence)
    return Context(glossary=glossary, matcher=matcher, settings=settings,
                   reported_kinds=registry.reported_kinds(settings), glossary_hash=glossary_digest(glossary))


def _override(finding: Finding, settings: Settings) -> Finding:
    severity = settings.severity.get(finding.rule) or settings.severity.get(finding.name)
    return replace(finding, severity=severity) if severity else finding


def check_documents(documents: Iterable[Document], context: Context,
                    markers: dict[str, list[suppressions.Marker]] | None = None) -> list[Finding]:
    """Run every enabled check over documents; corpus checks see all of them at the end.

    The checks see ``context`` with a fresh scan state, dropped when this returns: nothing one scan
    works out (name matches, corpus notes) outlives it. With ``markers``, each document's inline
    suppression markers are collected into it (by path).
    """
    context = context.for_scan()
    enabled = [check for check in registry.CHECKS if check.enabled(context.settings)]
    corpus = [check.check_corpus for check in enabled if check.check_corpus is not None]
    findings: list[Finding] = []
    kept: list[Document] = []
    with paused_gc():
        findings.extend(_per_document(documents, enabled, context, kept if corpus else None, markers))
        for check_corpus in corpus:
            findings.extend(check_corpus(kept, context))
    rules = {rule.id: rule for rule in registry.all_rules()}
    findings = [_override(f, context.settings) for f in findings if context.settings.enables(rules[f.rule])]
    return sorted(set(findings), key=Finding.sort_key)


def _per_document(documents: Iterable[Document], enabled: list[Check], context: Context, kept: list[Document] | None,
                  markers: dict[str, list[suppressions.Marker]] | None) -> list[Finding]:
    findings: list[Finding] = []
    for document in documents:
        for check in enabled:
            findings.extend(check.check(document, context))
        if markers is not None:
            markers.setdefault(document.path, []).extend(_markers(document))
        if kept is not None:
            kept.append(document)
        else:
            context.forget(document)  # nothing looks back: keep memory flat on big scans
    return findings


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


def read_documents(paths: Paths, problems: list[InputProblem], stdin: Callable[[], bytes] | None = None,
                   settings: Settings | None = None, only: Collection[str] | None = None,
                   progress: Progress | None = None, reading: ReaderOptions | None = None,
                   skipped: list[str] | None = None, reasons: dict[str, str] | None = None) -> Iterable[Document]:
    """Documents one at a time; a file that cannot be read becomes a problem and the scan goes on.

    ``settings`` apply include/exclude globs; ``only`` (real paths) keeps just those files
    (``--changed-since``); ``progress`` hears of each file as it is read; ``reading`` says how to read
    files (format, export fields); ``skipped`` collects files of folders that are not read, and ``reasons``
    why, unless it is that no reader reads their format (not a regular file, over the size limit).
    Only regular files are read: a FIFO or a device named on the command line is a problem.
    """
    paths = as_paths(paths)
    limit = settings.max_file_size if settings is not None else DEFAULT_MAX_FILE_SIZE
    refused: dict[str, str] = {}
    files, missing = expand_paths(paths, skipped, reasons=reasons, refused=refused, max_size=limit)
    problems.extend(InputProblem(path, "no such file or directory") for path in missing)
    problems.extend(InputProblem(path, reason) for path, reason in refused.items())
    if settings is not None:
        files = [path for path in files if path_selected(path, settings)]
    if only is not None:
        files = [path for path in files if path == "-" or os.path.realpath(path) in only]
    for done, path in enumerate(files, 1):
        if progress:
            progress(done, len(files), path)
        try:
            data = (stdin() if stdin else _read_stdin(limit)) if path == "-" else None
            if data is not None and limit and len(data) > limit:
                raise DocumentError(f"{path}: larger than --max-file-size ({format_size(limit)}); not read")
            documents, read = load(path, reading, data)
        except DocumentError as error:
            problems.append(InputProblem(path, str(error).removeprefix(f"{path}: ").removeprefix("<stdin>: ")))
            continue
        problems.extend(InputProblem(path, note) for note in (read.notes if read else ()))
        yield from documents


def _read_stdin(limit: int | None) -> bytes:
    """Standard input, at most one byte past the limit; closed or unreadable, a DocumentError."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise DocumentError("<stdin>: standard input is closed")
    try:
        return stream.read(limit + 1 if limit else -1)
    except (OSError, ValueError) as error:
        raise DocumentError(f"<stdin>: cannot read standard input ({getattr(error, 'strerror', None) or error})") from None


def as_paths(paths: Paths) -> list[str]:
    """What scan() takes: one path (a str or Path is one path, never its characters) or an iterable of them."""
    if isinstance(paths, (str, os.PathLike)):
        return [os.fspath(paths)]
    if isinstance(paths, bytes):
        raise TypeError("scan() takes paths as str or os.PathLike, not bytes")
    found = [os.fspath(path) for path in paths]
    if not all(isinstance(path, str) for path in found):
        raise TypeError("scan() takes paths as str or os.PathLike")
    return [str(path) for path in found]


def number_occurrences(findings: Iterable[Finding]) -> list[Finding]:
    """Number findings that share a fingerprint in one file 1, 2, ... in text order (see Finding.occurrence)."""
    seen: dict[str, int] = {}
    numbered = []
    for finding in sorted(findings, key=Finding.sort_key):
        seen[finding.fingerprint] = seen.get(finding.fingerprint, 0) + 1
        numbered.append(replace(finding, occurrence=seen[finding.fingerprint]))
    return numbered


def scan(paths: Paths, settings: Settings | None = None, *, context: Context | None = None,
         stdin: Callable[[], bytes] | None = None, baseline: Baseline | None = None,
         only: Collection[str] | None = None, keep_text: bool = False, progress: Progress | None = None,
         reading: ReaderOptions | None = None) -> RunResult:
    """Scan files and directories (``-`` is standard input) and return every finding.

    ``paths`` is one path (str or Path) or an iterable of them.
    Inline suppression markers are applied; with ``baseline``, findings it knows are left out (and
    counted). ``only`` limits the scan to those real paths; ``keep_text`` keeps each document's text in
    the result for reports that show the copy; ``reading`` says how files are read (format, export fields).

    Raises GlossaryError when a glossary cannot be loaded; unreadable articles are reported in
    ``RunResult.problems`` and do not stop the scan.
    """
    settings = settings or Settings()
    if not isinstance(settings, Settings):
        raise TypeError(f"scan() takes a Settings, not {type(settings).__name__}")
    paths = as_paths(paths)
    with paused_gc():  # see gc_pause: one pause over loading, indexing and checking, not three
        return _scan(paths, settings, context or build_context(settings), stdin, baseline, only, keep_text, progress,
                     reading)


def _scan(paths: list[str], settings: Settings, context: Context, stdin: Callable[[], bytes] | None,
          baseline: Baseline | None, only: Collection[str] | None, keep_text: bool,
          progress: Progress | None, reading: ReaderOptions | None = None) -> RunResult:
    problems: list[InputProblem] = []
    skipped: list[str] = []
    reasons: dict[str, str] = {}
    views: dict[str, object] = {}
    scanned: list[str] = []
    words = 0
    texts: dict[str, str] = {}
    markers: dict[str, list[suppressions.Marker]] = {}

    def counted(documents: Iterable[Document]) -> Iterable[Document]:
        nonlocal words
        for document in documents:
            if not scanned or scanned[-1] != document.path:  # the records of an export are one file
                scanned.append(document.path)
                if keep_text:
                    texts[document.path] = document.source.reading.text if document.source else document.text
                    if document.source is not None and document.source.reading.offsets is not None:
                        views[document.path] = document.source.reading.offsets
            words += len(document.text.split())
            yield document

    documents = read_documents(paths, problems, stdin, settings, only, progress, reading, skipped, reasons)
    findings = check_documents(counted(documents), context, markers)
    enabled = tuple(rule for rule in all_rules() if settings.enables(rule))
    findings, suppressed = suppressions.apply(findings, markers, all_rules(), lambda rule: rule in enabled)
    findings = number_occurrences(_override(f, settings) if f.rule == suppressions.RULE.id else f for f in findings)
    signed = signature(settings, context.glossary_hash or glossary_digest(context.glossary), enabled, all_rules())
    baselined = 0
    if baseline is not None:
        findings, baselined = baseline.split(findings)
    return RunResult(
        findings=tuple(findings),
        rules=enabled,
        files_scanned=len(scanned),
        problems=tuple(problems),
        baselined=baselined,
        suppressed=suppressed,
        words_scanned=words,
        paths=tuple(scanned),
        fail_on=settings.fail_on,
        texts=texts,
        views=views,
        skipped=tuple(skipped),
        skip_reasons=reasons,
        signature=signed,
    )
