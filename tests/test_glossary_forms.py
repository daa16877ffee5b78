"""The optional `forms` field of glossary entries (source-language forms for `audit compare --source`)."""
from __future__ import annotations

import pytest

from audit.glossary import GlossaryError, parse_csv, parse_toml


def test_toml_forms_take_a_string_or_a_list_per_language():
    [entry] = parse_toml('[[entry]]\ncanonical = "Dmitry Peskov"\n'
                         'forms = {ru = "Песков", de = ["Peskow", "Dmitri Peskow"]}\n', "g.toml").entries
    assert entry.forms == (("ru", "Песков"), ("de", "Peskow"), ("de", "Dmitri Peskow"))


def test_csv_forms_column_is_optional_and_pipe_separated():
    entries = parse_csv("canonical,type,forms\nDmitry Peskov,person,ru:Песков|de:Peskow\nKyiv,place,\n", "g.csv").entries
    assert entries[0].forms == (("ru", "Песков"), ("de", "Peskow"))
    assert entries[1].forms == ()
    assert parse_csv("canonical\nKyiv\n", "g.csv").entries[0].forms == ()


@pytest.mark.parametrize(("text", "message"), [
    ('[[entry]]\ncanonical = "A"\n\n[[entry]]\ncanonical = "B"\nforms = "ru:Б"\n', "g.toml:4: forms of 'B' must be a table"),
    ('[[entry]]\ncanonical = "A"\nforms = {russian = "А"}\n', "g.toml:1: forms of 'A': 'russian' is not a language code"),
    ('[[entry]]\ncanonical = "A"\nforms = {ru = ""}\n', "g.toml:1: forms of 'A': the ru form must be a non-empty string"),
    ('[[entry]]\ncanonical = "A"\nforms = {ru = 3}\n', "g.toml:1: forms of 'A': the ru form must be a non-empty string"),
])
def test_bad_toml_forms_name_file_and_line(text, message):
    with pytest.raises(GlossaryError) as error:
        parse_toml(text, "g.toml")
    assert str(error.value).startswith(message)


def test_bad_csv_forms_name_file_and_line():
    with pytest.raises(GlossaryError, match=r"^g.csv:3: forms of 'B': expected LANGUAGE:FORM, got 'Б'"):
        parse_csv("canonical,forms\nA,ru:А\nB,Б\n", "g.csv")
