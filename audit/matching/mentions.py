"""Right names written wrong in ways that need no fuzzy matching: accepted forms with a lower-case word
in them (AUD104) and the glossary's known wrong forms, with the word-for-word renderings of the names
it holds (AUD103)."""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources

from mypy_extensions import mypyc_attr

from ..glossary import Entry, Glossary
from ..text import (
    CAPITALISED_BEFORE_LOWER,
    LETTERS,
    DataFileError,
    Token,
    fold,
    iter_words_from,
    toml_tables,
    word_frequency,
)
from ..text.frequency import FREQUENT_WORD_ZIPF
from ..text.tokens import LETTER, WORD, first_piece, token_end
from .index import Form, NameIndex


def lowercase_mentions(index: NameIndex, text: str) -> list[tuple[Token, Token, list[Form]]]:
    """Accepted forms spelled right but with a lower-case word in them ("nagorno-Karabakh", "ilham aliyev"),
    as (first word, last word, forms); not an ordinary English word alone ("reading": see _mention_openers)."""
    found: list[tuple[Token, Token, list[Form]]] = []
    resume = 0
    prefixes = index.name_prefixes
    for start, _end in _mention_openers(index, text):
        if start < resume:
            continue
        # The longest run of words joined by a space or hyphen, at most as long as the longest form, that
        # spells an accepted form. Words are read one at a time while what they spell so far opens some
        # form: "the government" opens none, so nothing after it is read.
        first: Token | None = None
        longest: tuple[Token, list[Form]] | None = None
        previous_end = -1
        for count, word in enumerate(iter_words_from(text, start), 1):
            if first is None:
                first = word
            elif text[previous_end : word.start] not in _JOINERS:
                break
            previous_end = word.end
            folded = fold(text[first.start : word.end])
            forms = index.names_spelled(folded)
            if forms:
                longest = (word, forms)
            if count >= index.max_words or folded not in prefixes:
                break
        if first is not None and longest is not None:
            found.append((first, longest[0], longest[1]))
            resume = longest[0].end
    return found


def _mention_openers(index: NameIndex, text: str) -> list[tuple[int, int]]:
    """(start, end) of the words of ``text`` that can open a wrongly cased mention, in text order.

    Only a lower-case word that opens some accepted form, or a capitalised one that opens a form of
    two words or more and is followed by a lower-case word, can. A lower-case ordinary English word that
    is a name of one word in a gazetteer ("bath", "reading") is that word, not a wrongly cased name: it
    counts only where it opens a longer form. The regex engine and the set of
    distinct words sort them out, so the bulk of the text is never looked at word by word in Python.
    """
    first_words, multi_first_words = index.first_words, index.multi_first_words
    spans: list[tuple[int, int]] = []
    words = set(LETTERS.findall(text))
    # What the copy's words fold to, as the first word of a token (see _may_open_here).
    folded_words = {_folded(first_piece(word)).partition(" ")[0] for word in words}
    for word in words:
        if not word[0].isupper() and (folded := _folded(word)) in first_words:
            if index.names_spelled(folded) and not _ordinary_word(folded):
                spans.extend(_whole_word_spans(text, word))
            elif _may_open_here(index, text, word, folded, folded_words):
                # "the", "new", "san": only the start of a longer name; "bath", "reading" alone are words
                spans.extend(span for span in _whole_word_spans(text, word) if _may_open(index, text, span, folded))
    spans.extend(
        match.span() for match in CAPITALISED_BEFORE_LOWER.finditer(text) if _folded(match.group()) in multi_first_words
    )
    return sorted(spans)


def _ordinary_word(folded: str) -> bool:
    """An English word too common to be taken for a name written in lower case."""
    return word_frequency(folded) >= FREQUENT_WORD_ZIPF


def _may_open_here(index: NameIndex, text: str, word: str, folded: str, folded_words: set[str]) -> bool:
    """Can ``word`` (which opens forms, ``folded``) open one anywhere in ``text``? Only if the copy has a
    word that follows it in some form ("hague" for "the"), or an apostrophe follows it (the tokeniser
    reads on: see _may_open). ``folded_words``: the first word each word of the copy folds to, read as a
    token (a word scrapers glued to the next, "yorkCity", as its first part): folding a token is folding
    its letters, so the word after a joiner folds to one of them."""
    return not index.second_words(folded).isdisjoint(folded_words) or word + "'" in text or word + "\u2019" in text


