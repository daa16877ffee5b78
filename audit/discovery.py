"""Name discovery: the capitalised names in a corpus that the glossary does not know, clustered by spelling.

``discover_names(documents, matcher)`` reads every article, keeps the name-like stretches of its capitalised
phrases that no glossary form accounts for, and groups spellings that look like one name written several
ways (Hovhanisyan and Hovhannisen; "Niward Hovhanisyan" and "Nervard Hovhannisen"), most frequent first.
``to_csv`` writes the clusters as rows of the glossary CSV format for an editor to review: this is how a copy
desk grows its glossary. ``audit names`` is the command-line face of both.
"""
from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein

from .documents import Document
from .glossary import CSV_COLUMNS
from .matching import DEMONYM_RESTORE, Matcher, base_forms
from .text import fold, spelling_key, word_frequency
from .text.frequency import COMMON_WORD_ZIPF, KNOWN_WORD_ZIPF
from .variants import Clusters, NameWord, name_words, similarity

MAX_NAME_WORDS = 4
MIN_NAME_LETTERS = 3
CONTEXT_WIDTH = 100

# Words before a name that tell its type (lower-cased, as in the copy).
_PERSON_CUES = frozenset(
    "mr mrs ms dr reporting writing editing written edited president minister spokesman spokeswoman spokesperson "
    "leader chairman secretary general "
    "colonel major captain lieutenant sergeant commander ambassador envoy correspondent reporter editor writer "
    "prime foreign defence defense deputy said says told according premier chancellor pope king queen prince".split()
)
_PLACE_CUES = frozenset("in near outside village town city region district province capital".split())
_PUBLICATION_CUES = frozenset("newspaper daily weekly magazine agency channel broadcaster outlet".split())


@dataclass(frozen=True)
class Spelling:
    """One way a name is written, with where it was first seen."""

    text: str
    count: int
    articles: int
    path: str
    line: int
    context: str  # the line of the first occurrence, trimmed around it


@dataclass(frozen=True)
class NameCluster:
    spellings: tuple[Spelling, ...]  # most frequent first (first seen first among equals)
    type: str  # a guess: person, place, publication or other
    # The glossary name the name rules read these spellings as (garbles of it), if they do: `audit scan`
    # reports them, and they do not belong in the glossary.
    garble_of: str | None = None

    @property
    def name(self) -> str:
        return self.spellings[0].text

    @property
    def count(self) -> int:
        return sum(spelling.count for spelling in self.spellings)

    @property
    def articles(self) -> int:
        return max(spelling.articles for spelling in self.spellings)


@dataclass
class _Usage:
    texts: dict[str, int] = field(default_factory=dict)  # surface -> count
    paths: dict[str, int] = field(default_factory=dict)  # path -> count, in scan order
    first: tuple[int, int, str, int, str] | None = None  # (document order, offset, path, line, context)
    cues: dict[str, int] = field(default_factory=dict)
    sentence_starts: int = 0  # occurrences that are a one-word name opening a sentence
    garble_of: dict[str, int] = field(default_factory=dict)  # glossary name suggested by the name rules -> count


def _segments(words: Sequence[NameWord], matcher: Matcher) -> list[list[NameWord]]:
    """Runs of a phrase's words that are not ordinary words: the name-like stretches.

    A given name that is also a frequent word ("Mark", "David") stays with the surname after it.
    """
    # Ordinary words and titles ("President", "Ministry", "The") split a phrase, and what is left on either
    # side is the name ("Azeri President Ilham Aliyev" -> "Ilham Aliyev").
    ordinary = [word_frequency(word.folded) >= COMMON_WORD_ZIPF or len(word.folded) < 2 for word in words]
    for index in range(len(words) - 1, -1, -1):
        following = index + 1 < len(words) and _joined(words[index], words[index + 1]) and not ordinary[index + 1]
        if ordinary[index] and following and matcher.given_names.known(words[index].text):
            ordinary[index] = False
    runs: list[list[NameWord]] = []
    current: list[NameWord] = []
    for index, word in enumerate(words):
        if current and (ordinary[index] or not _joined(current[-1], word)):
            runs.append(current)
            current = []
        if not ordinary[index]:
            current.append(word)
    if current:
        runs.append(current)
    trimmed = []
    for run in runs:
        # A known name or demonym before a name, and scraps at the edges, are not part of it
        # ("Azerbaijani Susa", "Armenian Su"); a known surname after a new given name is ("Nelia Bagirova").
        while run and (len(run[0].folded) < MIN_NAME_LETTERS or _known_word(run[0].folded, matcher, names_only=True)):
            run = run[1:]
        while run and len(run[-1].folded) < MIN_NAME_LETTERS:
            run = run[:-1]
        if run and len(run) <= MAX_NAME_WORDS and not (len(run) == 1 and matcher.given_names.known(run[0].text)):
            trimmed.append(run)
    return trimmed


