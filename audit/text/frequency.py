"""How frequent a word is in ordinary text (wordfreq's Zipf scale)."""
from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from types import ModuleType

from . import sorted_words
from .sorted_words import SortedWords

# What a word's Zipf frequency in English says, most frequent first: every threshold the tool uses, named
# once. 7 is "the"; 0 is a word English text does not know.
# Short words this frequent ("at", "in", "and") glued to a name by a scraper do not make a garble.
GLUE_WORD_ZIPF = 5.5
# An ordinary English word: never a garble; a near spelling of it is another word (Monday/Mondavi); a
# capitalised one is a title or an ordinary word rather than part of a name ("President", "The").
COMMON_WORD_ZIPF = 4.0
# Glossary words at least this frequent in English are not used as fuzzy targets ("Group", "Human").
DISTINCTIVE_ZIPF = 3.3
# A well-known word: suspect only when its key equals a glossary name's exactly; near it, only a spelling
# with the same comparison key is a variant; a lower-cased one in a name is just a word ("the").
FREQUENT_WORD_ZIPF = 3.0
# Words English text already knows are different real names rather than garbles: from KNOWN_WORD_ZIPF
# always, from RARE_NAME_ZIPF unless the article names the entry right elsewhere, and from RARE_WORD_ZIPF
# they cost confidence. A spelling at least RARE_NAME_ZIPF is a spelling in use; one below RARE_WORD_ZIPF
# is a candidate garble, and one below UNKNOWN_WORD_ZIPF is a spelling English word lists have not seen.
KNOWN_WORD_ZIPF = 2.0
RARE_NAME_ZIPF = 1.5
RARE_WORD_ZIPF = 1.0
UNKNOWN_WORD_ZIPF = 0.5


# The Latin-alphabet languages whose words wordfreq only normalises to NFC, case-folds and splits with its regular
# expression (get_language_info: tokenizer "regex", NFC, no transliteration, mark removal, dotless i or
# diacritic fixing): a plain word of theirs is one lookup in their table. tests/test_text.py holds this set
# equal to what wordfreq says of its languages.
PLAIN_LANGUAGES = frozenset({
    "ca", "cs", "da", "de", "en", "es", "fi", "fil", "fr", "hu", "id", "is", "it", "lt", "lv", "ms", "nb", "nl",
    "pl", "pt", "sk", "sl", "sv", "vi",
})


@lru_cache(maxsize=200_000)
def word_frequency(word: str, language: str = "en") -> float:
    """Zipf frequency of a word in ordinary text (0 for unknown words, about 7 for 'the')."""
    if language in PLAIN_LANGUAGES:
        tokens = _plain_tokens(word)
        if tokens is not None:
            table = _lookup(language)
            if table is not None:
                return _plain_zipf(table, tokens)
    return _wordfreq().zipf_frequency(word, language)


_sorted_folder: str | None = None  # where sorted word lists are kept (keep_sorted_lists_in), if anywhere
_sorted_lists: dict[str, SortedWords] = {}  # the sorted lists _lookup has read, by language


def keep_sorted_lists_in(folder: str | None) -> None:
    """Keep the word lists a scan reads whole in ``folder`` in a form that loads in milliseconds
    (audit.text.sorted_words), and read them from there: the scan's cache folder. Lists already read stay as
    they are; None: read them into dicts, as a scan without a cache does."""
    global _sorted_folder
    _sorted_folder = folder or None


@lru_cache(maxsize=None)
def _lookup(language: str) -> dict[str, float] | SortedWords | None:
    """``language``'s table as word_frequency reads it: from its sorted form where a folder for those is set,
    else the dict (``_table``)."""
    path, folder = _best_list(language), _sorted_folder
    if folder is None or path is None:
        return _table(language)
    kept = sorted_words.file_for(folder, path, language)
    if kept is None:
        return _table(language)
    words = sorted_words.load(kept)
    if words is None:
        if not sorted_words.writable(folder):
            return _table(language)
        buckets = _cbpack_buckets(path)
        words = sorted_words.from_buckets(buckets) if buckets is not None else None
        if words is None:
            return _table(language)
        sorted_words.save(kept, words)
    _sorted_lists[language] = words
    return words


@lru_cache(maxsize=200_000)
def at_least(word: str, language: str, min_zipf: float) -> bool:
    """Is ``word`` at least ``min_zipf`` on the Zipf scale in ``language``? The answer of
    ``word_frequency(word, language) >= min_zipf``, read from the head of the language's list (its words down
    to ``min_zipf``): a language's whole list takes 0.2-0.4 s to read, its head 0.02 s, and AUD402 asks this of
    the few words of a sentence in another language."""
    if language in PLAIN_LANGUAGES:
        tokens = _plain_tokens(word)
        if tokens is not None:
            whole = _sorted_lists.get(language)
            if whole is not None:  # read already, and as quick to ask as a head (English, in a scan with a cache)
                return _plain_zipf(whole, tokens) >= min_zipf
            head = _head(language, min_zipf)
            if head is not None:
                # A token missing from the head is below min_zipf, and a word is never more frequent than its
                # least frequent token (1/f = 1/f1 + 1/f2), so the head decides (tests/test_text.py).
                return _plain_zipf(head, tokens) >= min_zipf
    return word_frequency(word, language) >= min_zipf


