"""The fast paths give the answers of the plain ones: batched fuzzy lookups, and the bench tools that
measure and check them (bench/bench_real.py, bench/check_identical.py)."""
from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import pytest

from audit.glossary import Entry, Glossary
from audit.matching.index import NameIndex
from audit.text import fold, spelling_key

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import check_identical  # noqa: E402

SYLLABLES = ["ka", "ra", "bo", "vin", "tsk", "zhe", "kha", "ly", "sch", "ov", "yan", "ie", "ar", "den", "mu", "chi"]


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()


def test_near_many_answers_as_near_does_one_key_at_a_time():
    rng = random.Random(11)
    names = sorted({_name(rng) for _ in range(3000)})
    # Freak words so long that their edit limit passes what a byte holds (the matrix is then wider).
    freaks = ["Ka" + "ranu" * 200, "Ka" + "ranu" * 199 + "rano"]
    # Many keys of the same first letter and length, so blocks hold more hits than a lookup keeps.
    index = NameIndex(Glossary(tuple(Entry(name, "place") for name in names + freaks)))
    words = [_name(rng) for _ in range(400)] + [name[:-1] + "a" for name in names[:200]] + ["", "K", "Xy"]
    words += ["Ka" + "ranu" * 198 + "rone", "Ka" + "ranu" * 170]
    keys = [spelling_key(fold(word)) for word in words]
    batched = index.near_many(keys)
    assert set(batched) == set(keys)
    assert all(batched[key] == index.near(key) for key in keys)
    assert sum(len(found) == 24 for found in batched.values()) > 50  # the cut to the best 24 is exercised
    assert batched[keys[-2]] and batched[keys[-1]]  # the freaks find each other


def test_exact_scan_counts_whole_words_as_written(tmp_path):
    bench_real = pytest.importorskip("bench_real")
    pytest.importorskip("ahocorasick", reason="pyahocorasick is not installed (test extra)")
    article = tmp_path / "a.txt"
    article.write_text("Yerevan and Van met in Vanadzor; van Gogh stayed in Yerevan.\n", encoding="utf-8")
    hits, _ = bench_real.exact_scan(["Yerevan", "Van", "Vanadzor"], [article])
    assert hits == 4  # Yerevan twice, Van, Vanadzor; not the Van inside Vanadzor, not lower-case van


def _report(tmp_path: Path, name: str, findings: list[dict]) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps({"findings": findings, "summary": {"findings": len(findings)}}), encoding="utf-8")
    return path


def test_check_identical_names_the_findings_that_differ(tmp_path):
    one = {"path": "a.txt", "start": 3, "rule": "AUD101", "text": "Jerewan"}
    other = dict(one, start=4)
    same = check_identical.differences(_report(tmp_path, "x.0.json", [one]), _report(tmp_path, "x.1.json", [one]))
    assert same == []
    lines = check_identical.differences(_report(tmp_path, "y.0.json", [one]), _report(tmp_path, "y.1.json", [other]))
    assert any("only in reference" in line and '"start": 3' in line for line in lines)
    assert any("only in this tree" in line and '"start": 4' in line for line in lines)


def _garbles(rng: random.Random, word: str) -> list[str]:
    """Spellings of ``word`` machine translation makes: a vowel changed, a letter dropped, doubled or
    swapped, German sch/w/j for sh/v/y."""
    vowels = "aeiouy"
    found = {word.replace("sh", "sch").replace("v", "w").replace("y", "j")}
    for _ in range(4):
        at = rng.randrange(1, len(word))
        letter = word[at]
        changed = rng.choice(vowels) if letter in vowels else letter
        found.add(word[:at] + changed + word[at + 1 :])
        found.add(word[:at] + word[at + 1 :])
        found.add(word[:at] + letter + word[at:])
        if at + 1 < len(word):
            found.add(word[:at] + word[at + 1] + word[at] + word[at + 2 :])
    return sorted(found - {word})