def _joined(a: NameWord, b: NameWord) -> bool:
    return a.phrase == b.phrase and a.position == b.position - 1


def _known_word(folded: str, matcher: Matcher, names_only: bool = False) -> bool:
    """A glossary word, or an inflection or demonym of a glossary name ("armenians", "azerbaijani").

    With ``names_only``, only whole one-word names count, not the words of longer names ("nikol").
    """
    exact = matcher.index.exact

    def known(word: str) -> bool:
        forms = exact.get(word)
        return forms is not None and bool(forms) and (not names_only or any(form.role == "name" for form in forms))

    return known(folded) or any(known(base) for base in base_forms(folded, DEMONYM_RESTORE))


def _context_line(document: Document, start: int, end: int) -> tuple[int, str]:
    line, _ = document.position(start)
    text = document.line_text(line)
    line_start = document.line_starts[line - 1]
    left = start - line_start
    if len(text) > CONTEXT_WIDTH:
        begin = max(0, min(left - CONTEXT_WIDTH // 3, len(text) - CONTEXT_WIDTH))
        snippet = text[begin : begin + CONTEXT_WIDTH]
        text = ("..." if begin else "") + snippet.strip() + ("..." if begin + CONTEXT_WIDTH < len(text) else "")
    return line, " ".join(text.split())


_BYLINE = re.compile(r"(?:^|\n)[ \t]*by[ \t]+$", re.IGNORECASE)


def _cue(text: str, start: int) -> str | None:
    if _BYLINE.search(text, max(0, start - 12), start):
        return "person"
    before = re.findall(r"[A-Za-z]+", text[max(0, start - 40) : start])
    for word in reversed(before[-2:]):
        lowered = word.lower()
        if lowered in _PUBLICATION_CUES:
            return "publication"
        if lowered in _PERSON_CUES:
            return "person"
        if lowered in _PLACE_CUES:
            return "place"
    return None


def _given_name_cue(segment: list[NameWord], matcher: Matcher) -> str | None:
    return "person" if len(segment) > 1 and matcher.given_names.known(segment[0].text) else None


def discover_names(documents: Iterable[Document], matcher: Matcher, min_count: int = 1) -> list[NameCluster]:
    """Names the glossary does not know, clustered by spelling, most frequent first."""
    usage: dict[str, _Usage] = {}
    for order, document in enumerate(documents):
        matches = matcher.find(document.text)
        for segment in _segments(name_words(document.text), matcher):
            folded = " ".join(word.folded for word in segment)
            if len(folded.replace(" ", "")) < MIN_NAME_LETTERS:
                continue
            if folded in matcher.index.exact:
                continue
            start, end = segment[0].start, segment[-1].end
            surface = document.text[start:end]
            entry = usage.setdefault(folded, _Usage())
            entry.texts[surface] = entry.texts.get(surface, 0) + 1
            entry.paths[document.path] = entry.paths.get(document.path, 0) + 1
            if entry.first is None:
                line, context = _context_line(document, start, end)
                entry.first = (order, start, document.path, line, context)
            if len(segment) == 1 and segment[0].sentence_start:
                entry.sentence_starts += 1
            cue = _cue(document.text, start) or _given_name_cue(segment, matcher)
            if cue:
                entry.cues[cue] = entry.cues.get(cue, 0) + 1
            for match in matches:
                if match.start < end and start < match.end:
                    name = match.suggestion
                    entry.garble_of[name] = entry.garble_of.get(name, 0) + 1
    # Words that mostly open sentences and are ordinary enough words are capitalised by position only.
    names = {
        folded: entry
        for folded, entry in usage.items()
        if not (2 * entry.sentence_starts >= sum(entry.texts.values()) and word_frequency(folded) >= KNOWN_WORD_ZIPF)
    }
    clusters = Clusters(names)
    for a, b in _similar_pairs(sorted(names)):
        clusters.union(a, b)
    grouped = {member for group in clusters.groups() for member in group}
    groups = clusters.groups() + [[folded] for folded in sorted(names) if folded not in grouped]
    result = [_cluster(group, names) for group in groups]
    result = [cluster for cluster in result if cluster.count >= min_count]
    return sorted(result, key=lambda c: (-c.count, -c.articles, fold(c.name), c.name))


def _similar_pairs(forms: list[str]) -> Iterable[tuple[str, str]]:
    """Pairs of spellings of one name: same number of words, blocked by the last word's key letter."""
    blocks: dict[tuple[int, str], list[str]] = {}
    for form in forms:
        words = form.split()
        blocks.setdefault((len(words), spelling_key(words[-1])[:1]), []).append(form)
    for members in blocks.values():
        for index, a in enumerate(members):
            for b in members[index + 1 :]:
                if _same_name(a.split(), b.split()):
                    yield a, b


def _same_name(a: list[str], b: list[str]) -> bool:
    """Word by word: the last words are variants (or equal), the others equal, variants or alike in their start."""
    last_a, last_b = a[-1], b[-1]
    if last_a != last_b and similarity(last_a, last_b) is None:
        return False
    for word_a, word_b in zip(a[:-1], b[:-1]):
        if word_a == word_b or similarity(word_a, word_b) is not None:
            continue
        # Given names garbled beyond the variant rules (Niward/Nervard): same initial, half the letters kept.
        if word_a[:1] != word_b[:1] or Levenshtein.normalized_distance(word_a, word_b) > 0.5:
            return False
    return True


def _cluster(group: list[str], names: dict[str, _Usage]) -> NameCluster:
    spellings = []
    cues: dict[str, int] = {}
    garble_of: dict[str, int] = {}
    for folded in group:
        entry = names[folded]
        for name, count in entry.garble_of.items():
            garble_of[name] = garble_of.get(name, 0) + count
        assert entry.first is not None
        order, offset, path, line, context = entry.first
        text = max(sorted(entry.texts), key=lambda surface: (entry.texts[surface], not surface.isupper()))
        spellings.append(
            (order, offset, Spelling(text, sum(entry.texts.values()), len(entry.paths), path, line, context))
        )
        for cue, count in entry.cues.items():
            cues[cue] = cues.get(cue, 0) + count
    spellings.sort(key=lambda item: (-item[2].count, item[0], item[1]))
    ordered = tuple(spelling for _, _, spelling in spellings)
    garbled = max(sorted(garble_of), key=lambda name: garble_of[name]) if garble_of else None
    return NameCluster(ordered, _guess_type(cues, sum(spelling.count for spelling in ordered)), garbled)


def _guess_type(cues: dict[str, int], occurrences: int) -> str:
    """The type most cues point to, if they are a clear majority and come with a good share of the uses."""
    if cues:
        best = max(sorted(cues), key=lambda cue: cues[cue])
        if cues[best] * 2 > sum(cues.values()) and cues[best] * 3 >= occurrences:
            return best
    return "other"


def to_csv(clusters: Iterable[NameCluster]) -> str:
    """The clusters as glossary CSV rows: the most frequent spelling as canonical, the others in the note.

    Other spellings are not put in ``variants`` (that would accept them) nor in ``avoid`` (that would reject
    them): an editor decides, and moves each into one or the other. Clusters the name rules read as garbles
    of a glossary name are left out: adding a garble to the glossary would make it an accepted spelling.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for cluster in clusters:
        if cluster.garble_of:
            continue
        first = cluster.spellings[0]
        note = f"found {cluster.count}x in {cluster.articles} article{'s' if cluster.articles != 1 else ''}"
        others = [f"{spelling.text} ({spelling.count}x, {spelling.path}:{spelling.line})" for spelling in cluster.spellings[1:]]
        if others:
            note += "; also written: " + ", ".join(others) + "; review: which spelling is right?"
        note += f"; first seen {first.path}:{first.line}"
        writer.writerow([first.text, cluster.type, "", "", note])
    return buffer.getvalue()


def to_text(clusters: Iterable[NameCluster]) -> str:
    """One block per cluster: the name, its count and type guess, then each spelling with one context line."""
    lines = []
    for cluster in clusters:
        spellings = len(cluster.spellings)
        label = f"{spellings} spellings" if spellings > 1 else "1 spelling"
        garble = f"; audit scan reads it as a garble of {cluster.garble_of!r}" if cluster.garble_of else ""
        lines.append(f"{cluster.name}  ({cluster.count}x, {label}, {cluster.type}{garble})")
        width = max(len(spelling.text) for spelling in cluster.spellings)
        for spelling in cluster.spellings:
            lines.append(f"  {spelling.count:>4}  {spelling.text:<{width}}  {spelling.path}:{spelling.line}: {spelling.context}")
    return "\n".join(lines) + ("\n" if lines else "")
