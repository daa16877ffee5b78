"""Reference-derived name annotations for one WMT22 document (used by bench/wmt22_eval.py; its docstring
describes the method and its limits).

Three steps, each a plain function of text so the tests can feed it sentences of their own:

1. ``NameLexicon.is_name``: is a capitalised word a name? Case evidence from an English corpus (how often
   the word is written lower-case where it is not sentence-initial), backed by wordfreq for words the
   corpus hardly has.
2. ``reference_glossary``: the reference's name phrases (runs of name words), typed where a cue tells.
3. ``annotate``: for one system output, aligned with the reference segment by segment, the names it
   spells differently (``transliteration``), the ones it may or may not misspell (``optional``), and the
   reference names it spells exactly (``correct``).
"""
from __future__ import annotations

import calendar
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from anyascii import anyascii
from rapidfuzz.distance import Levenshtein
from wordfreq import zipf_frequency

WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
POSSESSIVE = re.compile(r"['’]s?$")
# What may stand between a sentence end and the next sentence's first word.
OPENERS = "\"'“”‘’«»„([{–—-*• \t"
SENTENCE_END = ".!?:…"
CALENDAR = {name.lower() for name in (*calendar.day_name, *calendar.month_name) if name}
PERSON_TITLES = {"mr", "mrs", "ms", "dr", "president", "minister", "chancellor", "premier", "mayor", "governor",
                 "spokesman", "spokeswoman", "spokesperson", "adviser", "advisor", "general", "colonel", "head",
                 "chairman", "senator", "deputy", "ambassador", "prosecutor", "judge", "professor", "coach"}
SPEECH_VERBS = {"said", "says", "told", "added", "noted", "stressed", "wrote", "explained", "stated"}
# English derivation and inflection: Ukraine/Ukrainian, Russia/Russians, Belarus/Belarusian.
ENGLISH_ENDINGS = ("s", "es", "e", "ies", "n", "ns", "an", "ans", "ian", "ians", "ia", "ese", "ish", "ic",
                   "al", "ial", "ism", "er", "ers", "ite", "ites")
ADJECTIVE_ENDINGS = ("ians", "ian", "eans", "ean", "ans", "an", "ese", "ish", "ic")
# Source-language case endings and adjectives left in English copy (Buchi for Bucha, Brovarsky district for
# Brovary district), compared on skeletons (y and j already folded to i): maybe an error, not a misspelling.
FOREIGN_ENDINGS = ("a", "e", "i", "o", "u", "ia", "iu", "om", "oi", "im", "ami", "ah", "ov", "ev", "in",
                   "ski", "ska", "ske", "skoe", "skaia", "sk", "ki", "ka", "ke")
COMMON = 4.5  # wordfreq Zipf value from which a word is taken for an ordinary word unless it is a place
RARE = 3.5  # below it, a word the corpus hardly has is taken for a name
ERROR_KINDS = ("transliteration", "mistranslation")
MIN_LENGTH = 4  # shorter words are too often abbreviations or particles to compare


def base(word: str) -> str:
    """The word without a possessive ending (Zelenskyy's -> Zelenskyy)."""
    return POSSESSIVE.sub("", word)


def fold(word: str) -> str:
    return base(word).replace("’", "'").casefold()


@dataclass(frozen=True)
class Token:
    text: str  # without possessive
    start: int
    initial: bool  # first word of a sentence (or of the segment)


@lru_cache(maxsize=200_000)
def tokens(segment: str) -> tuple[Token, ...]:
    found = []
    for match in WORD.finditer(segment):
        before = segment[: match.start()].rstrip(OPENERS)
        found.append(Token(base(match.group()), match.start(), not before or before[-1] in SENTENCE_END))
    return tuple(found)


ACRONYM_PLURAL = re.compile(r"[A-Z]{2,}s")


def capitalised(word: str) -> bool:
    """A name-shaped word: an upper-case first letter and some lower-case (NATO, EU, SMEs are not compared);
    every part of a hyphenated word capitalised and longer than a letter (Rhine-Westphalia, not Earth-like)."""
    if ACRONYM_PLURAL.fullmatch(word):
        return False
    parts = word.split("-")
    return all(len(part) > 1 and part[:1].isupper() for part in parts) and any(char.islower() for char in word)


