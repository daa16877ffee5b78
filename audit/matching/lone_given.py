"""A given name standing alone in another language's form: "Alexander said" where the article's Oleksandr
Kovalenko is meant ("Olga was found" for Olha Sukhenko).

Machine translation that keeps a person's given name in the source's form before the surname (Nicholas
Pashinyan) does it as readily where a story calls the person by the given name alone. A one-word name phrase
that is another language's form (the cognate table) of the given name of a person the article names, rightly or
garbled, is that person's given name. Where two such persons, or a person whose own given name the word is, are
named in the article, the word is left alone. (Not a glossary entry that is a given name alone: the word may
be a missile's or a city's name as well, Iskander or Sofia.)
"""
from __future__ import annotations

from collections.abc import Sequence

from mypy_extensions import mypyc_attr

from ..glossary import Glossary
from ..text import fold, spelling_key
from .given_names import GivenNames, given_names_of, is_person
from .index import Form
from .name_match import NameMatch, name_match
from .phrases import Phrase

# Less sure than before the surname (COGNATE_CONFIDENCE): the word stands alone, and the person is named elsewhere.
LONE_GIVEN_NAME_CONFIDENCE = 0.8


@mypyc_attr(serializable=True, allow_interpreted_subclasses=True)
class LoneGivenNames:
    """The glossary's persons' given names (the first word of each), as forms suggesting the given name alone."""

    def __init__(self, glossary: Glossary, given_names: GivenNames) -> None:
        self.given_names = given_names
        self._given_of: dict[str, Form] = {}  # canonical -> its first given name (Olha of Olha Sukhenko)
        for entry in glossary.entries:
            # (The type first: a gazetteer's 50,000 places need neither cached lookup.)
            if entry.type not in ("person", "other") or not is_person(entry):
                continue
            canonical_given = given_names_of(entry)[0]
            if canonical_given:
                written, first = entry.canonical.split()[0], canonical_given.split()[0]
                self._given_of[entry.canonical] = Form(written, entry, "given", written, first, spelling_key(first))

    def __bool__(self) -> bool:
        return bool(self._given_of)

    def find(self, text: str, phrases: Sequence[Phrase], known: Sequence[list[list[Form] | None]],
             matches: Sequence[NameMatch]) -> list[NameMatch]:
        """Matches of the one-word phrases of ``text`` that are another language's form of the given name of a
        person the article names in full (``known``: each phrase's words' exact forms; ``matches``: what was found
        garbled). A person named by the surname alone (Lukashenko) is not one a story calls by the given name."""
        taken = {(match.start, match.end) for match in matches}
        lone = [(phrase.words[0], forms[0]) for phrase, forms in zip(phrases, known)
                if len(phrase.words) == 1 and self.given_names.known(phrase.words[0].text)]
        if not lone:
            return []
        in_full = {form.entry.canonical for forms in known for word_forms in forms if word_forms
                   for form in word_forms if " " in form.folded}
        in_full.update(match.entry.canonical for match in matches if " " in match.surface.strip())
        people = [form for canonical in sorted(in_full) if (form := self._given_of.get(canonical)) is not None]
        # Given names the article gives somebody the glossary does not know (Olga Petrova): a lone Olga may be her.
        matched_at = {match.start for match in matches}
        strangers = {fold(phrase.words[0].text) for phrase in phrases
                     if len(phrase.words) > 1 and phrase.words[0].start not in matched_at}
        found = []
        for word, forms in lone:
            if forms is not None or (word.start, word.end) in taken:
                continue  # a glossary form as it stands, or already reported
            folded = fold(word.text)
            if folded in strangers or any(person.folded == folded for person in people):
                continue  # the given name of somebody else the article names: maybe that person
            meant = {form.entry.canonical: form for form in people if self.given_names.cognates(folded, form.folded)}
            if len({form.folded for form in meant.values()}) != 1:
                continue  # nobody, or two people with different given names the word could stand for
            form = next(iter(meant.values()))
            reason = f"{word.text!r} is another language's form of {form.text!r}, the given name of {form.entry.canonical!r}"
            found.append(name_match(word.start, word.end, text, form, "given-name", LONE_GIVEN_NAME_CONFIDENCE, reason))
        return found
