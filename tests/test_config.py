"""Configuration: audit.toml / [tool.audit] found upward, validation naming file and key, CLI precedence."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from report_support import GLOSSARY, run

from audit.config import (
    ConfigError,
    Settings,
    find_config,
    load_config,
    override,
    path_selected,
    resolve,
)
from audit.engine import all_rules
from audit.model import Severity

ARTICLE = "Officials in Jerevan said President ilham aliyev would visit.\n"  # AUD101 error, AUD104 info


@pytest.fixture()
def desk(tmp_path, monkeypatch) -> Path:
    """A desk's repository: glossary at the top, articles below, working directory at the top."""
    shutil.copyfile(GLOSSARY, tmp_path / "desk.toml")
    (tmp_path / "news" / "drafts").mkdir(parents=True)
    (tmp_path / "news" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "news" / "drafts" / "b.txt").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _rules(out: str) -> list[str]:
    """The rule ids in text output, sorted."""
    return sorted({line.split()[2] for line in out.splitlines() if line and ":" in line.split()[0]})


# -- discovery -----------------------------------------------------------------------------------
def test_found_upward_from_the_scanned_paths(desk):
    config = _write(desk / "audit.toml", 'glossaries = ["desk.toml"]\n')
    assert find_config(["news/drafts/b.txt"]) == config
    assert find_config(["news/a.txt", "news/drafts"]) == config


def test_audit_toml_beats_pyproject_in_one_directory_nearest_wins(desk):
    _write(desk / "pyproject.toml", '[tool.audit]\nfail-on = "error"\n')
    assert find_config(["news"]) == desk / "pyproject.toml"
    _write(desk / "audit.toml", 'fail-on = "info"\n')
    assert find_config(["news"]) == desk / "audit.toml"
    _write(desk / "news" / "pyproject.toml", '[tool.audit]\nfail-on = "never"\n')
    assert find_config(["news/a.txt"]) == desk / "news" / "pyproject.toml"
    _write(desk / "news" / "pyproject.toml", '[project]\nname = "x"\n')  # no [tool.audit]: skipped
    assert find_config(["news/a.txt"]) == desk / "audit.toml"


def test_every_key_loads_and_glossary_paths_are_relative_to_the_file(desk):
    _write(desk / "news" / "audit.toml", """
glossaries = ["../desk.toml"]
select = ["AUD1", "scraper-debris"]
ignore = ["name-casing"]
fail-on = "error"
include = ["*.txt"]
exclude = ["drafts/"]
min-confidence = 0.8
language = "EN"
debris-patterns = ["debris.toml"]

[severity]
garbled-name = "warning"
""")
    settings = load_config(desk / "news" / "audit.toml", all_rules())
    assert settings.glossaries == ("desk.toml",)  # shown relative to the working directory
    assert Path(settings.glossaries[0]).resolve() == (desk / "desk.toml").resolve()
    assert settings.debris_patterns == (str(Path("news") / "debris.toml"),)
    assert settings.select == ("AUD1", "scraper-debris") and settings.ignore == ("name-casing",)
    assert settings.severity == {"AUD101": Severity.WARNING}  # names become ids
    assert (settings.fail_on, settings.min_confidence, settings.target_language) == ("error", 0.8, "en")
    assert settings.source == str(Path("news") / "audit.toml")


@pytest.mark.parametrize(("text", "message"), [
    ('colour = "red"\n', "unknown key 'colour'"),
    ('fail_on = "error"\n', "unknown key 'fail_on' (did you mean 'fail-on'?)"),
    ('fail-on = "loud"\n', "fail-on: expected one of error, warning, info, never, got 'loud'"),
    ("select = 3\n", "select: expected a list of non-empty strings"),
    ('select = ["AUD999"]\n', "select: 'AUD999' names no rule"),
    ('ignore = ["garbled"]\n', "ignore: 'garbled' names no rule"),
    ('[severity]\ngarbled-name = "fatal"\n', "severity.garbled-name: unknown severity 'fatal'"),
    ('[severity]\nno-such-rule = "info"\n', "severity.no-such-rule: names no rule"),
    ("min-confidence = 2\n", "min-confidence: expected a number from 0 to 1, got 2"),
    ("language = 7\n", "language: expected a language code"),
    ('fail-on = "error"\nselect = = 2\n', "audit.toml:2: invalid TOML"),
])
def test_mistakes_name_the_file_and_key(desk, text, message):
    _write(desk / "audit.toml", text)
    with pytest.raises(ConfigError) as caught:
        load_config(desk / "audit.toml", all_rules())
    assert str(caught.value).startswith("audit.toml")
    assert message in str(caught.value)


def test_pyproject_keys_are_named_with_their_table(desk):
    _write(desk / "pyproject.toml", '[tool.audit]\nfail-on = "sometimes"\n')
    with pytest.raises(ConfigError, match=r"^pyproject.toml: tool.audit.fail-on: expected"):
        resolve(["news"], rules=all_rules())


def test_cli_config_error_is_one_line_exit_2(desk):
    _write(desk / "audit.toml", 'glossaries = ["desk.toml"]\nselect = ["nonsense"]\n')
    code, out, err = run(["scan", "news"])
    assert code == 2 and out == ""
    assert err.strip().splitlines() == ["audit: audit.toml: select: 'nonsense' names no rule (`audit rules` lists them)"]


def test_missing_explicit_config_is_exit_2(desk):
    code, _, err = run(["scan", "news", "--config", "nope.toml"])
    assert code == 2 and "nope.toml: cannot read configuration" in err