@dataclass
class NameLexicon:
    """Tells names from ordinary words that happen to be capitalised (Minister, Defence, Square)."""

    places: frozenset[str] = frozenset()  # case-folded place names (countries, cities): names however common
    countries: frozenset[str] = frozenset()  # case-folded: their adjectives and demonyms are not names
    upper: Counter[str] = field(default_factory=Counter)  # capitalised, not sentence-initial
    lower: Counter[str] = field(default_factory=Counter)

    @classmethod
    def from_texts(cls, texts: Iterable[str], places: frozenset[str] = frozenset(),
                   countries: frozenset[str] = frozenset()) -> "NameLexicon":
        lexicon = cls(places, countries)
        for text in texts:
            for line in text.splitlines():
                for token in tokens(line):
                    if token.text[:1].islower():
                        lexicon.lower[token.text.casefold()] += 1
                    elif not token.initial and capitalised(token.text):
                        lexicon.upper[token.text.casefold()] += 1
        return lexicon

    def __post_init__(self) -> None:
        self._names: dict[str, bool] = {}
        self._demonyms: dict[str, bool] = {}

    def demonym(self, key: str) -> bool:
        """Is the case-folded word an adjective or demonym of a country (Ukrainian, Austrian, Syrians)?"""
        if key not in self._demonyms:
            self._demonyms[key] = any(_adjective_of(key, country) for country in self.countries)
        return self._demonyms[key]

    def is_name(self, word: str) -> bool:
        if word not in self._names:
            self._names[word] = self._is_name(word)
        return self._names[word]

    def _is_name(self, word: str) -> bool:
        if not capitalised(word) or len(word) < 2:
            return False
        key = word.casefold()
        if key in CALENDAR:
            return False
        if zipf(key) >= COMMON and key not in self.places:  # Ministry, Parliament, Defence (and Trump, Smith)
            return False
        if self.demonym(key):
            return False
        upper, lower = self.upper[key], self.lower[key]
        if upper + lower >= 3:  # enough case evidence: names are (nearly) never written lower-case
            return lower <= 0.15 * (upper + lower)
        return zipf(key) < RARE and lower <= upper


@lru_cache(maxsize=None)
def zipf(word: str) -> float:
    return zipf_frequency(word, "en")


@dataclass(frozen=True)
class NameEntry:
    canonical: str
    type: str = ""  # person | place | "" (untyped)
    variants: tuple[str, ...] = ()


def name_phrases(segment: str, lexicon: NameLexicon) -> list[list[Token]]:
    """Runs of name words separated by one space only (Oleksiy Arestovych; not "Kyiv, Kharkiv")."""
    runs: list[list[Token]] = []
    for token in tokens(segment):
        if not lexicon.is_name(token.text):
            continue
        previous = runs[-1][-1] if runs else None
        joined = previous is not None and segment[previous.start + len(previous.text): token.start] == " "
        if joined and not segment[previous.start:token.start].rstrip().endswith(("'s", "’s")):
            runs[-1].append(token)
        else:
            runs.append([token])
    return runs


def _phrase_text(run: Sequence[Token]) -> str:
    return " ".join(token.text for token in run)


def _cued_person(segment: str, run: Sequence[Token]) -> bool:
    """A title before the name or a speech verb after it: "President Volodymyr Zelenskyy", "Aslin said"."""
    words = tokens(segment)
    position = next(index for index, token in enumerate(words) if token.start == run[0].start)
    before = words[position - 1].text.casefold() if position else ""
    after = words[position + len(run)].text.casefold() if position + len(run) < len(words) else ""
    return before in PERSON_TITLES or after in SPEECH_VERBS


def given_names(references: Iterable[Sequence[str]], lexicon: NameLexicon) -> frozenset[str]:
    """Case-folded first words of the two- and three-word names a title or speech verb marks as people, in
    any reference: "Denys" from "adviser Denys Kudin" makes "Denys Monastyrsky" a person elsewhere."""
    found = set()
    for reference in references:
        for segment in reference:
            for run in name_phrases(segment, lexicon):
                if len(run) in (2, 3) and _cued_person(segment, run):
                    found.add(run[0].text.casefold())
    return frozenset(word for word in found - lexicon.places if not lexicon.lower[word])


