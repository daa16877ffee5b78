"""Choosing glossaries: bundled ones by name (--glossary world), extending instead of replacing
(--extend-glossary, config key extend-glossary), and `audit glossaries` listing the bundled ones."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from audit.cli import app, main
from audit.config import load_config
from audit.glossary import GlossaryError, load_glossaries, load_reference

KIEV = "Air raid sirens sounded in Kiev on Tuesday.\n"  # AUD103 with the world glossary only
KARABAKH = "Officials in Stepanakert said so.\nOfficials in Stefanakert said so.\n"  # AUD101 with the default only
DESK = '[[entry]]\ncanonical = "Zarvandia"\ntype = "place"\n'  # an invented place only the desk knows


def _scan(*argv: str, text: str) -> tuple[int, list[dict]]:
    result = CliRunner().invoke(app, ["scan", "-", "--format", "json", *argv], input=text)
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, json.loads(result.stdout)["findings"]


def _rules(findings: list[dict]) -> set[tuple[str, str]]:
    return {(f["rule"], f["text"]) for f in findings}


def test_a_bundled_glossary_is_chosen_by_name():
    _, findings = _scan("--glossary", "world", text=KIEV)
    assert ("AUD103", "Kiev") in _rules(findings)
    _, findings = _scan(text=KIEV)  # the default glossary alone does not know Kyiv
    assert ("AUD103", "Kiev") not in _rules(findings)


def test_both_bundled_glossaries_together():
    _, findings = _scan("-g", "world", "-g", "default", text=KIEV + KARABAKH)
    assert {("AUD103", "Kiev"), ("AUD101", "Stefanakert")} <= _rules(findings)


def test_a_file_that_exists_wins_over_a_bundled_name(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "world.toml").write_text(DESK, encoding="utf-8")
    glossary = load_reference("world.toml")
    assert [entry.canonical for entry in glossary.entries] == ["Zarvandia"]


def test_extend_adds_to_the_bundled_glossary_instead_of_replacing_it(tmp_path):
    desk = tmp_path / "desk.toml"
    desk.write_text(DESK, encoding="utf-8")
    text = KARABAKH + "Flights to Zarvandya resumed.\n"
    _, replaced = _scan("--glossary", str(desk), text=text)
    _, extended = _scan("--extend-glossary", str(desk), text=text)
    assert ("AUD101", "Stefanakert") not in _rules(replaced)
    assert {("AUD101", "Stefanakert"), ("AUD101", "Zarvandya")} <= _rules(extended)


def test_extend_adds_to_the_chosen_glossaries_too(tmp_path):
    desk = tmp_path / "desk.toml"
    desk.write_text(DESK, encoding="utf-8")
    glossary = load_glossaries(["world"], [str(desk)])
    canonicals = {entry.canonical for entry in glossary.entries}
    assert {"Kyiv", "Zarvandia"} <= canonicals and "Stepanakert" not in canonicals


def test_configuration_names_bundled_glossaries_and_extensions(tmp_path):
    (tmp_path / "desk.toml").write_text(DESK, encoding="utf-8")
    config = tmp_path / "audit.toml"
    config.write_text('glossaries = ["world"]\nextend-glossary = ["desk.toml"]\n', encoding="utf-8")
    settings = load_config(config)
    assert settings.glossaries == ("world",)
    assert len(settings.extend_glossaries) == 1 and settings.extend_glossaries[0].endswith("desk.toml")


def test_an_unknown_name_is_one_line_naming_the_bundled_glossaries(tmp_path, capsys):
    article = tmp_path / "article.txt"
    article.write_text(KIEV, encoding="utf-8")
    assert main(["scan", str(article), "--glossary", "wrold"]) == 2
    assert capsys.readouterr().err.strip().splitlines() == [
        "audit: wrold: no such file, and no bundled glossary of that name (bundled: default, world)"
    ]
    with pytest.raises(GlossaryError, match="no bundled glossary of that name.*default, world"):
        load_reference("wrold")


def test_audit_glossaries_lists_the_bundled_ones_with_their_size():
    result = CliRunner().invoke(app, ["glossaries"])
    assert result.exit_code == 0
    lines = {line.split()[0]: line for line in result.output.splitlines()}
    assert set(lines) == {"default", "world"}
    assert "Nagorno-Karabakh" in lines["default"] and "entries" in lines["world"]
