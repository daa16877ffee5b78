"""Glossary loaders: TOML and CSV load exactly, and every problem is a GlossaryError naming file and line."""
from __future__ import annotations

import re
import tomllib
from importlib import resources
from pathlib import Path

import pytest

import audit.glossary as glossary_module
from audit.cli import main
from audit.glossary import (
    ENTRY_TYPES,
    Entry,
    Glossary,
    GlossaryError,
    bundled_glossary_names,
    load_bundled,
    load_glossaries,
    load_glossary,
    parse_csv,
    parse_toml,
)

TOML_TEXT = """\
# comment lines and blank lines are fine

[glossary]
name = "test"

[[entry]]
canonical = "Nikol Pashinyan"
type = "person"
variants = ["Pashinyan", "Pashinian"]
note = "Prime Minister of Armenia"

[[entry]]
canonical = "Der Spiegel"
type = "publication"
avoid = ["The mirror", "The Mirror"]

[[entry]]
canonical = "Tovuz"
"""

CSV_TEXT = (
    "canonical,type,variants,avoid,note\n"
    "Stepanakert,place,Khankendi,,capital of Nagorno-Karabakh\n"
    "\n"
    "Kommersant,publication,,The Businessman,Moscow daily\n"
    "Nagorno-Karabakh,place, Karabakh | Nagorno Karabakh ,,\n"
    ",,,,\n"
    "Tovuz,,,,\n"
)


# -- TOML ------------------------------------------------------------------------------------------
def test_toml_loads_every_field(tmp_path, write_glossary):
    path = write_glossary(tmp_path, TOML_TEXT, ".toml")
    glossary = load_glossary(path)
    assert isinstance(glossary, Glossary)
    assert len(glossary) == 3
    assert glossary.sources == (str(path),)
    pashinyan, spiegel, tovuz = glossary.entries
    assert pashinyan.canonical == "Nikol Pashinyan"
    assert pashinyan.type == "person"
    assert pashinyan.variants == ("Pashinyan", "Pashinian")
    assert pashinyan.avoid == ()
    assert pashinyan.note == "Prime Minister of Armenia"
    assert pashinyan.accepted == ("Nikol Pashinyan", "Pashinyan", "Pashinian")
    assert spiegel.type == "publication"
    assert spiegel.avoid == ("The mirror", "The Mirror")
    assert spiegel.variants == ()
    # Only canonical is required: the rest default, and the missing type is inferred (a town the lexicon knows).
    assert tovuz == Entry(canonical="Tovuz", type="place", variants=(), avoid=(), note="", source=tovuz.source, type_inferred=True)


def test_toml_entries_remember_their_line(tmp_path, write_glossary):
    """Each entry's source is the line of its own [[entry]] header, also after a blank line or a comment.

    Fails today: the header regex ``^\\s*\\[\\[`` lets ``\\s*`` run over the blank line before the header,
    so every entry that follows a blank line (all of glossaries/default.toml) is placed one line early.
    """
    path = write_glossary(tmp_path, TOML_TEXT, ".toml")
    lines = TOML_TEXT.splitlines()
    entries = load_glossary(path).entries
    headers = [number for number, line in enumerate(lines, 1) if line.strip() == "[[entry]]"]
    assert [entry.source for entry in entries] == [f"{path}:{line}" for line in headers]


def test_toml_error_line_after_blank_line(tmp_path, write_glossary):
    """An error in an entry that follows a blank line names that entry's [[entry]] line, not the blank line."""
    path = write_glossary(tmp_path, '[[entry]]\ncanonical = "Baku"\n\n[[entry]]\ncanonical = "Tovuz"\ntype = "town"\n', ".toml")
    assert _error(path).line == 4


def test_toml_type_is_case_insensitive_and_values_are_stripped():
    glossary = parse_toml('[[entry]]\ncanonical = "  Baku "\ntype = "Place"\nvariants = [" Baki ", ""]\n', "g.toml")
    (entry,) = glossary.entries
    assert entry.canonical == "Baku"
    assert entry.type == "place"
    assert entry.variants == ("Baki",)


