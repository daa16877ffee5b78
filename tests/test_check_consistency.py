"""AUD301 inconsistent-spelling (one article) and the variant rules under it (audit/variants.py)."""
from __future__ import annotations

import pytest

from audit.checks import inconsistent_spelling
from audit.checks.base import Context
from audit.config import Settings
from audit.documents import Document
from audit.engine import build_context
from audit.glossary import Entry, Glossary
from audit.model import Severity
from audit.variants import Clusters, derived, name_words, similarity


def context(*entries: Entry, fuzzy: bool = True) -> Context:
    glossary = Glossary(tuple(entries))
    # min_confidence above any match's confidence switches the fuzzy name rules off, to see AUD301 alone.
    return build_context(Settings(min_confidence=0.7 if fuzzy else 1.01), glossary)


def run(text: str, ctx: Context | None = None) -> list:
    return list(inconsistent_spelling.check(Document.from_text("story.txt", text), ctx or context()))


BYLINE = (
    "By Arpine Arshakyan\n\n"
    "The water authority said on Monday that the reservoir was full for the first time in a decade.\n\n"
    "(Reporting by Arpina Arshakian; Editing by Tom Hale)\n"
)


# -- positives -----------------------------------------------------------------------------------------------


def test_byline_and_credit_spellings_are_both_reported_with_given_names():
    findings = run(BYLINE)
    assert [f.text for f in findings] == ["Arpine Arshakyan", "Arpina Arshakian"]
    assert all(f.rule == "AUD301" and f.severity is Severity.WARNING for f in findings)
    assert all(f.suggestion is None for f in findings)  # used once each: no way to know which is right
    assert '"Arpina Arshakian"' in findings[0].message and "line 5" in findings[0].message
    assert '"Arpine Arshakyan"' in findings[1].message and "line 1" in findings[1].message


def test_a_name_opening_a_line_keeps_its_given_name():
    text = "Arpine Arshakyan\n\nThe reservoir was full, officials said.\n\nArpina Arshakian contributed reporting.\n"
    assert [f.text for f in run(text)] == ["Arpine Arshakyan", "Arpina Arshakian"]
    # An ordinary word opening the sentence is not a given name.
    text = "Yesterday Arshakyan said the reservoir was full. Officials thanked Arshakian."
    assert [f.text for f in run(text)] == ["Arshakyan", "Arshakian"]


def test_the_most_frequent_spelling_is_suggested():
    text = (
        "Mayor Oksana Kovalchuk opened the fair. Kovalchuk said the town had waited years for it. "
        "Residents thanked Kovalchuk. Later, Kovalchuck left for the capital."
    )
    (finding,) = run(text)
    assert finding.text == "Kovalchuck" and finding.suggestion == "Kovalchuk"


def test_a_spelling_english_texts_know_beats_a_more_frequent_garble():
    # Word lists know "Karabakh" as a name and have never seen "Karbakh": the majority is the garble.
    garble = "Shelling hit Nagorno-Karbakh. Officials in Nagorno-Karbakh fled. Nagorno-Karabakh is mountainous."
    findings = run(garble)
    assert {f.text for f in findings} == {"Karbakh"} and {f.suggestion for f in findings} == {"Karabakh"}


def test_the_glossary_form_is_suggested():
    glossary_entry = Entry("Kelbajar", "place", variants=("Karvachar",))
    text = "Refugees left Kelbajar on Sunday. Roads out of Kalbajar were jammed by the evening."
    (finding,) = run(text, context(glossary_entry, fuzzy=False))
    assert finding.text == "Kalbajar" and finding.suggestion == "Kelbajar"
    assert finding.confidence >= 0.85


# -- negatives -----------------------------------------------------------------------------------------------


def test_a_name_rule_finding_is_not_repeated():
    entry = Entry("Alexei Navalny", "person")
    text = "Alexei Navalny was flown to Berlin. Doctors said Nawalny would recover."
    assert run(text, context(entry)) == []
    assert [f.text for f in run(text, context(entry, fuzzy=False))] == ["Nawalny"]


