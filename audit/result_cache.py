"""The result cache: each file's findings and corpus notes, kept in SQLite, so a rescan of unchanged copy costs
a hash per file.

A file's entry is found by the scan's *scope* and the file's path, and used only if the file's content has
the same SHA-256 as when it was stored. The scope is everything else a file's result depends on: the run's
signature (tool version, glossary hash, rules run, confidence threshold, language, debris patterns; see
audit/provenance.py), a hash of the tool's own files as installed (their sizes and times, ``install_digest``:
an edited checkout or a rebuilt module is a new tool), the versions of the libraries whose data decide
matches, the Python and Unicode versions, and how files are read. Severity overrides, fail-on, baselines and
suppressions are applied after the cache, so they are not in it. The stored result includes the corpus checks'
notes, so AUD302 sees a cached file as a checked one;
beside the results, ``PairStore`` keeps the variant pairs AUD302's corpus pass worked out for each big group
of spellings, so a rescan does not compare the same spellings again.

Where: ``$AUDIT_CACHE_DIR``, else the user cache directory (``$XDG_CACHE_HOME/wire-audit``, or
``~/.cache/wire-audit``), never beside the copy: archives are often read-only or shared, and a cache file
committed beside articles would be read by the next user. Entries are JSON, not pickles, for the same reason.

An entry no scan has read or written for KEEP_DAYS is dropped (a file renamed, deleted or no longer
scanned, or scanned only with another glossary or build since): a desk scanning each day's new copy does
not grow the cache for ever.

SQLite in WAL mode lets scans read while one writes; writes are batched in transactions. A database that
cannot be read (corrupt, not SQLite) is reported through ``warn``, moved aside and rebuilt; a cache that
cannot be written (locked too long, disk full) is reported and the scan goes on without it: the cache never
fails a scan nor changes a finding.
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import sys
import time
import unicodedata
from collections.abc import Callable, Iterator
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

from . import __version__
from .checks.base import Context
from .files import printable_path
from .readers import ReaderOptions
from .units import FileResult, enabled_checks, from_json, to_json

FILE_NAME = "results.sqlite3"
ASIDE_SUFFIX = ".corrupt"  # an unreadable database, moved aside
WORDLISTS_FOLDER = "wordlists"  # beside the results: word lists kept sorted (audit/text/sorted_words.py)
SCHEMA = 3  # 2: the pairs table (PairStore); 3: when each file's entry was last used
WRITE_BATCH = 500  # rows per transaction
KEEP_DAYS = 30  # a file's entry, or a group's pairs, unused this long is dropped
DAY = 86_400  # seconds; an entry read again is noted as used at most once a day (a rescan writes little)
BUSY_SECONDS = 10.0  # how long a write waits for another scan's
# Libraries whose data or algorithms decide what a check finds.
LIBRARIES = ("wordfreq", "rapidfuzz", "langdetect", "anyascii", "markdown-it-py", "python-docx")


def database_files(directory: Path) -> list[Path]:
    """The results database in ``directory``, the files SQLite keeps beside it and one moved aside: those there."""
    found = [directory / f"{FILE_NAME}{suffix}" for suffix in ("", "-wal", "-shm", "-journal", ASIDE_SUFFIX)]
    return [path for path in found if path.is_file() or path.is_symlink()]


def default_directory() -> Path:
    """$AUDIT_CACHE_DIR, else the user's cache directory for wire-audit."""
    if os.environ.get("AUDIT_CACHE_DIR"):
        return Path(os.environ["AUDIT_CACHE_DIR"])
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "wire-audit" / "cache"
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "wire-audit"


@lru_cache(maxsize=1)
def code_digest() -> str:
    """A hash of the package's own files (code and data): the same on every machine the same wire-audit is
    installed on (Dask's workers are checked against it). 20-60 ms: the caches on this disk use ``install_digest``."""
    digest = hashlib.sha256(__version__.encode())
    for relative, path in _package_files(Path(__file__).parent):
        if path.endswith((".py", ".txt", ".toml", ".tsv", ".csv")) and os.path.isfile(path):
            with open(path, "rb") as handle:
                digest.update(relative.encode() + b"\0" + handle.read() + b"\0")
    return _with_environment(digest.hexdigest())


