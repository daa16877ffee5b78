"""AUD302 inconsistent-across-articles: one name spelled differently in different articles of one scan."""
from __future__ import annotations

from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from ..documents import Document
from ..model import Finding, Rule, Severity
from ..text import word_frequency
from ..text.frequency import RARE_WORD_ZIPF
from ..variants import (
    MIN_LENGTH,
    NameWord,
    accepted_house,
    name_words,
    variant_groups,
)
from .base import Check, Context, Corpus, Spans, graded, overlaps

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


class Spot(NamedTuple):
    """Where a finding on a spelling's first use in one article would stand (filled in as the article passes)."""

    word: str  # as written
    text: str  # the finding's text
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int


# One folded spelling of one article: (folded, its spellings as written -> occurrences in the article, whether a
# name rule reports one of them, and a Spot's fields for its first use, only for spellings the rule could report).
# Plain tuples rather than NamedTuples: the notes cross from worker processes (and Dask workers) to the
# scanning process, and unpickling a named tuple calls its class, a plain one does not (an archive's notes:
# 160,000 spellings and 140,000 spots, 1.0 s against 0.13 s to unpickle).
SpotFields = tuple[str, str, int, int, int, int, int, int]
FormNote = tuple[str, tuple[tuple[str, int], ...], bool, "SpotFields | None"]


class ArticleNote(NamedTuple):
    """What the corpus pass needs of one article: its name spellings, not its text."""

    path: str
    record: str | None
    forms: tuple[FormNote, ...]


@dataclass(slots=True)
class Usage:
    """Where one folded spelling occurs over the corpus, merged from the articles' notes (compactly: a scan of
    millions of articles keeps one of these per distinct spelling)."""

    documents: array[int] = field(default_factory=lambda: array("I"))  # the articles using it, in scan order
    count: int = 0
    spellings: dict[str, int] = field(default_factory=dict)
    flagged: bool = False  # a name rule reports at least one occurrence
    # First use in each article, only for spellings the rule could report and while no name rule reports
    # one: SPOT_FIELDS integers a use (the article's index, then the Spot's positions), and its two strings.
    spots: array[int] = field(default_factory=lambda: array("Q"))
    words: list[tuple[str, str]] = field(default_factory=list)

    def add(self, index: int, form: FormNote) -> None:
        _, spellings, flagged, first = form
        self.documents.append(index)
        counts = self.spellings
        for text, count in spellings:
            counts[text] = counts.get(text, 0) + count
            self.count += count
        if flagged and not self.flagged:
            self.flagged = True
            del self.spots[:], self.words[:]  # a spelling a name rule reports is never reported here
        if first is not None and not self.flagged:
            word, text, *positions = first
            self.spots.append(index)
            self.spots.extend(positions)  # start, end, line, column, end_line, end_column
            self.words.append((word, text))

    def spot(self, index: int) -> Spot:
        """The first use in article ``index`` (one the rule could report)."""
        at = self.spots[::SPOT_FIELDS].index(index)
        word, text = self.words[at]
        return Spot(word, text, *self.spots[at * SPOT_FIELDS + 1 : (at + 1) * SPOT_FIELDS])

    @property
    def articles(self) -> int:
        return len(self.documents)

    def display(self) -> str:
        counts = self.spellings
        return max(sorted(counts), key=lambda text: (counts[text], text[:1].isupper() and not text.isupper()))


SPOT_FIELDS = 7


def note(document: Document, context: Context) -> ArticleNote:
    """The article's name spellings long enough to compare, whether a name rule reports each, and where a
    finding would stand on the first use of each spelling the rule could report."""
    words = [word for word in name_words(document.text) if len(word.folded) >= MIN_LENGTH]
    spans = Spans(context.reported_name_spans(document))  # bisection: linear in the names, not quadratic
    by_form: dict[str, list[NameWord]] = {}
    flagged: set[str] = set()
    for word in words:
        by_form.setdefault(word.folded, []).append(word)
        if overlaps(word.start, word.end, spans):
            flagged.add(word.folded)
    forms = []
    for folded, occurrences in by_form.items():
        counts: dict[str, int] = {}
        for word in occurrences:
            counts[word.text] = counts.get(word.text, 0) + 1
        first = _spot(document, occurrences[0]) if word_frequency(folded) < RARE_WORD_ZIPF else None
        forms.append((folded, tuple(counts.items()), folded in flagged, first))
    return ArticleNote(document.path, document.record, tuple(forms))