def _may_open(index: NameIndex, text: str, span: tuple[int, int], folded: str) -> bool:
    """Can the word at ``span``, which opens accepted forms but is none itself, open one here? Only if the
    next word, after one joiner, continues one ("the Hague", not "the government"): the first two steps of
    lowercase_mentions' walk, the next word read by the tokeniser it uses (``token_end``). True when the
    word's token is more than its letters (it reads on, as "o'neill"): the walk decides."""
    start, end = span
    token = WORD.match(text, start)
    if token is None or token.end() != end:
        return True
    if index.max_words < 2 or text[end : end + 1] not in _JOINERS:
        return False
    following_end = token_end(text, end + 1)  # the tokeniser's next word, if it starts right after the joiner
    return following_end is not None and fold(text[start:following_end]) in index.name_prefixes


@mypyc_attr(serializable=True, allow_interpreted_subclasses=True)
class AvoidedForms:
    """The glossary's known wrong forms, found as whole words: with their exact case, or in any case for
    entries whose ``avoid_case`` is "any"."""

    def __init__(self, glossary: Glossary) -> None:
        # The glossary's own avoid lists first, then the word-for-word renderings of the names it holds
        # (audit/data/literal_names.toml), so a flat glossary that lists "Der Spiegel" finds "The mirror".
        exact: dict[str, tuple[Entry, str]] = {}
        any_case: dict[str, tuple[Entry, str]] = {}
        for entry in glossary.entries:
            for form in entry.avoid:
                if entry.avoid_case == "any":
                    any_case.setdefault(form.casefold(), (entry, form))
                else:
                    exact.setdefault(form, (entry, form))
        literal = default_literal_names()
        for entry in glossary.entries:
            for text in entry.accepted:
                for form in literal.get(fold(text), ()):
                    exact.setdefault(form, (entry, form))
        self._exact, self._any_case = exact, any_case
        self._patterns = [
            (pattern, table, key)
            for pattern, table, key in (
                (_alternation(exact, 0), exact, str),
                (_alternation(any_case, re.IGNORECASE), any_case, str.casefold),
            )
            if pattern is not None
        ]

    def find(self, text: str) -> list[tuple[int, int, Entry, str]]:
        """(start, end, entry, wrong form) of each occurrence, in text order."""
        found: dict[tuple[int, int], tuple[int, int, Entry, str]] = {}
        for pattern, table, key in self._patterns:
            for match in pattern.finditer(text):
                entry, form = table[key(match.group())]
                found.setdefault(match.span(), (match.start(), match.end(), entry, form))  # one finding a span
        return [found[span] for span in sorted(found)]


def _alternation(forms: dict[str, tuple[Entry, str]], flags: int) -> re.Pattern[str] | None:
    """One pattern for all the forms, longest first, so "The New Newspaper" wins over "New Newspaper"."""
    if not forms:
        return None
    alternatives = sorted((form for _, form in forms.values()), key=lambda form: (-len(form), form))
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, alternatives)) + r")(?![\w-])", flags)


def load_literal_names(text: str, path: str) -> dict[str, tuple[str, ...]]:
    """Parse a table of word-for-word renderings: folded name -> its literal forms (DataFileError names file and line)."""
    table: dict[str, tuple[str, ...]] = {}
    for line, raw in toml_tables(text, path, "name"):
        names = _strings(raw.get("names"), f"{path}:{line}: names")
        literal = _strings(raw.get("literal"), f"{path}:{line}: literal")
        for name in names:
            table[fold(name)] = table.get(fold(name), ()) + tuple(literal)
    return table


def _strings(value: object, where: str) -> list[str]:
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
        raise DataFileError(f"{where} must be a list of non-empty strings")
    return value


@lru_cache(maxsize=1)
def default_literal_names() -> dict[str, tuple[str, ...]]:
    resource = resources.files("audit.data").joinpath("literal_names.toml")
    return load_literal_names(resource.read_text(encoding="utf-8"), "audit/data/literal_names.toml")


def _folded(word: str) -> str:
    """fold() of one word, without the cache lookup for the plain ASCII majority."""
    return word.lower() if word.isascii() else fold(word)


def _whole_word_spans(text: str, word: str) -> Iterator[tuple[int, int]]:
    """Where ``word`` stands in ``text`` as a whole run of letters (as LETTERS would find it)."""
    for match in _word_not_followed_by_a_letter(word).finditer(text):
        start = match.start()
        if not (start and _is_letter(text[start - 1])):
            yield start, match.end()


@lru_cache(maxsize=20_000)
def _word_not_followed_by_a_letter(word: str) -> re.Pattern[str]:
    # The word first, so the regex engine searches for it as a literal (an assertion before it would be
    # tried at every position of the text); the letter before is checked in Python, on the few hits.
    return re.compile(rf"{re.escape(word)}(?!{LETTER})")


def _is_letter(char: str) -> bool:
    return char.isalnum() and not char.isdecimal()  # what LETTER matches


_JOINERS = (" ", "-", "\u00a0")  # what joins the words of one name

