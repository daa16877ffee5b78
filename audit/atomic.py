"""Writing a file without ever clobbering one: the one writer every report, baseline, CSV and fix goes through.

The text goes to a temporary file of a unique name in the target's own folder (so no user file is ever
taken for it), is flushed to disk, and replaces the target in one ``os.replace``: a reader sees the old
file or the new one, never half of one, and two runs writing one file never interleave. The target keeps
its permission bits. Refused, before anything is written: a target that exists and is not a regular file
(a device, a FIFO, a symbolic link, a folder: replacing it would destroy it, /dev/null included), and a
target that is one of the run's inputs (a report written over the article it is about).
"""
from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable, Iterable

from .files import kind

TEMPORARY_SUFFIX = ".tmp"  # of the file written before it replaces the target


class WriteError(Exception):
    """A file that may not or cannot be written; the message names it, on one line."""


def _identity(path: str) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return info.st_dev, info.st_ino


def check_target(path: str | os.PathLike[str], inputs: Iterable[str] = ()) -> None:
    """Raise WriteError if ``path`` may not be replaced: not a regular file, or one of ``inputs``."""
    name = os.fspath(path)
    if not name or not name.strip():
        raise WriteError("an empty file name cannot be written")
    try:
        info = os.lstat(name)
    except FileNotFoundError:
        info = None
    except OSError as error:
        raise WriteError(f"{name}: cannot write ({error.strerror or error})") from None
    if info is not None and not stat.S_ISREG(info.st_mode):
        raise WriteError(f"{name}: is {kind(info.st_mode)}; not replaced (write to a regular file)")
    target = os.path.realpath(name)
    identity = (info.st_dev, info.st_ino) if info is not None else None
    for given in inputs:
        if given == "-":
            continue
        if os.path.realpath(given) == target or (identity is not None and _identity(given) == identity):
            raise WriteError(f"{name}: is one of the scanned inputs; not overwritten (write the output elsewhere)")


def _default_mode() -> int:
    """The permission bits a new file gets (0o666 less the umask), as open() would give it."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def write_atomic(path: str | os.PathLike[str], content: str | bytes, *, inputs: Iterable[str] = (),
                 verify: Callable[[], None] | None = None, what: str = "") -> None:
    """Replace ``path`` with ``content`` (str is written as UTF-8, lone surrogates as escapes), atomically.

    ``inputs`` are the run's input files, never overwritten. ``verify`` is called right before the
    replace (the fixer checks the file did not change since it was read); what it raises propagates and
    nothing is replaced. ``what`` names the file's kind in messages ("baseline": "cannot write baseline").
    """
    name = os.fspath(path)
    check_target(name, inputs)
    # A file name that is not UTF-8 (held as surrogates) is written as escapes, never fails the write.
    data = content.encode("utf-8", "backslashreplace") if isinstance(content, str) else content
    directory = os.path.dirname(os.path.abspath(name))
    try:
        mode = os.stat(name).st_mode & 0o7777
    except OSError:
        mode = _default_mode()
    try:
        handle = tempfile.NamedTemporaryFile("wb", dir=directory, prefix=f".{os.path.basename(name)}.",
                                             suffix=TEMPORARY_SUFFIX, delete=False)
    except OSError as error:
        raise WriteError(f"{name}: cannot write {what} ({error.strerror or error})".replace("  ", " ")) from None
    try:
        with handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(handle.name, mode)
        if verify is not None:
            verify()
        check_target(name, inputs)  # the target may have been swapped for a link while we wrote
        os.replace(handle.name, name)
    except OSError as error:
        raise WriteError(f"{name}: cannot write {what} ({error.strerror or error})".replace("  ", " ")) from None
    finally:
        if os.path.exists(handle.name):
            os.unlink(handle.name)


def files_kept(folder: str | os.PathLike[str], prefix: str, suffix: str) -> list[str]:
    """The paths of the regular files of ``folder`` named ``prefix``...``suffix``, and of those a killed writer
    left half-written (``write_atomic``'s temporary ``.<name>.<random>.tmp``), sorted; none if it cannot be read."""
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return []
    kept = []
    for name in names:
        whole = name.startswith(prefix) and name.endswith(suffix)
        half_written = name.startswith(f".{prefix}") and name.endswith(TEMPORARY_SUFFIX)
        path = os.path.join(folder, name)
        if (whole or half_written) and os.path.isfile(path):
            kept.append(path)
    return kept


def write_private(path: str | os.PathLike[str], content: bytes, what: str) -> None:
    """``write_atomic`` for the tool's own cache files: the folder made for this user only, the file readable by
    this user only (``trusted`` reads back nothing else)."""
    os.makedirs(os.path.dirname(os.path.abspath(os.fspath(path))), mode=0o700, exist_ok=True)
    write_atomic(path, content, what=what)
    os.chmod(path, 0o600)


def trusted(path: str | os.PathLike[str]) -> bool:
    """Is ``path`` a regular file that is this user's own, as is its folder, and that nobody else may write to?
    Only such cache files are read back: a cache folder others can write to is not trusted."""
    name = os.path.abspath(os.fspath(path))
    try:
        infos = [os.stat(name), os.stat(os.path.dirname(name))]
    except OSError:
        return False
    if not stat.S_ISREG(infos[0].st_mode):
        return False
    if not hasattr(os, "getuid"):
        return True  # no owners to check (Windows): the user's own profile folder
    return all(info.st_uid == os.getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH) for info in infos)

