"""--jobs: files checked in worker processes give the single process's result, finding for finding."""
from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest

from audit import runner
from audit.checks import inconsistent_across
from audit.cli import main
from audit.config import Settings
from audit.documents import Document
from audit.engine import build_context, scan
from audit.parallel import Workers
from audit.reporters import render
from audit.runner import default_jobs

FIXTURES = Path(__file__).parent / "fixtures" / "parallel"


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """The fixture articles, a file that cannot be read as text, and a copy of them under other names."""
    folder = tmp_path / "archive"
    shutil.copytree(FIXTURES, folder)
    (folder / "broken.txt").write_bytes(b"Binary\x00\x00 and not an article")
    for source in sorted(FIXTURES.glob("day*.txt")):
        (folder / f"copy-{source.name}").write_bytes(source.read_bytes())
    return folder


@pytest.fixture
def in_workers(monkeypatch):
    """Workers even for a small scan, in batches of two files (so results come back from several batches)."""
    monkeypatch.setattr(runner, "MIN_PARALLEL_FILES", 1)
    monkeypatch.setattr(runner, "BATCH_FILES", 2)
    submitted: list[int] = []
    original = Workers.submit

    def counted(self, batch):
        submitted.append(len(batch))
        return original(self, batch)

    monkeypatch.setattr(Workers, "submit", counted)
    return submitted


def test_two_jobs_give_the_single_process_result(archive: Path, in_workers: list[int]):
    settings = Settings()
    context = build_context(settings)
    paths = [str(archive), str(archive / "missing.txt")]
    alone = scan(paths, settings, context=context, jobs=1, keep_text=True)
    assert not in_workers
    shared = scan(paths, settings, context=context, jobs=2, keep_text=True)
    assert len(in_workers) >= 3  # the work really went to workers, in batches
    assert shared == alone  # findings, problems, paths, counts, signature
    assert shared.texts == alone.texts and shared.views.keys() == alone.views.keys()
    assert render("json", shared) == render("json", alone)
    assert render("sarif", shared) == render("sarif", alone)


def test_the_fixture_covers_what_workers_must_get_right(archive: Path, in_workers: list[int]):
    result = scan([str(archive), str(archive / "missing.txt")], Settings(), jobs=2)
    rules = {finding.rule for finding in result.findings}
    # AUD302 needs every article's note: the minority spelling is in one file, the majority in others.
    assert {"AUD101", "AUD201", "AUD302"} <= rules
    across = [f for f in result.findings if f.rule == "AUD302"]
    # Reported once, at its first use in scan order (copy-day3.txt sorts before day3.txt).
    assert [(Path(f.path).name, f.text, f.suggestion) for f in across] == [("copy-day3.txt", "Abrahamjan", "Abrahamyan")]
    assert "2x in 2 articles" in across[0].message
    assert result.suppressed == 1  # the Markdown file's marker, read in a worker, applied in the merge
    assert any(f.record == "a2" for f in result.findings)  # a record of an export
    problems = {Path(problem.path).name: problem.message for problem in result.problems}
    assert "binary file" in problems["broken.txt"] and problems["missing.txt"] == "no such file or directory"
    assert [Path(path).name for path in result.paths] == sorted(Path(path).name for path in result.paths)


def test_findings_come_in_the_engines_order(archive: Path, in_workers: list[int]):
    result = scan([str(archive)], Settings(), jobs=2)
    keys = [finding.sort_key() for finding in result.findings]
    assert keys == sorted(keys)


def test_a_small_scan_stays_in_this_process(archive: Path, monkeypatch):
    monkeypatch.setattr(Workers, "__init__", lambda *args: pytest.fail("workers started for two files"))
    result = scan([str(archive / "day1.txt"), str(archive / "day3.txt")], Settings(), jobs=4)
    assert result.files_scanned == 2


def test_the_command_line_gives_the_same_report_with_any_jobs(archive: Path, in_workers, capsys):
    codes = []
    outputs = []
    for jobs in ("1", "2"):
        codes.append(main(["scan", str(archive), "--format", "json", "--jobs", jobs, "--no-cache"]))
        outputs.append(capsys.readouterr().out)
    assert codes == [2, 2]  # broken.txt cannot be read
    assert outputs[0] == outputs[1] and '"AUD302"' in outputs[0]
    assert main(["scan", str(archive), "--jobs", "0"]) == 2


def test_default_jobs_is_every_core():
    assert default_jobs() >= 1


def test_an_articles_note_holds_its_names_not_its_text():
    context = build_context(Settings()).for_scan()
    text = "The market opened on Monday. " * 200 + "Tigran Abrahamjan spoke."
    note = inconsistent_across.note(Document.from_text("a.txt", text), context)
    assert {"tigran", "abrahamjan"} <= {folded for folded, *_ in note.forms}
    assert len(pickle.dumps(note)) < len(text) / 10


def test_spawned_workers_build_their_own_context(archive: Path, in_workers: list[int], monkeypatch):
    # Where the platform cannot fork (Windows, macOS by default), workers are spawned and build the context
    # from the settings and the glossary the scanning process loaded.
    from audit import parallel

    monkeypatch.setattr(parallel.multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    settings = Settings(min_confidence=0.75)
    context = build_context(settings)
    assert scan([str(archive)], settings, context=context, jobs=2) == scan([str(archive)], settings, context=context, jobs=1)
    assert in_workers
