"""Bad data is a clear error naming the file and line, never silently accepted: glossaries (CSV quoting,
header, types, contradictory entries), languages, baselines."""
from __future__ import annotations

import csv
import io

import pytest
from hostile_support import audit, desk
from hypothesis import given, settings
from hypothesis import strategies as st

from audit.glossary import GlossaryError, load_glossaries, load_glossary, parse_csv
from audit.glossary_checks import quote_problem

HEADER = "canonical,type,variants,avoid,note\n"


def _error(tmp_path, text: str, suffix: str) -> GlossaryError:
    path = tmp_path / f"desk{suffix}"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(GlossaryError) as caught:
        load_glossary(path)
    assert str(caught.value).startswith(str(path)) and "\n" not in str(caught.value)
    return caught.value


def test_an_unterminated_quote_is_an_error_not_one_huge_row(tmp_path):
    text = HEADER + "Baku,place,,,\n\"Tovuz,place,,Tavoz,\nStepanakert,place,,,\nGanja,place,,,\n"
    error = _error(tmp_path, text, ".csv")
    assert error.line == 3 and "never closed" in str(error)


@pytest.mark.parametrize("row, line", [
    ('Tov"uz,place,,,\n', 2),  # a quote inside an unquoted field
    ('"Tovuz"x,place,,,\n', 2),  # text after a closing quote
    ('Baku,place,,,\nGanja,"place" ,,,\n', 3),
])
def test_stray_quotes_are_errors_with_their_line(tmp_path, row, line):
    error = _error(tmp_path, HEADER + row, ".csv")
    assert error.line == line and "stray quote" in str(error)


def test_quoted_fields_with_commas_newlines_and_doubled_quotes_still_load(tmp_path):
    text = HEADER + '"Tovuz","place","Tovuz City","Tavoz","a note, with ""quotes""\nand a second line"\nBaku,place,,,\n'
    path = tmp_path / "ok.csv"
    path.write_text(text, encoding="utf-8")
    glossary = load_glossary(path)
    assert [entry.canonical for entry in glossary.entries] == ["Tovuz", "Baku"]
    assert glossary.entries[0].note == 'a note, with "quotes"\nand a second line'


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.text(alphabet='ab ,"\n', max_size=6), min_size=5, max_size=5), max_size=6))
def test_whatever_csv_writes_passes_the_quote_check(rows):
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    assert quote_problem(buffer.getvalue()) is None


def _quote_problem_read_char_by_char(text: str) -> tuple[str, int] | None:
    """The quoting rules read one character at a time, as a reference for quote_problem's jumps."""
    line, index, at_field_start, quoted_since = 1, 0, True, 0
    while index < len(text):
        char = text[index]
        if quoted_since:
            if char == '"':
                if text[index + 1 : index + 2] == '"':
                    index += 2
                    continue
                if text[index + 1 : index + 2] not in ("", ",", "\r", "\n"):
                    return f"stray quote after the quoted field that starts on line {quoted_since}", line
                quoted_since = 0
            elif char == "\n":
                line += 1
            index += 1
            continue
        if char == '"':
            if not at_field_start:
                return "stray quote inside an unquoted field (quote the whole field, doubling inner quotes)", line
            quoted_since = line
        elif char == "\n":
            line += 1
        at_field_start = char in ",\r\n"
        index += 1
    return ("quote never closed: every later row would be read into one field", quoted_since) if quoted_since else None


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet='ab,"\r\n', max_size=60))
def test_the_quote_check_finds_what_a_character_by_character_reading_finds(text):
    assert quote_problem(text) == _quote_problem_read_char_by_char(text)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet='ab,"\n', max_size=40))
def test_any_csv_text_is_a_glossary_or_a_located_error(text):
    try:
        parse_csv(HEADER + text, "g.csv")
    except GlossaryError as error:
        assert str(error).startswith("g.csv") and "\n" not in str(error)


def test_a_duplicate_header_column_is_an_error(tmp_path):
    error = _error(tmp_path, "canonical,type,avoid,avoid\nTovuz,place,Tavoz,Tovus\n", ".csv")
    assert error.line == 1 and "'avoid' appears twice" in str(error)


@pytest.mark.parametrize("value", ["false", "1", "[\"place\"]"])
def test_a_toml_type_that_is_not_a_string_is_an_error(tmp_path, value):
    error = _error(tmp_path, f'[[entry]]\ncanonical = "Tovuz"\ntype = {value}\n', ".toml")
    assert error.line == 1 and "type of 'Tovuz'" in str(error)


def test_avoiding_another_entrys_canonical_form_names_both(tmp_path):
    text = ('[[entry]]\ncanonical = "Tovuz"\ntype = "place"\n\n'
            '[[entry]]\ncanonical = "Tavuz"\ntype = "place"\navoid = ["Tovuz"]\n')
    error = _error(tmp_path, text, ".toml")
    assert error.line == 5 and "'Tavuz' avoids 'Tovuz'" in str(error) and "(line 1)" in str(error)
    csv_error = _error(tmp_path, HEADER + "Tovuz,place,,,\nTavuz,place,,Tovuz,\n", ".csv")
    assert csv_error.line == 3 and "'Tovuz'" in str(csv_error)


def test_avoiding_a_canonical_form_of_another_glossary_is_an_error(tmp_path):
    first = tmp_path / "first.toml"
    first.write_text('[[entry]]\ncanonical = "Tovuz"\n', encoding="utf-8")
    second = tmp_path / "second.toml"
    second.write_text('[[entry]]\ncanonical = "Tavuz"\navoid = ["Tovuz"]\n', encoding="utf-8")
    with pytest.raises(GlossaryError, match=r"second\.toml:1: 'Tavuz' avoids 'Tovuz'.*first\.toml:1"):
        load_glossaries([str(first), str(second)])


def test_a_case_bound_avoid_is_no_clash(tmp_path):
    path = tmp_path / "g.toml"
    path.write_text('[[entry]]\ncanonical = "Turkey"\n\n[[entry]]\ncanonical = "Türkiye"\navoid = ["turkey"]\n',
                    encoding="utf-8")
    assert len(load_glossary(path).entries) == 2


def test_bundled_glossaries_have_no_clash():
    assert len(load_glossaries(["default", "world"])) > 100


@pytest.mark.parametrize("language", ["zz", "english", "", "12"])
def test_an_unknown_language_is_a_usage_error(tmp_path, language):
    article, glossary = desk(tmp_path)
    code, _, err = audit("scan", str(article), "-g", str(glossary), "--isolated", "--language", language)
    assert code == 2 and err.startswith("audit: --language") and err.count("\n") == 1


def test_an_unknown_language_in_the_configuration_names_the_file(tmp_path):
    article, glossary = desk(tmp_path)
    config = tmp_path / "audit.toml"
    config.write_text('language = "zz"\n', encoding="utf-8")
    code, _, err = audit("scan", str(article), "-g", str(glossary), "--config", str(config))
    assert code == 2 and "audit.toml" in err and "language" in err and err.count("\n") == 1


def test_a_baseline_whose_version_is_true_is_refused(tmp_path):
    article, glossary = desk(tmp_path)
    bad = tmp_path / "b.json"
    bad.write_text('{"version": true, "findings": []}', encoding="utf-8")
    code, _, err = audit("scan", str(article), "-g", str(glossary), "--isolated", "--baseline", str(bad))
    assert code == 2 and err.startswith(f"audit: {bad}: not a wire-audit baseline")
