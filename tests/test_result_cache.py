"""The result cache: a rescan of unchanged files reuses their results, and nothing else ever does."""
from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from audit import result_cache
from audit.cli import main
from audit.config import Settings
from audit.engine import scan
from audit.glossary import Entry, Glossary
from audit.result_cache import FILE_NAME, ResultCache

FIXTURES = Path(__file__).parent / "fixtures" / "parallel"


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    folder = tmp_path / "archive"
    shutil.copytree(FIXTURES, folder)
    return folder


@pytest.fixture
def cache(tmp_path: Path) -> ResultCache:
    warnings: list[str] = []
    store = ResultCache(tmp_path / "cache", warn=warnings.append)
    store.warnings = warnings  # type: ignore[attr-defined]
    return store


def counts(cache: ResultCache) -> tuple[int, int]:
    hits, misses = cache.hits, cache.misses
    cache.hits = cache.misses = 0
    return hits, misses


def test_a_rescan_of_unchanged_files_is_all_hits_and_the_same_result(archive: Path, cache: ResultCache):
    fresh = scan([str(archive)], Settings())
    first = scan([str(archive)], Settings(), cache=cache)
    assert counts(cache) == (0, 6)
    again = scan([str(archive)], Settings(), cache=cache)
    assert counts(cache) == (6, 0)
    assert first == fresh and again == fresh  # AUD302's corpus pass included: its notes are cached too
    assert any(finding.rule == "AUD302" for finding in again.findings)
    assert again.suppressed == fresh.suppressed == 1
    assert cache.warnings == []  # type: ignore[attr-defined]


def test_a_changed_file_is_checked_again(archive: Path, cache: ResultCache):
    scan([str(archive)], Settings(), cache=cache)
    counts(cache)
    day3 = archive / "day3.txt"
    day3.write_text(day3.read_text(encoding="utf-8").replace("Abrahamjan", "Abrahamyan"), encoding="utf-8")
    result = scan([str(archive)], Settings(), cache=cache)
    assert counts(cache) == (5, 1)
    assert result == scan([str(archive)], Settings())
    assert not any(finding.rule == "AUD302" for finding in result.findings)  # the corpus pass saw the new day3


def test_entries_unused_for_a_month_are_dropped_and_those_read_are_kept(archive: Path, cache: ResultCache, monkeypatch):
    # A desk scans each day's copy: yesterday's files are read no more, and must not stay in the cache for ever;
    # an archive rescanned now and then must keep what it reads.
    day = result_cache.DAY
    clock = [1_800_000_000]
    monkeypatch.setattr(result_cache, "now", lambda: clock[0])
    old = archive.parent / "old"
    old.mkdir()
    shutil.move(str(archive / "day1.txt"), old / "day1.txt")
    scan([str(archive)], Settings(), cache=cache)
    scan([str(old)], Settings(), cache=cache)
    counts(cache)

    def stored() -> int:
        with sqlite3.connect(cache.path) as db:
            return db.execute("SELECT COUNT(*) FROM results").fetchone()[0]

    assert stored() == 6
    clock[0] += (result_cache.KEEP_DAYS - 2) * day
    scan([str(archive)], Settings(), cache=cache)  # read again: noted as used
    assert counts(cache) == (5, 0) and stored() == 6
    clock[0] += 3 * day  # the old file unused for a month and a day: dropped by the next scan's end
    scan([str(archive)], Settings(), cache=cache)
    assert counts(cache) == (5, 0) and stored() == 5
    clock[0] += (result_cache.KEEP_DAYS - 1) * day  # still read within a month of the last note
    scan([str(archive)], Settings(), cache=cache)
    assert counts(cache) == (5, 0)
    scan([str(old)], Settings(), cache=cache)
    assert counts(cache) == (0, 1)  # checked again, and kept again
    assert cache.warnings == []  # type: ignore[attr-defined]


def test_another_glossary_misses(archive: Path, cache: ResultCache):
    settings = Settings()
    scan([str(archive)], settings, cache=cache)
    counts(cache)
    from audit.engine import build_context

    other = build_context(settings, Glossary((Entry("Tigran Abrahamjan", "person"),)))
    result = scan([str(archive)], settings, context=other, cache=cache)
    assert counts(cache) == (0, 6)
    assert result == scan([str(archive)], settings, context=other)


@pytest.mark.parametrize("changed", [Settings(min_confidence=0.9), Settings(select=("AUD2",)), Settings(target_language="de")])
def test_other_settings_miss(archive: Path, cache: ResultCache, changed: Settings):
    scan([str(archive)], Settings(), cache=cache)
    counts(cache)
    result = scan([str(archive)], changed, cache=cache)
    assert counts(cache) == (0, 6)
    assert result == scan([str(archive)], changed)


