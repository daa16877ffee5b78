"""Run a scan: read documents, run every enabled check, collect findings. No printing here.

``scan(paths, settings)`` is the library's entry point; the CLI is a thin layer over it.
"""
from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from dataclasses import replace

from . import checks as registry
from .checks.base import Context
from .config import Settings
from .documents import Document, DocumentError, decode, expand_paths, read_document
from .glossary import Glossary, load_glossaries
from .matching import Matcher
from .model import Finding, InputProblem, Rule, RunResult


def rule_enabled(rule: Rule, settings: Settings) -> bool:
    """Select and ignore accept rule ids, kebab names, or id prefixes ("AUD1")."""

    def hit(patterns: tuple[str, ...]) -> bool:
        return any(rule.id.startswith(p.upper()) or rule.name == p.lower() for p in patterns)

    if settings.select and not hit(settings.select):
        return False
    return not hit(settings.ignore)


def build_context(settings: Settings, glossary: Glossary | None = None) -> Context:
    """The glossary, matcher and settings every check sees (GlossaryError if a glossary is bad)."""
    glossary = glossary if glossary is not None else load_glossaries(list(settings.glossaries))
    return Context(glossary=glossary, matcher=Matcher(glossary, min_confidence=settings.min_confidence), settings=settings)


def _override(finding: Finding, settings: Settings) -> Finding:
    severity = settings.severity.get(finding.rule) or settings.severity.get(finding.name)
    return replace(finding, severity=severity) if severity else finding


def check_documents(documents: Iterable[Document], context: Context) -> list[Finding]:
    """Run every enabled check over documents; corpus checks see all of them at the end."""
    enabled = [c for c in registry.CHECKS if any(rule_enabled(r, context.settings) for r in c.RULES)]
    findings: list[Finding] = []
    kept: list[Document] = []
    needs_corpus = any(hasattr(c, "check_corpus") for c in enabled)
    for document in documents:
        for check in enabled:
            findings.extend(check.check(document, context))
        if needs_corpus:
            kept.append(document)
        else:
            context.forget(document)  # nothing looks back: keep memory flat on big scans
    for check in enabled:
        if hasattr(check, "check_corpus"):
            findings.extend(check.check_corpus(kept, context))
    rules = {rule.id: rule for rule in registry.all_rules()}
    findings = [_override(f, context.settings) for f in findings if rule_enabled(rules[f.rule], context.settings)]
    return sorted(set(findings), key=Finding.sort_key)


def read_documents(paths: list[str], problems: list[InputProblem], stdin: Callable[[], bytes] | None = None) -> Iterable[Document]:
    """Documents one at a time; a file that cannot be read becomes a problem and the scan goes on."""
    files, missing = expand_paths(paths)
    problems.extend(InputProblem(path, "no such file or directory") for path in missing)
    for path in files:
        try:
            if path == "-":
                data = stdin() if stdin else sys.stdin.buffer.read()
                yield Document.from_text("-", decode(data, "<stdin>"))
            else:
                yield read_document(path)
        except DocumentError as error:
            problems.append(InputProblem(path, str(error).removeprefix(f"{path}: ")))


def scan(paths: list[str], settings: Settings | None = None, *, context: Context | None = None,
         stdin: Callable[[], bytes] | None = None) -> RunResult:
    """Scan files and directories (``-`` is standard input) and return every finding.

    Raises GlossaryError when a glossary cannot be loaded; unreadable articles are reported in
    ``RunResult.problems`` and do not stop the scan.
    """
    settings = settings or Settings()
    context = context or build_context(settings)
    problems: list[InputProblem] = []
    scanned: list[str] = []
    words = 0

    def counted(documents: Iterable[Document]) -> Iterable[Document]:
        nonlocal words
        for document in documents:
            scanned.append(document.path)
            words += len(document.text.split())
            yield document

    findings = check_documents(counted(read_documents(paths, problems, stdin)), context)
    return RunResult(
        findings=tuple(findings),
        rules=registry.all_rules(),
        files_scanned=len(scanned),
        problems=tuple(problems),
        words_scanned=words,
        paths=tuple(scanned),
    )
