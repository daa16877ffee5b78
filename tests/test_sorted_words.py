"""Word lists kept sorted on disk (audit/text/sorted_words.py): they answer as the dict they stand for, load
only when whole and this user's own, and spare a scan with a cache the unpacking of wordfreq's list."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from audit.text import sorted_words
from audit.text.sorted_words import DICT_AFTER, from_buckets, from_bytes, to_bytes

# wordfreq's layout: bucket i holds the words of frequency 10 ** (-i / 100), most frequent first.
BUCKETS = [["the"], [], ["of", "and"], ["straße", "zürich", "l'union"], ["of", "gadabay"], ["ǆ", "aa"]]


def as_wordfreq_reads_it(buckets: list[list[str]]) -> dict[str, float]:
    table: dict[str, float] = {}
    for index, bucket in enumerate(buckets):
        table.update(dict.fromkeys(bucket, 10 ** (-index / 100)))  # a word in two buckets keeps the later
    return table


ASKED = ["the", "of", "and", "straße", "zürich", "l'union", "gadabay", "ǆ", "aa", "a", "", "zzz", "Of", "the ",
         "\udcff", "gadabai", "ß"]


def test_a_sorted_list_answers_as_the_dict_before_and_after_it_builds_one():
    table = as_wordfreq_reads_it(BUCKETS)
    words = from_buckets(BUCKETS)
    assert words is not None and len(words) == len(table)
    assert [words.get(word) for word in ASKED] == [table.get(word) for word in ASKED]
    assert words.get("of") == 10 ** (-4 / 100)  # the later bucket
    for _ in range(DICT_AFTER):  # a scan that asks many words goes on with the dict, built from the file's data
        words.get("gadabay")
    assert [words.get(word) for word in ASKED] == [table.get(word) for word in ASKED]
    assert words.as_dict() == table


def test_the_bytes_round_trip_and_a_damaged_file_is_not_read():
    data = to_bytes(from_buckets(BUCKETS))
    again = from_bytes(data)
    assert again is not None and again.as_dict() == as_wordfreq_reads_it(BUCKETS)
    flipped = bytearray(data)
    flipped[-3] ^= 1
    for damaged in (data[:-1], data + b"x", bytes(flipped), data[:40], b"", b"not a word list" + data):
        assert from_bytes(damaged) is None


def test_a_word_with_a_new_line_cannot_be_kept_sorted():
    assert from_buckets([["one", "two\nthree"]]) is None


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="no file owners to check on this platform")
def test_a_file_others_may_write_is_not_read(tmp_path: Path):
    kept = tmp_path / "words-xx-0.bin"
    sorted_words.save(str(kept), from_buckets(BUCKETS))
    assert sorted_words.load(str(kept)) is not None
    assert kept.stat().st_mode & 0o777 == 0o600
    kept.chmod(0o622)
    assert sorted_words.load(str(kept)) is None
    assert sorted_words.load(str(tmp_path / "missing.bin")) is None


def test_saving_a_new_form_of_a_list_drops_the_old_one(tmp_path: Path):
    words = from_buckets(BUCKETS)
    sorted_words.save(str(tmp_path / "words-en-old.bin"), words)
    sorted_words.save(str(tmp_path / "words-de-other.bin"), words)
    sorted_words.save(str(tmp_path / "words-en-new.bin"), words)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["words-de-other.bin", "words-en-new.bin"]


def test_englishs_sorted_list_answers_as_wordfreqs_table_for_every_word(tmp_path: Path):
    from audit.text.frequency import _best_list, _cbpack_buckets, _table

    buckets = _cbpack_buckets(_best_list("en"))
    words = from_bytes(to_bytes(from_buckets(buckets)))
    table = _table("en")
    assert all(words.get(word) == frequency for word, frequency in table.items())
    assert words.as_dict() == table


def _in_a_fresh_python(code: str, folder: Path) -> list[str]:
    # -P: the installed package, not the source tree of the current folder
    done = subprocess.run([sys.executable, "-P", "-c", code, str(folder)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


ASK_ENGLISH = (
    "import sys; from audit.text import frequency\n"
    "frequency.keep_sorted_lists_in(sys.argv[1])\n"
    "words = ['london', 'gadabay', 'the', 'stepanakert', 'long-term', 'qzxv', 'zürich', \"don't\"]\n"
    "zipfs = [frequency.word_frequency(word) for word in words]\n"
    "shares = [frequency.at_least(word, 'en', 3.0) for word in words]\n"
    "print(*zipfs, *shares, 'msgpack' in sys.modules)\n"
)


def test_a_scan_with_a_folder_for_them_unpacks_englishs_list_once(tmp_path: Path):
    # The first process builds the sorted form (and unpacks wordfreq's list to do it); the next reads the form
    # alone, without unpacking anything, and both answer as a process that reads wordfreq's list into a dict.
    from audit.text.frequency import at_least, word_frequency

    words = ["london", "gadabay", "the", "stepanakert", "long-term", "qzxv", "zürich", "don't"]
    expected = [str(word_frequency(word)) for word in words] + [str(at_least(word, "en", 3.0)) for word in words]
    first = _in_a_fresh_python(ASK_ENGLISH, tmp_path)
    assert [path.name[:9] for path in tmp_path.iterdir()] == ["words-en-"]
    second = _in_a_fresh_python(ASK_ENGLISH, tmp_path)
    assert first == expected + ["True"] and second == expected + ["False"]


def test_a_command_line_scan_keeps_the_list_beside_its_results_and_finds_the_same(tmp_path: Path, monkeypatch, capsys):
    from audit.cli import main

    article = tmp_path / "story.txt"
    article.write_text("Nikol Pashinyan met Ilham Aliyew in Brussels on Monday, the ministry said.\n", encoding="utf-8")
    monkeypatch.setenv("AUDIT_CACHE_DIR", str(tmp_path / "cache"))
    assert main(["scan", "--isolated", "--no-cache", "-f", "json", str(article)]) == 1
    uncached = capsys.readouterr().out
    assert not (tmp_path / "cache").exists()
    assert main(["scan", "--isolated", "-f", "json", str(article)]) == 1
    assert capsys.readouterr().out == uncached
    code = ("import sys; from audit import launch; code = launch.main(['scan', '--isolated', sys.argv[1]]); "
            "print(code, 'msgpack' in sys.modules)")
    scans = [_in_a_fresh_python(code, article)[-2:] for _ in range(2)]  # (this process may have read it before)
    assert scans[1] == ["1", "False"]  # the later scan reads the kept form, nothing unpacked
    assert [path.name[:9] for path in (tmp_path / "cache" / "wordlists").iterdir()] == ["words-en-"]



def test_a_folder_that_cannot_be_written_reads_the_dict_as_before(tmp_path: Path):
    # Building a sorted list costs more than reading the dict: where it could not be kept, it is not built.
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    assert not sorted_words.writable(str(blocker / "below")) and sorted_words.writable(str(tmp_path / "new" / "folder"))
    refused = ("import sys; from audit.text import sorted_words; sorted_words.writable = lambda folder: False\n"
               + ASK_ENGLISH)
    done = subprocess.run([sys.executable, "-P", "-c", refused, str(tmp_path / "kept")], capture_output=True, text=True,
                          timeout=120, env={**os.environ, "AUDIT_PURE_PYTHON": "1"})  # the sources: the stand-in is called
    assert done.returncode == 0, done.stderr
    assert done.stdout.split()[-1] == "True" and not (tmp_path / "kept").exists()  # wordfreq's list read, nothing kept
