"""`audit fix`: apply the suggestions of a scan to the files, through the readers. No printing here.

Which findings are fixed: those of rules whose fix is safe (a glossary's spelling replaces a name), or
unsafe too (debris removal, a spelling guessed from the article) when asked, with a confidence at or
above the threshold and a replacement (the suggestion; none for a removal).

How: each file is read again and checked against the scan (the finding's text must still stand where
the scan saw it); the edit replaces the raw characters the visible text came from, written the way the
format writes text (JSON escapes, HTML entities, Markdown escapes): markup is never edited. A name that
is split by markup (``<b>Nicholas</b> Pashinyan``) is left to a person; a removal removes each text run
and keeps the tags around them. Fixes that overlap are decided by confidence, then position, then rule,
so the result never depends on the order findings came in. A file is written only if its bytes are
still those read (hash compared right before the atomic replace).
"""
from __future__ import annotations

import difflib
import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass, field

from .atomic import WriteError, write_atomic
from .documents import DocumentError, decode, read_bytes
from .files import wide_encoding
from .model import Finding, Rule, RunResult
from .readers import READERS, ReaderOptions, format_of, is_binary
from .readers.base import Reading, whole
from .readers.load import read_reading

DEFAULT_MIN_CONFIDENCE = 0.85  # the confidence at which a finding keeps its rule's full severity (checks.base.graded)


class FixError(Exception):
    """A file that cannot be fixed (changed since it was read, cannot be written); the message names it."""


@dataclass(frozen=True)
class FixOptions:
    min_confidence: float = DEFAULT_MIN_CONFIDENCE
    unsafe: bool = False  # apply unsafe fixes too (--unsafe-fixes)


@dataclass(frozen=True)
class Edit:
    start: int  # raw offsets in the decoded file text
    end: int
    replacement: str  # raw text, already written the way the format writes text


@dataclass(frozen=True)
class Fix:
    """The edits that apply one finding (a removal may take several text runs)."""

    finding: Finding
    edits: tuple[Edit, ...]


