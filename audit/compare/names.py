"""Name accuracy: names the hypothesis renders differently from the reference, the glossary or the source.

Pure functions over segments already read (audit/compare/inputs.py reads them): they return findings in
the project's Finding shape, located in the hypothesis file, and a tally for the name-accuracy figure.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Indel, Levenshtein

from ..checks.base import graded
from ..glossary import Entry, Glossary
from ..matching import Matcher, derived
from ..model import Finding
from ..text import fold, skeleton, spelling_key, word_frequency
from ..variants import NameWord, accepted_house, name_words
from .inputs import DocumentPair, Segmented
from .rules import GLOSSARY_DIVERGENCE, REFERENCE_DIVERGENCE, SOURCE_NAME_MISSING

# A word this frequent in English is an ordinary word, capitalised or not (Minister/Minster, Defence/Defense).
COMMON_ZIPF = 4.0
MIN_NAME_LENGTH = 4  # shorter words are initials and acronyms: a letter apart is another name
# Same consonants and at least this alike (Indel similarity, letters or spelling keys): one name (Kiev/Kyiv).
MIN_SIMILARITY = 0.7
SOURCE_ENDING = 3  # letters a source form may take as an inflection (Песков -> Пескова, Москва -> Москвой)
_VOWEL_END = re.compile(r"[aeiouyаеёиоуыэюяьйіїєäöü]$", re.IGNORECASE)
_LETTERS = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class NameTally:
    """How many names were checked and how many the hypothesis got wrong, by where the expectation came from."""

    reference_checked: int = 0  # reference names the hypothesis renders exactly or divergently (per segment)
    reference_divergent: int = 0
    reference_unmatched: int = 0  # reference names the hypothesis has in no recognisable form (rephrased, dropped)
    glossary_divergent: int = 0  # glossary divergences not already counted against the reference
    source_checked: int = 0  # glossary names found in source segments
    source_missing: int = 0

    def __add__(self, other: "NameTally") -> "NameTally":
        return NameTally(*(a + b for a, b in zip(self.__dict__.values(), other.__dict__.values())))

    @property
    def checked(self) -> int:
        return self.reference_checked + self.glossary_divergent + self.source_checked

    @property
    def divergent(self) -> int:
        return self.reference_divergent + self.glossary_divergent + self.source_missing

    @property
    def accuracy(self) -> float | None:
        """Share of checked names the hypothesis renders right; None when there was nothing to check."""
        return (self.checked - self.divergent) / self.checked if self.checked else None

    def to_dict(self) -> dict[str, object]:
        accuracy = self.accuracy
        return {
            "accuracy": None if accuracy is None else round(accuracy, 4),
            "checked": self.checked,
            "divergent": self.divergent,
            **self.__dict__,
        }


def divergence(hypothesis: str, reference: str) -> float | None:
    """How alike two folded words are as two spellings of one name (None: not one name spelled two ways)."""
    if hypothesis == reference or min(len(hypothesis), len(reference)) < MIN_NAME_LENGTH:
        return None
    if derived(hypothesis, reference) or derived(reference, hypothesis):
        return None  # Ukrainian for Ukraine, Peskova for Peskov
    short, long = sorted((hypothesis, reference), key=len)
    if long.startswith(short) and len(long) - len(short) >= 2:
        return None  # a longer word built on the name (Yugoslavia/Yugoslav), not a spelling of it
    if max(word_frequency(hypothesis), word_frequency(reference)) >= COMMON_ZIPF:
        return None
    key_h, key_r = spelling_key(hypothesis), spelling_key(reference)
    if key_h[:1] != key_r[:1]:
        return None
    alike = max(Indel.normalized_similarity(hypothesis, reference), Indel.normalized_similarity(key_h, key_r))
    if key_h == key_r:
        return max(alike, 0.9)  # a transliteration choice: Sergey/Sergei, Scholz/Sholz
    if skeleton(key_h) == skeleton(key_r) and alike >= MIN_SIMILARITY:
        return alike  # only vowels differ: Kiev/Kyiv, Mozyr/Mazyr
    if Levenshtein.distance(key_h, key_r) == 1 and min(len(key_h), len(key_r)) >= 3:
        return alike  # a letter apart: Lukashenka/Lukashenko, Olga/Olha
    return None


def _words(text: str) -> set[str]:
    """Every word of a text, folded (lower-case words too: 'kremlin' still renders Kremlin)."""
    return {part for word in _LETTERS.findall(text) for part in fold(word).split()}


def _acronym(word: str) -> bool:
    """SMEs, NATO, MinTsifry: two capitals or more; a letter apart is another acronym, not a misspelling."""
    return sum(char.isupper() for char in word) >= 2


def _names(text: str) -> list[NameWord]:
    """Capitalised words that are names: well-known ones too (Berlin), but not a common word opening a sentence."""
    return [word for word in name_words(text) if not _acronym(word.text)
            and not (word.sentence_start and word_frequency(word.folded) >= COMMON_ZIPF)]


def _present(name: str, words: set[str], names: Sequence[NameWord]) -> bool:
    return name in words or any(derived(other.folded, name) or derived(name, other.folded) for other in names)


def _reference_segment(
    hypothesis: Segmented, index: int, reference: str, matcher: Matcher | None
) -> tuple[list[Finding], NameTally]:
    """AUD501 in one segment: pair the names each side lacks, closest pairs first."""
    hyp_text = hypothesis.segments[index]
    ref_names, hyp_names = _names(reference), _names(hyp_text)
    ref_words, hyp_words = _words(reference), _words(hyp_text)
    expected = {name.folded: name for name in ref_names}  # one per spelling and segment
    exact = {folded for folded in expected if _present(folded, hyp_words, hyp_names)}
    candidates = [word for word in hyp_names if not _present(word.folded, ref_words, ref_names)]
    if matcher is not None:  # a spelling the glossary accepts is house style, whatever the reference chose
        candidates = [word for word in candidates if accepted_house(matcher, word.folded) is None]
    pairs = sorted(
        ((score, hyp, ref) for ref in expected.keys() - exact for hyp in sorted({w.folded for w in candidates})
         if (score := divergence(hyp, ref)) is not None),
        key=lambda pair: (-pair[0], pair[1], pair[2]),
    )
    chosen: dict[str, tuple[float, str]] = {}  # hypothesis spelling -> (score, reference spelling)
    for score, hyp, ref in pairs:
        if hyp not in chosen and ref not in {r for _, r in chosen.values()}:
            chosen[hyp] = (score, ref)
    findings = []
    offset = hypothesis.line_start(index)
    for word in candidates:
        if word.folded not in chosen:
            continue
        score, ref = chosen[word.folded]
        confidence = round(min(0.99, 0.6 + 0.4 * score), 3)
        suggestion = expected[ref].text
        findings.append(hypothesis.document.finding(
            REFERENCE_DIVERGENCE, offset + word.start, offset + word.end,
            f'"{word.text}" where the reference has "{suggestion}"',
            suggestion=suggestion, confidence=confidence, severity=graded(REFERENCE_DIVERGENCE, confidence),
        ))
    unmatched = len(expected) - len(exact) - len(chosen)
    return findings, NameTally(reference_checked=len(exact) + len(chosen), reference_divergent=len(chosen),
                               reference_unmatched=unmatched)


def reference_divergences(pair: DocumentPair, matcher: Matcher | None = None) -> tuple[list[Finding], NameTally]:
    """AUD501 over a document: every segment's hypothesis names checked against its reference names."""
    findings: list[Finding] = []
    tally = NameTally()
    for index, reference in enumerate(pair.reference.segments):
        found, counted = _reference_segment(pair.hypothesis, index, reference, matcher)
        findings.extend(found)
        tally += counted
    return findings, tally