def test_toml_with_no_entries_is_an_empty_glossary():
    assert len(parse_toml('[glossary]\nname = "empty"\n', "g.toml")) == 0


def test_toml_bom_is_accepted(tmp_path, write_glossary):
    path = write_glossary(tmp_path, "\ufeff" + TOML_TEXT, ".toml")
    assert load_glossary(path).entries[0].canonical == "Nikol Pashinyan"


def test_every_entry_type_is_accepted():
    text = "".join(f'[[entry]]\ncanonical = "Name {kind}"\ntype = "{kind}"\n\n' for kind in ENTRY_TYPES)
    assert [e.type for e in parse_toml(text, "g.toml").entries] == list(ENTRY_TYPES)


# -- CSV -------------------------------------------------------------------------------------------
def test_csv_loads_every_field_and_splits_lists(tmp_path, write_glossary):
    path = write_glossary(tmp_path, CSV_TEXT, ".csv")
    glossary = load_glossary(path)
    assert [e.canonical for e in glossary.entries] == ["Stepanakert", "Kommersant", "Nagorno-Karabakh", "Tovuz"]
    stepanakert, kommersant, karabakh, tovuz = glossary.entries
    assert stepanakert.type == "place"
    assert stepanakert.variants == ("Khankendi",)
    assert stepanakert.avoid == ()
    assert stepanakert.note == "capital of Nagorno-Karabakh"
    assert kommersant.avoid == ("The Businessman",)
    assert kommersant.note == "Moscow daily"
    assert karabakh.variants == ("Karabakh", "Nagorno Karabakh")  # | split, spaces stripped
    assert (tovuz.type, tovuz.type_inferred) == ("place", True)  # no type given: inferred (the lexicon knows the town)


def test_csv_blank_lines_are_skipped_and_lines_are_physical(tmp_path, write_glossary):
    path = write_glossary(tmp_path, CSV_TEXT, ".csv")
    sources = [e.source for e in load_glossary(path).entries]
    assert sources == [f"{path}:2", f"{path}:4", f"{path}:5", f"{path}:7"]


def test_csv_optional_columns_may_be_missing(tmp_path, write_glossary):
    path = write_glossary(tmp_path, "canonical,variants\nStepanakert,Khankendi|Xankendi\nBaku\n", ".csv")
    stepanakert, baku = load_glossary(path).entries
    assert stepanakert.variants == ("Khankendi", "Xankendi")
    assert stepanakert.type == "place" and stepanakert.type_inferred  # no type column: inferred from the name
    assert stepanakert.avoid == () and stepanakert.note == ""
    assert baku.canonical == "Baku" and baku.variants == ()


def test_csv_columns_in_any_order_and_header_case(tmp_path, write_glossary):
    path = write_glossary(tmp_path, "Note,Canonical,Type\nold capital,Shusha,place\n", ".csv")
    (entry,) = load_glossary(path).entries
    assert (entry.canonical, entry.type, entry.note) == ("Shusha", "place", "old capital")


def test_csv_quoted_fields_with_commas(tmp_path, write_glossary):
    text = 'canonical,type,variants,avoid,note\n"Aliyev, Ilham",person,Aliyev,,"President, Azerbaijan"\n'
    (entry,) = load_glossary(write_glossary(tmp_path, text, ".csv")).entries
    assert entry.canonical == "Aliyev, Ilham"
    assert entry.note == "President, Azerbaijan"


def test_csv_crlf_line_endings(tmp_path, write_glossary):
    path = write_glossary(tmp_path, CSV_TEXT.replace("\n", "\r\n"), ".csv")
    glossary = load_glossary(path)
    assert [e.canonical for e in glossary.entries] == ["Stepanakert", "Kommersant", "Nagorno-Karabakh", "Tovuz"]
    assert glossary.entries[0].note == "capital of Nagorno-Karabakh"
    assert glossary.entries[-1].source.endswith(":7")


def test_tsv_suffix_is_read_as_the_csv_format(tmp_path, write_glossary):
    # The loader documents .tsv as the CSV interchange format (comma-separated); it must not be refused.
    path = write_glossary(tmp_path, "canonical,type\nBaku,place\n", ".tsv")
    assert load_glossary(path).entries[0].canonical == "Baku"


