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
from .documents import Document, DocumentError, decode, expand_paths, read_document
from .gc_pause import paused_gc
from .glossary import Glossary, load_glossaries
from .matching import Matcher
from .model import Finding, InputProblem, Rule, RunResult
from .provenance import glossary_digest, signature

# Called with (files done, files in all, path) as each document is read: the CLI draws a progress bar.
Progress = Callable[[int, int, str], None]


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
        if markers is not None and (found := suppressions.parse(document)):
            markers[document.path] = found
        if kept is not None:
            kept.append(document)
        else:
            context.forget(document)  # nothing looks back: keep memory flat on big scans
    return findings


def read_documents(paths: list[str], problems: list[InputProblem], stdin: Callable[[], bytes] | None = None,
                   settings: Settings | None = None, only: Collection[str] | None = None,
                   progress: Progress | None = None) -> Iterable[Document]:
    """Documents one at a time; a file that cannot be read becomes a problem and the scan goes on.

    ``settings`` apply include/exclude globs; ``only`` (real paths) keeps just those files
    (``--changed-since``); ``progress`` hears of each file as it is read.
    """
    files, missing = expand_paths(paths)
    problems.extend(InputProblem(path, "no such file or directory") for path in missing)
    if settings is not None:
        files = [path for path in files if path_selected(path, settings)]
    if only is not None:
        files = [path for path in files if path == "-" or os.path.realpath(path) in only]
    for done, path in enumerate(files, 1):
        if progress:
            progress(done, len(files), path)
        try:
            if path == "-":
                data = stdin() if stdin else sys.stdin.buffer.read()
                yield Document.from_text("-", decode(data, "<stdin>"))
            else:
                yield read_document(path)
        except DocumentError as error:
            problems.append(InputProblem(path, str(error).removeprefix(f"{path}: ")))


def number_occurrences(findings: Iterable[Finding]) -> list[Finding]:
    """Number findings that share a fingerprint in one file 1, 2, ... in text order (see Finding.occurrence)."""
    seen: dict[str, int] = {}
    numbered = []
    for finding in sorted(findings, key=Finding.sort_key):
        seen[finding.fingerprint] = seen.get(finding.fingerprint, 0) + 1
        numbered.append(replace(finding, occurrence=seen[finding.fingerprint]))
    return numbered


def scan(paths: list[str], settings: Settings | None = None, *, context: Context | None = None,
         stdin: Callable[[], bytes] | None = None, baseline: Baseline | None = None,
         only: Collection[str] | None = None, keep_text: bool = False, progress: Progress | None = None) -> RunResult:
    """Scan files and directories (``-`` is standard input) and return every finding.

    Inline suppression markers are applied; with ``baseline``, findings it knows are left out (and
    counted). ``only`` limits the scan to those real paths; ``keep_text`` keeps each document's text in
    the result for reports that show the copy.

    Raises GlossaryError when a glossary cannot be loaded; unreadable articles are reported in
    ``RunResult.problems`` and do not stop the scan.
    """
    settings = settings or Settings()
    with paused_gc():  # see gc_pause: one pause over loading, indexing and checking, not three
        return _scan(paths, settings, context or build_context(settings), stdin, baseline, only, keep_text, progress)


def _scan(paths: list[str], settings: Settings, context: Context, stdin: Callable[[], bytes] | None,
          baseline: Baseline | None, only: Collection[str] | None, keep_text: bool,
          progress: Progress | None) -> RunResult:
    problems: list[InputProblem] = []
    scanned: list[str] = []
    words = 0
    texts: dict[str, str] = {}
    markers: dict[str, list[suppressions.Marker]] = {}

    def counted(documents: Iterable[Document]) -> Iterable[Document]:
        nonlocal words
        for document in documents:
            scanned.append(document.path)
            words += len(document.text.split())
            if keep_text:
                texts[document.path] = document.text
            yield document

    documents = read_documents(paths, problems, stdin, settings, only, progress)
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
        signature=signed,
    )