def common_in_some_language(word: str) -> bool:
    """Is ``word`` an ordinary word (at least COMMON_WORD_ZIPF) of English or of another Latin-alphabet language
    wordfreq reads plainly? A gazetteer's place names are built of such words (Bourse, Casale, Agua, Alta,
    Novo), and a near spelling of one in English copy is most often the same word in a neighbouring language
    (Boerse, German Börse) rather than a garbled name. Read from each language's head only (0.18 s for all
    24, once per process); a word wordfreq would have to tokenise (an elision, "ß", another script) is not
    asked, as answering it would read every language's whole list (6 s for a gazetteer's names): False."""
    lowered = word.lower()
    tokens = _plain_tokens(lowered)
    if tokens is None:
        return False
    if len(tokens) == 1:
        common = _common_somewhere()
        if common is not None:
            return tokens[0] in common  # one lookup instead of 24 (a gazetteer asks this of 11,000 words)
    return any(at_least(lowered, language, COMMON_WORD_ZIPF) for language in sorted(PLAIN_LANGUAGES))


@lru_cache(maxsize=1)
def _common_somewhere() -> frozenset[str] | None:
    """Every word at least COMMON_WORD_ZIPF in some plain language (a one-token word's answer of
    ``common_in_some_language``), or None if a language's list cannot be read."""
    words: set[str] = set()
    for language in sorted(PLAIN_LANGUAGES):
        head = _head(language, COMMON_WORD_ZIPF)
        if head is None:
            return None
        words.update(head)  # a head holds only words at least that frequent (see _read_cbpack)
    return frozenset(words)


def _plain_tokens(word: str) -> tuple[str, ...] | list[str] | None:
    """The tokens wordfreq's tokeniser makes of ``word`` when that is plain to see: a lower-case ASCII word,
    or one split only at hyphens and spaces ("long-term"), or a word of Latin letters in NFC that case-folds
    to itself ("für", "société"); None for anything else (capitals, "ß", elisions, other scripts)."""
    if word.isascii():
        if word.isalpha() and word.islower():
            return (word,)
        if _COMPOUND.fullmatch(word) and not _ELISION.search(word):
            return _WORD_BREAK.split(word)
        return None
    return (word,) if _plain_latin(word) else None


def _plain_latin(word: str) -> bool:
    """Is ``word`` one token wordfreq's tokeniser leaves as it is: letters of the Latin alphabets only
    (ASCII and U+00C0-U+024F), in NFC and case-folded already (so not "ß", which folds to "ss")? Then its
    frequency is a lookup in the language's table (tests/test_text.py holds the two equal over every
    language's word list)."""
    return (word.isalpha() and word.casefold() == word and all(char.isascii() or "\u00c0" <= char < "\u0250" for char in word)
            and unicodedata.is_normalized("NFC", word))


# Lower-case ASCII words that wordfreq's tokeniser splits only at hyphens and spaces ("long-term" is
# "long" and "term"), keeping an apostrophe between letters inside a token ("don't", "world's", "o'neill"). Its one
# exception, a part that opens with one or two letters, an apostrophe and a vowel or h (the French
# elision of "l'arc", "d'arcy", "y'all"), is split there: such words are left to wordfreq.
_COMPOUND = re.compile(r"[a-z]+(?:'[a-z]+)*(?:[- ][a-z]+(?:'[a-z]+)*)*")
_ELISION = re.compile(r"(?:^|[- ])[a-z]{1,2}'[aehiouy]")
_WORD_BREAK = re.compile(r"[- ]")


@lru_cache(maxsize=1)
def _wordfreq() -> ModuleType:
    """wordfreq, imported when a word is asked about that the tables cannot answer alone: it imports ftfy,
    langcodes and regex (0.15 s), which `audit --version` and most scans never need."""
    import wordfreq

    return wordfreq


@lru_cache(maxsize=None)
def _table(language: str) -> dict[str, float] | None:
    """wordfreq's "best" table of ``language`` (word -> frequency), read straight from its data file when it
    can be: importing wordfreq costs as much as reading the table, and building it with wordfreq's own loop
    twice as much. Otherwise wordfreq builds it, with the same arguments its own lookups pass, so its cache
    holds one table; None for a language wordfreq has no list of its own for."""
    path = _best_list(language)
    if path is None:
        return None
    table = _read_cbpack(path)
    return table if table is not None else _wordfreq().get_frequency_dict(language, "best")