def reference_glossary(reference: Sequence[str], lexicon: NameLexicon,
                       given: frozenset[str] = frozenset()) -> list[NameEntry]:
    """The reference's names, first occurrence first. A name the lexicon's places hold is a place. A two- or
    three-word name is a person when a title or speech verb stands next to it, its first word is one of
    ``given`` or its last word is used alone (that word is then its variant). Everything else is untyped."""
    phrases: dict[str, str] = {}  # text -> type
    for segment in reference:
        for run in name_phrases(segment, lexicon):
            text = _phrase_text(run)
            kind = "place" if text.casefold() in lexicon.places else ""
            if len(run) in (2, 3) and not kind and (_cued_person(segment, run) or run[0].text.casefold() in given):
                kind = "person"
            if phrases.get(text, "") == "":
                phrases[text] = kind
    singles = {text for text in phrases if " " not in text}
    entries = []
    for text, kind in phrases.items():
        variants: tuple[str, ...] = ()
        last = text.rsplit(" ", 1)[-1]
        if " " in text and kind in ("", "person") and last in singles and last.casefold() not in lexicon.places:
            kind, variants = "person", (last,)
        entries.append(NameEntry(text, kind, variants))
    taken = {variant for entry in entries for variant in entry.variants}
    return [entry for entry in entries if entry.canonical not in taken]


# Romanisation alternations folded away before two spellings are compared (Kharkov/Kharkiv, Igor/Ihor).
SKELETON_RULES = (("kh", "h"), ("gh", "h"), ("g", "h"), ("w", "v"), ("ph", "f"), ("ck", "k"), ("c", "k"),
                  ("q", "k"), ("x", "ks"), ("tsch", "ch"), ("sch", "sh"), ("zh", "j"), ("dzh", "j"), ("y", "i"),
                  ("j", "i"), ("ie", "i"), ("ii", "i"), ("ei", "i"))


@lru_cache(maxsize=None)
def skeleton(word: str) -> str:
    text = anyascii(base(word)).casefold().replace("'", "").replace("-", "")
    for old, new in SKELETON_RULES:
        text = text.replace(old, new)
    return re.sub(r"(.)\1+", r"\1", text)


def consonants(word: str) -> str:
    return re.sub(r"[aeiou]", "", skeleton(word))


def similarity(hyp: str, ref: str) -> float:
    """How alike two spellings are once romanisation differences are folded away (0..1)."""
    a, b = skeleton(hyp), skeleton(ref)
    score = Levenshtein.normalized_similarity(a, b)
    if consonants(hyp) == consonants(ref) and len(consonants(ref)) >= 3:
        score = max(score, 0.8)  # Alexey/Oleksiy: only vowels differ
    return score


SAME_NAME = 0.75  # the least similarity at which two spellings are taken for one name
SOLE_PAIR = 0.5  # ... when they are the only unpaired names of their segments, or share a name's given name
GIVEN_PAIR = 0.3  # ... when they are given names before the same surname (John/Johannes, not Handsome/Krasavchik)


def _stems(word: str, endings: Sequence[str]) -> set[str]:
    return {word} | {word[: -len(end)] for end in endings if end and word.endswith(end) and len(word) - len(end) >= 3}


def _adjective_of(word: str, name: str) -> bool:
    """Is ``word`` an English adjective or demonym made from ``name`` (Catalan/Catalonia, Thuringian/Thüringen)?"""
    for ending in ADJECTIVE_ENDINGS:
        stem = word[: -len(ending)]
        if word.endswith(ending) and not name.endswith(ending) and len(stem) >= 3 and anyascii(name).startswith(stem):
            return True
    return False


def difference(hyp: str, ref: str) -> str:
    """How two spellings of a name differ: "accents" (Raikkonen/Räikkönen), "english" derivation or
    inflection (Ukraine/Ukrainian, Frankfurt/Frankfurters: not a spelling error), "spelling" (the
    same letters once romanisation is folded away, Zelensky/Zelenskyy, or anything else), or "ending":
    a source-language case ending or adjective left in English copy (Buchi/Bucha, Brovary/Brovarsky), or
    one spelling cut short of the other (Buch/Bucha, Norman/Normandy)."""
    a, b = fold(hyp), fold(ref)
    if anyascii(a) == anyascii(b):
        return "accents"
    if skeleton(hyp) == skeleton(ref):  # before the endings: Donbas/Donbass, Sergey/Sergei are spellings
        return "spelling"
    if _stems(a, ENGLISH_ENDINGS) & _stems(b, ENGLISH_ENDINGS):
        return "english"
    if _adjective_of(a, b) or _adjective_of(b, a):
        return "english"
    a, b = skeleton(hyp), skeleton(ref)
    if a.startswith(b) or b.startswith(a) or _stems(a, FOREIGN_ENDINGS) & _stems(b, FOREIGN_ENDINGS):
        return "ending"
    return "spelling"


