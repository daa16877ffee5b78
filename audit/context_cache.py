"""A big glossary's matcher kept on disk, so that the next scan does not parse and index it again.

Parsing a 50,000-name gazetteer and building its index takes about 1.2 s on every scan; reading the
finished matcher back takes 0.2 s. The cache lives beside the result cache (audit/result_cache.py:
$AUDIT_CACHE_DIR or the user's cache folder), one file per glossary, named by a hash of everything the
matcher is made from: the glossary files' bytes (bundled glossaries by name), the threshold it is built
for, and this build of wire-audit (code and data, ``install_digest``), so an edited glossary or an upgraded
tool is never served an old index. Only glossaries of MIN_ENTRIES entries or more are kept (a desk
glossary builds faster than it loads), and the KEEP most recently used files.

A file is unpickled only if it is this user's own and nobody else may write it or its folder: a cache
folder others can write to is not trusted. Whatever goes wrong (a damaged file, a full disk) costs the
rebuild, never the scan.
"""
from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

from .checks.base import Context
from .config import Settings
from .glossary import bundled_name

MIN_ENTRIES = 5_000
KEEP = 4
FOLDER = "matchers"
SUFFIX = ".pickle"


def cached_context(settings: Settings, directory: Path) -> Context:
    """``engine.build_context(settings)``, the glossary and matcher read from ``directory`` when this
    glossary was indexed before (and written there when it is big enough to be worth keeping)."""
    from .engine import build_context, context_of

    key = _key(settings)
    path = directory / FOLDER / f"{key}{SUFFIX}" if key else None
    if path is not None:
        loaded = _load(path)
        if loaded is not None:
            glossary, matcher, digest = loaded
            return context_of(settings, glossary, matcher, digest)
    context = build_context(settings)
    if path is not None and len(context.glossary) >= MIN_ENTRIES:
        matcher = context.matcher
        matcher.index.complete(batched=matcher.near_words.batches)  # read back built, not built in every scan
        _save(path, (context.glossary, matcher, context.glossary_hash))
    return context


def kept_matchers(directory: Path) -> list[Path]:
    """The matcher files kept in the cache folder ``directory`` (and any a killed scan left half-written)."""
    from .atomic import files_kept

    return [Path(path) for path in files_kept(directory / FOLDER, "", SUFFIX)]


def _key(settings: Settings) -> str | None:
    """A hash of what the matcher is made from, or None when a glossary file cannot be read (the build
    then says why)."""
    from .build import describe
    from .files import read_regular
    from .result_cache import install_digest

    # A compiled build's classes pickle differently from the pure-Python build's: each keeps its own file.
    digest = hashlib.sha256(f"{install_digest()}|{describe()}|{settings.min_confidence!r}".encode())
    references = [*(settings.glossaries or ("<bundled default>",)), "<extend>", *settings.extend_glossaries]
    for reference in references:
        if reference.startswith("<") or bundled_name(reference) is not None:
            digest.update(f"|{reference}".encode())
            continue
        try:
            digest.update(b"|" + hashlib.sha256(read_regular(reference)).digest())
        except (OSError, ValueError):
            return None
    return digest.hexdigest()[:32]


def _load(path: Path) -> tuple | None:
    from .atomic import trusted

    try:
        if not trusted(path):
            return None
        with open(path, "rb") as handle:
            loaded = pickle.load(handle)
        os.utime(path)  # recently used: kept when older files are dropped
    except Exception:  # noqa: BLE001 - a damaged or foreign file of any kind is a cache miss
        return None
    return loaded if isinstance(loaded, tuple) and len(loaded) == 3 else None


def _save(path: Path, parts: tuple) -> None:
    from .atomic import WriteError, write_private

    try:
        write_private(path, pickle.dumps(parts, protocol=pickle.HIGHEST_PROTOCOL), "matcher cache")
        kept = sorted(path.parent.glob(f"*{SUFFIX}"), key=lambda item: item.stat().st_mtime, reverse=True)
        for old in kept[KEEP:]:
            old.unlink(missing_ok=True)
    except (OSError, WriteError, pickle.PicklingError):
        return
