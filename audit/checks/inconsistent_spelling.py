"""AUD301 inconsistent-spelling: one name written two or more ways in one article (Hovhanisyan/Hovhannisen)."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..documents import Document
from ..model import Finding, Rule, Severity
from ..text import word_frequency
from ..variants import (
    NameWord,
    accepted_house,
    known_to_word_lists,
    name_words,
    variant_groups,
)
from .base import Check, Context, Spans, graded, overlaps

RULE = Rule(
    id="AUD301",
    name="inconsistent-spelling",
    severity=Severity.WARNING,
    summary="One name written two or more ways in the same article, whether or not the glossary knows it.",
    what=(
        "Capitalised words of one article that spell the same name differently: the same comparison key once "
        "source-language spellings are undone (Navalny and Nawalny), or a letter or two apart with the same "
        "consonants (a reporter's surname written Hovhanisyan in the byline and Hovhannisen in the credits). "
        "When one spelling is an accepted glossary form, the others are reported with it as the suggestion; "
        "otherwise the spelling the article uses most is taken as meant, and when two are used equally often "
        "both are reported, each pointing at the other. A given name before a reported surname is included when "
        "it differs too. Never reported: inflections and derivations (Armenia and Armenians, Aliyev and "
        "Aliyeva), two accepted glossary forms, near spellings of common words (Monday, Mondavi), pairs that "
        "English texts both use (Stevens, Stephens), short names a letter apart (Shusha, Shushi), given names "
        "on their own, and a word a name rule (AUD1xx) already reports."
    ),
    why=(
        "Two spellings in one story mean at least one is wrong, and readers cannot tell whether the story "
        "is about one person or two. Catching the pair needs no glossary, which is how names the desk has "
        "never seen (bylines, local officials) get checked."
    ),
    example=(
        "By Anna Hovhanisyan ... (Reporting by Anna Hovhannisen)  ->  \"Hovhannisen\" is written \"Hovhanisyan\" "
        "elsewhere in this article (line 1): one of the two is wrong; check which"
    ),
    fix=(
        "Check the name and write it one way throughout; then add it to the glossary so other articles are "
        "checked against it."
    ),
    fix_safety="unsafe",
)


@dataclass(frozen=True)
class Verdict:
    form: str  # the folded spelling reported
    reference: str  # the folded spelling it is inconsistent with
    suggestion: str | None
    confidence: float
    known: bool  # the reference is an accepted glossary form


def _display(occurrences: list[NameWord]) -> str:
    """The most common way a folded spelling is written (case as in the copy)."""
    counts: dict[str, int] = {}
    for word in occurrences:
        counts[word.text] = counts.get(word.text, 0) + 1
    return max(sorted(counts), key=lambda text: (counts[text], text[:1].isupper() and not text.isupper()))


# Between spellings used equally often, one this much more frequent in English texts is taken as meant.
WORD_LIST_MARGIN = 1.0


def verdicts(by_form: dict[str, list[NameWord]], context: Context) -> list[Verdict]:
    """Which spellings of the article to report, and against which other spelling."""
    groups, near = variant_groups(sorted(by_form))
    result: list[Verdict] = []
    for group in groups:
        house = {form: accepted_house(context.matcher, form) for form in group}
        known = [form for form in group if house[form]]
        if known:
            for form in group:
                if house[form]:
                    continue
                matches = [(score, other) for score, other in near.of(form) if house[other]]
                if matches:
                    score, other = max(matches)
                    result.append(Verdict(form, other, house[other], min(0.95, score + 0.05), True))
            continue
        # No spelling is accepted, but the glossary may know the name under a spelling the article never
        # uses (Kharkow and Kharkov for Kharkiv): then that is the suggestion, never one of the article's.
        glossary_form = next(filter(None, (context.matcher.nearest_house(form) for form in sorted(group))), None)
        count = {form: len(by_form[form]) for form in group}
        ranked = sorted(group, key=lambda form: (-count[form], -word_frequency(form), form))
        top = known_to_word_lists(group) or ranked[0]
        tied = [form for form in ranked if count[form] == count[top] and form != top]
        if tied and top == ranked[0] and word_frequency(top) < word_frequency(tied[0]) + WORD_LIST_MARGIN:
            # No spelling is used more often, and none is much better known: report each against the other.
            for form in group:
                score, other = max(near.of(form))
                result.append(Verdict(form, other, glossary_form, score - 0.05, False))
            continue
        for form in group:
            with_top = [score for score, other in near.of(form) if other == top] if form != top else []
            if with_top:
                margin = 0.05 if count[top] >= 2 * count[form] or top != ranked[0] else 0.0
                suggestion = glossary_form or _display(by_form[top])
                result.append(Verdict(form, top, suggestion, with_top[0] + margin - 0.05, False))
    return result


def check(document: Document, context: Context) -> Iterator[Finding]:
    words = name_words(document.text)
    by_form: dict[str, list[NameWord]] = {}
    for word in words:
        by_form.setdefault(word.folded, []).append(word)
    if len(by_form) < 2:
        return
    at = {(word.phrase, word.position): word for word in words}
    name_spans = Spans(context.reported_name_spans(document))
    findings: list[Finding] = []
    for verdict in verdicts(by_form, context):
        if all(_given_name_position(word) for word in by_form[verdict.form]):
            continue  # given names are shared by many people: reported only with a surname, below
        reference = by_form[verdict.reference]
        rarity = word_frequency(verdict.form)
        # A spelling no English text uses is more likely a garble; one that texts use may be a name of its own.
        confidence = verdict.confidence + (0.05 if rarity < 1.0 else -0.1 if rarity >= 2.0 else 0.0)
        shown_reference = verdict.suggestion if verdict.known else _display(reference)
        for word in by_form[verdict.form]:
            if overlaps(word.start, word.end, name_spans):
                continue  # a name rule already reports this spelling, with the glossary's form
            start, surface, other = word.start, word.text, reference[0]
            given, other_given = _given_names(word, reference, at)
            word_confidence = confidence
            if given is not None and other_given is not None:
                word_confidence += 0.05  # the given names differ alike: the same person's name garbled twice
                start = given.start
                surface = document.text[given.start : word.end]
                other_full = f"{other_given.text} {shown_reference}"
                line = document.position(other_given.start)[0]
                message = f'"{surface}" is written "{other_full}" elsewhere in this article (line {line})'
            else:
                line = document.position(other.start)[0]
                message = f'"{surface}" is written "{shown_reference}" elsewhere in this article (line {line})'
            if verdict.suggestion is None:
                message += ": one of the two is wrong; check which"
            elif verdict.suggestion != shown_reference:
                message += f'; the glossary spells it "{verdict.suggestion}"'
            suggestion = verdict.suggestion
            if suggestion is not None and given is not None and other_given is not None:
                suggestion = f"{other_given.text} {suggestion}"
            findings.append(
                document.finding(
                    RULE,
                    start,
                    word.end,
                    message,
                    suggestion=suggestion,
                    confidence=word_confidence,
                    severity=graded(RULE, word_confidence),
                )
            )
    yield from sorted(findings, key=lambda finding: (finding.start, finding.end))


def _given_name_position(word: NameWord) -> bool:
    """A word before the last of a multi-word name: a given name ("Arpine" in "Arpine Melkonyan")."""
    return word.phrase_length > 1 and word.position < word.phrase_length - 1


def _ordinary_opener(word: NameWord) -> bool:
    """A capitalised ordinary word opening a sentence ("Yesterday Hovhannisen said"), not a given name."""
    return word.sentence_start and word_frequency(word.folded) >= 3.0


def _given_names(
    word: NameWord, reference: list[NameWord], at: dict[tuple[int, int], NameWord]
) -> tuple[NameWord | None, NameWord | None]:
    """The given names before a reported surname and before the spelling it is compared with, when they differ
    but start alike (Niward/Nervard): the whole name is then reported."""
    if word.position == 0:
        return None, None
    given = at.get((word.phrase, word.position - 1))
    if given is None or _ordinary_opener(given):
        return None, None
    for other in reference:
        other_given = at.get((other.phrase, other.position - 1)) if other.position else None
        if other_given is None or _ordinary_opener(other_given):
            continue
        if other_given.folded == given.folded:
            return None, None
        if other_given.folded[:1] == given.folded[:1]:
            return given, other_given
    return None, None


CHECK = Check(rules=(RULE,), check=check)