def _best_list(language: str) -> str | None:
    """The file of ``language``'s "best" list, as wordfreq picks it: the large list where there is one, else
    the small one; None for a language wordfreq has no list of its own for."""
    import os

    folder = _data_folder()
    if folder is None or language not in wordlist_languages():
        return None
    large = f"{folder}/large_{language}.msgpack.gz"
    return large if os.path.exists(large) else f"{folder}/small_{language}.msgpack.gz"


# The format of wordfreq's lists ("large_de.msgpack.gz"): a gzipped msgpack list, a header, then one list
# of words per centibel of frequency, most frequent first.
CBPACK_HEADER = {"format": "cB", "version": 1}


def package_folder(name: str) -> str | None:
    """The folder of the installed package ``name``, found without importing it (importing wordfreq or
    langdetect costs more than what is read from their folders); None if it is not installed."""
    from importlib.util import find_spec

    spec = find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return None
    return spec.submodule_search_locations[0]


def _data_folder() -> str | None:
    """wordfreq's data folder."""
    folder = package_folder("wordfreq")
    return f"{folder}/data" if folder else None


@lru_cache(maxsize=1)
def wordlist_languages() -> frozenset[str]:
    """The languages wordfreq has a word list of its own for (wordfreq.available_languages("best")),
    read from its data folder's file names ("small_de.msgpack.gz")."""
    import os

    folder = _data_folder()
    try:
        names = os.listdir(folder) if folder else []
    except OSError:
        names = []
    found = frozenset(
        name.split(".")[0].split("_", 1)[1] for name in names
        if name.endswith(".msgpack.gz") and not name.startswith("_") and name.split("_", 1)[0] in ("small", "large")
    )
    return found or frozenset(_wordfreq().available_languages())


def _read_cbpack(path: str, min_zipf: float | None = None) -> dict[str, float] | None:
    """A wordfreq cBpack list as word -> frequency (None if the file is not there or not in that format); with
    ``min_zipf``, only its words at least that frequent, the rest of the file left unread."""
    buckets = _cbpack_buckets(path, min_zipf)
    if buckets is None:
        return None
    table: dict[str, float] = {}
    for index, bucket in enumerate(buckets):
        # a word in two buckets keeps the later, as in wordfreq's own loop
        table.update(dict.fromkeys(bucket, sorted_words.frequency(index)))
    return table


def _cbpack_buckets(path: str, min_zipf: float | None = None) -> list[list[str]] | None:
    """A wordfreq cBpack list's buckets of words, most frequent first (None if the file is not there or not
    in that format); with ``min_zipf``, only those at least that frequent, the rest of the file left unread."""
    import gzip

    try:
        import msgpack  # type: ignore[import-untyped]
    except ImportError:
        return None
    buckets: list[list[str]] = []
    try:
        with gzip.open(path, "rb") as handle:
            unpacker = msgpack.Unpacker(handle, raw=False, strict_map_key=False, read_size=READ_SIZE)
            if unpacker.read_array_header() < 1 or unpacker.unpack() != CBPACK_HEADER:
                return None
            for index, bucket in enumerate(unpacker):
                if min_zipf is not None and _zipf(sorted_words.frequency(index)) < min_zipf:
                    break  # the buckets go from the most frequent words down
                buckets.append(bucket)
    except (OSError, ValueError, EOFError, msgpack.UnpackException):
        return None
    return buckets


READ_SIZE = 1 << 18  # bytes the unpacker asks of the decompressor at a time


@lru_cache(maxsize=None)
def _head(language: str, min_zipf: float) -> dict[str, float] | None:
    """The words of ``language``'s "best" list at least ``min_zipf`` on the Zipf scale (word -> frequency),
    read from the start of its file, where the most frequent words are, and no further; None if it cannot be."""
    path = _best_list(language)
    return _read_cbpack(path, min_zipf) if path is not None else None


def _plain_zipf(table: dict[str, float] | SortedWords, tokens: Iterable[str]) -> float:
    """zipf_frequency(word, language) for a word that wordfreq's tokeniser splits into ``tokens`` (most
    words are one token), from the language's table directly.

    wordfreq tokenises every word it is asked about, which costs 8 times the lookup: this does what
    wordfreq does with the tokens: frequencies combined as 1/f = 1/f1 + 1/f2, 0 if any token is unknown,
    the same rounding (tests/test_text.py holds the two equal).
    """
    one_over = 0.0
    for token in tokens:
        frequency = table.get(token)
        if frequency is None:
            return 0.0
        one_over += 1.0 / frequency
    return _zipf(1.0 / one_over)


def _zipf(frequency: float) -> float:
    """A frequency on the Zipf scale, rounded as wordfreq rounds it (3 significant digits, then 2 decimals)."""
    frequency = max(frequency, _ZIPF_ZERO)
    frequency = round(frequency, math.floor(-math.log(frequency, 10)) + 3)
    return round(math.log(frequency, 10) + 9, 2)


_ZIPF_ZERO = 1e-9  # the frequency of Zipf 0, wordfreq's floor