def test_toml_and_csv_of_the_same_names_load_the_same(tmp_path, write_glossary):
    toml_path = write_glossary(
        tmp_path,
        '[[entry]]\ncanonical = "Shusha"\ntype = "place"\nvariants = ["Shushi"]\n'
        '[[entry]]\ncanonical = "Kommersant"\ntype = "publication"\navoid = ["The Businessman"]\nnote = "daily"\n',
        ".toml",
    )
    csv_path = write_glossary(
        tmp_path, "canonical,type,variants,avoid,note\nShusha,place,Shushi,,\nKommersant,publication,,The Businessman,daily\n", ".csv"
    )

    def strip(entries):
        return [(e.canonical, e.type, e.variants, e.avoid, e.note) for e in entries]

    assert strip(load_glossary(toml_path).entries) == strip(load_glossary(csv_path).entries)


def test_load_glossaries_merges_in_order(tmp_path, write_glossary):
    first = write_glossary(tmp_path, "canonical\nBaku\n", ".csv", name="first")
    second = write_glossary(tmp_path, '[[entry]]\ncanonical = "Yerevan"\n', ".toml", name="second")
    merged = load_glossaries([str(first), str(second)])
    assert [e.canonical for e in merged.entries] == ["Baku", "Yerevan"]
    assert merged.sources == (str(first), str(second))


# -- errors ----------------------------------------------------------------------------------------
def _error(path: Path) -> GlossaryError:
    with pytest.raises(GlossaryError) as caught:
        load_glossary(path)
    error = caught.value
    assert "\n" not in str(error), "a glossary error is one line"
    assert str(error).startswith(str(path))
    return error


@pytest.mark.parametrize(
    ("suffix", "text", "line", "words"),
    [
        # missing canonical
        (".csv", "canonical,type\nBaku,place\n,place\n", 3, "canonical"),
        (".csv", "canonical,type\nBaku,place\n   ,place\n", 3, "canonical"),
        (".toml", '[[entry]]\ncanonical = "Baku"\n[[entry]]\ntype = "place"\n', 3, "canonical"),
        (".toml", '[[entry]]\ncanonical = ""\n', 1, "canonical"),
        # bad type
        (".csv", "canonical,type\nBaku,place\nTovuz,town\n", 3, "town"),
        (".toml", '[[entry]]\ncanonical = "Baku"\ntype = "place"\n[[entry]]\ncanonical = "Tovuz"\ntype = "town"\n', 4, "town"),
        (".toml", '[[entry]]\ncanonical = "Tovuz"\ntype = 3\n', 1, "type"),
        # unknown column / key
        (".csv", "canonical,type,kind\nBaku,place,city\n", 1, "kind"),
        (".csv", "name,type\nBaku,place\n", 1, "canonical"),
        (".toml", '[[entry]]\ncanonical = "Baku"\n[[entry]]\ncanonical = "Tovuz"\nvariant = ["Tovouz"]\n', 3, "variant"),
        # invalid TOML: the line comes from the parser
        (".toml", '[[entry]]\ncanonical = "Baku"\ntype = place\n', 3, "invalid TOML"),
        (".toml", '[[entry]]\ncanonical = "Baku"\n\n[[entry]]\ncanonical = "Tovuz\n', 5, "invalid TOML"),
        # a list field that is not a list of strings
        (".toml", '[[entry]]\ncanonical = "Baku"\nvariants = 3\n', 1, "variants"),
        (".toml", '[[entry]]\ncanonical = "Baku"\navoid = [1, 2]\n', 1, "avoid"),
        (".toml", '[[entry]]\ncanonical = "Baku"\nvariants = [["Baki"]]\n', 1, "variants"),
        (".toml", '[[entry]]\ncanonical = "Baku"\nnote = ["a", "b"]\n', 1, "note"),
        # a form both accepted and avoided (case-insensitively)
        (".csv", "canonical,variants,avoid\nBaku,Baki,baki\n", 2, "both accepted and avoided"),
        (".toml", '[[entry]]\ncanonical = "Der Spiegel"\navoid = ["der spiegel"]\n', 1, "both accepted and avoided"),
        # too many fields in a CSV row
        (".csv", "canonical,type\nBaku,place,extra\n", 2, "fields"),
    ],
)
def test_errors_name_file_and_line(tmp_path, write_glossary, suffix, text, line, words):
    path = write_glossary(tmp_path, text, suffix)
    error = _error(path)
    assert error.path == str(path)
    assert error.line == line
    assert str(error).startswith(f"{path}:{line}: ")
    assert words.lower() in str(error).lower()


