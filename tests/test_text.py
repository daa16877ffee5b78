"""Text primitives: folding, comparison keys, name tokens, word frequency."""
from __future__ import annotations

import random
import re

import pytest
from wordfreq import get_frequency_dict, zipf_frequency

from audit.matching import name_phrases
from audit.text import Rewrite, fold, name_tokens, spelling_key, tokens, word_frequency


def test_fold_gives_ascii_lower_case_words():
    assert fold("Çavuşoğlu") == "cavusoglu"
    assert fold("Nagorno-Karabakh") == "nagorno karabakh"
    assert fold("Pashinyan") == "pashinyan"
    assert fold("  O'Brien ") == "o brien"


def test_spelling_key_undoes_source_language_spellings():
    assert spelling_key("paschinjan") == spelling_key("pashinyan")
    assert spelling_key("jerewan") == spelling_key("yerevan")


@pytest.mark.parametrize(
    "pattern, required",
    [("sch", "sch"), ("^ye", "ye"), ("(?<=.)h", "h"), ("c(?=[aou]|$)", "c"), ("y$", "y"), ("(.)\\1+", None),
     ("a|b", None), ("ab?", "a"), ("x*y", None)],
)
def test_a_rule_is_tried_only_on_words_holding_its_leading_letters(pattern, required):
    assert Rewrite(re.compile(pattern), "", "").required == required


def _spans(text: str) -> list[tuple[str, bool]]:
    return [(token.text, token.capitalized) for token in name_tokens(text)]


def test_particles_join_the_names_they_stand_in_and_nothing_else():
    text = "talks with Ursula von der Leyen and de facto rulers in Nagorno-Karabakh, said Putin's de Villepin"
    phrases = [text[p.words[0].start : p.words[-1].end] for p in name_phrases(text)]
    assert phrases == ["Ursula von der Leyen", "Nagorno-Karabakh", "Putin", "Villepin"]
    assert ("von", False) in _spans(text)


def test_name_tokens_skip_capitals_inside_words_but_split_words_glued_by_a_scraper():
    assert _spans("iPhone sales rose") == []
    assert _spans("McCain said") == [("McCain", True)]
    assert _spans("the ceasefire continuesArmenian troops") == [("Armenian", True)]


def test_name_tokens_strip_possessives_and_keep_inner_apostrophes():
    assert _spans("Putin's office and O'Brien's") == [("Putin", True), ("O'Brien", True)]


def test_name_tokens_agree_with_the_capitalised_words_of_all_tokens():
    text = "On Monday, Nikol Pashinyan met Ilham Aliyev in Brussels; 'Television Sur' and the EU's envoy."
    capitalised = [(t.text, t.start, t.end) for t in tokens(text) if t.capitalized]
    assert [(t.text, t.start, t.end) for t in name_tokens(text) if t.capitalized] == capitalised


def test_word_frequency_of_plain_words_equals_wordfreqs_own_answer():
    # The fast path reads wordfreq's table directly; it must give what zipf_frequency gives.
    rng = random.Random(7)
    known = sorted(word for word in get_frequency_dict("en") if word.isascii() and word.isalpha() and word.islower())
    sample = rng.sample(known, 3000) + ["the", "karabakh", "stepanakert", "qzxv", "aaaaaaaa"]
    for word in sample:
        assert word_frequency(word) == zipf_frequency(word, "en"), word


def test_word_frequency_of_hyphenated_and_apostrophe_words_equals_wordfreqs_own_answer():
    # Real copy is full of "long-term", "world's" and "don't" ("don t" once apostrophes are blanked): the fast
    # path splits them as wordfreq's tokeniser does and combines the parts' frequencies as wordfreq does.
    rng = random.Random(11)
    table = get_frequency_dict("en")
    plain = sorted(word for word in table if word.isascii() and word.isalpha() and word.islower())
    with_apostrophe = sorted(word for word in table if word.isascii() and "'" in word and word.replace("'", "").isalpha())
    words = ["long-term", "ex-finance", "world's", "don't", "o'neill", "rock'n'roll", "y'all", "l'arc", "d'arcy",
             "we've", "vice-chairman's", "x-ray", "a-ha", "qzxv-term", "ya'll", "self-made-man", "the-l'arc",
             "we ve", "o sullivan", "don t", "the l'arc", "long-term plan"]
    words += [rng.choice(with_apostrophe) for _ in range(500)]
    for _ in range(1500):
        parts = [rng.choice(with_apostrophe if rng.random() < 0.2 else plain) for _ in range(rng.randint(2, 3))]
        if rng.random() < 0.1:
            parts[-1] = "".join(rng.choice("qxzjv") for _ in range(5))  # an unknown part: zipf 0
        words.append(rng.choice("- ").join(parts))
    for word in words:
        assert word_frequency(word) == zipf_frequency(word, "en"), word


