"""What wire-audit keeps in its cache folder, and clearing it (``audit cache``).

The folder is ``$AUDIT_CACHE_DIR``, else the user's cache folder (audit/result_cache.py). It holds:

- ``results.sqlite3``: each file's results and AUD302's variant pairs (with SQLite's ``-wal``, ``-shm`` or
  ``-journal`` files beside it, and ``.corrupt`` if a damaged database was moved aside), audit/result_cache.py;
- ``matchers/*.pickle``: big glossaries kept indexed, audit/context_cache.py;
- ``wordlists/words-*.bin``: wordfreq's lists a scan reads whole (English) kept sorted, audit/text/sorted_words.py;
- ``outputs.json``: the reports wire-audit wrote, so that a scan of a folder holding one does not read it
  as an article (audit/outputs.py). It is not a cache of anything: clearing keeps it.

Clearing removes those files by name and nothing else: ``$AUDIT_CACHE_DIR`` may name a folder that holds
other things. Every part rebuilds itself on the next scan; a scan running meanwhile keeps what it opened.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .context_cache import FOLDER as MATCHERS_FOLDER
from .context_cache import KEEP as KEEP_MATCHERS
from .context_cache import kept_matchers
from .files import printable_path
from .outputs import FILE_NAME as OUTPUTS_FILE
from .result_cache import KEEP_DAYS, WORDLISTS_FOLDER, database_files
from .text.sorted_words import kept_lists


@dataclass(frozen=True)
class Part:
    """One kind of file the cache folder holds, and those of its files that are there now."""

    name: str
    holds: str  # what it keeps, for the listing
    files: tuple[Path, ...]

    @property
    def size(self) -> int:
        return sum(_size(path) for path in self.files)


def parts(directory: Path) -> list[Part]:
    """The cache's parts in ``directory``, each with the files of it that exist (none: an empty part); each
    module that writes a part names its files."""
    word_lists = tuple(Path(path) for path in kept_lists(str(directory / WORDLISTS_FOLDER)))
    return [
        Part("results", f"each file's findings, and AUD302's variant pairs (unused for {KEEP_DAYS} days: dropped)",
             tuple(database_files(directory))),
        Part("matchers", f"big glossaries kept indexed (the {KEEP_MATCHERS} last used)", tuple(kept_matchers(directory))),
        Part("word lists", "word lists, sorted to load in milliseconds", word_lists),
    ]


def outputs_registry(directory: Path) -> Path:
    """The registry of reports written (kept by ``clear``)."""
    return directory / OUTPUTS_FILE


def clear(directory: Path) -> tuple[list[tuple[Path, int]], list[str]]:
    """Remove every cache file from ``directory``: (each file removed with its size, a one-line problem per
    file that could not be). The parts' own folders are removed when left empty."""
    removed: list[tuple[Path, int]] = []
    problems: list[str] = []
    for part in parts(directory):
        for path in part.files:
            size = _size(path)
            try:
                path.unlink()
                removed.append((path, size))
            except FileNotFoundError:
                continue  # another process cleared it first
            except OSError as error:
                problems.append(f"{printable_path(str(path))}: cannot remove it ({error.strerror or error})")
    for folder in (MATCHERS_FOLDER, WORDLISTS_FOLDER):
        try:
            (directory / folder).rmdir()
        except OSError:
            pass  # not there, or holds files that are not ours
    return removed, problems


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