@dataclass(frozen=True)
class Annotation:
    surface: str
    canonical: str
    kind: str  # transliteration | optional | correct
    note: str


def segment_pairs(hyp_line: str, ref_line: str, ref_words: set[str], lexicon: NameLexicon,
                  glossary_words: dict[str, str]) -> list[tuple[str, str, float, str]]:
    """(hyp word, ref word, similarity, how paired) for the names this hypothesis segment spells differently
    from the reference segment, each word on either side in at most one pair: alike spellings best first
    ("alike"), then the one name left on each side ("sole"), then a two-word name with one word replaced
    ("given name" or "surname")."""
    hyp_folded = {token.text.casefold() for token in tokens(hyp_line)}
    missing = sorted({t.text for t in tokens(ref_line) if t.text.casefold() in glossary_words
                      and t.text.casefold() not in hyp_folded and len(t.text) >= MIN_LENGTH})
    extra = sorted({t.text for t in tokens(hyp_line) if lexicon.is_name(t.text)
                    and t.text.casefold() not in ref_words and len(t.text) >= MIN_LENGTH})
    scored = sorted(((similarity(h, r), h, r) for h in extra for r in missing), key=lambda x: (-x[0], x[1], x[2]))
    pairs, used_h, used_r = [], set(), set()
    for score, hyp, ref in scored:
        if score < SAME_NAME or hyp in used_h or ref in used_r:
            continue
        used_h.add(hyp)
        used_r.add(ref)
        pairs.append((hyp, ref, score, "alike"))
    left_h, left_r = [h for h in extra if h not in used_h], [r for r in missing if r not in used_r]
    if len(left_h) == 1 and len(left_r) == 1 and _loosely_alike(left_h[0], left_r[0]):
        used_h.add(left_h[0])  # the one name left on each side: Taiwu/Thaiwoo, Cowley/Cauley
        used_r.add(left_r[0])
        pairs.append((left_h[0], left_r[0], similarity(left_h[0], left_r[0]), "sole"))
    for hyp, ref, how in _replaced_names(hyp_line, ref_line, lexicon):
        if hyp not in used_h and ref not in used_r:
            used_h.add(hyp)
            used_r.add(ref)
            pairs.append((hyp, ref, similarity(hyp, ref), how))
    return pairs


def _loosely_alike(hyp: str, ref: str) -> bool:
    """Alike enough for a pair with nothing else to choose from: Taiwu/Thaiwoo, not Lviv/Kyiv."""
    return skeleton(hyp)[:1] == skeleton(ref)[:1] and similarity(hyp, ref) >= SOLE_PAIR


def _replaced_names(hyp_line: str, ref_line: str, lexicon: NameLexicon) -> list[tuple[str, str, str]]:
    """(hyp word, ref word) where the hypothesis has a two-word name of the reference segment with one word
    replaced by another capitalised word: a given name (John Patrick for Johannes Patrick, Peter Gannushkin
    for Pyotr Gannushkin) or a surname (Justin Cowley for Justin Cauley). The word kept anchors the pair
    when the other two are somewhat alike (a replaced surname as alike as a sole pair)."""
    hyp_tokens = tokens(hyp_line)
    in_segment = {token.text.casefold() for token in tokens(ref_line)}
    found = []
    for run in name_phrases(ref_line, lexicon):
        if len(run) != 2:
            continue
        for index in range(len(hyp_tokens) - 1):
            first, second = hyp_tokens[index], hyp_tokens[index + 1]
            if hyp_line[first.start + len(first.text): second.start] != " ":
                continue
            if second.text == run[1].text and first.text != run[0].text:
                replaced, ref, how, least = first.text, run[0].text, "given name", GIVEN_PAIR
            elif first.text == run[0].text and second.text != run[1].text:
                replaced, ref, how, least = second.text, run[1].text, "surname", SOLE_PAIR
                if not _loosely_alike(replaced, ref):
                    continue
            else:
                continue
            if how == "surname" and (len(replaced) < MIN_LENGTH or not lexicon.is_name(replaced)):
                continue  # a surname is a rare word: Orchestra for Orchester is a translation
            if (similarity(replaced, ref) >= least and _could_be_name(replaced, lexicon)
                    and replaced.casefold() not in in_segment
                    and len(ref) >= MIN_LENGTH):
                found.append((replaced, ref, how))
    return found