def glossary_divergences(hypothesis: Segmented, matcher: Matcher) -> list[Finding]:
    """AUD502: the scan's name matcher over the hypothesis (garbled names, given names, avoided forms)."""
    document = hypothesis.document
    findings = [
        document.finding(GLOSSARY_DIVERGENCE, match.start, match.end,
                         f'"{match.surface}" should be "{match.suggestion}": {match.reason}',
                         suggestion=match.suggestion, confidence=match.confidence,
                         severity=graded(GLOSSARY_DIVERGENCE, match.confidence))
        for match in matcher.find(document.text) if match.kind in ("garbled", "given-name")
    ]
    findings.extend(
        document.finding(GLOSSARY_DIVERGENCE, start, end, f'"{form}" is a known wrong form of "{entry.canonical}"',
                         suggestion=entry.canonical, confidence=0.97)
        for start, end, entry, form in matcher.avoided(document.text)
    )
    return findings


class SourceForms:
    """The glossary's source-language forms, ready to look for in source segments."""

    def __init__(self, glossary: Glossary, language: str | None = None) -> None:
        self.forms: list[tuple[Entry, tuple[str, ...]]] = [
            (entry, tuple(word.casefold() for word in _LETTERS.findall(form)))
            for entry in glossary.entries for form_language, form in entry.forms
            if language is None or form_language == language
        ]
        self.forms = [(entry, words) for entry, words in self.forms if words]

    def __bool__(self) -> bool:
        return bool(self.forms)

    def named(self, segment: str) -> list[Entry]:
        """Entries the segment names by a source form (once each, in glossary order)."""
        words = [word.casefold() for word in _LETTERS.findall(segment)]
        found: list[Entry] = []
        for entry, form in self.forms:
            if entry not in found and _contains(words, form):
                found.append(entry)
        return found