# -- precedence ------------------------------------------------------------------------------------
def test_defaults_then_file_then_command_line(desk):
    _write(desk / "audit.toml", 'glossaries = ["desk.toml"]\nfail-on = "error"\nignore = ["AUD104"]\n')
    code, out, _ = run(["scan", "news/a.txt"])
    assert code == 1 and _rules(out) == ["AUD101"]
    _write(desk / "audit.toml", 'glossaries = ["desk.toml"]\nfail-on = "error"\n[severity]\ngarbled-name = "warning"\n')
    code, out, _ = run(["scan", "news/a.txt"])
    assert code == 0, "the file lowered garbled-name below its fail-on"
    code, out, _ = run(["scan", "news/a.txt", "--fail-on", "warning"])
    assert code == 1, "the command line's fail-on wins"
    code, out, _ = run(["scan", "news/a.txt", "--severity", "AUD101=error"])
    assert code == 1, "the command line's severity wins"
    code, out, _ = run(["scan", "news/a.txt", "--isolated", "-g", "desk.toml"])
    assert code == 1 and _rules(out) == ["AUD101", "AUD104"]


def test_cli_select_replaces_and_ignore_adds(desk):
    _write(desk / "audit.toml", 'glossaries = ["desk.toml"]\nselect = ["AUD104"]\n')
    _, out, _ = run(["scan", "news/a.txt"])
    assert _rules(out) == ["AUD104"]
    _, out, _ = run(["scan", "news/a.txt", "--select", "garbled-name,AUD104"])
    assert _rules(out) == ["AUD101", "AUD104"]
    _write(desk / "audit.toml", 'glossaries = ["desk.toml"]\nignore = ["AUD104"]\n')
    _, out, _ = run(["scan", "news/a.txt", "--ignore", "AUD101"])
    assert _rules(out) == []
    settings = override(Settings(ignore=("AUD104",)), ignore=("AUD101",), select=None)
    assert settings.ignore == ("AUD104", "AUD101") and settings.select == ()


def test_cli_select_overrides_a_configured_ignore_as_in_ruff(desk):
    """A desk ignores a family in its file; one run asks for one rule of it on the command line."""
    _write(desk / "audit.toml", 'glossaries = ["desk.toml"]\nignore = ["AUD1"]\n')
    _, out, _ = run(["scan", "news/a.txt"])
    assert _rules(out) == []
    _, out, _ = run(["scan", "news/a.txt", "--select", "AUD101"])
    assert _rules(out) == ["AUD101"]
    _, out, _ = run(["scan", "news/a.txt", "--select", "AUD1", "--ignore", "name-casing"])
    assert _rules(out) == ["AUD101"]


@pytest.mark.parametrize("select, ignore, enabled", [
    (("AUD1",), ("AUD101",), {"AUD101": False, "AUD102": True, "AUD201": False}),  # the rule's own id is more specific
    (("AUD101",), ("AUD1",), {"AUD101": True, "AUD102": False, "AUD201": False}),  # ... on either side
    (("garbled-name",), ("AUD10",), {"AUD101": True, "AUD102": False, "AUD201": False}),  # a name names the rule itself
    ((), ("AUD10",), {"AUD101": False, "AUD102": False, "AUD201": True}),  # no select: every rule, less the ignored
    (("AUD1",), ("AUD1",), {"AUD101": False, "AUD102": False, "AUD201": False}),  # a tie: ignore wins
])
def test_the_most_specific_pattern_decides(select, ignore, enabled):
    settings = Settings(select=select, ignore=ignore)
    rules = {rule.id: rule for rule in all_rules()}
    assert {rule_id: settings.enables(rules[rule_id]) for rule_id in enabled} == enabled


def test_include_and_exclude_globs(desk):
    _write(desk / "audit.toml", 'glossaries = ["desk.toml"]\nexclude = ["drafts/"]\n')
    _, out, _ = run(["scan", "news"])
    assert "b.txt" not in out and "in 1 of 1 file" in out
    _, out, _ = run(["scan", "news", "--exclude", "a.txt"])
    assert "a.txt" not in out and "drafts/b.txt" in out
    _write(desk / "audit.toml", 'glossaries = ["desk.toml"]\n')
    _, out, _ = run(["scan", "news", "--include", "news/drafts/*"])
    assert "news/a.txt" not in out and "in 1 of 1 file" in out
    settings = Settings(include=("*.md",), exclude=("**/secret/*",), root=".")
    assert path_selected("x/y.md", settings) and not path_selected("x/y.txt", settings)
    assert not path_selected("x/secret/y.md", settings) and not path_selected("secret/y.md", settings)
    assert path_selected("-", settings)


def test_audit_config_prints_the_effective_configuration(desk):
    _write(desk / "audit.toml", 'glossaries = ["desk.toml"]\nfail-on = "error"\n[severity]\nAUD104 = "warning"\n')
    code, out, _ = run(["config", "news"])
    assert code == 0
    assert out.splitlines()[0] == "# effective configuration; file: audit.toml"
    assert 'glossaries = ["desk.toml"]' in out and 'fail-on = "error"' in out
    assert out.rstrip().endswith('[severity]\n"AUD104" = "warning"')
    code, out, _ = run(["scan", "news", "--show-settings", "--fail-on", "info", "--ignore", "AUD201"])
    assert code == 0 and 'fail-on = "info"' in out and 'ignore = ["AUD201"]' in out
    code, out, _ = run(["config", "--isolated"])
    assert "file: none found: defaults" in out and 'fail-on = "warning"' in out
