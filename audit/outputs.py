"""The files this tool wrote (reports, CSV lists): a scan does not read them back as articles.

``audit scan . -o report.txt`` writes a text file into the folder it scans; the next run would find
``report.txt`` among the articles and refuse to write the report over one of its inputs. So every file
the command line writes is remembered in the cache directory (audit/result_cache.py: $AUDIT_CACHE_DIR or
the user's cache folder) by its real path, size, modification time and SHA-256, and a scan skips a file
it meets in a folder only while it is still exactly what was written: a report a person edited, or an
article copied over it, is an article again (and is never overwritten). A file named on the command line
is always read. Nothing here is needed for a correct scan: an unreadable or unwritable registry is ignored.
"""
from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path

FILE_NAME = "outputs.json"
KEEP = 500  # files remembered at most, the most recently written kept


def default_registry() -> Path:
    """Where the files written are remembered: in the result cache's directory."""
    from .result_cache import default_directory

    return default_directory() / FILE_NAME


def _registry_path(directory: Path | None) -> Path:
    return default_registry() if directory is None else directory / FILE_NAME


def _load(path: Path) -> dict[str, list]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    files = data.get("files") if isinstance(data, dict) else None
    return files if isinstance(files, dict) else {}


def _fingerprint(path: str) -> list | None:
    """[size, modification time in ns, SHA-256] of a regular file, or None."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    digest = _digest(path)
    return None if digest is None else [info.st_size, info.st_mtime_ns, digest]


def _digest(path: str) -> str | None:
    """The SHA-256 of a regular file's bytes, or None (never waits on a FIFO)."""
    from .files import read_regular

    try:
        return hashlib.sha256(read_regular(path)).hexdigest()
    except (OSError, ValueError):
        return None


def remember(written: str | os.PathLike[str], directory: Path | None = None) -> None:
    """Note that this run wrote ``written`` (just now, completely)."""
    from .atomic import WriteError, write_atomic

    real = os.path.realpath(written)
    fingerprint = _fingerprint(real)
    if fingerprint is None:
        return
    registry = _registry_path(directory)
    files = {path: mark for path, mark in _load(registry).items() if path != real}
    files[real] = fingerprint
    kept = dict(list(files.items())[-KEEP:])  # insertion order: the oldest go first
    try:
        registry.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(registry, json.dumps({"version": 1, "files": kept}, indent=0), what="output registry")
    except (OSError, WriteError):
        return


def still_as_written(within: Iterable[str] | None = None, directory: Path | None = None) -> frozenset[str]:
    """Real paths of the files this tool wrote that are still exactly as it wrote them (size and time
    checked, then the SHA-256), of those inside the folders ``within`` (None: anywhere)."""
    folders = None if within is None else tuple(os.path.join(os.path.realpath(path), "") for path in within
                                                 if os.path.isdir(path))
    found = set()
    for path, mark in _load(_registry_path(directory)).items():
        if not (isinstance(mark, list) and len(mark) == 3):
            continue
        if folders is not None and not path.startswith(folders):
            continue  # not in a folder this scan walks: no need to read it
        try:
            info = os.stat(path)
        except (OSError, ValueError):
            continue
        if [info.st_size, info.st_mtime_ns] == mark[:2] and _digest(path) == mark[2]:
            found.add(path)
    return frozenset(found)