@dataclass
class FilePlan:
    """One file's fixes, worked out against the exact bytes read."""

    path: str
    data: bytes
    raw: str
    fixes: list[Fix] = field(default_factory=list)
    left: list[tuple[Finding, str]] = field(default_factory=list)  # fixable findings not fixed, and why
    format: str = "text"  # the reader's format: a Word document is written back through its runs

    @property
    def fixed_text(self) -> str:
        text = self.raw
        for edit in sorted((e for fix in self.fixes for e in fix.edits), key=lambda e: e.start, reverse=True):
            text = text[: edit.start] + edit.replacement + text[edit.end :]
        return text

    def diff(self) -> str:
        before = self.raw.splitlines(keepends=True)
        after = self.fixed_text.splitlines(keepends=True)
        name = os.path.normpath(self.path).replace(os.sep, "/").lstrip("/")
        lines = difflib.unified_diff(before, after, fromfile=f"a/{name}", tofile=f"b/{name}")
        return "".join(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n" for line in lines)


def wanted(finding: Finding, rule: Rule | None, options: FixOptions) -> str | None:
    """Why a finding is not fixed (None: it is to be fixed)."""
    if rule is None or rule.fix_safety == "none":
        return "no automatic fix"
    if rule.fix_safety == "unsafe" and not options.unsafe:
        return "unsafe fix (use --unsafe-fixes)"
    if finding.suggestion is None and not rule.fix_removes:
        return "no suggestion"
    if finding.confidence < options.min_confidence:
        return f"confidence {finding.confidence:.2f} below {options.min_confidence:.2f}"
    return None


def _reading(path: str, data: bytes, reader_options: ReaderOptions) -> Reading:
    format_name = format_of(path, reader_options)
    if format_name == "text":
        return whole("text", decode(data, path))
    return read_reading(path, data, reader_options)


def _fix(finding: Finding, reading: Reading) -> Fix | str:
    """The edits for one finding, or why it cannot be applied here."""
    offsets = reading.offsets
    if offsets is None:
        view_start, view_end = finding.start, finding.end
        runs = [(finding.start, finding.end)]
    else:
        view_start, view_end = offsets.view_start(finding.start), offsets.view_end(finding.end)
        runs = offsets.runs(view_start, view_end)
    if reading.text[view_start:view_end] != finding.text:
        return "the file changed since the scan"
    replacement = finding.suggestion or ""
    if not replacement:
        lines = _whole_lines(reading, runs, view_start, view_end)
        return Fix(finding, tuple(Edit(start, end, "") for start, end in lines or runs))
    if len(runs) != 1:
        return "the text is split by markup: fix it by hand"
    written = READERS[reading.format].encode(replacement)
    if written is None:
        return f"the suggestion cannot be written into this {reading.format} field as it stands: fix it by hand"
    return Fix(finding, (Edit(runs[0][0], runs[0][1], written),))


# Formats where a line holds nothing but text and inline markup: a line that is all debris goes as a whole
# (HTML and XML lines may open elements that close further down; export lines are records).
_LINE_FORMATS = frozenset({"text", "markdown"})


def _whole_lines(reading: Reading, runs: list[tuple[int, int]], view_start: int,
                 view_end: int) -> list[tuple[int, int]] | None:
    """The whole raw lines of a removal, when they show nothing but the removed text (else None)."""
    if reading.format not in _LINE_FORMATS or not runs:
        return None
    raw = reading.raw
    first = max(raw.rfind("\n", 0, runs[0][0]), raw.rfind("\r", 0, runs[0][0])) + 1
    after = min((i for i in (raw.find("\n", runs[-1][1]), len(raw)) if i >= 0))
    last = after + 1 if after < len(raw) else after
    offsets = reading.offsets
    shown = (view_start, view_end) if offsets is None else (offsets.view_start(first), offsets.view_end(last))
    if offsets is None:
        rest = raw[first:runs[0][0]] + raw[runs[-1][1]:last]
    else:
        rest = reading.text[shown[0]:view_start] + reading.text[view_end:shown[1]]
    return [(first, last)] if not rest.strip() else None


def _overlaps(fix: Fix, taken: list[Edit]) -> bool:
    return any(a.start < b.end and b.start < a.end for a in fix.edits for b in taken)


def plan_file(path: str, findings: Iterable[Finding], rules: dict[str, Rule], options: FixOptions,
              reader_options: ReaderOptions) -> FilePlan | None:
    """The fixes for one file's findings, or None when none is wanted. DocumentError if it cannot be read or fixed."""
    candidates, left = [], []
    for finding in findings:
        reason = wanted(finding, rules.get(finding.rule), options)
        if reason is None:
            candidates.append(finding)
        elif (rule := rules.get(finding.rule)) is not None and rule.fix_safety != "none":
            left.append((finding, reason))
    if not candidates:
        return FilePlan(path, b"", "", [], left) if left else None
    format_name = format_of(path, reader_options)
    if is_binary(format_name) and format_name != "docx":
        raise DocumentError(f"{path}: {len(candidates)} fix(es) not applied: {format_name} files cannot be fixed "
                            "automatically yet; apply the suggestions of `audit scan` by hand")
    data = read_bytes(path)
    reading = _reading(path, data, reader_options)
    plan = FilePlan(path, data, reading.raw, [], left, format_name)
    # Most confident first, then by position and rule: overlapping fixes are decided the same way every run.
    ordered = sorted(candidates, key=lambda f: (-f.confidence, f.start, -(f.end - f.start), f.rule, f.suggestion or ""))
    taken: list[Edit] = []
    for finding in ordered:
        fix = _fix(finding, reading)
        if not isinstance(fix, str) and format_name == "docx":
            fix = _in_runs(fix, plan)
        if isinstance(fix, str):
            plan.left.append((finding, fix))
        elif _overlaps(fix, taken):
            plan.left.append((finding, "overlaps a more confident fix"))
        else:
            plan.fixes.append(fix)
            taken.extend(fix.edits)
    plan.fixes.sort(key=lambda fix: fix.finding.start)
    return plan


def _in_runs(fix: Fix, plan: FilePlan) -> Fix | str:
    """A Word document's fix, if its edits can be made in the runs that hold the text (else why not)."""
    from .fix_docx import unfixable

    for edit in fix.edits:
        reason = unfixable(plan.data, plan.raw, edit.start, edit.end, removal=not edit.replacement)
        if reason:
            return reason
    return fix


def plan_fixes(result: RunResult, rules: Iterable[Rule], options: FixOptions,
               reader_options: ReaderOptions | None = None) -> tuple[list[FilePlan], list[str]]:
    """Every file's plan (in scan order) and the files that could not be planned (one line each)."""
    by_id = {rule.id: rule for rule in rules}
    by_path: dict[str, list[Finding]] = {}
    for finding in result.findings:
        by_path.setdefault(finding.path, []).append(finding)
    plans, problems = [], []
    for path in [*result.paths, *(p for p in by_path if p not in result.paths)]:
        if path not in by_path:
            continue
        try:
            plan = plan_file(path, by_path.pop(path), by_id, options, reader_options or ReaderOptions())
        except DocumentError as error:
            problems.append(str(error))
            continue
        if plan is not None:
            plans.append(plan)
    return plans, problems


def _encoded(plan: FilePlan) -> bytes:
    """The fixed text in the file's own encoding (as documents.decode read it)."""
    text = plan.fixed_text
    wide = wide_encoding(plan.data)
    if wide is not None:  # UTF-16/32: the same byte order, and the BOM if it had one
        bom, codec = wide
        return bom + text.encode(codec)
    if plan.data.startswith(b"\xef\xbb\xbf"):
        return b"\xef\xbb\xbf" + text.encode("utf-8")
    try:
        plan.data.decode("utf-8")
        return text.encode("utf-8")
    except UnicodeDecodeError:
        try:
            return text.encode("cp1252")
        except UnicodeEncodeError:
            raise FixError(f"{plan.path}: a suggestion cannot be written in the file's Windows-1252 encoding; "
                           "not fixed") from None


def write(plan: FilePlan) -> None:
    """Replace the file with its fixed text, atomically, only if it still holds the bytes the plan was made from."""
    if plan.format == "docx":
        from .fix_docx import apply

        content = apply(plan.data, plan.raw, [(e.start, e.end, e.replacement) for fix in plan.fixes for e in fix.edits])
    else:
        content = _encoded(plan)

    def unchanged() -> None:
        if hashlib.sha256(read_bytes(plan.path)).digest() != hashlib.sha256(plan.data).digest():
            raise FixError(f"{plan.path}: changed since it was read; not fixed (run `audit fix` again)")

    try:
        write_atomic(plan.path, content, verify=unchanged)
    except DocumentError as error:
        raise FixError(f"{plan.path}: cannot write ({error})") from None
    except WriteError as error:
        raise FixError(str(error)) from None
