"""A word list kept on disk sorted, looked up by binary search instead of read into a dict.

A scan of one article asks the English word list about a thousand words (the bundled glossary's words and the
article's); reading wordfreq's list into a dict (gzip, msgpack, 321,000 entries) took 0.17 s of a 0.5 s scan.
Kept in the scan's cache folder in this form (the words' UTF-8 bytes sorted and ended by new lines, where each
starts, and each one's centibel bucket as wordfreq numbers them), it loads in a few milliseconds, and a lookup
is a binary search of about twenty comparisons. A scan that asks many words (more than DICT_AFTER: a folder
of articles) builds the dict after all, from the file's own data, and goes on at dict speed. Either way the
answers are the dict's, exactly (tests/test_sorted_words.py).

The file is written once per word list and installation of wordfreq (its name holds a hash of the list's
path, size and time), atomically, readable by its owner only; a file that is not this user's, is writable by
others or does not hold together is not read (rebuilt where it can be written).
"""
from __future__ import annotations

import hashlib
import os
import struct
import sys
from array import array
from collections.abc import Iterable
from itertools import accumulate

MAGIC = b"wire-audit sorted words 1\n"
PREFIX, SUFFIX = "words-", ".bin"  # a kept list's file name: words-<language>-<hash>.bin
# Byte order and item sizes, word count, length of the words' bytes, SHA-256 of all that follows the header
# (3 ms to check: a file cut short or damaged on disk is not read).
_HEADER = struct.Struct("<8sII32s")
_LAYOUT = f"{sys.byteorder[:6]:<6}{array('I').itemsize}{array('H').itemsize}".encode()
# Lookups by binary search before the dict is built: 20,000 of them (3-4 us each, compiled) cost about what
# building it does (0.1 s), so a scan never pays much more than the cheaper way for its size would have.
DICT_AFTER = 20_000


class SortedWords:
    """word -> frequency over a sorted word list: ``get`` answers as the list's dict would."""

    def __init__(self, words: bytes, offsets: array[int], buckets: array[int]) -> None:
        self._words = words  # every word's UTF-8 bytes and a new line, in byte order
        self._offsets = offsets  # where each word starts, and the end: one more than the words
        self._buckets = buckets  # each word's centibel bucket (frequency 10 ** (-bucket / 100))
        self._asked = 0
        self._table: dict[str, float] | None = None

    def __len__(self) -> int:
        return len(self._buckets)

    def get(self, word: str) -> float | None:
        table = self._table
        if table is None:
            self._asked += 1
            if self._asked <= DICT_AFTER:
                return self._search(word)
            table = self._table = self.as_dict()
        return table.get(word)

    def _search(self, word: str) -> float | None:
        key = word.encode("utf-8", "surrogatepass")
        words, offsets = self._words, self._offsets
        low, high = 0, len(self._buckets)
        while low < high:
            middle = (low + high) // 2
            found = words[offsets[middle] : offsets[middle + 1] - 1]
            if found < key:
                low = middle + 1
            elif key < found:
                high = middle
            else:
                return frequency(self._buckets[middle])
        return None

    def as_dict(self) -> dict[str, float]:
        """The whole list as word -> frequency."""
        frequencies = [frequency(bucket) for bucket in range(max(self._buckets, default=0) + 1)]
        names = self._words.decode("utf-8", "surrogatepass").split("\n")[:-1]
        return dict(zip(names, [frequencies[bucket] for bucket in self._buckets]))


def frequency(bucket: int) -> float:
    """The frequency of a centibel bucket, computed as wordfreq's loader computes it (cB_to_freq)."""
    return 10 ** (-bucket / 100)