def _could_be_name(word: str, lexicon: NameLexicon) -> bool:
    """A capitalised word, not a title, a demonym or a word written lower-case too."""
    key = word.casefold()
    upper, lower = lexicon.upper[key], lexicon.lower[key]
    return (capitalised(word) and len(word) >= 3 and key not in PERSON_TITLES
            and lower <= 0.15 * (upper + lower) and zipf(key) < 5.5
            and not lexicon.demonym(key))


def annotate(hypothesis: Sequence[str], reference: Sequence[str], glossary: Sequence[NameEntry],
             lexicon: NameLexicon, attested: set[str], source: Sequence[str] = ()) -> list[Annotation]:
    """Annotations for one system output of a document, segment by segment against the reference.

    A name pair (hypothesis word, reference word) of one segment is a ``transliteration`` when the two differ
    in spelling, and ``optional`` (neither rewarded nor punished) when the reference may be the odd one out
    or the difference may not be a misspelling: only accents, a source-language ending, the hypothesis word
    copied from the source segment (Scholz where the reference has a typo, Sholz), or a reference spelling
    that no system output uses anywhere (``attested``: case-folded words of every system output). English
    derivation (Ukraine/Ukrainian) gives no row. A name the hypothesis has and the reference lacks, close to
    a reference name but not paired in its segment, is ``optional`` too. Every reference name (canonical or
    variant) the hypothesis spells exactly is ``correct``."""
    glossary_words = {word.casefold(): entry.canonical for entry in glossary
                      for form in (entry.canonical, *entry.variants) for word in form.split()}
    ref_words = {token.text.casefold() for line in reference for token in tokens(line)}
    found: dict[tuple[str, str], Annotation] = {}

    def add(row: Annotation) -> None:
        key = (row.surface, row.canonical)
        if key not in found or row.kind in ERROR_KINDS:
            found[key] = row

    unpaired: set[str] = set()
    for index, (hyp_line, ref_line) in enumerate(zip(hypothesis, reference)):
        source_words = {t.text.casefold() for t in tokens(source[index])} if index < len(source) else set()
        pairs = segment_pairs(hyp_line, ref_line, ref_words, lexicon, glossary_words)
        for hyp, ref, score, paired_by in pairs:
            how = difference(hyp, ref)
            if how == "english":
                continue
            if how == "spelling" and hyp.casefold() in ref_words:  # Peter for Pyotr, another Peter elsewhere
                how = "the reference uses it elsewhere"
            elif how == "spelling" and hyp.casefold() in source_words:
                how = "as in the source"
            elif how == "spelling" and ref.casefold() not in attested:
                how = "no system spells the reference's form"
            kind = "optional"
            if how == "spelling":
                kind = "mistranslation" if paired_by == "given name" and score < SAME_NAME else "transliteration"
            add(Annotation(hyp, ref, kind,
                           f"{how}; segment {index + 1}; {paired_by}, similarity {score:.2f}; "
                           f"entry {glossary_words[ref.casefold()]}"))
        paired = {pair[0] for pair in pairs}
        unpaired |= {t.text for t in tokens(hyp_line) if t.text not in paired and len(t.text) >= MIN_LENGTH
                     and t.text.casefold() not in ref_words and capitalised(t.text)}
    for hyp in sorted(unpaired - {row.surface for row in found.values()}):
        close = [(similarity(hyp, word), word) for word in glossary_words if len(word) >= MIN_LENGTH]
        score, word = max(close, default=(0.0, ""), key=lambda pair: (pair[0], pair[1]))
        if score >= SAME_NAME and difference(hyp, word) != "english":
            add(Annotation(hyp, glossary_words[word], "optional", f"not paired in its segment; similarity {score:.2f}"))
    errors = {row.surface for row in found.values()}
    text = "\n".join(hypothesis)
    for entry in glossary:
        for form in (entry.canonical, *entry.variants):
            if form not in errors and re.search(rf"(?<![\w'’-]){re.escape(form)}(?![\w-])", text):
                found.setdefault((form, form), Annotation(form, entry.canonical, "correct", "spelled as the reference"))
    return sorted(found.values(), key=lambda a: (a.kind, a.surface.casefold(), a.canonical))