@lru_cache(maxsize=1)
def install_digest() -> str:
    """A hash of this installation as it stands on this disk, for the caches kept on it (results, variant
    pairs, big glossaries' matchers): each of the package's files by path, size and modification time,
    compiled modules included, and the libraries' and Python's versions. An edit, a rebuild or an upgrade
    rewrites a file and so changes its time: a cache is never served by another build. 8 ms (the files' times
    2 ms) where hashing their bytes (``code_digest``) costs 20-60 ms of a one-article scan; not comparable across
    machines."""
    return _with_environment(stat_digest(Path(__file__).parent))


def stat_digest(root: Path) -> str:
    """A hash of every file under ``root`` (compiled bytecode aside) by relative path, size and modification
    time, in a fixed order."""
    digest = hashlib.sha256(__version__.encode())
    for relative, path in _package_files(root):
        try:
            info = os.stat(path)
        except OSError:
            continue  # gone since the folder was listed
        digest.update(f"{relative}\0{info.st_size}\0{info.st_mtime_ns}\0".encode())
    return digest.hexdigest()


def _package_files(root: Path) -> Iterator[tuple[str, str]]:
    """(path relative to ``root``, path) of every file under ``root`` but compiled bytecode, in a fixed order."""
    for folder, subfolders, names in os.walk(root):
        subfolders[:] = sorted(name for name in subfolders if name != "__pycache__")
        for name in sorted(names):
            path = os.path.join(folder, name)
            yield os.path.relpath(path, root), path


def _with_environment(files: str) -> str:
    """``files`` (a hash of the package's files) with the versions of the libraries that decide findings, and
    of Python and its Unicode data."""
    digest = hashlib.sha256(files.encode())
    for name in LIBRARIES:
        try:
            digest.update(f"{name}={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name}=none".encode())
    digest.update(f"{sys.version_info[:2]}|{unicodedata.unidata_version}".encode())
    return digest.hexdigest()[:16]


def scope_of(context: Context, reading: ReaderOptions | None) -> str:
    """Everything besides a file's path and bytes that its result depends on."""
    from .engine import all_rules
    from .provenance import glossary_digest, signature

    settings = context.settings
    enabled = [rule for rule in all_rules() if settings.enables(rule)]
    signed = signature(settings, context.glossary_hash or glossary_digest(context.glossary), enabled, all_rules())
    return hashlib.sha256(f"{signed}|code:{install_digest()}|reading:{reading!r}".encode()).hexdigest()[:32]


class ResultCache:
    """The cache in ``directory`` (default: ``default_directory()``); ``warn`` hears of a cache that fails."""

    def __init__(self, directory: Path | str | None = None, warn: Callable[[str], None] | None = None) -> None:
        self.directory = Path(directory if directory is not None else default_directory())
        self.path = self.directory / FILE_NAME
        self.warn = warn or (lambda message: None)
        self.hits = self.misses = 0  # over every scan of this object, for tests and benchmarks

    def open(self, context: Context, reading: ReaderOptions | None = None) -> CacheSession:
        """A session for one scan with this context and way of reading files."""
        return CacheSession(self, scope_of(context, reading), context)

    def pairs(self) -> PairStore:
        """Where AUD302's corpus pass keeps the variant pairs of its big groups of spellings between scans."""
        return PairStore(self)