def from_buckets(buckets: Iterable[list[str]]) -> SortedWords | None:
    """A sorted list of wordfreq's buckets of words, most frequent first (a word in two buckets keeps the later,
    as in wordfreq's own loop); None if a word holds a new line or the buckets are too many to number."""
    bucket_of: dict[str, int] = {}
    for index, bucket in enumerate(buckets):
        bucket_of.update(dict.fromkeys(bucket, index))
    if len(bucket_of) and max(bucket_of.values()) > 0xFFFF:
        return None
    ordered = sorted(bucket_of)  # the order of their UTF-8 bytes: UTF-8 keeps code points' order
    encoded = [word.encode("utf-8", "surrogatepass") for word in ordered]
    words = b"".join(word + b"\n" for word in encoded)
    if words.count(b"\n") != len(encoded):
        return None
    offsets = array("I", [0])
    offsets.extend(accumulate(len(word) + 1 for word in encoded))
    return SortedWords(words, offsets, array("H", [bucket_of[word] for word in ordered]))


def to_bytes(words: SortedWords) -> bytes:
    payload = b"".join((words._offsets.tobytes(), words._buckets.tobytes(), words._words))
    header = _HEADER.pack(_LAYOUT, len(words), len(words._words), hashlib.sha256(payload).digest())
    return MAGIC + header + payload


def from_bytes(data: bytes) -> SortedWords | None:
    """The list a file's bytes hold, or None if they do not hold together (another layout, cut short, damaged)."""
    start = len(MAGIC) + _HEADER.size
    if len(data) < start or not data.startswith(MAGIC):
        return None
    layout, count, length, digest = _HEADER.unpack_from(data, len(MAGIC))
    offsets, buckets = array("I"), array("H")
    end_offsets = start + (count + 1) * offsets.itemsize
    end_buckets = end_offsets + count * buckets.itemsize
    if layout != _LAYOUT or len(data) != end_buckets + length or hashlib.sha256(data[start:]).digest() != digest:
        return None
    offsets.frombytes(data[start:end_offsets])
    buckets.frombytes(data[end_offsets:end_buckets])
    return SortedWords(data[end_buckets:], offsets, buckets)


def file_for(folder: str, source: str, language: str) -> str | None:
    """Where the sorted form of the word list ``source`` is kept in ``folder`` (None if ``source`` is not there)."""
    try:
        info = os.stat(source)
    except OSError:
        return None
    digest = hashlib.sha256(f"{MAGIC!r}\0{source}\0{info.st_size}\0{info.st_mtime_ns}".encode("utf-8", "surrogatepass"))
    return os.path.join(folder, f"{PREFIX}{language}-{digest.hexdigest()[:24]}{SUFFIX}")


def kept_lists(folder: str) -> list[str]:
    """The sorted lists kept in ``folder`` (and any a killed scan left half-written)."""
    from ..atomic import files_kept

    return files_kept(folder, PREFIX, SUFFIX)


def load(path: str) -> SortedWords | None:
    """The list kept at ``path``, if it is there, this user's own, writable by nobody else, and whole."""
    from ..atomic import trusted

    if not trusted(path):
        return None
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError:
        return None
    return from_bytes(data)


def writable(folder: str) -> bool:
    """Can sorted lists be kept in ``folder`` (made if need be)? Where they cannot, a scan reads the dict, which
    costs less than building a sorted list it could not keep."""
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
    except OSError:
        return False
    return os.access(folder, os.W_OK | os.X_OK)


def save(path: str, words: SortedWords) -> None:
    """Keep ``words`` at ``path`` (atomically, for its owner only), and drop older forms of the same language's
    list; a folder that cannot be written is left as it is: the list was built and is used all the same."""
    from ..atomic import WriteError, write_private

    folder = os.path.dirname(path)
    try:
        write_private(path, to_bytes(words), "word list cache")
        kept = os.path.basename(path)
        same_list = kept.rsplit("-", 1)[0] + "-"  # "words-en-"
        for name in os.listdir(folder):
            if name.startswith(same_list) and name.endswith(SUFFIX) and name != kept:
                os.unlink(os.path.join(folder, name))
    except (OSError, WriteError):
        return