def test_severity_overrides_are_applied_after_the_cache(archive: Path, cache: ResultCache):
    from audit.model import Severity

    scan([str(archive)], Settings(), cache=cache)
    counts(cache)
    louder = Settings(severity={"AUD302": Severity.ERROR})
    result = scan([str(archive)], louder, cache=cache)
    assert counts(cache) == (6, 0)
    assert result == scan([str(archive)], louder)


def test_another_tool_version_misses(archive: Path, cache: ResultCache, monkeypatch):
    scan([str(archive)], Settings(), cache=cache)
    counts(cache)
    monkeypatch.setattr(result_cache, "install_digest", lambda: "an-edited-tool")
    scan([str(archive)], Settings(), cache=cache)
    assert counts(cache) == (0, 6)


def test_an_installation_changed_on_disk_has_another_digest(tmp_path: Path):
    # The caches are keyed by the package's files' sizes and times (install_digest), not their bytes: an edited,
    # rebuilt or upgraded file is rewritten, so its time moves even where its size does not.
    package = tmp_path / "audit"
    (package / "__pycache__").mkdir(parents=True)
    module, compiled = package / "checks.py", package / "checks.cpython-311-x86_64-linux-gnu.so"
    module.write_text("LIMIT = 1\n")
    compiled.write_bytes(b"\x7fELF one build")
    before = result_cache.stat_digest(package)
    (package / "__pycache__" / "checks.cpython-311.pyc").write_bytes(b"bytecode")  # derived: not the build
    assert result_cache.stat_digest(package) == before
    module.write_text("LIMIT = 2\n")  # the same size
    os.utime(module, ns=(module.stat().st_atime_ns, module.stat().st_mtime_ns + 1_000_000))
    edited = result_cache.stat_digest(package)
    assert edited != before
    compiled.write_bytes(b"\x7fELF new build")
    os.utime(compiled, ns=(compiled.stat().st_atime_ns, compiled.stat().st_mtime_ns + 1_000_000))
    assert result_cache.stat_digest(package) not in (before, edited)


def test_a_corrupt_database_is_rebuilt_with_a_warning(archive: Path, cache: ResultCache):
    cache.path.parent.mkdir(parents=True)
    cache.path.write_bytes(b"this is not an SQLite database" * 100)
    result = scan([str(archive)], Settings(), cache=cache)
    assert result == scan([str(archive)], Settings())
    assert any("unreadable" in warning and "rebuilt" in warning for warning in cache.warnings)  # type: ignore[attr-defined]
    counts(cache)
    scan([str(archive)], Settings(), cache=cache)
    assert counts(cache) == (6, 0)  # the rebuilt cache works


def test_an_unreadable_entry_is_a_miss(archive: Path, cache: ResultCache):
    scan([str(archive)], Settings(), cache=cache)
    with sqlite3.connect(cache.path) as db:
        db.execute("UPDATE results SET data = '{\"path\": 1}' WHERE path LIKE '%day1.txt'")
    counts(cache)
    result = scan([str(archive)], Settings(), cache=cache)
    assert counts(cache) == (5, 1)
    assert result == scan([str(archive)], Settings())