class CacheSession:
    """One scan's use of the cache: lookups as files are read, writes batched, closed at the scan's end."""

    def __init__(self, cache: ResultCache, scope: str, context: Context) -> None:
        self.cache, self.scope = cache, scope
        self.enabled = enabled_checks(context)
        self.now = now()
        self.pending: list[tuple[str, str, str, str, int]] = []
        self.touched: list[str] = []  # entries read that were last noted as used more than a day ago
        self.hits = self.misses = 0
        self.db: sqlite3.Connection | None = None
        self.db = self._connect()

    def _connect(self) -> sqlite3.Connection | None:
        try:
            return _open(self.cache.path)
        except sqlite3.DatabaseError as error:
            if _busy(error):
                self.cache.warn(f"{self.cache.path}: result cache not used ({error}); the scan goes on without it")
                return None
            return self._rebuild(error)
        except OSError as error:
            self.cache.warn(f"{self.cache.path}: result cache not used ({error.strerror or error})")
            return None

    def _rebuild(self, error: Exception) -> sqlite3.Connection | None:
        """Move an unreadable database aside and start a new one (None if even that fails)."""
        if self.db is not None:
            self.db.close()
            self.db = None
        path = self.cache.path
        self.cache.warn(f"{path}: result cache unreadable ({error}); rebuilt")
        try:
            for suffix in ("-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
            if path.exists():
                os.replace(path, path.with_name(path.name + ASIDE_SUFFIX))
            return _open(path)
        except (OSError, sqlite3.Error) as again:
            self.cache.warn(f"{path}: result cache not used ({again})")
            return None

    def get(self, path: str, digest: str) -> FileResult | None:
        """The stored result of ``path`` if its content still has ``digest``."""
        row = self._run(lambda db: db.execute("SELECT digest, data, used FROM results WHERE scope = ? AND path = ?",
                                              (self.scope, _key(path))).fetchone())
        if row is None or row[0] != digest:
            self.misses += 1
            return None
        try:
            result = from_json(json.loads(row[1]), self.enabled)
        except (ValueError, KeyError, TypeError):
            self.misses += 1
            return None  # an entry this version cannot read: checked again, and overwritten
        self.hits += 1
        if row[2] < self.now - DAY:
            self.touched.append(_key(path))
        return result

    def knows(self, path: str, digest: str) -> bool:
        """Is there an entry for ``path`` with this content (without reading it)?"""
        row = self._run(lambda db: db.execute("SELECT digest FROM results WHERE scope = ? AND path = ?",
                                              (self.scope, _key(path))).fetchone())
        return row is not None and row[0] == digest

    def put(self, path: str, digest: str, result: FileResult) -> None:
        if self.db is None:
            return
        # ASCII: a file name that is not UTF-8 (held as surrogates) is stored as a JSON escape sqlite accepts.
        data = json.dumps(to_json(result, self.enabled), ensure_ascii=True, separators=(",", ":"))
        self.pending.append((self.scope, _key(path), digest, data, self.now))
        if len(self.pending) >= WRITE_BATCH:
            self._flush()

    def _flush(self) -> None:
        rows, self.pending = self.pending, []
        if rows:
            self._run(lambda db: _write(db, rows))

    def close(self) -> None:
        self.cache.hits += self.hits
        self.cache.misses += self.misses
        self._flush()
        self._run(lambda db: _note_used(db, self.scope, self.touched, self.now))
        if self.db is not None:
            self.db.close()
            self.db = None

    def _run(self, work: Callable[[sqlite3.Connection], Any]) -> Any:
        """Run ``work`` on the database; a failure is reported and the cache left aside, never raised."""
        if self.db is None:
            return None
        try:
            return work(self.db)
        except sqlite3.DatabaseError as error:
            if _busy(error):
                self.cache.warn(f"{self.cache.path}: result cache not written ({error}); the scan goes on without it")
                self.db.close()
                self.db = None
            else:
                self.db = self._rebuild(error)
        return None


class PairStore:
    """Variant pairs of groups of spellings (audit.variants.PairMemo), kept by a hash of the group and of this
    build of the tool: what the corpus pass would compare again on every rescan of an archive. Read when
    asked, written at ``close``; like the results, a store that fails is left aside, never raised."""

    def __init__(self, cache: ResultCache) -> None:
        self.cache = cache
        self.code = install_digest()
        self.db: sqlite3.Connection | None = None
        self.opened = False
        self.pending: list[tuple[str, str, int]] = []
        self.used: list[str] = []

    def _connection(self) -> sqlite3.Connection | None:
        if not self.opened:
            self.opened = True
            try:
                self.db = _open(self.cache.path)
            except (sqlite3.Error, OSError) as error:
                self.cache.warn(f"{self.cache.path}: variant pairs not kept ({error})")
        return self.db

    def get(self, key: str) -> list[tuple[int, int, float]] | None:
        row = self._run(lambda db: db.execute("SELECT data FROM pairs WHERE key = ?", (f"{self.code}:{key}",)).fetchone())
        if row is None:
            return None
        try:
            pairs = [(int(index), int(other), float(score)) for index, other, score in json.loads(row[0])]
        except (ValueError, TypeError):
            return None  # unreadable: worked out again, and overwritten
        self.used.append(f"{self.code}:{key}")
        return pairs

    def put(self, key: str, pairs: list[tuple[int, int, float]]) -> None:
        data = json.dumps(pairs, ensure_ascii=True, separators=(",", ":"))
        self.pending.append((f"{self.code}:{key}", data, now()))

    def close(self) -> None:
        """Write the new groups, note the ones read as used, and drop those unused for KEEP_DAYS."""
        if self.pending or self.used:
            rows, used, today = self.pending, self.used, now()
            self._run(lambda db: _write_pairs(db, rows, used, today))
        if self.db is not None:
            self.db.close()
            self.db = None

    def _run(self, work: Callable[[sqlite3.Connection], Any]) -> Any:
        db = self._connection()
        if db is None:
            return None
        try:
            return work(db)
        except sqlite3.Error as error:
            self.cache.warn(f"{self.cache.path}: variant pairs not kept ({error})")
            db.close()
            self.db = None
        return None


def _write_pairs(db: sqlite3.Connection, rows: list[tuple[str, str, int]], used: list[str], now: int) -> None:
    with db:
        db.execute("BEGIN IMMEDIATE")
        db.executemany("INSERT OR REPLACE INTO pairs VALUES (?, ?, ?)", rows)
        db.executemany("UPDATE pairs SET used = ? WHERE key = ?", [(now, key) for key in used])
        db.execute("DELETE FROM pairs WHERE used < ?", (now - KEEP_DAYS * DAY,))


def _key(path: str) -> str:
    """A path as sqlite stores it: a file name's bytes that are not UTF-8 written as escapes."""
    return printable_path(path)


def _open(path: Path) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path, timeout=BUSY_SECONDS, isolation_level=None)
    try:
        if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")  # WAL keeps the database whole; a crash loses at most a batch
        if _schema(db) != str(SCHEMA):  # a new database, or one an older wire-audit made: (re)made here
            with db:
                db.execute("BEGIN IMMEDIATE")
                db.execute("DROP TABLE IF EXISTS results")
                db.execute("DROP TABLE IF EXISTS scopes")
                db.execute("DROP TABLE IF EXISTS pairs")
                db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
                db.execute("CREATE TABLE results (scope TEXT NOT NULL, path TEXT NOT NULL, digest TEXT NOT NULL,"
                           " data TEXT NOT NULL, used INTEGER NOT NULL, PRIMARY KEY (scope, path)) WITHOUT ROWID")
                db.execute("CREATE INDEX results_used ON results (used)")  # what the pruning reads
                db.execute("CREATE TABLE pairs (key TEXT PRIMARY KEY, data TEXT NOT NULL, used INTEGER NOT NULL)"
                           " WITHOUT ROWID")
                db.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (str(SCHEMA),))
    except BaseException:
        db.close()
        raise
    return db