def test_toml_list_field_given_as_a_string_is_an_error(tmp_path, write_glossary):
    """`variants = "Baki"` in TOML is a string where the format wants a list: say so, with the line.

    (The CSV format's |-separated text is a CSV convention; a TOML string silently split on | would turn
    a typo such as variants = "Shushi, Shusha" into one odd variant.)
    """
    path = write_glossary(tmp_path, '[[entry]]\ncanonical = "Baku"\n[[entry]]\ncanonical = "Shusha"\nvariants = "Shushi"\n', ".toml")
    error = _error(path)
    assert error.line == 3
    assert "variants" in str(error) and "list" in str(error)


def test_unknown_top_level_table_is_an_error(tmp_path, write_glossary):
    path = write_glossary(tmp_path, '[entries]\ncanonical = "Baku"\n', ".toml")
    assert "entries" in str(_error(path))


def test_entry_written_as_a_single_table_is_an_error(tmp_path, write_glossary):
    path = write_glossary(tmp_path, '[entry]\ncanonical = "Baku"\n', ".toml")
    assert "[[entry]]" in str(_error(path))


def test_unclosed_toml_names_the_file(tmp_path, write_glossary):
    path = write_glossary(tmp_path, '[[entry]]\ncanonical = "Baku"\nvariants = ["Baki"\n', ".toml")
    error = _error(path)
    assert "invalid TOML" in str(error)


def test_unknown_suffix(tmp_path, write_glossary):
    path = write_glossary(tmp_path, '{"canonical": "Baku"}', ".json")
    error = _error(path)
    assert error.line is None
    assert ".toml" in str(error) and ".csv" in str(error)


def test_missing_file(tmp_path):
    error = _error(tmp_path / "nowhere.csv")
    assert "cannot read" in str(error)


def test_unreadable_file(tmp_path):
    directory = tmp_path / "glossary.csv"  # a directory where a file should be: reading it fails on any OS user
    directory.mkdir()
    error = _error(directory)
    assert "cannot read" in str(error)


def test_unreadable_file_permission(tmp_path, monkeypatch, write_glossary):
    path = write_glossary(tmp_path, "canonical\nBaku\n", ".csv")
    real = glossary_module.read_regular  # glossaries are read through it (root may read a chmod-000 file)

    def refuse(name, max_size=None):
        if Path(name) == path:
            raise PermissionError(13, "Permission denied", str(name))
        return real(name, max_size)

    monkeypatch.setattr(glossary_module, "read_regular", refuse)
    error = _error(path)
    assert "Permission denied" in str(error)


@pytest.mark.parametrize("suffix", [".csv", ".toml"])
def test_non_utf8_names_the_line(tmp_path, write_glossary, suffix):
    if suffix == ".csv":
        data = "canonical,type\nBaku,place\n".encode() + "Gäncä,place\n".encode("cp1252")
    else:
        data = '[[entry]]\ncanonical = "Baku"\n'.encode() + '[[entry]]\ncanonical = "Gäncä"\n'.encode("cp1252")
    path = write_glossary(tmp_path, data, suffix)
    error = _error(path)
    assert error.line == (3 if suffix == ".csv" else 4)
    assert "UTF-8" in str(error)


def test_empty_csv(tmp_path, write_glossary):
    error = _error(write_glossary(tmp_path, "", ".csv"))
    assert error.line == 1
    assert "header" in str(error)