def test_confidence_bound_is_never_below_the_evidence():
    # A candidate whose bound is below the bar is left unweighed: the bound must hold for every candidate,
    # and the ceiling that spares working the bound out must be at least the bound.
    from audit.glossary import load_bundled
    from audit.matching.evidence import confidence_bound, confidence_ceiling, spelling_evidence

    rng = random.Random(5)
    glossary = load_bundled()
    index = NameIndex(glossary)
    checked = 0
    for entry in glossary.entries:
        for word in entry.canonical.split():
            if len(word) < 4:
                continue
            for garble in _garbles(rng, fold(word)):
                for form, key_distance in index.near(spelling_key(garble)):
                    bound = confidence_bound(garble, form, key_distance)
                    assert confidence_ceiling(garble, spelling_key(garble), form, key_distance) >= bound, garble
                    evidence = spelling_evidence(garble, form, key_distance)
                    if evidence is not None:
                        assert confidence_bound(garble, form, key_distance) >= evidence.confidence, (garble, form.text)
                        checked += 1
    assert checked > 5000


@pytest.mark.parametrize("crowding", [0.25, 0.17])  # 0.17: the bar (0.87) is below a romanisation's 0.9
def test_weak_candidates_left_unweighed_change_no_match(crowding):
    # On a crowded glossary, candidates that cannot clear the bar alone are weighed only where the article
    # supports them (names the entry, or the entry's given name stands before): the matches must be those
    # of a matcher that weighs every candidate at once.
    from audit.glossary import load_bundled
    from audit.matching.matcher import Matcher
    from audit.matching.near_words import NearWords

    glossary = load_bundled()
    fast, plain = Matcher(glossary), Matcher(glossary)
    crowded = {entry.source: crowding for entry in glossary.entries}  # as a glossary of 20,000 or 50,000 names
    for matcher, weighed_later in ((fast, crowded), (plain, {})):
        matcher._crowding_by_source = crowded
        matcher.near_words = NearWords(matcher.index, 0.7, matcher.given_names, weighed_later)
    rng = random.Random(9)
    people = [entry for entry in glossary.entries if entry.type == "person" and " " in entry.canonical]
    places = [entry for entry in glossary.entries if entry.type == "place"]
    matched = 0
    for entry in people + places:
        given, surname = entry.canonical.split()[0], entry.canonical.split()[-1]
        for garble in _garbles(rng, surname)[:3]:
            garble = garble.capitalize()
            other = rng.choice(people).canonical.split()[0]
            texts = [
                f"Officials met {garble} on Monday.",
                f"{entry.canonical} spoke first. Later, officials met {garble} again.",
                f"Officials met {given} {garble} on Monday, and {other} {garble} too.",
            ]
            for text in texts:
                found = fast.find(text)
                assert found == plain.find(text), text
                matched += len(found)
    weak = [near for near in fast.near_words._cache.values() if near.rest]
    assert weak and any(candidate.weighed for near in weak for candidate in near.made.values())
    assert matched > 200  # supported garbles are found, not just nothing on both sides


