"""Flat glossaries: a name without a type gets one from its shape and the lexicon (marked as inferred),
a standalone surname joins its person, and a one-column glossary finds what the typed one finds."""
from __future__ import annotations

from pathlib import Path

import pytest

from audit.config import Settings
from audit.engine import scan
from audit.glossary import load_glossary
from audit.glossary_infer import infer_type

DEFAULT = Path(__file__).resolve().parents[1] / "glossaries" / "default.toml"
HEADER = "canonical,type,variants,avoid,note\n"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Nikol Pashinyan", "person"),  # a given name the cognate table knows
        ("Ihor Terekhov", "person"),
        ("Vagharshak Harutyunyan", "person"),  # an unknown given name, a family-name ending
        ("Maria Zakharova", "person"),  # a census given name
        ("Stepanakert", "place"),  # a place-name ending
        ("Tovuz", "place"),  # the lexicon knows the town
        ("Deutschland", "place"),  # an endonym of a country
        ("Lake Sevan", "place"),
        ("Ministry of Defence", "organization"),
        ("Caspian Energy Agency", "organization"),
        ("OSCE", "organization"),
        ("Daily Sabah", "publication"),
        ("Le Monde", None),  # an article, not a given name
        ("Qorvandex", None),  # nothing says: left unknown
    ],
)
def test_the_type_of_a_bare_name_is_inferred_from_its_shape_and_the_lexicon(name, expected):
    assert infer_type(name) == expected


def _flat(tmp_path: Path, names: list[str], header: str = HEADER) -> Path:
    path = tmp_path / "flat.csv"
    columns = header.count(",")
    path.write_text(header + "".join(name + "," * columns + "\n" for name in names), encoding="utf-8")
    return path


def test_a_missing_type_is_inferred_and_marked_a_declared_one_is_kept(tmp_path):
    path = tmp_path / "mixed.csv"
    path.write_text(HEADER + "Ihor Terekhov,,,,\nTovuz,other,,,\nGoris,place,,,\n", encoding="utf-8")
    terekhov, tovuz, goris = load_glossary(path).entries
    assert (terekhov.type, terekhov.type_inferred) == ("person", True)
    assert (tovuz.type, tovuz.type_inferred) == ("other", False)  # declared "other" is the user's word
    assert (goris.type, goris.type_inferred) == ("place", False)


def test_toml_entries_without_a_type_are_inferred_too(tmp_path):
    path = tmp_path / "flat.toml"
    path.write_text('[[entry]]\ncanonical = "Nikol Pashinyan"\n', encoding="utf-8")
    (entry,) = load_glossary(path).entries
    assert (entry.type, entry.type_inferred) == ("person", True)


def test_a_standalone_surname_joins_its_person_as_an_accepted_form(tmp_path):
    glossary = load_glossary(_flat(tmp_path, ["Ihor Terekhov", "Terekhov", "Stepanakert"]))
    assert [entry.canonical for entry in glossary.entries] == ["Ihor Terekhov", "Stepanakert"]
    assert glossary.entries[0].variants == ("Terekhov",)
    assert "Terekhov" in glossary.entries[0].note and "merged" in glossary.entries[0].note


def test_a_name_typed_as_something_else_is_not_taken_for_a_surname(tmp_path):
    path = tmp_path / "typed.csv"
    path.write_text(HEADER + "Armen Lachin,person,,,\nLachin,place,,,\n", encoding="utf-8")
    assert [entry.canonical for entry in load_glossary(path).entries] == ["Armen Lachin", "Lachin"]


def test_a_one_column_glossary_finds_a_russian_given_name_for_a_ukrainian_one(tmp_path, scan_text):
    path = _flat(tmp_path, ["Ihor Terekhov", "Terekhov"], header="canonical\n")
    findings = scan_text("The mayor, Igor Terekhov, said the city was calm. Terekhov spoke later.\n", path)
    assert [(f.rule, f.text, f.suggestion) for f in findings] == [("AUD102", "Igor Terekhov", "Ihor Terekhov")]


def _name_errors(shared_dir: Path, glossary: Path) -> set[tuple[str, int, str, str, str | None]]:
    result = scan([str(shared_dir / "seeds")], Settings(glossaries=(str(glossary),), select=("AUD101", "AUD102")))
    return {(Path(f.path).name, f.start, f.rule, f.text, f.suggestion) for f in result.findings if f.severity.label == "error"}


def flat_version(glossary: Path, destination: Path, with_variants: bool) -> Path:
    """A one-column CSV of a typed glossary's names: the canonical forms, and optionally every variant
    as a row of its own (as a desk's plain list of names would have them)."""
    names: list[str] = []
    for entry in load_glossary(glossary).entries:
        for name in entry.accepted if with_variants else (entry.canonical,):
            if name not in names:
                names.append(name)
    destination.write_text("canonical\n" + "".join(f'"{name}"\n' for name in names), encoding="utf-8")
    return destination


def test_a_flat_default_glossary_with_every_form_a_row_finds_the_seed_errors_the_typed_one_finds(shared_dir, tmp_path):
    typed = _name_errors(shared_dir, DEFAULT)
    flat = _name_errors(shared_dir, flat_version(DEFAULT, tmp_path / "flat.csv", with_variants=True))
    assert typed, "the typed glossary finds name errors in the seeds"
    assert flat == typed, f"only typed: {sorted(typed - flat)}\nonly flat: {sorted(flat - typed)}"


def test_a_flat_glossary_of_canonical_forms_loses_no_seed_error_and_adds_only_unlisted_variants(shared_dir, tmp_path):
    typed = _name_errors(shared_dir, DEFAULT)
    flat = _name_errors(shared_dir, flat_version(DEFAULT, tmp_path / "flat.csv", with_variants=False))
    assert typed <= flat, f"only typed: {sorted(typed - flat)}"
    # Without the variants column the glossary cannot know that Shushi is an accepted name of Shusha.
    variants = {variant for entry in load_glossary(DEFAULT).entries for variant in entry.variants}
    assert {finding[3] for finding in flat - typed} <= variants, sorted(flat - typed)