def test_parse_functions_raise_the_same_errors():
    with pytest.raises(GlossaryError, match=r"^mem\.csv:2: "):
        parse_csv("canonical,type\nBaku,village\n", "mem.csv")
    with pytest.raises(GlossaryError, match=r"^mem\.toml:1: "):
        parse_toml('[[entry]]\nvariants = ["x"]\n', "mem.toml")


def test_glossary_error_is_an_exception_with_fields():
    error = GlossaryError("g.csv", "broken", 7)
    assert isinstance(error, Exception)
    assert (error.path, error.line, error.message, str(error)) == ("g.csv", 7, "broken", "g.csv:7: broken")
    assert str(GlossaryError("g.csv", "broken")) == "g.csv: broken"


# -- the bundled glossary --------------------------------------------------------------------------
def test_bundled_glossary_loads_and_is_big_enough():
    glossary = load_bundled()
    assert len(glossary) >= 150
    assert glossary.sources == ("<bundled>/default.toml",)
    assert "default.toml" in bundled_glossary_names()
    assert load_glossaries([]).entries == glossary.entries  # no --glossary: the bundled one


def test_bundled_glossary_is_consistent():
    """The file's own rules: no accepted form twice across entries; no form both accepted and avoided."""
    glossary = load_bundled()
    seen: dict[str, str] = {}
    for entry in glossary.entries:
        assert entry.type in ENTRY_TYPES
        for form in entry.accepted:
            key = form.casefold()
            assert key not in seen, f"{form!r} is accepted by both {seen.get(key)!r} and {entry.canonical!r}"
            seen[key] = entry.canonical
    avoided = {form.casefold() for entry in glossary.entries for form in entry.avoid}
    assert not avoided & set(seen), f"avoided and accepted: {sorted(avoided & set(seen))}"


def test_bundled_glossary_is_valid_toml_with_entry_lines():
    resource = resources.files("audit.glossaries").joinpath("default.toml")
    text = resource.read_text(encoding="utf-8")
    tomllib.loads(text)
    for entry in load_bundled().entries:
        assert re.search(r":\d+$", entry.source), entry


# -- the command line ------------------------------------------------------------------------------
def test_cli_bad_glossary_exits_2_with_one_line(tmp_path, write_glossary, capsys):
    bad = write_glossary(tmp_path, "canonical,type\nBaku,place\n,place\n", ".csv", name="bad")
    article = tmp_path / "x.txt"
    article.write_text("Officials in Baku said so.\n", encoding="utf-8")
    code = main(["scan", "--glossary", str(bad), str(article)])
    out, err = capsys.readouterr()
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert re.search(r"bad\.csv:3: ", lines[0]), lines[0]
    assert lines[0].endswith("entry has no canonical form")
    assert "Traceback" not in err + out


def test_cli_bad_glossary_relative_path(tmp_path, monkeypatch, capsys):
    """The brief's exact command: `audit scan --glossary bad.csv x.txt` from the glossary's directory."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bad.csv").write_text("canonical,type,variants\nBaku,place,\nTovuz,town,\n", encoding="utf-8")
    (tmp_path / "x.txt").write_text("Tovuz.\n", encoding="utf-8")
    code = main(["scan", "--glossary", "bad.csv", "x.txt"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.strip().splitlines() == [err.strip()]
    assert "bad.csv:3: " in err and "town" in err
    assert "Traceback" not in err


def test_cli_invalid_toml_glossary(tmp_path, write_glossary, capsys):
    bad = write_glossary(tmp_path, '[[entry]]\ncanonical = "Baku"\ntype = place\n', ".toml", name="bad")
    article = tmp_path / "x.txt"
    article.write_text("Baku.\n", encoding="utf-8")
    assert main(["scan", "-g", str(bad), str(article)]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1
    assert "bad.toml:3: invalid TOML" in err


def test_cli_missing_glossary(tmp_path, capsys):
    article = tmp_path / "x.txt"
    article.write_text("Baku.\n", encoding="utf-8")
    assert main(["scan", "-g", str(tmp_path / "none.csv"), str(article)]) == 2
    err = capsys.readouterr().err
    assert "none.csv" in err and "Traceback" not in err
