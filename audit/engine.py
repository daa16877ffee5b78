"""Run a scan: read documents, run every enabled check, collect findings. No printing here.

``scan(paths, settings)`` is the library's entry point; the CLI is a thin layer over it.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Collection, Iterable
from dataclasses import replace

from . import checks as registry
from . import suppressions
from .baseline import Baseline
from .checks.base import Context
from .config import Settings, path_selected
from .documents import Document, DocumentError, read_stdin
from .files import DEFAULT_MAX_FILE_SIZE, expand_paths, format_size
from .gc_pause import paused_gc
from .glossary import Glossary, load_glossaries
from .matching import Matcher
from .model import Finding, InputProblem, Rule, RunResult
from .provenance import glossary_digest, signature
from .readers import ReaderOptions
from .readers.load import load
from .result_cache import WORDLISTS_FOLDER, ResultCache
from .runner import FileOptions, Progress, file_results
from .text.frequency import keep_sorted_lists_in
from .units import FileResult, corpus_key, enabled_checks, read_problem
from .variants import PairMemo


def all_rules() -> tuple[Rule, ...]:
    """Every rule a scan can report (the registry's, AUD901 unused-suppression included)."""
    return registry.all_rules()


def build_context(settings: Settings, glossary: Glossary | None = None) -> Context:
    """The glossary, matcher and settings every check sees (GlossaryError if a glossary is bad)."""
    glossary = glossary if glossary is not None else load_glossaries(settings.glossaries, settings.extend_glossaries)
    matcher = Matcher(glossary, min_confidence=settings.min_confidence)
    return context_of(settings, glossary, matcher, glossary_digest(glossary))


def context_of(settings: Settings, glossary: Glossary, matcher: Matcher, glossary_hash: str) -> Context:
    """The context of a glossary and its matcher, built now or read back (audit/context_cache.py)."""
    return Context(glossary=glossary, matcher=matcher, settings=settings,
                   reported_kinds=registry.reported_kinds(settings), glossary_hash=glossary_hash)


def _override(finding: Finding, settings: Settings) -> Finding:
    severity = settings.severity.get(finding.rule) or settings.severity.get(finding.name)
    return replace(finding, severity=severity) if severity else finding


class _Merged:
    """Files' results merged in scan order: findings gathered, corpus notes tallied by their checks."""

    def __init__(self, context: Context) -> None:
        self.context = context
        self.corpus = [(corpus_key(check), check.corpus) for check in enabled_checks(context) if check.corpus is not None]
        self.tallies = {key: corpus.tally() for key, corpus in self.corpus}
        self.raw: list[Finding] = []

    def add(self, result: FileResult) -> None:
        self.raw.extend(result.findings)
        for key, corpus in self.corpus:
            tally = self.tallies[key]
            for note in result.notes.get(key, ()):
                corpus.add(tally, note)

    def findings(self) -> list[Finding]:
        """Every finding, corpus checks' included, with the run's rules and severities, in the engine's order."""
        findings = self.raw
        for key, corpus in self.corpus:
            findings.extend(corpus.report(self.tallies.pop(key), self.context))
        settings = self.context.settings
        rules = {rule.id: rule for rule in registry.all_rules()}
        findings = [_override(f, settings) for f in findings if settings.enables(rules[f.rule])]
        return sorted(set(findings), key=Finding.sort_key)


# What scan() takes as its paths: one path, or an iterable of them.
Paths = str | os.PathLike[str] | Iterable[str | os.PathLike[str]]


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


def list_files(paths: Paths, problems: list[InputProblem], settings: Settings | None = None,
               only: Collection[str] | None = None, skipped: list[str] | None = None,
               reasons: dict[str, str] | None = None, outputs: Collection[str] = ()) -> list[str]:
    """The files a scan reads, in scan order; paths that do not exist become problems.

    ``settings`` apply include/exclude globs and the size limit; ``only`` (real paths) keeps just those
    files (``--changed-since``); ``skipped`` collects files of folders that are not read, and ``reasons``
    why, unless it is that no reader reads their format (not a regular file, over the size limit, one of
    ``outputs``, files this tool wrote).
    Only regular files are read: a FIFO or a device named on the command line is a problem.
    """
    limit = settings.max_file_size if settings is not None else DEFAULT_MAX_FILE_SIZE
    refused: dict[str, str] = {}
    files, missing = expand_paths(as_paths(paths), skipped, reasons=reasons, refused=refused, max_size=limit,
                                  outputs=outputs)
    problems.extend(InputProblem(path, "no such file or directory") for path in missing)
    problems.extend(InputProblem(path, reason) for path, reason in refused.items())
    if settings is not None:
        files = [path for path in files if path_selected(path, settings)]
    if only is not None:
        files = [path for path in files if path == "-" or os.path.realpath(path) in only]
    return files


def read_documents(paths: Paths, problems: list[InputProblem], stdin: Callable[[], bytes] | None = None,
                   settings: Settings | None = None, only: Collection[str] | None = None,
                   progress: Progress | None = None, reading: ReaderOptions | None = None,
                   skipped: list[str] | None = None) -> Iterable[Document]:
    """Documents one at a time; a file that cannot be read becomes a problem and the scan goes on.

    ``progress`` hears of each file as it is read; ``reading`` says how to read files (format, export
    fields); the other arguments are ``list_files``'s.
    """
    files = list_files(paths, problems, settings, only, skipped)
    for done, path in enumerate(files, 1):
        if progress:
            progress(done, len(files), path)
        try:
            limit = settings.max_file_size if settings is not None else DEFAULT_MAX_FILE_SIZE
            data = (stdin() if stdin else read_stdin(limit)) if path == "-" else None
            if data is not None and limit and len(data) > limit:
                raise DocumentError(f"{path}: larger than --max-file-size ({format_size(limit)}); not read")
            documents, read = load(path, reading, data)
        except DocumentError as error:
            problems.append(read_problem(path, error))
            continue
        problems.extend(InputProblem(path, note) for note in (read.notes if read else ()))
        yield from documents


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
         reading: ReaderOptions | None = None, jobs: int = 1, cache: ResultCache | None = None,
         dask: str | None = None, outputs: Collection[str] = ()) -> RunResult:
    """Scan files and directories (``-`` is standard input) and return every finding.

    Inline suppression markers are applied; with ``baseline``, findings it knows are left out (and
    counted). ``only`` limits the scan to those real paths; ``keep_text`` keeps each document's text in
    the result for reports that show the copy; ``reading`` says how files are read (format, export fields).
    ``jobs`` worker processes check the files (1: this process; a scan of few files stays in it); with
    ``cache`` (audit.result_cache), files checked before with the same content and settings are not checked
    again; with ``dask`` (a scheduler's address, or "local"), the files are checked on Dask workers
    (audit/dask_scan.py). None of these changes a finding. ``outputs`` are real paths of files this tool
    wrote (audit.outputs.still_as_written): a folder being scanned that holds one skips it (a report
    written into the scanned tree is not an article).

    Raises GlossaryError when a glossary cannot be loaded; unreadable articles are reported in
    ``RunResult.problems`` and do not stop the scan.
    """
    settings = settings or Settings()
    if not isinstance(settings, Settings):
        raise TypeError(f"scan() takes a Settings, not {type(settings).__name__}")
    paths = as_paths(paths)
    with paused_gc():  # see gc_pause: one pause over loading, indexing and checking, not three
        context = context or _context(settings, cache)
        problems: list[InputProblem] = []
        skipped: list[str] = []
        reasons: dict[str, str] = {}
        files = list_files(paths, problems, settings, only, skipped, reasons, outputs)
        options = FileOptions(reading, keep_text, jobs, stdin, dask, settings.max_file_size)
        results = file_results(files, context, options, cache, progress)
        pairs = cache.pairs() if cache is not None else None  # the corpus pass's, kept beside the results
        try:
            return merge_results(results, context, settings, problems, skipped, baseline, reasons, pairs)
        finally:
            if pairs is not None:
                pairs.close()