@pytest.mark.parametrize(
    "text",
    [
        # Inflections, demonyms, possessives, feminine surnames.
        "Armenia said Armenian troops and Armenians abroad were safe. Armenia's army agreed.",
        "Ilham Aliyev and his wife Mehriban Aliyeva attended the ceremony.",
        "Moscow's mayor said Moscow would reopen.",
        # Two well-known names a letter apart.
        "Cat Stevens and Jack Stephens met in Preston, where Robert Peston spoke.",
        # A name beside an ordinary word.
        "On Monday, the Mondavi winery was sold.",
        # Short names a letter apart: often two different names.
        "The road from Shusha to Shushi is the same road, locals say.",
    ],
)
def test_different_words_are_not_inconsistent(text):
    assert run(text) == []


def test_two_accepted_glossary_spellings_are_not_inconsistent():
    entry = Entry("Nikol Pashinyan", "person", variants=("Nikol Pashinian",))
    text = "Nikol Pashinyan spoke first. Later Pashinian said the talks would go on."
    assert run(text, context(entry)) == []


# -- variant rules -------------------------------------------------------------------------------------------


def test_similarity_rules():
    assert similarity("navalny", "nawalny") == 0.95  # same key once German w is undone
    assert similarity("hovhanisyan", "hovhannisen") is not None  # same consonants, two letters apart
    assert similarity("karabakh", "karbakh") is not None  # one letter more
    assert similarity("shusha", "shushi") is None  # short and a letter apart
    assert similarity("austria", "australia") is None  # well-known words
    assert similarity("iran", "iraq") is None  # too short
    assert derived("armenian", "armenia") and derived("aliyeva", "aliyev")
    assert not derived("melkonyan", "melkonian")


def test_name_words_skip_particles_and_strip_possessives():
    words = name_words("Ursula von der Leyen met Putin's aides.")
    assert [w.text for w in words] == ["Ursula", "Leyen", "Putin"]
    assert words[0].sentence_start and not words[2].sentence_start


def test_clusters_do_not_depend_on_order():
    one, two = Clusters(["c", "a", "b", "d"]), Clusters(["d", "b", "a", "c"])
    for clusters in (one, two):
        clusters.union("c", "b")
        clusters.union("b", "a")
    assert one.groups() == two.groups() == [["a", "b", "c"]]


def test_the_glossary_spelling_is_suggested_where_the_article_uses_neither():
    # Kharkow and Kharkov are both wrong: the suggestion is the glossary's Kharkiv, never one of them.
    ctx = context(Entry("Kharkiv", "place"), fuzzy=False)
    text = "Power returned to Kharkov on Monday.\n\nTrains to Kharkow and back to Kharkow were cancelled.\n"
    findings = run(text, ctx)
    assert findings and {f.suggestion for f in findings} == {"Kharkiv"}
    assert all('the glossary spells it "Kharkiv"' in f.message for f in findings)


# A few spellings of two names; many of two (big skeleton buckets); many of fifteen.
@pytest.mark.parametrize("count, stems_used", [(12, 2), (120, 2), (900, 2), (900, 15), (3000, 15)])
def test_candidate_pairs_are_every_variant_pair(count, stems_used):
    # The blocking (skeleton buckets, a letter left out) must lose no pair: the pairs found are those a
    # comparison of every pair finds.
    import random

    from audit.variants import candidate_pairs

    rng = random.Random(count)
    stems = ["hovhannisyan", "pashinyan", "karabakh", "stepanakert", "gadabay", "navalny", "zelensky",
             "khamenei", "tovuz", "arshakyan", "shusha", "melkonian", "kharkiv", "mariupol", "chernihiv"]
    forms: set[str] = set()
    while len(forms) < count:
        word = list(rng.choice(stems[:stems_used]))
        for _ in range(rng.randint(0, 3)):
            at = rng.randrange(len(word))
            change = rng.choice(("drop", "swap", "put"))
            if change == "drop" and len(word) > 4:
                del word[at]
            elif change == "swap":
                word[at] = rng.choice("aeioukhsz")
            else:
                word.insert(at, rng.choice("aeiouyhn"))
        forms.add("".join(word))
    found = {frozenset((a, b)): score for a, b, score in candidate_pairs(sorted(forms))}
    every = {frozenset((a, b)): score for a in forms for b in forms
             if a < b and (score := similarity(a, b)) is not None}
    assert found == every
    assert len(every) >= count // 6  # the garbles do make variant pairs


