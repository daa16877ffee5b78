"""Where a word stands: what the words around a near spelling of a glossary name say about it (``clue_at``),
read into a ``Clue`` that ``evidence.weigh`` weighs against the spelling's own evidence."""
from __future__ import annotations

from .. import lexicon
from ..text import Token, fold, word_frequency
from .evidence import Clue
from .given_names import GivenNames, after_personal_title, given_names_of, is_person, same_given_name
from .index import Form
from .weights import COMMON_WORD_ZIPF, FREQUENT_WORD_ZIPF, PERSON_GIVEN_NAME_BUCKET, RARE_NAME_ZIPF


def clue_at(text: str, words: list[Token], position: int, sentence_start: bool, entry_mentioned: bool, form: Form,
            given_names: GivenNames) -> Clue:
    """The clue of the word at ``position`` of a name phrase (``words``) as a near spelling of ``form``
    (``sentence_start``: the word opens a sentence; ``entry_mentioned``: the article names the entry right)."""
    previous = words[position - 1].text if position > 0 else ""
    same_person = bool(previous) and same_given_name(previous, form.entry, given_names)
    # A word before it that is not the person's own given name nor a near spelling of it (same_person: Nicole for
    # Nikol is a garble of his given name, not somebody else).
    another = bool(previous) and not same_person
    given_before = another and given_names.known(previous)  # a given name of the cognate table
    # A surname-only person entry (Habeck, typed or not) names no given name to differ from: "Robert Habek"
    # may well be Robert Habeck, only less surely. An entry that names its person's given name, or a
    # place, is somebody else after another given name: a common one too (Karen Kazaryan is nobody's
    # Kazakhstan, Valerie Pecresse no AFP, Kim Kalicki not Serdar Kilic).
    surname_only = form.entry.type in ("person", "other") and not given_names_of(form.entry)[1]
    other_person = not surname_only and (given_before or (another and lexicon.is_given_name(previous, PERSON_GIVEN_NAME_BUCKET)))
    # A given name (Mikhail Glinka; Ivan said) or a word after a title (Mr Morchio) is a person's: no garbled place.
    opens_person_name = given_names.known(words[position].text) or after_personal_title(text, words[position].start)
    # A capitalised word English does not know, or a given name the lexicon knows, before a near spelling of
    # a surname: maybe somebody else's name. A title English knows (Ayatollah, Sheikh) is no given name.
    unknown_given_name = (
        another and not other_person and words[position - 1].capitalized
        and (word_frequency(fold(previous)) < RARE_NAME_ZIPF or _given_name(previous))
    )
    return Clue(sentence_start, entry_mentioned, other_person, same_person, opens_person_name, unknown_given_name,
                given_before and surname_only, _opens_longer_name(text, words, position, form))


def _opens_longer_name(text: str, words: list[Token], position: int, form: Form) -> bool:
    """Is the word a near spelling of a person's one-word name or surname inside a longer name: followed,
    across a space, by another word of a name (Babyn Yar, Mihkel Pajusalu), or joined by a hyphen to one (the
    double surname Melik-Huseynov)? A word of a name is one English barely knows or a common given name. A
    surname stands last in a person's name and alone, so such a word belongs to a name the glossary does not
    know. (Not a place's: a town names what is in it, Sushi Ghazanchetsots Church.)"""
    if form.role not in ("name", "surname") or " " in form.folded or not is_person(form.entry):
        return False
    word = words[position]
    after = words[position + 1] if position + 1 < len(words) else None
    if after is not None and _name_word(after) and text[word.end : after.start] in (" ", "\u00a0"):
        return True
    before = words[position - 1] if position > 0 else None
    return before is not None and _name_word(before) and text[before.end : word.start] in ("-", "\u2011")


def _name_word(word: Token) -> bool:
    """A capitalised word of a name: one English barely uses, or a common given name."""
    return word.capitalized and (word_frequency(fold(word.text)) < FREQUENT_WORD_ZIPF
                                 or lexicon.is_given_name(word.text, PERSON_GIVEN_NAME_BUCKET))


def _given_name(word: str) -> bool:
    """A given name the lexicon knows that is not, first of all, an ordinary English word: "In" is in the US
    census's list, and before "Babyan" it opens a sentence, not a name."""
    return lexicon.is_given_name(word, PERSON_GIVEN_NAME_BUCKET) or (
        lexicon.is_given_name(word) and word_frequency(fold(word)) < COMMON_WORD_ZIPF)