@pytest.mark.pure_python
def test_openers_passed_over_by_the_case_check_change_nothing(monkeypatch):
    # The case check (AUD104) skips a lower-case word that opens forms but is none itself ("the", "new"), or
    # is an ordinary English word ("bath"), when the next word cannot continue one: the mentions it finds
    # must be those of reading every opener, less the ordinary words alone (which it never reports).
    from audit.checks import name_casing
    from audit.config import Settings
    from audit.documents import Document
    from audit.engine import build_context
    from audit.matching import mentions
    from audit.text import word_frequency

    glossary = Glossary(tuple(Entry(name, "place") for name in (
        "The Hague", "The Woodlands", "New York", "New York City", "San José", "Santa Cruz de Tenerife",
        "Bath", "O'Neill Park", "Hague", "El Paso", "Mont d\u02bcOr", "Nový Jičín")))
    index = NameIndex(glossary)
    rng = random.Random(4)
    pieces = ["the", "The", "new", "san", "santa", "el", "hague", "Hague", "york", "York", "city", "woodlands",
              "cruz", "de", "tenerife", "bath", "o'neill", "park", "paso", "government", "hague's", "yorkCity",
              "José", "jose", "x", "jose\u0301", "hague\u2019s", "o\u2019neill", "mont", "d\u02bcor", "dʼOr",
              "nový", "novy", "jičín", "jicin", "newYork", "theHague"]
    joiners = [" ", " ", "-", "  ", "\u00a0", ", ", "'"]
    texts = ["the hague and the Hague", "new york city", "the-hague", "the  hague", "new yorkCity", "o'neill park",
             "san josé", "the hague's", "santa cruz de tenerife"]
    texts += ["".join(rng.choice(pieces) + rng.choice(joiners) for _ in range(rng.randint(2, 12))) for _ in range(3000)]
    fast = [mentions.lowercase_mentions(index, text) for text in texts]
    monkeypatch.setattr(mentions, "_may_open", lambda *args: True)
    monkeypatch.setattr(mentions, "_may_open_here", lambda *args: True)
    monkeypatch.setattr(mentions, "_ordinary_word", lambda folded: False)
    every = [mentions.lowercase_mentions(index, text) for text in texts]

    def ordinary_alone(mention: tuple) -> bool:
        first, last, _ = mention
        return first is last and first.text[:1].islower() and word_frequency(fold(first.text)) >= 3.0

    assert word_frequency("bath") >= 3.0 and any(ordinary_alone(m) for found in every for m in found)
    for quick, full in zip(fast, every):
        assert quick == [m for m in full if m in quick]
        assert all(ordinary_alone(m) for m in full if m not in quick)
    assert sum(map(len, every)) > sum(map(len, fast))
    assert sum(map(len, fast)) > 500
    # ... which the check never reports: its findings are those of reading every opener.
    context = build_context(Settings(), glossary)
    monkeypatch.setattr(mentions, "_ordinary_word", lambda folded: word_frequency(folded) >= 3.0)
    texts += ["They flew from el paso to santa cruz de tenerife.", "a bath in bath", "o'neill park is shut",
              "He lives in the woodlands, not in new york city."]
    reported = [list(name_casing.check(Document.from_text("t.txt", text), context)) for text in texts]
    monkeypatch.setattr(mentions, "_ordinary_word", lambda folded: False)
    assert reported == [list(name_casing.check(Document.from_text("t.txt", text), context)) for text in texts]
    assert sum(map(len, reported)) >= 2


@pytest.mark.pure_python
def test_files_checked_with_look_ahead_give_the_results_of_one_at_a_time(tmp_path, monkeypatch):
    # check_files reads a few files first and has the matcher look their words up together: the results
    # must be check_file's, file by file, and the lookups fewer.
    from audit.config import Settings
    from audit.engine import build_context
    from audit.units import check_file, check_files

    rng = random.Random(8)
    names = sorted({_name(rng) for _ in range(400)})
    glossary = tmp_path / "names.csv"
    glossary.write_text("canonical,type\n" + "".join(f"{name},place\n" for name in names), encoding="utf-8")
    files = []
    for number in range(20):
        path = tmp_path / f"{number:02}.txt"
        words = [rng.choice(names)[:-1] + rng.choice("aeiou") if rng.random() < 0.5 else _name(rng) for _ in range(30)]
        path.write_text(" ".join(f"Officials met {word} in {rng.choice(names)}." for word in words) + "\n", encoding="utf-8")
        files.append((str(path), None))
    context = build_context(Settings(glossaries=(str(glossary),)))
    context.matcher.near_words.batches = True  # as on a big glossary
    calls = []
    near_many = context.matcher.index.near_many
    monkeypatch.setattr(context.matcher.index, "near_many", lambda keys: calls.append(1) or near_many(keys))
    together = list(check_files(files, context.for_scan()))
    looked_up_together = len(calls)
    fresh = build_context(Settings(glossaries=(str(glossary),)))
    fresh.matcher.near_words.batches = True
    one_by_one = [check_file(path, data, fresh.for_scan()) for path, data in files]
    assert [result.findings for result in together] == [result.findings for result in one_by_one]
    assert sum(len(result.findings) for result in together) > 20
    assert looked_up_together <= 4  # 20 files, 8 at a time: three batches (and a few stragglers at most)


