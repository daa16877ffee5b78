"""The matcher walk: where does the copy name a glossary entry, rightly or garbled?

Knows glossaries and strings, not rules or findings. The checks turn its ``NameMatch`` es into findings.

How a document is read:

1. Word tokens are grouped into *name phrases*: runs of capitalised words joined by a space or a
   hyphen ("Nicholas Pashinyan", "Nagorno-Karbakh").
2. Inside a phrase, the longest runs that spell an accepted form exactly are taken as known (a word only a
   gazetteer's file spells is still compared with the desk's own names, as it would be without the gazetteer).
3. Runs whose comparison key (source-language spellings undone, see audit/data/spelling.toml)
   equals an accepted form's key are transliteration garbles ("Paschinjan", "Jerevan").
4. Each remaining word is looked up in an index of the glossary's distinctive words (blocked by the first
   letter and length of their key, so no span is compared with every name) and scored: edit distance on
   folded text and on keys, agreement of the consonant skeleton, then the article around it (``Clue``) is
   weighed: ordinary English words and real names English text knows, inflections and demonyms
   ("Armenian", "Putin's"), and other people's given names reject a match; the entry spelled right
   elsewhere in the article, or the person's own given name before the word, support one.
5. A surname match looks back at the given name before it: a cognate from another language ("Nicholas"
   for "Nikol") is a given-name substitution; a near spelling is a garble; any other given name is a
   different person and is left alone.

Spelling evidence is cached per distinct word and exact lookups per distinct phrase, so a corpus
repeating a name costs one lookup; only the context is weighed at every occurrence.
"""
from __future__ import annotations

from collections.abc import Sequence

from mypy_extensions import mypyc_attr

from .. import lexicon
from ..caches import BoundedCache
from ..glossary import Entry, Glossary
from ..places import default_places
from ..text import Token, fold, phrase_key, spelling_key, word_frequency
from ..text.translit import translit_cost
from .clues import clue_at
from .evidence import Clue, Evidence, Verdict, best_weighed, spelling_evidence, transliteration_reason, weigh
from .given_names import (
    GivenNames,
    default_given_names,
    given_name_to_check,
    given_names_of,
    is_person,
    open_for_given_name,
    same_given_name,
)
from .index import Form, NameIndex
from .lone_given import LoneGivenNames
from .mentions import AvoidedForms
from .mentions import lowercase_mentions as _lowercase_mentions
from .name_match import Mentioned, NameKind, NameMatch, also_spelled, name_match, surest_per_span
from .near_words import NearWords
from .phrases import Phrase, form_surface, name_phrases
from .place_spellings import other_place_spellings
from .weights import (
    COGNATE_CONFIDENCE,
    GIVEN_MISSPELLING_CONFIDENCE,
    KEY_RUN_CONFIDENCE,
    KNOWN_WORD_ZIPF,
    MIN_WORD_LENGTH,
    NEAREST_HOUSE_CONFIDENCE,
    OTHER_SPELLING_CONFIDENCE,
    crowding,
)
from .wordforms import coined, near_spelling

CACHE_LIMIT = 100_000  # distinct phrase surfaces each cache keeps before it starts afresh