def _context(settings: Settings, cache: ResultCache | None) -> Context:
    """The scan's context; with a result cache, a big glossary's matcher comes from beside it when it can."""
    if cache is None:
        return build_context(settings)
    from .context_cache import cached_context

    # The word lists every scan reads go beside the results, in a form that loads in milliseconds.
    keep_sorted_lists_in(str(cache.directory / WORDLISTS_FOLDER))
    return cached_context(settings, cache.directory)


def merge_results(results: Iterable[FileResult], context: Context, settings: Settings, problems: list[InputProblem],
                  skipped: list[str], baseline: Baseline | None = None,
                  reasons: dict[str, str] | None = None, pairs: PairMemo | None = None) -> RunResult:
    """The run's result from its files' results, in scan order (the corpus checks report here, with the
    variant pairs ``pairs`` keeps between scans)."""
    merged = _Merged(context.for_scan(pairs))
    views: dict[str, object] = {}
    scanned: list[str] = []
    words = 0
    texts: dict[str, str] = {}
    markers: dict[str, list[suppressions.Marker]] = {}
    for result in results:
        for path in result.paths:
            if not scanned or scanned[-1] != path:  # the records of an export are one file
                scanned.append(path)
        words += result.words
        texts.update(result.texts)
        views.update(result.views)
        problems.extend(result.problems)
        for marker in result.markers:
            markers.setdefault(marker.path, []).append(marker)
        merged.add(result)
    findings = merged.findings()
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
        skip_reasons=dict(reasons or {}),
        signature=signed,
    )