@pytest.mark.pure_python
@pytest.mark.parametrize("cells, whole_up_to", [(500, 300), (2_000_000, 10)])
def test_a_big_skeleton_bucket_compared_in_pieces_gives_every_variant_pair(cells, whole_up_to, monkeypatch):
    # One skeleton for every spelling (vowels changed only): the bucket is compared in matrices, a few rows at
    # a time and a length at a time, and must still give every pair.
    import random

    from audit import variants
    from audit.variants import candidate_pairs

    monkeypatch.setattr(variants, "MATRIX_CELLS", cells)
    monkeypatch.setattr(variants, "WHOLE_GROUP_UP_TO", whole_up_to)
    rng = random.Random(cells)
    forms = sorted({"b" + "".join(rng.choice("aeiouy") for _ in range(rng.randint(2, 5))) + "rnd"
                    + "".join(rng.choice("aeiou") for _ in range(rng.randint(0, 2))) for _ in range(400)})
    assert len({variants.skeleton(variants.spelling_key(form)) for form in forms}) < 5 and len(forms) ** 2 >= variants.MATRIX_FROM
    found = {frozenset((a, b)): score for a, b, score in candidate_pairs(forms)}
    every = {frozenset((a, b)): score for a in forms for b in forms
             if a < b and (score := similarity(a, b)) is not None}
    assert found == every and len(every) > 1000


def _variant_spellings(count: int, seed: int) -> list[str]:
    import random

    rng = random.Random(seed)
    stems = ["hovhannisyan", "harutyunyan", "hakobyan", "hambardzumyan", "hayrapetyan"]
    forms: set[str] = set()
    while len(forms) < count:
        word = list(rng.choice(stems))
        for _ in range(rng.randint(0, 3)):
            word.insert(rng.randrange(1, len(word)), rng.choice("aeiouyhn"))
        forms.add("".join(word))
    return sorted(forms)


class _DictMemo:
    def __init__(self):
        self.kept: dict = {}
        self.asked = 0

    def get(self, key):
        self.asked += 1
        return self.kept.get(key)

    def put(self, key, pairs):
        self.kept[key] = pairs


def test_pairs_kept_between_scans_are_the_pairs_worked_out():
    # AUD302's corpus pass keeps a big group's pairs (the result cache's PairStore); read back, they must be
    # the same pairs, in the same order, as comparing the spellings again.
    from audit.variants import candidate_pairs

    forms = _variant_spellings(400, 3)
    plain = list(candidate_pairs(forms))
    memo = _DictMemo()
    assert list(candidate_pairs(forms, memo)) == plain and len(memo.kept) == 1 and len(plain) > 100
    assert list(candidate_pairs(forms, memo)) == plain and len(memo.kept) == 1 and memo.asked == 2
    # Another set of spellings is another group: worked out, not taken from the old one.
    other = forms[:-1]
    assert list(candidate_pairs(other, memo)) == list(candidate_pairs(other)) and len(memo.kept) == 2


def test_a_damaged_kept_group_is_worked_out_again():
    from audit.variants import candidate_pairs

    forms = _variant_spellings(400, 4)
    memo = _DictMemo()
    plain = list(candidate_pairs(forms, memo))
    [key] = memo.kept
    memo.kept[key] = [(0, 10_000, 0.9)]  # a member that is not there
    assert list(candidate_pairs(forms, memo)) == plain
    assert memo.kept[key] != [(0, 10_000, 0.9)]


def test_small_groups_are_not_kept():
    # A handful of spellings is compared faster than its pairs are looked up.
    from audit.variants import candidate_pairs

    memo = _DictMemo()
    forms = _variant_spellings(20, 5)
    assert list(candidate_pairs(forms, memo)) == list(candidate_pairs(forms))
    assert memo.kept == {} and memo.asked == 0


def test_candidate_pairs_of_freak_long_spellings_are_every_variant_pair():
    # Spellings of over a thousand letters, a vowel or forty apart: one skeleton bucket, long comparisons.
    import random

    from audit.variants import candidate_pairs

    rng = random.Random(6)
    base = "".join(rng.choice("bdgklmnprstvz") + rng.choice("aeiou") for _ in range(550))
    forms = set()
    while len(forms) < 48:
        word = list(base)
        for _ in range(rng.randint(0, 40)):
            word[rng.randrange(len(word) // 2) * 2 + 1] = rng.choice("aeiou")  # a vowel: the skeleton stays
        forms.add("h" + "".join(word))
    forms = sorted(forms)
    found = {frozenset((a, b)): score for a, b, score in candidate_pairs(forms)}
    every = {frozenset((a, b)): score for a in forms for b in forms
             if a < b and (score := similarity(a, b)) is not None}
    assert found == every and len(every) > 100