def _inflected(word: str, form: str) -> bool:
    """Is the source word the form itself or the form with a short case ending (Пескова, Москвой)?"""
    if word == form:
        return True
    stem = _VOWEL_END.sub("", form) if len(form) > 3 else form
    ending = word[len(stem):]
    return len(stem) >= 3 and word.startswith(stem) and len(ending) <= SOURCE_ENDING


def _contains(words: Sequence[str], form: Sequence[str]) -> bool:
    return any(
        all(_inflected(words[start + offset], part) for offset, part in enumerate(form))
        for start in range(len(words) - len(form) + 1)
    )


def names_entry(text: str, entry: Entry) -> bool:
    """Does the text name the entry by an accepted form (a person by the surname alone; inflections allowed)?"""
    words = [part for word in _LETTERS.findall(text) for part in fold(word).split()]
    for accepted in entry.accepted:
        form = fold(accepted).split()
        candidates = [form, form[-1:]] if entry.type == "person" and len(form) > 1 else [form]
        for wanted in candidates:
            for start in range(len(words) - len(wanted) + 1):
                window = words[start:start + len(wanted)]
                if window[:-1] == wanted[:-1] and derived(window[-1], wanted[-1]):
                    return True
    return False


def source_omissions(pair: DocumentPair, forms: SourceForms, reported: Sequence[Finding]) -> tuple[list[Finding], NameTally]:
    """AUD503: glossary names of each source segment whose English form the hypothesis segment lacks.

    A name already reported as misspelled on that line (``reported``) is not reported again as missing.
    """
    if pair.source is None or not forms:
        return [], NameTally()
    findings, checked = [], 0
    hypothesis = pair.hypothesis
    for index, source in enumerate(pair.source.segments):
        for entry in forms.named(source):
            checked += 1
            target = hypothesis.segments[index]
            if names_entry(target, entry) or _already_reported(entry, index + 1, reported):
                continue
            in_reference = names_entry(pair.reference.segments[index], entry)
            confidence = 0.9 if in_reference else 0.6  # a reference that rephrased the name too: maybe fine
            start = hypothesis.line_start(index)
            message = f'the source names "{entry.canonical}" but this segment does not' + (
                "" if in_reference else " (neither does the reference)")
            findings.append(hypothesis.document.finding(
                SOURCE_NAME_MISSING, start, start + len(target), message, suggestion=entry.canonical,
                confidence=confidence, severity=graded(SOURCE_NAME_MISSING, confidence),
            ))
    return findings, NameTally(source_checked=checked, source_missing=len(findings))


def _already_reported(entry: Entry, line: int, reported: Sequence[Finding]) -> bool:
    return any(finding.line == line and finding.suggestion and names_entry(finding.suggestion, entry)
               for finding in reported)


def merged(reference: list[Finding], glossary: list[Finding]) -> tuple[list[Finding], int]:
    """Both kinds of divergence, one finding per span (the glossary's: it is the house style).

    Returns the findings and how many glossary findings stand alone (not also a reference divergence).
    """
    spans = {(finding.start, finding.end) for finding in glossary}
    overlapping = [f for f in reference if any(s < f.end and f.start < e for s, e in spans)]
    alone = [g for g in glossary if not any(f.start < g.end and g.start < f.end for f in overlapping)]
    kept = [f for f in reference if f not in overlapping] + glossary
    return sorted(kept, key=Finding.sort_key), len(alone)


def iter_segments(pair: DocumentPair) -> Iterator[tuple[int, str, str]]:
    """(1-based line, hypothesis, reference) of every segment of a document."""
    for index, (hypothesis, reference) in enumerate(zip(pair.hypothesis.segments, pair.reference.segments)):
        yield index + 1, hypothesis, reference