def _schema(db: sqlite3.Connection) -> str | None:
    if db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").fetchone() is None:
        return None
    found = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
    return found[0] if found else None


def _busy(error: sqlite3.Error) -> bool:
    """Another scan holds the database (or the disk is full): the cache waits for a later scan, intact."""
    return isinstance(error, sqlite3.OperationalError) and any(
        word in str(error) for word in ("locked", "busy", "full", "readonly", "read-only"))


def _write(db: sqlite3.Connection, rows: list[tuple[str, str, str, str, int]]) -> None:
    with db:  # one transaction
        db.execute("BEGIN IMMEDIATE")
        db.executemany("INSERT OR REPLACE INTO results VALUES (?, ?, ?, ?, ?)", rows)


def _note_used(db: sqlite3.Connection, scope: str, paths: list[str], now: int) -> None:
    """Note the entries of ``paths`` as used ``now``, and drop every entry unused for KEEP_DAYS: a file renamed,
    deleted or no longer scanned, or scanned only with another glossary, rules or build of the tool."""
    with db:
        db.execute("BEGIN IMMEDIATE")
        db.executemany("UPDATE results SET used = ? WHERE scope = ? AND path = ?", [(now, scope, path) for path in paths])
        db.execute("DELETE FROM results WHERE used < ?", (now - KEEP_DAYS * DAY,))


def now() -> int:
    """The time the cache notes entries by, in whole seconds (a function: tests move it on)."""
    return int(time.time())