def _spot(document: Document, word: NameWord) -> SpotFields:
    return (word.text, document.text[word.start : word.end], *document.place(word.start, word.end))


@dataclass
class Tally:
    """The articles' notes merged as they come, in scan order: per spelling, where it is used. The articles'
    notes themselves are not kept, so the corpus pass holds a few integers an article, not its notes."""

    articles: int = 0
    usage: dict[str, Usage] = field(default_factory=dict)
    places: dict[int, tuple[str, str | None]] = field(default_factory=dict)  # article -> (path, record), if spotted


def add(tally: Tally, article: ArticleNote) -> None:
    index = tally.articles
    tally.articles += 1
    usage = tally.usage
    spotted = False
    for noted in article.forms:
        folded, first = noted[0], noted[3]
        entry = usage.get(folded)
        if entry is None:
            entry = usage[folded] = Usage()
        entry.add(index, noted)
        spotted = spotted or first is not None
    if spotted:
        tally.places[index] = (article.path, article.record)


def report(tally: Tally, context: Context) -> Iterator[Finding]:
    if tally.articles < 2:
        return
    usage = tally.usage
    groups, near = variant_groups(sorted(usage), context.scan.pairs)
    findings: list[Finding] = []
    for group in groups:
        house = {form: accepted_house(context.matcher, form) for form in group}
        preferred = [form for form in group if house[form]]
        if not preferred:
            ranked = sorted(group, key=lambda form: (-usage[form].articles, -usage[form].count, form))
            top = usage[ranked[0]].articles
            if top < MIN_MAJORITY_ARTICLES or top <= usage[ranked[1]].articles:
                continue  # no spelling dominates: nothing to say across articles
            preferred = [ranked[0]]
        chosen = set(preferred)
        for form in group:
            if form in preferred or house[form] or usage[form].flagged:
                continue
            # Across articles a pair of near spellings is weak evidence, so only spellings English texts do not
            # use (garbles: Hovhannisen, Paschinian) are reported, never a rare name of its own (Shearman).
            if word_frequency(form) >= RARE_WORD_ZIPF:
                continue  # English texts use this spelling: across articles, that makes it a name of its own
            to_preferred = [(score, other) for score, other in near.of(form) if other in chosen]
            if not to_preferred:
                continue
            score, other = max(to_preferred)
            finding = _finding(form, other, score, tally, preferred, house)
            if finding is not None:
                findings.append(finding)
    yield from findings


def _finding(
    form: str, other: str, score: float, tally: Tally, preferred: list[str], house: dict[str, str | None],
) -> Finding | None:
    usage = tally.usage
    variant, right = usage[form], usage[other]
    # Articles that also use a right spelling are inconsistent-spelling's business.
    used_right = {index for p in preferred for index in usage[p].documents}
    alone = [index for index in variant.documents if index not in used_right]
    if not alone:
        return None
    suggestion = house[other] or right.display()
    # Weaker evidence than two spellings in one article; a glossary form or a wide majority makes up for it.
    confidence = score - 0.05
    if house[other] or right.articles >= 3:
        confidence += 0.05
    (path, record), spot = tally.places[alone[0]], variant.spot(alone[0])
    whose = "the glossary's " if house[other] else ""
    message = (
        f'"{spot.word}" ({_counted(variant)}) is written {whose}"{suggestion}" in other articles of this scan '
        f"({_counted(right)})"
    )
    severity = graded(RULE, confidence)
    return Finding(rule=RULE.id, name=RULE.name, severity=severity, path=path, start=spot.start, end=spot.end,
                   line=spot.line, column=spot.column, end_line=spot.end_line, end_column=spot.end_column,
                   text=spot.text, suggestion=suggestion, confidence=max(0.0, min(1.0, confidence)), message=message,
                   record=record)


def _counted(usage: Usage) -> str:
    return f"{usage.count}x in {usage.articles} article{'s' if usage.articles != 1 else ''}"


def encode(article: ArticleNote) -> list[Any]:
    """A note as JSON data, for the result cache."""
    return [article.path, article.record,
            [[folded, [list(pair) for pair in spellings], flagged, list(first) if first else None]
             for folded, spellings, flagged, first in article.forms]]


def decode(data: Any) -> ArticleNote:
    path, record, forms = data
    return ArticleNote(path, record, tuple(
        (folded, tuple((text, count) for text, count in spellings), flagged, tuple(first) if first else None)
        for folded, spellings, flagged, first in forms))


CHECK = Check(rules=(RULE,), corpus=Corpus(note=note, tally=Tally, add=add, report=report, encode=encode, decode=decode))
