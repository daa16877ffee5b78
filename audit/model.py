"""Plain data shared by every layer: severities, rules, findings, run results.

Nothing here knows about checks, glossaries or output formats; everything else may import it.
"""
from __future__ import annotations

import enum
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NotRequired, TypedDict


class Severity(enum.IntEnum):
    """Ordered so that ``Severity.ERROR > Severity.WARNING`` reads naturally in thresholds."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> "Severity":
        try:
            return cls[text.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {text!r} (expected error, warning or info)") from None


class FailOn(enum.StrEnum):
    """The lowest severity that fails a run (exit code 1, JUnit failures), or never."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"
    NEVER = "never"

    def fails(self, severity: Severity) -> bool:
        """Does a finding of ``severity`` reach this threshold?"""
        return self is not FailOn.NEVER and severity >= Severity[self.name]

    @classmethod
    def parse(cls, text: str) -> "FailOn":
        try:
            return cls(text.strip().lower())
        except ValueError:
            raise ValueError(f"expected one of {', '.join(cls)}, got {text!r}") from None


# How specifically a select or ignore pattern names a rule: the rule itself beats any id prefix, and a
# longer prefix beats a shorter one ("AUD101" over "AUD1" over "AUD").
EXACT = 100


@dataclass(frozen=True)
class Rule:
    """A rule's stable identity and documentation, in the shape of ruff's rule pages."""

    id: str  # stable, e.g. "AUD101"; never reused for another meaning
    name: str  # kebab-case, e.g. "garbled-name"
    severity: Severity  # default severity; a finding may carry a lower one when unsure
    summary: str  # one line
    what: str  # what it catches
    why: str  # why it matters
    example: str  # an example of text it reports
    fix: str  # how to fix what it reports
    # How `audit fix` treats its findings, in ruff's sense: "safe" (a glossary's spelling replaces the
    # text), "unsafe" (the change may alter meaning, e.g. removing text: only with --unsafe-fixes) or
    # "none" (nothing to apply automatically).
    fix_safety: str = "none"
    fix_removes: bool = False  # a finding without a suggestion is fixed by removing its text (scraper debris)

    def matches(self, pattern: str) -> bool:
        """Is this rule named by ``pattern``: its id, an id prefix ("AUD1") or its kebab-case name?"""
        return self.specificity(pattern) > 0

    def specificity(self, pattern: str) -> int:
        """How specifically ``pattern`` names this rule: EXACT for its id or name, the prefix's length for
        an id prefix, 0 if it does not name it."""
        pattern = pattern.strip()
        if not pattern:
            return 0
        if self.id == pattern.upper() or self.name == pattern.lower():
            return EXACT
        return len(pattern) if self.id.startswith(pattern.upper()) else 0


def find_rule(rules: Iterable[Rule], key: str) -> Rule | None:
    """The rule ``key`` names exactly: its id (any case) or its kebab-case name."""
    return next((rule for rule in rules if rule.specificity(key) == EXACT), None)