def test_same_key_forms_are_what_near_gives_at_distance_zero():
    rng = random.Random(12)
    names = sorted({_name(rng) for _ in range(3000)})
    index = NameIndex(Glossary(tuple(Entry(name, "place") for name in names)))
    keys = [spelling_key(fold(name)) for name in names[:400]] + [spelling_key(fold(_name(rng))) for _ in range(400)]
    assert sum(bool(index.same_key_forms(key)) for key in keys) >= 400
    for key in keys:
        assert index.same_key_forms(key) == [form for form, distance in index.near(key) if distance == 0], key


def test_a_frequent_word_is_a_garble_only_of_its_own_key():
    # What lets the matcher look frequent English words up by their key alone: weigh turns down every
    # other candidate of theirs, wherever they stand.
    import itertools

    from audit.matching.evidence import Clue, Evidence, only_same_key_matches, weigh

    for frequency, key_distance, translit in itertools.product((3.0, 3.4, 3.99), (1, 2, 3), (0.0, 0.3, 1.0)):
        assert only_same_key_matches(frequency)
        evidence = Evidence(0.99, "test", frequency, key_distance, translit)
        for flags in itertools.product((False, True), repeat=7):
            for person, crowding in itertools.product((False, True), (0.0, 0.2)):
                assert weigh(evidence, Clue(*flags), 0.5, person, crowding) is None
    assert not only_same_key_matches(2.99)


@pytest.mark.pure_python
@pytest.mark.parametrize("crowding", [0.0, 0.25])
def test_words_looked_up_by_key_alone_change_no_match(crowding, monkeypatch):
    # Frequent English words capitalised where names stand ("Cabinet", "Marina") are looked up by their key
    # alone: the matches, and the glossary spelling suggested for them, must be those of a full search.
    import wordfreq

    from audit.glossary import load_bundled
    from audit.matching.matcher import Matcher
    from audit.matching.near_words import NearWords
    from audit.text import word_frequency

    glossary = load_bundled()
    fast, plain = Matcher(glossary), Matcher(glossary)
    crowded = {entry.source: crowding for entry in glossary.entries} if crowding else {}
    for matcher in (fast, plain):
        matcher._crowding_by_source = crowded
        matcher.near_words = NearWords(matcher.index, 0.7, matcher.given_names, crowded)
    monkeypatch.setattr(plain.near_words, "_same_key_only", lambda folded: False)
    words = [word.capitalize() for word in wordfreq.top_n_list("en", 30_000)
             if word.isalpha() and len(word) >= 5 and 3.0 <= word_frequency(word) < 4.0]
    near = [word for word in words if fast.index.near(spelling_key(fold(word)))]
    assert len(near) > 300 and any(fast.near_words._same_key_only(fold(word)) for word in near)
    rng = random.Random(13)
    entries = [entry for entry in glossary.entries if len(entry.canonical) > 4]
    same_key = {fold(word): entry for word in near for entry in entries
                if fast.index.same_key_forms(spelling_key(fold(word))) and
                entry is fast.index.same_key_forms(spelling_key(fold(word)))[0].entry}
    matched = 0
    for word in near:
        # Beside an entry of the same key (which supports the match), and beside any other.
        for entry in (same_key.get(fold(word)) or rng.choice(entries), rng.choice(entries)):
            name = entry.canonical
            for text in (f"Officials met {word} on Monday.", f"{name} spoke first. Later, officials met {word} again.",
                         f"The {word} of {name} and {word} agreed."):
                found = fast.find(text)
                assert found == plain.find(text), text
                matched += any(match.surface == word for match in found)
        assert fast.nearest_house(fold(word)) == plain.nearest_house(fold(word)), word
    assert len(same_key) > 5 and matched > 5  # frequent words with a glossary name's key are still found
