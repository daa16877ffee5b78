"""`audit compare`: machine translation scored against a human reference (sacrebleu) plus name accuracy.

``compare(pairs, glossary)`` is the library's entry point; ``load_pairs`` (inputs.py) reads files and
folders into pairs; the CLI is a thin layer over both. No I/O in the scoring.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ..glossary import Glossary
from ..matching import Matcher
from ..model import Finding, Rule, Severity
from .inputs import CompareInputError, DocumentPair, Segmented, load_pairs, segmented
from .metrics import Score, corpus_scores, sentence_chrf
from .names import (
    NameTally,
    SourceForms,
    glossary_divergences,
    iter_segments,
    merged,
    reference_divergences,
    source_omissions,
)
from .rules import RULES

__all__ = [
    "RULES", "CompareInputError", "Comparison", "DocumentPair", "DocumentScore", "NameTally", "Score",
    "Segmented", "Thresholds", "WorstSegment", "compare", "load_pairs", "segmented",
]

JSON_VERSION = 1


@dataclass(frozen=True)
class WorstSegment:
    path: str  # the hypothesis file
    line: int  # 1-based: the segment's line in every file of the document
    chrf: float
    hypothesis: str
    reference: str

    def to_dict(self) -> dict[str, object]:
        return {"path": self.path, "line": self.line, "chrf": round(self.chrf, 4),
                "hypothesis": self.hypothesis, "reference": self.reference}


@dataclass(frozen=True)
class DocumentScore:
    name: str
    hypothesis: str
    reference: str
    source: str | None
    segments: int
    metrics: dict[str, Score]  # empty for a document without segments
    names: NameTally


@dataclass(frozen=True)
class Thresholds:
    """CI gates on the corpus scores: a run that misses one exits 1."""

    min_chrf: float | None = None
    min_bleu: float | None = None
    max_ter: float | None = None
    min_name_accuracy: float | None = None  # 0..1

    def missed(self, comparison: "Comparison") -> list[str]:
        """One line for each threshold the comparison misses, in option order."""
        missed = []
        scores = {name: comparison.metrics[name].score for name in comparison.metrics}
        for option, metric, limit, low in (("--min-chrf", "chrf", self.min_chrf, True),
                                           ("--min-bleu", "bleu", self.min_bleu, True),
                                           ("--max-ter", "ter", self.max_ter, False)):
            if limit is None or metric not in scores:
                continue
            if (scores[metric] < limit) if low else (scores[metric] > limit):
                missed.append(f"{metric} {scores[metric]:.2f} {'<' if low else '>'} {option} {limit:g}")
        accuracy = comparison.names.accuracy
        if self.min_name_accuracy is not None and accuracy is not None and accuracy < self.min_name_accuracy:
            missed.append(f"name accuracy {accuracy:.3f} < --min-name-accuracy {self.min_name_accuracy:g}")
        return missed

    def to_dict(self) -> dict[str, float | None]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class Comparison:
    documents: tuple[DocumentScore, ...]
    metrics: dict[str, Score]
    names: NameTally
    findings: tuple[Finding, ...]
    worst: tuple[WorstSegment, ...]
    rules: tuple[Rule, ...] = field(default=RULES)

    def failing(self, fail_on: str) -> list[Finding]:
        """Findings at or above a --fail-on level ("never": none)."""
        if fail_on == "never":
            return []
        threshold = Severity.parse(fail_on)
        return [finding for finding in self.findings if finding.severity >= threshold]


def _document(pair: DocumentPair, matcher: Matcher | None, forms: SourceForms | None) -> tuple[DocumentScore, list[Finding]]:
    hypotheses, references = pair.hypothesis.segments, pair.reference.segments
    metrics = corpus_scores(hypotheses, references) if hypotheses else {}
    found, tally = reference_divergences(pair, matcher)
    if matcher is not None:
        found, alone = merged(found, glossary_divergences(pair.hypothesis, matcher))
        tally += NameTally(glossary_divergent=alone)
    if forms:
        missing, counted = source_omissions(pair, forms, found)
        found, tally = found + missing, tally + counted
    source = pair.source.path if pair.source else None
    score = DocumentScore(pair.name, pair.hypothesis.path, pair.reference.path, source, len(hypotheses), metrics, tally)
    return score, found


def compare(pairs: Sequence[DocumentPair], glossary: Glossary | None = None, *,
            source_language: str | None = None, worst: int = 5) -> Comparison:
    """Score every document and the whole corpus, and list name divergences and the ``worst`` segments.

    ``glossary`` adds glossary divergences and, for pairs with a source, the source-form check
    (restricted to ``source_language``'s forms when given).
    """
    matcher = Matcher(glossary) if glossary is not None and len(glossary) else None
    forms = SourceForms(glossary, source_language) if glossary is not None else None
    documents, findings = [], []
    for pair in pairs:
        score, found = _document(pair, matcher, forms)
        documents.append(score)
        findings.extend(found)
    if len(documents) == 1:  # the corpus is the document: TER (pure Python) is the slow part, do it once
        metrics = documents[0].metrics
    else:
        hypotheses = [segment for pair in pairs for segment in pair.hypothesis.segments]
        references = [segment for pair in pairs for segment in pair.reference.segments]
        metrics = corpus_scores(hypotheses, references) if hypotheses else {}
    tally = sum((document.names for document in documents), NameTally())
    return Comparison(
        documents=tuple(documents),
        metrics=metrics,
        names=tally,
        findings=tuple(sorted(findings, key=Finding.sort_key)),
        worst=tuple(_worst(pairs, worst)),
    )


def _worst(pairs: Sequence[DocumentPair], count: int) -> list[WorstSegment]:
    """The segments with the lowest sentence chrF (ties: by file and line, for stable output)."""
    if count <= 0:
        return []
    scored = [
        WorstSegment(pair.hypothesis.path, line, sentence_chrf(hypothesis, reference), hypothesis, reference)
        for pair in pairs for line, hypothesis, reference in iter_segments(pair)
    ]
    return sorted(scored, key=lambda segment: (segment.chrf, segment.path, segment.line))[:count]
