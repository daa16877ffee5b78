"""A big glossary's matcher is read back from the cache folder instead of being built again, and only
when it was made from the same glossary bytes, threshold and tool (audit/context_cache.py)."""
from __future__ import annotations

import os

import pytest

from audit import context_cache
from audit.config import Settings
from audit.engine import build_context, scan

GLOSSARY = "canonical,type\nYerevan,place\nNikol Pashinyan,person\nStepanakert,place\n"
ARTICLE = "Nikol Pashinjan arrived in Stefancart, then flew to Jerevan.\n"


@pytest.fixture(autouse=True)
def small_glossaries_are_kept(monkeypatch):
    monkeypatch.setattr(context_cache, "MIN_ENTRIES", 1)  # the test glossaries are small


def _files(tmp_path):
    glossary = tmp_path / "desk.csv"
    glossary.write_text(GLOSSARY, encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    return glossary, article


def _cached(tmp_path):
    return sorted((tmp_path / "cache" / context_cache.FOLDER).glob("*.pickle"))


def test_the_second_context_is_read_back_and_finds_the_same(tmp_path, monkeypatch):
    glossary, article = _files(tmp_path)
    settings = Settings(glossaries=(str(glossary),))
    first = context_cache.cached_context(settings, tmp_path / "cache")
    assert len(_cached(tmp_path)) == 1
    monkeypatch.setattr("audit.engine.Matcher", None)  # building again would fail: it must be read back
    second = context_cache.cached_context(settings, tmp_path / "cache")
    assert second.matcher is not first.matcher and second.glossary_hash == first.glossary_hash
    assert second.matcher.find(ARTICLE) == first.matcher.find(ARTICLE) != []
    # The tables lookups build when first asked come back built, not built again in every scan.
    assert second.matcher.index._name_prefixes is not None and second.matcher.index._second_words is not None


def test_an_edited_glossary_or_another_threshold_is_built_again(tmp_path):
    glossary, _ = _files(tmp_path)
    context_cache.cached_context(Settings(glossaries=(str(glossary),)), tmp_path / "cache")
    glossary.write_text(GLOSSARY + "Tovuz,place\n", encoding="utf-8")
    edited = context_cache.cached_context(Settings(glossaries=(str(glossary),)), tmp_path / "cache")
    assert "Tovuz" in {entry.canonical for entry in edited.glossary.entries}
    context_cache.cached_context(Settings(glossaries=(str(glossary),), min_confidence=0.8), tmp_path / "cache")
    assert len(_cached(tmp_path)) == 3


def test_a_damaged_or_foreign_file_is_a_miss_not_a_failure(tmp_path):
    glossary, _ = _files(tmp_path)
    settings = Settings(glossaries=(str(glossary),))
    context_cache.cached_context(settings, tmp_path / "cache")
    [kept] = _cached(tmp_path)
    kept.write_bytes(b"not a pickle")
    assert context_cache.cached_context(settings, tmp_path / "cache").matcher.find(ARTICLE)
    [kept] = _cached(tmp_path)  # written again, whole
    os.chmod(kept, 0o666)  # anybody could have written it: never unpickled
    assert context_cache._load(kept) is None


def test_a_scan_with_the_result_cache_uses_it_and_reports_the_same(tmp_path):
    from audit.result_cache import ResultCache

    glossary, article = _files(tmp_path)
    settings = Settings(glossaries=(str(glossary),))
    plain = scan([str(article)], settings)
    cached = [scan([str(article)], settings, cache=ResultCache(tmp_path / "cache")) for _ in range(2)]
    assert len(_cached(tmp_path)) == 1
    assert plain.findings == cached[0].findings == cached[1].findings != ()


def test_a_desk_glossary_is_not_kept(tmp_path, monkeypatch):
    monkeypatch.setattr(context_cache, "MIN_ENTRIES", 5_000)
    glossary, _ = _files(tmp_path)
    context = context_cache.cached_context(Settings(glossaries=(str(glossary),)), tmp_path / "cache")
    assert _cached(tmp_path) == [] and context.matcher.find(ARTICLE) == build_context(context.settings).matcher.find(ARTICLE)


def test_the_compiled_and_the_pure_python_build_keep_a_matcher_each(tmp_path, monkeypatch):
    # Their classes pickle differently (audit/build.py): one build never reads the other's matcher.
    from audit import build

    glossary, _ = _files(tmp_path)
    settings = Settings(glossaries=(str(glossary),))
    context_cache.cached_context(settings, tmp_path / "cache")
    other = "pure Python" if build.describe() == "compiled" else "compiled"
    monkeypatch.setattr(build, "describe", lambda: other)
    assert context_cache.cached_context(settings, tmp_path / "cache").matcher.find(ARTICLE)
    assert len(_cached(tmp_path)) == 2