def test_word_frequency_of_accented_words_equals_wordfreqs_own_answer():
    # AUD402 asks whether English knows the words of a sentence in another language ("für", "société"):
    # the English table answers, and must answer what wordfreq's tokeniser and its own table would.
    import unicodedata

    from wordfreq import available_languages, top_n_list

    rng = random.Random(5)
    words = {"für", "société", "naïve", "ça", "łódź", "ğ", "straße", "ǆ", "ﬁ", "ª", "e\u0301", "å×b", "ärger", "müller"}
    for language in sorted(available_languages()):
        try:
            listed = [word for word in top_n_list(language, 3000) if not word.isascii()]
        except LookupError:
            continue
        words.update(rng.sample(listed, min(150, len(listed))))
    for word in sorted(words):
        assert word_frequency(word) == zipf_frequency(word, "en"), word
    latin = [chr(code) for code in range(0xC0, 0x250) if chr(code).isalpha() and chr(code).casefold() == chr(code)
             and unicodedata.is_normalized("NFC", chr(code))]
    for char in latin:  # a letter that would split a word would show here as a known word's frequency
        for word in (f"house{char}garden", f"{char}water", f"water{char}"):
            assert word_frequency(word) == zipf_frequency(word, "en"), word


def test_word_frequency_of_other_words_is_asked_of_wordfreq():
    assert word_frequency("Paris") == zipf_frequency("Paris", "en")
    assert word_frequency("Straße") == zipf_frequency("Straße", "en")
    assert word_frequency("the") > 7 > word_frequency("stepanakert")


def test_keys_worked_out_in_bulk_equal_keys_worked_out_one_by_one():
    from audit.text import keys

    rng = random.Random(3)
    words = ["paschinjan", "jerewan", "yevlakh", "tschechow", "gaddabay", "khankendi", "karabach", "shusha"]
    words += ["".join(rng.choice("abcdehijklnoprstuvwyz") for _ in range(rng.randint(3, 12))) for _ in range(2000)]
    keys._SPELLING_KEYS.clear()
    keys.spelling_keys(words)
    assert all(keys._SPELLING_KEYS[word] == keys._rewritten(word) for word in words)


@pytest.mark.parametrize("pattern, safe", [("sch", True), ("^ye", True), ("y$", True), ("(.)\\1+", True),
                                           ("[^a]", False), ("\\s", False), ("(?s).", False), ("\\Z", False)])
def test_only_rules_that_cannot_cross_a_line_are_applied_in_bulk(pattern, safe):
    from audit.regex_facts import stays_in_line

    assert stays_in_line(pattern) is safe


