"""AUD302 inconsistent-across-articles: one name spelled differently in different articles of one scan."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from ..documents import Document
from ..model import Finding, Rule, Severity
from ..text import word_frequency
from ..text.frequency import RARE_WORD_ZIPF
from ..variants import (
    MIN_LENGTH,
    Clusters,
    NameWord,
    accepted_house,
    candidate_pairs,
    name_words,
)
from .base import Check, Context, Spans, graded, overlaps

RULE = Rule(
    id="AUD302",
    name="inconsistent-across-articles",
    severity=Severity.WARNING,
    summary="One name spelled differently in different articles of the same scan; reported once per variant.",
    what=(
        "Over all files of one scan, capitalised words that spell one name in different ways (the same rules "
        "as inconsistent-spelling: same comparison key, or a letter or two apart with the same consonants). "
        "The spelling taken as right is the glossary's accepted form if there is one, else the one used in "
        "more articles than any other, and in at least two. Each "
        "other spelling is reported once, with counts, at its first use in an article that does not also use "
        "the right one (within one article, inconsistent-spelling reports it). Accepted glossary variants "
        "(Pashinian beside Pashinyan) are never reported, nor spellings a name rule (AUD1xx) already reports. "
        "Across articles a near spelling is weaker evidence than inside one, so only spellings English texts do "
        "not use (garbles such as Paschinian) are reported, never a rare name of its own."
    ),
    why=(
        "A desk publishing many articles about one story needs one spelling of each name: readers and search "
        "engines treat two spellings as two people. A minority spelling across a batch is usually a garble the "
        "glossary does not know yet."
    ),
    example=(
        "day2.txt: ...said Anna Hovhannisen...  ->  \"Hovhannisen\" (1x in 1 article) is written \"Hovhannisyan\" "
        "in other articles of this scan (5x in 3 articles)"
    ),
    fix=(
        "Use the suggested spelling, or, if the minority spelling is right, fix the other articles. Add the "
        "name to the glossary so it is checked from then on."
    ),
    fix_safety="unsafe",
)

# Without the glossary, the right spelling is the one used in more articles, and at least this many.
MIN_MAJORITY_ARTICLES = 2


@dataclass
class Usage:
    """Where one folded spelling occurs over the corpus."""

    by_document: dict[int, list[NameWord]] = field(default_factory=dict)  # document index -> occurrences
    flagged: bool = False  # a name rule reports at least one occurrence

    @property
    def count(self) -> int:
        return sum(len(words) for words in self.by_document.values())

    @property
    def articles(self) -> int:
        return len(self.by_document)

    def display(self) -> str:
        counts: dict[str, int] = {}
        for words in self.by_document.values():
            for word in words:
                counts[word.text] = counts.get(word.text, 0) + 1
        return max(sorted(counts), key=lambda text: (counts[text], text[:1].isupper() and not text.isupper()))


def check(document: Document, context: Context) -> Iterable[Finding]:
    # Findings come in check_corpus, once every article has been read; the article's name words are
    # noted now, while the other checks have them at hand.
    _noted(context)[document.key] = _reading(document, context)
    return ()


class _Noted(dict[str, tuple[list[NameWord], list[bool]]]):
    """path -> the article's name words and whether a name rule reports each, noted as it passes."""


def _noted(context: Context) -> _Noted:
    return context.scan.notes(_Noted)


def _reading(document: Document, context: Context) -> tuple[list[NameWord], list[bool]]:
    """The article's name words long enough to compare, and whether a name rule reports each."""
    words = [word for word in name_words(document.text) if len(word.folded) >= MIN_LENGTH]
    spans = Spans(context.reported_name_spans(document))
    return words, [overlaps(word.start, word.end, spans) for word in words]


def check_corpus(documents: list[Document], context: Context) -> Iterator[Finding]:
    noted = _noted(context)
    if len(documents) < 2:
        noted.clear()
        return
    usage: dict[str, Usage] = {}
    for index, document in enumerate(documents):
        words, reported = noted.pop(document.key) if document.key in noted else _reading(document, context)
        for word, flagged in zip(words, reported):
            entry = usage.setdefault(word.folded, Usage())
            entry.by_document.setdefault(index, []).append(word)
            if flagged:
                entry.flagged = True
    scores: dict[tuple[str, str], float] = {}
    clusters = Clusters()
    for a, b, score in candidate_pairs(sorted(usage)):
        scores[(a, b)] = scores[(b, a)] = score
        clusters.add(a)
        clusters.add(b)
        clusters.union(a, b)
    findings: list[Finding] = []
    for group in clusters.groups():
        house = {form: accepted_house(context.matcher, form) for form in group}
        preferred = [form for form in group if house[form]]
        if not preferred:
            ranked = sorted(group, key=lambda form: (-usage[form].articles, -usage[form].count, form))
            top = usage[ranked[0]].articles
            if top < MIN_MAJORITY_ARTICLES or top <= usage[ranked[1]].articles:
                continue  # no spelling dominates: nothing to say across articles
            preferred = [ranked[0]]
        for form in group:
            if form in preferred or house[form] or usage[form].flagged:
                continue
            # Across articles a pair of near spellings is weak evidence, so only spellings English texts do not
            # use (garbles: Hovhannisen, Paschinian) are reported, never a rare name of its own (Shearman).
            if word_frequency(form) >= RARE_WORD_ZIPF:
                continue  # English texts use this spelling: across articles, that makes it a name of its own
            near = [(scores[(form, other)], other) for other in preferred if (form, other) in scores]
            if not near:
                continue
            score, other = max(near)
            finding = _finding(form, other, score, usage, preferred, house, documents)
            if finding is not None:
                findings.append(finding)
    yield from findings


def _finding(
    form: str, other: str, score: float, usage: dict[str, Usage], preferred: list[str], house: dict[str, str | None],
    documents: list[Document],
) -> Finding | None:
    variant, right = usage[form], usage[other]
    # Articles that also use a right spelling are inconsistent-spelling's business.
    alone = [index for index in sorted(variant.by_document) if not any(index in usage[p].by_document for p in preferred)]
    if not alone:
        return None
    suggestion = house[other] or right.display()
    # Weaker evidence than two spellings in one article; a glossary form or a wide majority makes up for it.
    confidence = score - 0.05
    if house[other] or right.articles >= 3:
        confidence += 0.05
    document = documents[alone[0]]
    word = variant.by_document[alone[0]][0]
    whose = "the glossary's " if house[other] else ""
    message = (
        f'"{word.text}" ({_counted(variant)}) is written {whose}"{suggestion}" in other articles of this scan '
        f"({_counted(right)})"
    )
    return document.finding(
        RULE, word.start, word.end, message, suggestion=suggestion, confidence=confidence,
        severity=graded(RULE, confidence),
    )


def _counted(usage: Usage) -> str:
    return f"{usage.count}x in {usage.articles} article{'s' if usage.articles != 1 else ''}"


CHECK = Check(rules=(RULE,), check=check, check_corpus=check_corpus)