@dataclass(frozen=True)
class Finding:
    """One problem at one place in one document. Checks yield these; reporters render them."""

    rule: str
    name: str
    severity: Severity
    path: str
    start: int  # 0-based character offset into the document text
    end: int  # exclusive
    line: int  # 1-based
    column: int  # 1-based, in characters
    end_line: int
    end_column: int  # 1-based, exclusive
    text: str  # the exact surface, text[start:end]
    suggestion: str | None
    confidence: float  # 0..1: how sure the check is that this is a real problem
    message: str
    # 1-based: which of the findings with this fingerprint in this file this is, in text order (the engine
    # numbers them), so a name garbled twice in one article gives two distinct identities.
    occurrence: int = 1
    # The record of a multi-article file (JSONL/CSV export, translation file) the finding is in, by its id.
    record: str | None = None

    @property
    def fingerprint(self) -> str:
        """Identity that survives edits elsewhere in the file: no line numbers or offsets in it."""
        parts = [self.path.replace("\\", "/"), self.rule, self.text, self.suggestion or ""]
        if self.record is not None:  # a record's findings keep their identity when records are reordered
            parts.append(self.record)
        key = "\x1f".join(parts)
        # surrogateescape: a file name that is not UTF-8 keeps its own bytes (and its own fingerprint).
        return hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:32]

    @property
    def identity(self) -> str:
        """The fingerprint plus the occurrence: distinct for every finding of a run, still free of positions."""
        return f"{self.fingerprint}:{self.occurrence}"

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.start, self.end, self.rule)

    def to_dict(self) -> dict[str, object]:
        """The JSON contract's finding object (see README, "JSON output")."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "suggestion": self.suggestion,
            "rule": self.rule,
            "name": self.name,
            "severity": self.severity.label,
            "confidence": round(self.confidence, 3),
            "message": self.message,
            "fingerprint": self.fingerprint,
        } | ({"record": self.record} if self.record is not None else {})


@dataclass(frozen=True)
class InputProblem:
    """A file that could not be read or a glossary that could not be loaded: reported, never raised past the engine."""

    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


class Summary(TypedDict):
    """The JSON contract's ``summary`` object (fields are only ever added)."""

    files: int
    findings: int
    by_severity: dict[str, int]  # severity label -> findings, most severe first
    by_rule: dict[str, int]  # rule id -> findings, by id
    baselined: int
    suppressed: int
    problems: list[str]
    skipped: list[str]  # files of scanned folders not read (no reader for the format, see skipped_reasons)
    skipped_reasons: NotRequired[dict[str, str]]  # path -> why, for files skipped for another reason (present if any)
    signature: str  # how the report was made (audit/provenance.py); empty for results not made by a scan


@dataclass(frozen=True)
class RunResult:
    """Everything a reporter needs: findings, the rules they refer to, and what was scanned."""

    findings: tuple[Finding, ...]
    rules: tuple[Rule, ...]
    files_scanned: int
    problems: tuple[InputProblem, ...] = ()
    baselined: int = 0  # findings hidden because a baseline already knew them
    suppressed: int = 0  # findings hidden by inline markers or ignores
    words_scanned: int = 0
    paths: tuple[str, ...] = field(default=())  # every scanned document, in scan order (for per-file reports)
    fail_on: FailOn = FailOn.WARNING  # the threshold the run is judged by: reporters that mark failures use it
    # path -> document text, kept only when a reporter needs the copy itself (the HTML report)
    texts: dict[str, str] = field(default_factory=dict, repr=False, compare=False)
    # path -> the readers' map between that text and the raw file, for files whose visible text is not the
    # raw file (HTML, Markdown, exports): an audit.readers.base.OffsetMap; findings hold raw offsets.
    views: dict[str, object] = field(default_factory=dict, repr=False, compare=False)
    skipped: tuple[str, ...] = ()  # files in scanned folders that are not read (listed, never silent)
    # path -> why it was skipped, when not for want of a reader: not a regular file, over --max-file-size
    skip_reasons: dict[str, str] = field(default_factory=dict, compare=False)
    signature: str = ""  # how the run was made: tool version, glossary hash, rules, thresholds (provenance.py)

    def rule(self, rule_id: str) -> Rule | None:
        return next((rule for rule in self.rules if rule.id == rule_id), None)

    def failing(self, finding: Finding) -> bool:
        """Does this finding reach the run's fail-on threshold?"""
        return FailOn(self.fail_on).fails(finding.severity)

    def counts(self) -> dict[str, int]:
        counts = {severity.label: 0 for severity in sorted(Severity, reverse=True)}
        for finding in self.findings:
            counts[finding.severity.label] += 1
        return counts

    def by_rule(self) -> dict[str, int]:
        """Findings per rule id, by id."""
        by_rule: dict[str, int] = {}
        for finding in self.findings:
            by_rule[finding.rule] = by_rule.get(finding.rule, 0) + 1
        return dict(sorted(by_rule.items()))

    def summary(self) -> Summary:
        """The JSON contract's ``summary`` object."""
        summary: Summary = {
            "files": self.files_scanned,
            "findings": len(self.findings),
            "by_severity": self.counts(),
            "by_rule": self.by_rule(),
            "baselined": self.baselined,
            "suppressed": self.suppressed,
            "problems": [str(problem) for problem in self.problems],
            "skipped": list(self.skipped),
            "signature": self.signature,
        }
        if self.skip_reasons:
            summary["skipped_reasons"] = dict(sorted(self.skip_reasons.items()))
        return summary
