"""The Python API: a path is a path (never its characters), Settings refuse bad values when made, and a
reused context never returns another scan's findings."""
from __future__ import annotations

from pathlib import Path

import pytest
from hostile_support import desk

import audit
from audit import Settings
from audit.engine import build_context, scan


def _settings(glossary: Path) -> Settings:
    return Settings(glossaries=(str(glossary),))


@pytest.mark.parametrize("form", [str, Path, lambda p: [str(p)], lambda p: (Path(p),), lambda p: iter([str(p)])])
def test_scan_takes_one_path_or_many(tmp_path, form):
    article, glossary = desk(tmp_path)
    result = audit.scan(form(article), _settings(glossary))
    assert result.paths == (str(article),) and any(f.text == "Stefanakert" for f in result.findings)


def test_a_bare_string_is_never_iterated_by_character(tmp_path, monkeypatch):
    article, glossary = desk(tmp_path)
    monkeypatch.chdir(article.parent)
    result = scan("a.txt", _settings(glossary))
    assert result.paths == ("a.txt",) and not result.problems  # not "a", ".", "t", "x", "t"


@pytest.mark.parametrize("paths", [b"/", [b"a.txt"], [1]])
def test_paths_of_another_type_are_refused(tmp_path, paths):
    with pytest.raises(TypeError):
        scan(paths, Settings())


def test_settings_must_be_settings(tmp_path):
    article, glossary = desk(tmp_path)
    with pytest.raises(TypeError, match="Settings"):
        scan(str(article), {"glossaries": (str(glossary),)})  # type: ignore[arg-type]


@pytest.mark.parametrize("field, value", [
    ("glossaries", "desk.toml"),  # a bare string where a tuple belongs
    ("select", ["AUD101"]),
    ("target_language", "zz"),
    ("target_language", 7),
    ("min_confidence", -0.1),
    ("min_confidence", "high"),
    ("min_confidence", float("nan")),
    ("fail_on", "sometimes"),
    ("max_file_size", -1),
    ("max_file_size", "10MB"),
    ("severity", {"AUD101": "loud"}),
])
def test_settings_validate_on_construction_naming_the_field(field, value):
    with pytest.raises(ValueError, match=field):
        Settings(**{field: value})


def test_settings_accept_what_the_cli_gives():
    settings = Settings(target_language="de", fail_on="error", min_confidence=0.9, max_file_size=0)  # type: ignore[arg-type]
    assert settings.fail_on.value == "error"


def test_a_reused_context_sees_a_changed_file_as_it_is_now(tmp_path):
    article, glossary = desk(tmp_path)
    settings = _settings(glossary)
    context = build_context(settings)
    first = scan(str(article), settings, context=context)
    assert {f.text for f in first.findings} >= {"Stefanakert"}
    article.write_text("Shelling was reported near Stepanakert on Monday, officials in Tavoz said.\n", encoding="utf-8")
    second = scan(str(article), settings, context=context)
    texts = {f.text for f in second.findings}
    assert "Stefanakert" not in texts and "Tavoz" in texts
    third = scan(str(article), settings, context=context)
    assert [f.identity for f in third.findings] == [f.identity for f in second.findings]


def test_a_reused_context_keeps_no_corpus_notes_between_scans(tmp_path):
    article, glossary = desk(tmp_path)
    settings = Settings(glossaries=(str(glossary),), select=("AUD302",))
    context = build_context(settings)
    other = tmp_path / "news" / "b.txt"
    other.write_text("Talks in Stepankert and Stepankert again; Stepankert said so.\n", encoding="utf-8")
    together = scan(str(article.parent), settings, context=context)
    alone = scan(str(article), settings, context=context)
    assert alone.findings == () or all(f.path == str(article) for f in alone.findings)
    assert context.scan.names == {} and not context.scan._notes
    assert together.files_scanned == 2
