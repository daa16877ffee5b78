"""`audit cache`: where the cache is, what it holds, and clearing it without touching anything else."""
from __future__ import annotations

from pathlib import Path

import pytest

from audit import cache_folder
from audit.cli import main
from audit.files import format_size

ARTICLE = "Officials in Stepanakert met Nikol Pashinyan on Monday. Nicholas Pashinyan said little.\n"


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch) -> Path:
    directory = tmp_path / "cache"
    monkeypatch.setenv("AUDIT_CACHE_DIR", str(directory))
    return directory


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "one.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


def _scan(articles: Path, capsys) -> str:
    assert main(["scan", str(articles), "--isolated", "-f", "json"]) == 1
    return capsys.readouterr().out


def _word_list(cache_dir: Path) -> Path:
    # The scan that first needs the sorted English list writes it; a test process holds it after the first.
    path = cache_dir / "wordlists" / "words-en-0123456789abcdef01234567.bin"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"w" * 2048)
    return path


def _line(listing: str, part: str) -> str:
    return next(line for line in listing.splitlines() if line.strip().startswith(part))


def test_the_listing_names_the_folder_and_what_is_in_it(cache_dir: Path, articles: Path, capsys):
    _scan(articles, capsys)
    _word_list(cache_dir)
    assert main(["cache"]) == 0
    listing = capsys.readouterr().out
    assert f"Cache folder: {cache_dir}" in listing
    assert "1 file " in _line(listing, "results") and "0 bytes" not in _line(listing, "results")
    lists = sorted((cache_dir / "wordlists").glob("words-*.bin"))  # this one, and the real list if written
    size = sum(path.stat().st_size for path in lists)
    assert _line(listing, "word lists").split()[2:5] == [*format_size(size).split(), str(len(lists))]
    assert "0 bytes" in _line(listing, "matchers") and "0 files" in _line(listing, "matchers")


def test_clear_removes_the_cache_and_keeps_what_is_not_its_own(cache_dir: Path, articles: Path, capsys):
    first = _scan(articles, capsys)
    _word_list(cache_dir)
    (cache_dir / "matchers").mkdir()
    (cache_dir / "matchers" / "0123abcd.pickle").write_bytes(b"x" * 100)
    (cache_dir / "matchers" / ".0123abcd.pickle.k2j3.tmp").write_bytes(b"x")  # left by a scan that was killed
    (cache_dir / "notes.txt").write_text("the user's own file", encoding="utf-8")
    (cache_dir / "wordlists" / "README").write_text("not ours either", encoding="utf-8")
    (cache_dir / "outputs.json").write_text("{}", encoding="utf-8")

    ours = [path for part in cache_folder.parts(cache_dir) for path in part.files]  # the scan's, and those above
    assert len(ours) >= 4
    assert main(["cache", "--clear"]) == 0
    said = capsys.readouterr().out
    assert said.startswith(f"Removed {len(ours)} files (") and str(cache_dir) in said
    assert sorted(path.relative_to(cache_dir).as_posix() for path in cache_dir.rglob("*")) == [
        "notes.txt", "outputs.json", "wordlists", "wordlists/README"]
    assert all(not part.files for part in cache_folder.parts(cache_dir))
    assert _scan(articles, capsys) == first  # the next scan rebuilds what it needs, same findings


def test_an_empty_or_missing_folder_lists_nothing_and_clears_nothing(cache_dir: Path, capsys):
    assert main(["cache"]) == 0
    assert all("0 bytes" in line for line in capsys.readouterr().out.splitlines()[1:])
    assert main(["cache", "--clear"]) == 0
    assert capsys.readouterr().out.startswith("Removed 0 files (0 bytes)")
    assert not cache_dir.exists()


def test_a_file_that_cannot_be_removed_is_named_and_the_rest_cleared(cache_dir: Path, articles: Path, capsys,
                                                                      monkeypatch):
    _scan(articles, capsys)
    _word_list(cache_dir)
    stuck = cache_dir / "results.sqlite3"
    unlink = Path.unlink

    def refusing(path: Path, missing_ok: bool = False) -> None:
        if path == stuck:
            raise PermissionError(13, "Permission denied")
        unlink(path, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", refusing)
    assert main(["cache", "--clear"]) == 2
    captured = capsys.readouterr()
    assert captured.err.strip() == f"audit: {stuck}: cannot remove it (Permission denied)"
    assert stuck.exists() and not list((cache_dir / "wordlists").glob("*.bin"))


def test_a_folder_name_that_is_not_utf8_is_shown_escaped(tmp_path: Path, monkeypatch, capsys):
    monkeypatch.setenv("AUDIT_CACHE_DIR", str(tmp_path / "cache-\udcff"))  # the byte 0xff in a POSIX file name
    assert main(["cache"]) == 0
    assert "cache-\\xff" in capsys.readouterr().out
    assert main(["cache", "--clear"]) == 0
    assert "cache-\\xff" in capsys.readouterr().out