def _printed_in_a_fresh_python(code: str) -> list[str]:
    """What ``code`` prints in a new interpreter (nothing imported yet), then whether wordfreq got imported."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-P", "-c", f"import sys\n{code}\nprint('wordfreq' in sys.modules)"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def test_englishs_table_is_read_without_importing_wordfreq_and_equals_it():
    # A scan of plain English copy must not pay for importing wordfreq (ftfy, langcodes, regex): the
    # table is read from wordfreq's data file, and must be wordfreq's own table, word for word.
    size, imported = _printed_in_a_fresh_python(
        "from audit.text.frequency import _table, wordlist_languages\n"
        "table = _table('en'); assert 'en' in wordlist_languages() and 'de' in wordlist_languages()\n"
        "print(len(table))")
    assert imported == "False" and int(size) > 100_000
    from wordfreq import available_languages

    from audit.text.frequency import _table, wordlist_languages

    assert _table("en") == get_frequency_dict("en", "best")
    assert wordlist_languages() == frozenset(available_languages())


def test_first_piece_is_the_first_token_of_a_glued_word():
    from audit.text.tokens import first_piece, words_from

    for word in ("yorkCity", "York", "McDonald", "newsYork", "abc", "Abcd"):
        assert first_piece(word) == words_from(word, 0, 1)[0].text
    assert first_piece("yorkCity") == "york"


def test_token_end_is_where_the_tokeniser_s_word_ends():
    from audit.text.tokens import token_end, words_from

    text = "the hague's yorkCity o'neill x 12 Paris"
    for position in range(len(text)):
        found = words_from(text, position, 1)
        expected = found[0].end if found and found[0].start == position else None
        assert token_end(text, position) == expected, position


def test_plain_languages_are_the_ones_wordfreq_only_case_folds_and_splits():
    # A word of these languages is looked up in their table without wordfreq: if a wordfreq release gives one of
    # them a preprocessing step of its own (mark removal, dotted i, transliteration), this must change with it.
    from wordfreq import available_languages
    from wordfreq.language_info import get_language_info

    from audit.text.frequency import PLAIN_LANGUAGES

    plain = {language for language in available_languages()  # Latin-alphabet ones: only Latin words are looked up
             if get_language_info(language)
             == {"script": "Latn", "tokenizer": "regex", "normal_form": "NFC", "remove_marks": False, "dotless_i": False,
                 "diacritics_under": None, "transliteration": None, "lookup_transliteration": None}}
    assert PLAIN_LANGUAGES == plain


@pytest.mark.parametrize("language", ["de", "fr", "es", "it", "pl", "cs", "da", "hu", "sv", "vi", "nb", "fil"])
def test_word_frequency_in_another_language_equals_wordfreqs_own_answer(language):
    # AUD402 asks whether a sentence's words are ordinary words of the language langdetect names: read from
    # that language's table, the answer must be wordfreq's own, for listed, unlisted and compound words alike.
    from wordfreq import top_n_list

    from audit.text.frequency import _table

    rng = random.Random(language)
    listed = top_n_list(language, 20_000)
    words = rng.sample(listed, 1500) + [word.upper() for word in rng.sample(listed, 50)]
    words += [f"{rng.choice(listed)}-{rng.choice(listed)}" for _ in range(200)]
    words += [word + "qx" for word in rng.sample(listed, 100)] + ["straße", "l'union", "d'un", "ǆ", "e\u0301t\u00e9"]
    for word in words:
        assert word_frequency(word, language) == zipf_frequency(word, language), word
    assert _table(language) == get_frequency_dict(language, "best")


def test_a_sentence_in_another_language_is_judged_without_importing_wordfreq():
    # A German sentence in English copy: the share of German words comes from German's table, read directly.
    share, imported = _printed_in_a_fresh_python(
        "from audit.language import known_word_share\n"
        "print(known_word_share('die kommission will vereinbarung im herbst überprüfen'.split(), 'de'))")
    assert imported == "False" and float(share) == 1.0


@pytest.mark.parametrize("language", ["en", "de", "fr", "pl", "sv", "fil"])
def test_at_least_answers_what_wordfreq_answers_at_every_threshold(language):
    # AUD402 asks only whether a word is frequent, which the head of a language's list answers: the answer must
    # be wordfreq's for words on both sides of each threshold, compounds and words no list knows.
    from audit.text.frequency import at_least

    rng = random.Random(f"head-{language}")
    table = get_frequency_dict(language, "best")
    ranked = sorted(table, key=lambda word: (-table[word], word))
    words = rng.sample(ranked, 2000)
    for threshold in (4.0, 3.0, 2.5):
        cut = sum(1 for word in ranked if table[word] >= 10 ** (threshold - 9) * 0.999)
        words += ranked[max(0, cut - 60) : cut + 60]  # the words either side of the line
    words += [f"{rng.choice(ranked[:3000])}-{rng.choice(ranked[:3000])}" for _ in range(300)]
    words += ["qxzv", "l'union", "Straße", "groß", "ǆ"]
    for threshold in (4.0, 3.0, 2.5, 0.0):
        for word in words:
            assert at_least(word, language, threshold) == (zipf_frequency(word, language) >= threshold), (word, threshold)


def test_common_in_some_language_is_wordfreq_over_its_plain_languages():
    # A gazetteer's place names are built of ordinary words of many languages (Bourse, Agua, Casale); the index
    # asks whether a word of a place's name is one, in any Latin-alphabet language wordfreq reads plainly.
    from audit.text.frequency import PLAIN_LANGUAGES, _plain_tokens, common_in_some_language

    rng = random.Random("common-somewhere")
    words = ["Bourse", "bourse", "Agua", "São", "Karabakh", "Stepanakert", "Tovuz", "qxzv", "Straße", "l'Union"]
    for language in ("fr", "es", "pt", "de", "it", "vi"):
        table = get_frequency_dict(language, "best")
        ranked = sorted(table, key=lambda word: (-table[word], word))
        cut = sum(1 for word in ranked if table[word] >= 10 ** (4.0 - 9) * 0.999)
        words += ranked[max(0, cut - 40) : cut + 40] + rng.sample(ranked, 200)
    for word in words:
        plain = _plain_tokens(word.lower()) is not None  # wordfreq's own tokens, seen without it
        expected = plain and any(zipf_frequency(word.lower(), language) >= 4.0 for language in PLAIN_LANGUAGES)
        assert common_in_some_language(word) == expected, word
    assert common_in_some_language("Bourse") and common_in_some_language("Agua") and common_in_some_language("São")
    assert not common_in_some_language("l'Union")  # what wordfreq would tokenise is not asked (see the docstring)
    assert not common_in_some_language("Karabakh") and not common_in_some_language("Stepanakert")