@mypyc_attr(serializable=True, allow_interpreted_subclasses=True)
class Matcher:
    """Finds garbled and mistranslated glossary names in a text. One per glossary; reuse it across documents."""

    def __init__(self, glossary: Glossary, given_names: GivenNames | None = None, min_confidence: float = 0.7) -> None:
        self.glossary = glossary
        self.index = NameIndex(glossary)
        self.given_names = given_names or default_given_names()
        self.min_confidence = min_confidence
        # phrase surface -> known forms per word, and the entries they name
        self._exact_cache: BoundedCache[str, tuple[list[list[Form] | None], frozenset[str]]] = BoundedCache(CACHE_LIMIT)
        self._key_cache: BoundedCache[str, Form | None] = BoundedCache(CACHE_LIMIT)  # run surface -> form of its key
        # Phrase surfaces that hold nothing to report wherever they stand: no glossary form near any of
        # their words, so the article around them is never weighed ("Officials", "Monday").
        self._barren: BoundedCache[str, bool] = BoundedCache(CACHE_LIMIT)
        self._avoided = AvoidedForms(glossary)
        self._looking_ahead = False  # see look_ahead
        self._other_spellings = other_place_spellings(glossary, self.index)
        # The more names a glossary file holds, the likelier an unknown name lands near one of them by chance (a company
        # near one of 50,000 towns): a match no article supports loses confidence with the size of its entry's file. A
        # desk glossary loses nothing, merged with a gazetteer or not, and a gazetteer's weak matches drop to info.
        by_file = self.index.targets_by_source
        self._crowding_by_source = {entry.source: crowded for entry in glossary.entries
                                    if (crowded := crowding(by_file.get(entry.source_file, 0)))}
        # Candidates below the threshold plus the crowding are weighed only where an article supports them (near_words).
        self.near_words = NearWords(self.index, min_confidence, self.given_names, self._crowding_by_source)
        self._lone_given = LoneGivenNames(glossary, self.given_names)

    # -- public ---------------------------------------------------------------------------------
    def find(self, text: str) -> list[NameMatch]:
        """Garbled names and given-name substitutions in ``text``, in text order."""
        phrases, surfaces, readings = self._read(text)
        # Entries the document names correctly somewhere: a near spelling of one of them elsewhere in
        # the same article is far more likely a garble than a different, real name.
        mentioned = Mentioned([named for _, named in readings if named])
        if not self._looking_ahead and self.near_words.batches:  # else look_ahead has looked them up already
            # On a big glossary, the words the walk will look up one by one are looked up together first.
            self.near_words.prefetch(self._keys_to_look_up(phrases, surfaces, readings))
        matches: list[NameMatch] = []
        pending: list[NameMatch] = []  # garbles that count only if the article names their entry elsewhere
        barren = self._barren
        for phrase, surface, (phrase_known, _) in zip(phrases, surfaces, readings):
            if self._to_walk(surface, phrase_known):
                found, unsupported, weighed = self._phrase_matches(text, phrase, phrase_known, mentioned)
                matches.extend(found)
                pending.extend(unsupported)
                if not found and not unsupported and not weighed:
                    barren.put(surface, True)
        if not self._looking_ahead:
            self.near_words.forget_prefetched()
        if pending:
            garbled = {match.entry.canonical for match in matches}
            matches.extend(m for m in pending if m.entry.canonical in garbled or m.entry.canonical in mentioned)
        if self._lone_given:  # "Alexander said", of the article's Oleksandr Kovalenko
            matches.extend(self._lone_given.find(text, phrases, [known for known, _ in readings], matches))
        return sorted(matches, key=lambda m: (m.start, m.end))

    def look_ahead(self, texts: Sequence[str]) -> None:
        """Look up the unknown name words of the documents about to be read together, until ``end_look_ahead``
        (faster on a big glossary: see NameIndex.near_many). What ``find`` answers does not change."""
        if not self.near_words.batches:
            return
        self.near_words.forget_prefetched()
        self.near_words.prefetch([key for text in texts for key in self._keys_to_look_up(*self._read(text))])
        self._looking_ahead = True

    def end_look_ahead(self) -> None:
        self._looking_ahead = False
        self.near_words.forget_prefetched()

    def lowercase_mentions(self, text: str) -> list[tuple[Token, Token, list[Form]]]:
        """Accepted forms spelled right with a lower-case word in them ("nagorno-Karabakh"): (first, last word, forms)."""
        return _lowercase_mentions(self.index, text)

    def avoided(self, text: str) -> list[tuple[int, int, Entry, str]]:
        """Occurrences of the glossary's known wrong forms, matched exactly (case included) as whole words."""
        return self._avoided.find(text)

    def nearest_house(self, folded: str) -> str | None:
        """The house spelling of the glossary name ``folded`` most likely garbles, on spelling alone (no
        article weighed): what to suggest for a word other checks find misspelled. None if nothing is near."""
        form = self._key_form(folded)
        if form is not None:
            return form.house
        for form, evidence in self.near_words.forms(folded):
            if evidence.confidence >= NEAREST_HOUSE_CONFIDENCE:
                return form.house
        return None

    def _read(self, text: str) -> tuple[Sequence[Phrase], list[str], list]:
        """The document's name phrases, their surfaces, and the forms spelled right in each (``_exact_words``)."""
        phrases = name_phrases(text)
        surfaces = [text[phrase.words[0].start : phrase.words[-1].end] for phrase in phrases]
        return phrases, surfaces, [self._exact_words(text, phrase.words, surface) for phrase, surface in zip(phrases, surfaces)]

    # -- one phrase -----------------------------------------------------------------------------
    def _exact_words(self, text: str, words: list[Token], surface: str) -> tuple[list[list[Form] | None], frozenset[str]]:
        """For each word of a phrase, the forms of the longest exactly spelled glossary form covering it;
        and the entries those forms name."""
        cached = self._exact_cache.get(surface)
        return cached if cached is not None else self._exact_cache.put(surface, self._exact_uncached(text, words))

    def _exact_uncached(self, text: str, words: list[Token]) -> tuple[list[list[Form] | None], frozenset[str]]:
        known: list[list[Form] | None] = [None] * len(words)
        named: set[str] = set()
        position = 0
        while position < len(words):
            for length in range(min(self.index.max_words, len(words) - position), 0, -1):
                spelled = text[words[position].start : words[position + length - 1].end]
                forms = self.index.exact.get(fold(spelled))
                if forms:
                    known[position : position + length] = [forms] * length
                    named.update(self.index.entries_named(forms[0].folded, spelled))
                    position += length
                    break
            else:
                position += 1
        return known, frozenset(named)

    def _phrase_matches(
        self, text: str, phrase: Phrase, exact: list, mentioned: Mentioned
    ) -> tuple[list[NameMatch], list[NameMatch], bool]:
        """The phrase's matches, those that need the article to name their entry elsewhere, and whether the
        article around it was weighed (else the phrase alone decided)."""
        words = phrase.words
        known = list(exact)
        matches: list[NameMatch] = []
        unsupported: list[NameMatch] = []
        weighed = self._other_place_spellings(text, words, known, matches)
        position = 0
        while position < len(words):  # runs spelled as a glossary form in another language's spelling
            if known[position] is not None:
                position += 1
                continue
            found = self._key_match(text, words, position, known)
            if found:
                form, length = found
                weighed = True
                clue = self._clue(text, words, position, phrase, mentioned, form)
                folded = fold(form_surface(text, words, position, length))
                another_place = self._another_place(folded, form)
                verdict = None if another_place else self._weigh(spelling_evidence(folded, form, 0), clue, form)
                if verdict or length > 1:
                    verdict = verdict or Verdict(KEY_RUN_CONFIDENCE, transliteration_reason(form))
                    match = name_match(words[position].start, words[position + length - 1].end, text, form,
                                        "garbled", verdict.confidence, verdict.reason)
                    (unsupported if verdict.needs_support else matches).append(match)
                    known[position : position + length] = [[form]] * length
                    position += length
                    continue
            position += 1
        for position, word in enumerate(words):  # single words near a glossary word
            spelled = known[position]
            if not _fuzzy_candidate(word) or (spelled is not None and not self.index.checked_for_desk(spelled)):
                continue
            folded = fold(word.text)
            previous = words[position - 1].text if position else ""
            if spelled is None:
                weighed = weighed or self.near_words.any_near(folded)
                near = self.near_words.forms_for(folded, mentioned, previous)
            else:  # a gazetteer's name: the desk's names near it
                near = self.near_words.desk_forms(folded)
                weighed = weighed or bool(near)
            brand = bool(near) and coined(word.text)
            for form, evidence in near:
                if self._another_place(folded, form) or best_weighed(evidence) < self.min_confidence:
                    # Best first: no article around this word can lift this candidate, nor any after it.
                    break
                if brand and not coined(form.text):
                    continue  # a brand's inner capital garbles a brand's name (AutoVAZ), not a town's (CapCut)
                if self._crowded_out(evidence, form, words, position, mentioned) or self.index.stray(form, known, position):
                    continue
                verdict = self._weigh(evidence, self._clue(text, words, position, phrase, mentioned, form), form)
                if verdict:
                    known[position] = [form]
                    reason = verdict.reason if spelled is None else also_spelled(verdict.reason, folded, spelled)
                    match = name_match(word.start, word.end, text, form, "garbled", verdict.confidence, reason)
                    (unsupported if verdict.needs_support else matches).append(match)
                    break
        if self.index.desk_beside_gazetteer:  # a gazetteer's town by its key, and a desk's name near the same word
            matches, unsupported = surest_per_span(matches, unsupported)
        return self._with_given_names(text, words, known, matches), unsupported, weighed

    def _other_place_spellings(self, text: str, words: list[Token], known: list, matches: list[NameMatch]) -> bool:
        """Words that are another language's or an older spelling of a glossary place (Kiew for Kyiv): each
        is a match, and known from then on. Whether any word was one."""
        other_spellings = self._other_spellings
        if not other_spellings:
            return False
        found = False
        for position, word in enumerate(words):
            folded = fold(word.text)
            forms = other_spellings.get(folded) if known[position] is None and word.capitalized else None
            if forms is None or (position and self.given_names.known(words[position - 1].text)):
                continue
            if position + 1 < len(words) and (self.given_names.known(word.text) or lexicon.is_given_name(word.text)):
                continue  # "Sidney Poitier" is a man, not Sydney
            form = min(forms, key=lambda form: (translit_cost(folded, form.folded), form.text))  # Susi: Shushi
            if spelling_key(folded) == form.key:
                continue  # the comparison keys agree: the key match below says it with its own confidence
            reason = f"{word.text!r} is another language's or an older spelling of {form.entry.canonical!r}"
            confidence = OTHER_SPELLING_CONFIDENCE
            if word_frequency(folded) >= KNOWN_WORD_ZIPF:
                confidence -= self._crowding_of(form)  # English knows it (Lula, Kiev): in a gazetteer, maybe not this place
            if confidence < self.min_confidence:
                continue
            matches.append(name_match(word.start, word.end, text, form, "garbled", confidence, reason))
            known[position] = [form]
            found = True
        return found

    def _another_place(self, folded: str, form: Form) -> bool:
        """Is ``folded`` the name of a real, well-known place other than the form's own (Cameroon, not Cameron)?"""
        return default_places().is_place(folded) and folded not in self._other_spellings and folded != form.folded

    def _key_match(self, text: str, words: list[Token], position: int, known: list) -> tuple[Form, int] | None:
        """The longest run from ``position`` whose comparison key equals an accepted form's key."""
        for length in range(min(self.index.max_words, len(words) - position), 0, -1):
            # A run may take in words known only as parts of longer names ("Phillips" of "Brennan Phillips",
            # in "Brenan Phillips"), not words that are names of their own.
            if any(k is not None and any(f.role in ("name", "surname") for f in k) for k in known[position : position + length]):
                continue
            if length == 1 and not _fuzzy_candidate(words[position]):
                continue
            form = self._key_form(form_surface(text, words, position, length))
            if form:
                return form, length
        return None

    def _key_form(self, surface: str) -> Form | None:
        """The accepted form (or surname) whose comparison key ``surface`` has, cached per surface."""
        if surface not in self._key_cache:
            self._key_cache.put(surface, self.index.by_key.get(phrase_key(fold(surface))))
        return self._key_cache[surface]

    def _clue(self, text: str, words: list[Token], position: int, phrase: Phrase, mentioned: Mentioned, form: Form) -> Clue:
        return clue_at(text, words, position, phrase.sentence_start and position == 0, form.entry.canonical in mentioned,
                       form, self.given_names)

    def _crowded_out(self, evidence: Evidence, form: Form, words: list[Token], position: int, mentioned: Mentioned) -> bool:
        """Would ``weigh`` turn this candidate down whatever else the article says? Yes when the glossary's
        crowding alone takes it below the threshold and nothing can spare it that: the article does not
        name the entry, and no word before it is the entry's own given name (every other clue only takes
        confidence away). Asked before the clue is worked out, which costs several times more."""
        if evidence.confidence - self._crowding_of(form) >= self.min_confidence or form.entry.canonical in mentioned:
            return False
        return position == 0 or not same_given_name(words[position - 1].text, form.entry, self.given_names)

    def _keys_to_look_up(self, phrases: Sequence[Phrase], surfaces: list[str], readings: list) -> list[str]:
        """The comparison keys of the words of a document the walk will look up in the glossary's index."""
        keys = []
        for phrase, surface, (known, _) in zip(phrases, surfaces, readings):
            if not self._to_walk(surface, known):
                continue
            for word, forms in zip(phrase.words, known):
                if forms is not None or not _fuzzy_candidate(word):
                    continue
                folded = fold(word.text)
                if self.near_words.to_look_up(folded):
                    keys.append(spelling_key(folded))
        return keys

    def _to_walk(self, surface: str, known: list[list[Form] | None]) -> bool:
        """Has the phrase anything to report? Not if spelled right throughout (unless a surname follows
        another person's given name: "Igor Klymenko" when the glossary has Igor Konashenkov and Ihor
        Klymenko), nor if it was found barren before."""
        return (None in known or given_name_to_check(known) or self.near_words.desk_near(known)) and surface not in self._barren

    def _weigh(self, evidence: Evidence | None, clue: Clue, form: Form) -> Verdict | None:
        return weigh(evidence, clue, self.min_confidence, is_person(form.entry), self._crowding_of(form))

    def _crowding_of(self, form: Form) -> float:
        return self._crowding_by_source.get(form.entry.source, 0.0)

    # -- given names ----------------------------------------------------------------------------
    def _with_given_names(self, text: str, words: list[Token], known: list, matches: list[NameMatch]) -> list[NameMatch]:
        """Look at the word before each surname: a cognate or near spelling of the entry's given name."""
        result = list(matches)
        kind: NameKind
        for position in range(1, len(words)):
            surname_forms = [f for f in known[position] or () if f.role == "surname" and is_person(f.entry)]
            if not surname_forms or not open_for_given_name(known[position - 1], surname_forms):
                continue
            previous = words[position - 1]
            if not previous.capitalized:
                continue
            for form in surname_forms:
                given, given_names = given_names_of(form.entry)
                if not given or fold(previous.text) in given_names:
                    continue
                first_given = given.split()[0]
                garbled = next((m for m in result if m.start == words[position].start), None)
                start, end = previous.start, words[position].end
                if self.given_names.cognates(previous.text, first_given):
                    kind, confidence = "given-name", COGNATE_CONFIDENCE
                    reason = f"{previous.text!r} is another language's form of {first_given.title()!r}"
                elif near_spelling(fold(previous.text), first_given):
                    kind, confidence = "garbled", GIVEN_MISSPELLING_CONFIDENCE
                    reason = f"given name {previous.text!r} is a misspelling of {first_given.title()!r}"
                else:
                    continue
                if garbled:
                    result.remove(garbled)
                    kind = "garbled"
                    reason = f"{reason}; {garbled.reason}"
                result.append(name_match(start, end, text, form, kind, confidence, reason, whole=True))
                break
        return result


def _fuzzy_candidate(word: Token) -> bool:
    """Worth comparing with the glossary: capitalised, long enough, not an acronym (NHS is not NSS)."""
    return word.capitalized and len(word.text) >= MIN_WORD_LENGTH and not word.text.isupper()