def test_a_locked_database_leaves_the_scan_alone(archive: Path, cache: ResultCache, monkeypatch):
    monkeypatch.setattr(result_cache, "BUSY_SECONDS", 0.1)
    scan([archive.joinpath("day1.txt").as_posix()], Settings(), cache=cache)  # creates the database
    other = sqlite3.connect(cache.path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # another scan writing, for longer than this one waits
    try:
        result = scan([str(archive)], Settings(), cache=cache)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert result == scan([str(archive)], Settings())
    assert any("not" in warning for warning in cache.warnings)  # type: ignore[attr-defined]


def test_two_scans_share_one_cache(archive: Path, cache: ResultCache):
    settings = Settings()
    from audit.engine import build_context

    context = build_context(settings)
    first, second = cache.open(context), cache.open(context)
    first.put("a.txt", "1" * 64, result_file(archive))
    second.put("b.txt", "2" * 64, result_file(archive))
    first.close()
    second.close()
    third = cache.open(context)
    assert third.get("a.txt", "1" * 64) is not None and third.get("b.txt", "2" * 64) is not None
    assert third.get("a.txt", "2" * 64) is None  # the content changed
    third.close()


def result_file(archive: Path):
    from audit.engine import build_context
    from audit.units import check_file

    path = archive / "day1.txt"
    return check_file(str(path), path.read_bytes(), build_context(Settings()).for_scan())


def test_the_command_line_caches_by_default_and_not_with_no_cache(archive: Path, tmp_path: Path, monkeypatch, capsys):
    monkeypatch.setenv("AUDIT_CACHE_DIR", str(tmp_path / "cli-cache"))
    assert main(["scan", str(archive), "--no-cache", "-f", "json"]) == 1
    uncached = capsys.readouterr().out
    assert not (tmp_path / "cli-cache" / FILE_NAME).exists()
    assert main(["scan", str(archive), "-f", "json"]) == 1
    assert main(["scan", str(archive), "-f", "json"]) == 1
    outputs = capsys.readouterr().out
    assert (tmp_path / "cli-cache" / FILE_NAME).exists()
    assert outputs == uncached * 2


def test_a_rescan_with_few_changed_files_starts_no_workers(archive: Path, cache: ResultCache, monkeypatch):
    from audit import runner
    from audit.parallel import Workers

    monkeypatch.setattr(runner, "MIN_PARALLEL_FILES", 2)
    first = scan([str(archive)], Settings(), cache=cache, jobs=2)  # 6 files: checked in workers
    (archive / "day2.txt").write_text("Abrahamyan visited the library.\n", encoding="utf-8")
    monkeypatch.setattr(Workers, "__init__", lambda *args: pytest.fail("workers started for one changed file"))
    counts(cache)
    again = scan([str(archive)], Settings(), cache=cache, jobs=2)
    assert counts(cache) == (5, 1)
    assert again == scan([str(archive)], Settings()) and again.files_scanned == first.files_scanned


def test_hits_and_misses_interleaved_come_back_in_scan_order(tmp_path: Path, cache: ResultCache, monkeypatch):
    # This process checks files a few at a time and holds cache hits back behind them to keep the order;
    # however the hits and misses interleave, the result is a fresh scan's.
    from audit import runner

    monkeypatch.setattr(runner, "WINDOW_LIMIT", 5)
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(30):
        (folder / f"{number:02}.txt").write_text(f"Day {number}: envoys met in Jerevan and Stepanakyert.\n", encoding="utf-8")
    scan([str(folder)], Settings(), cache=cache)
    for number in range(0, 30, 4):
        (folder / f"{number:02}.txt").write_text(f"Day {number}: talks in Tavoz resumed.\n", encoding="utf-8")
    counts(cache)
    again = scan([str(folder)], Settings(), cache=cache)
    assert counts(cache) == (22, 8)
    fresh = scan([str(folder)], Settings())
    assert again == fresh and again.paths == fresh.paths


def test_the_corpus_pass_keeps_its_variant_pairs_and_a_rescan_reads_them(archive: Path, cache: ResultCache):
    # AUD302 compares every distinct spelling of a scan; a rescan of the same spellings reads the pairs of
    # its big groups back (audit.result_cache.PairStore) and reports the same findings.
    from audit.variants import KEEP_FROM

    # One first letter, enough spellings to keep their pairs (KEEP_FROM).
    names = [f"{stem}{middle}yan" for stem in ("Hovhannis", "Harutyun", "Hakob", "Hambardzum", "Hayrapet")
             for middle in ("", "a", "e", "i", "o", "u", "y", "h", "n", "s", "ia", "ya")]
    assert len(names) ** 2 >= KEEP_FROM
    for number in range(12):
        text = " ".join(f"Officials met {names[(number * 7 + k) % len(names)]} on Monday." for k in range(10))
        (archive / f"filler{number:02}.txt").write_text(text + "\n", encoding="utf-8")
    fresh = scan([str(archive)], Settings())
    first = scan([str(archive)], Settings(), cache=cache)
    with sqlite3.connect(cache.path) as db:
        kept = db.execute("SELECT count(*) FROM pairs").fetchone()[0]
    assert kept >= 1
    asked: list[str] = []
    real = result_cache.PairStore.get

    def spy(store, key):
        found = real(store, key)
        asked.append("hit" if found is not None else "miss")
        return found

    result_cache.PairStore.get = spy  # type: ignore[method-assign]
    try:
        again = scan([str(archive)], Settings(), cache=cache)
    finally:
        result_cache.PairStore.get = real  # type: ignore[method-assign]
    assert asked and set(asked) == {"hit"}
    assert first == fresh and again == fresh and any(f.rule == "AUD302" for f in again.findings)
    assert cache.warnings == []  # type: ignore[attr-defined]


def test_kept_pairs_that_cannot_be_read_are_worked_out_again(tmp_path: Path, cache: ResultCache):
    store = cache.pairs()
    store.put("group", [(0, 1, 0.9)])
    store.close()
    assert cache.pairs().get("group") == [(0, 1, 0.9)]
    with sqlite3.connect(cache.path) as db:
        db.execute("UPDATE pairs SET data = 'not json'")
    assert cache.pairs().get("group") is None
    # Another build of the tool (code digest) never reads them.
    other = cache.pairs()
    other.code = "another build"
    assert other.get("group") is None


def test_a_pair_store_that_cannot_open_its_database_warns_and_keeps_nothing(tmp_path: Path):
    warnings: list[str] = []
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x", encoding="utf-8")
    store = ResultCache(blocked / "cache", warn=warnings.append).pairs()
    assert store.get("group") is None
    store.put("group", [(0, 1, 0.9)])
    store.close()
    assert warnings and "variant pairs not kept" in warnings[0]
