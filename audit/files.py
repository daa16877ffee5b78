"""Which files a scan reads, and reading one safely: regular files only, up to a size, decoded.

A scan reads regular files and nothing else: a FIFO would block it, a device (``/dev/zero``, or a link
to one) would feed it forever. In a scanned folder such entries, and files over ``--max-file-size``, are
listed as skipped with the reason; named on the command line, a file that is not a regular file is an
input problem. Every file the tool reads (articles, glossaries, baselines, pattern files) goes through
``read_regular``, which refuses anything but a regular file before reading a byte, without blocking on a
FIFO. Text is UTF-8 (BOM or not), UTF-16 or UTF-32 with a BOM, UTF-16 without one (told by its NUL
bytes), else Windows-1252.
"""
from __future__ import annotations

import codecs
import os
import re
import stat
from collections.abc import Collection

DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024  # 10 MB: a news article is kilobytes; an export of thousands, megabytes
NO_READER = "no reader for the format"
_UNITS = {"": 1, "b": 1, "k": 1024, "kb": 1024, "kib": 1024, "m": 1024**2, "mb": 1024**2, "mib": 1024**2,
          "g": 1024**3, "gb": 1024**3, "gib": 1024**3}
_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*")
# UTF-32's BOMs first: UTF-32-LE's starts with UTF-16-LE's.
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))


class NotRegularFile(OSError):
    """A path that is a FIFO, a device, a socket or a folder where a file was expected."""


class TooLarge(OSError):
    """A file over the size limit."""


def parse_size(text: str) -> int:
    """'10MB', '500k', '2.5 MiB', '1000' -> bytes (units are powers of 1024); '0' means no limit."""
    match = _SIZE.fullmatch(text or "")
    unit = match.group(2).lower() if match else ""
    if not match or unit not in _UNITS:
        raise ValueError(f"expected a size such as 10MB, 500k or 1000000, got {text!r}")
    return int(float(match.group(1)) * _UNITS[unit])


def format_size(size: int) -> str:
    for unit, factor in (("GB", 1024**3), ("MB", 1024**2), ("kB", 1024)):
        if size >= factor:
            return f"{size / factor:.1f} {unit}".replace(".0 ", " ")
    return f"{size} bytes"


def kind(mode: int) -> str:
    """What a non-regular file is, in words (from lstat: a link is named as such)."""
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def why_not_readable(path: str, max_size: int | None) -> str | None:
    """Why a scan must not read ``path`` (links followed: a link to a regular file is read), or None."""
    try:
        info = os.stat(path)
    except OSError as error:
        return f"cannot read ({error.strerror or error})"
    if not stat.S_ISREG(info.st_mode):
        return f"not a regular file ({kind(info.st_mode)})"
    if max_size and info.st_size > max_size:
        return f"larger than --max-file-size ({format_size(info.st_size)} > {format_size(max_size)})"
    return None


def read_regular(path: str | os.PathLike[str], max_size: int | None = None) -> bytes:
    """A regular file's bytes; NotRegularFile / TooLarge (OSErrors with a strerror) otherwise.

    Opened without blocking, so a FIFO is refused instead of waited on; checked on the open descriptor,
    so what is checked is what is read.
    """
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFile(0, f"not a regular file ({kind(info.st_mode)})", os.fspath(path))
        if max_size and info.st_size > max_size:
            raise TooLarge(0, f"larger than the limit ({format_size(info.st_size)} > {format_size(max_size)})",
                           os.fspath(path))
        with os.fdopen(descriptor, "rb", closefd=False) as stream:
            data = stream.read(max_size + 1 if max_size else -1)
    finally:
        os.close(descriptor)
    if max_size and len(data) > max_size:  # grew while being read
        raise TooLarge(0, f"larger than the limit (over {format_size(max_size)})", os.fspath(path))
    return data


def wide_encoding(data: bytes) -> tuple[bytes, str] | None:
    """(BOM, codec) of UTF-16 or UTF-32 text, told by its BOM or, for UTF-16 without one, by its NUL bytes.

    The BOM is returned (empty if none) so that a fix writes the file back the way it was.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return bom, encoding
    head = data[:4096]
    if len(head) >= 4:
        even, odd = head[0::2], head[1::2]
        # Latin text in UTF-16: every other byte is NUL, and (nearly) no other byte is.
        if odd.count(0) >= 0.9 * len(odd) and even.count(0) <= 0.1 * len(even):
            return b"", "utf-16-le"
        if even.count(0) >= 0.9 * len(even) and odd.count(0) <= 0.1 * len(odd):
            return b"", "utf-16-be"
    return None


def same_file(a: str | os.PathLike[str], b: str | os.PathLike[str]) -> bool:
    """Do two paths name the same file (links and ``..`` resolved)?"""
    return os.path.realpath(a) == os.path.realpath(b)


def printable_path(name: str) -> str:
    """A path for messages, reports and the result cache: bytes that are not UTF-8 in a file name shown as escapes."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


OWN_OUTPUT = "written by wire-audit (a report or list of an earlier run): not read as an article"


def expand_paths(paths: list[str], skipped: list[str] | None = None, *, reasons: dict[str, str] | None = None,
                 refused: dict[str, str] | None = None, max_size: int | None = None,
                 outputs: Collection[str] = ()) -> tuple[list[str], list[str]]:
    """Files to scan, in a stable order, and paths that do not exist.

    Directories are walked recursively (links to folders are not followed) for regular files a reader
    reads (by suffix); hidden entries are skipped, other files are added to ``skipped`` and, when it is not
    "no reader for the format", the reason to ``reasons`` (path -> reason): not a regular file, too large.
    A file named explicitly is scanned whatever its suffix; if it is not a regular file the reason goes to
    ``refused`` (path -> reason) instead, or, when ``refused`` is None, it is counted missing. ``outputs``
    are real paths of files this tool wrote and nobody changed since (audit/outputs.py): met in a folder,
    they are skipped (OWN_OUTPUT), so a report written into the scanned tree is not read as an article by
    the next run.
    """
    from .readers import known_suffix  # the readers' registry imports this module's neighbours

    files: list[str] = []
    missing: list[str] = []
    skip = skipped if skipped is not None else []
    why = reasons if reasons is not None else {}
    own = {os.path.realpath(path) for path in outputs}
    own_names = {os.path.basename(path) for path in own}  # a real path is worked out only for these names
    for path in paths:
        if path == "-":
            files.append(path)
        elif os.path.isdir(path):
            found: list[str] = []
            for root, dirs, names in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(names):
                    if name.startswith("."):
                        continue
                    full = os.path.join(root, name)
                    own_output = name in own_names and os.path.realpath(full) in own
                    reason = OWN_OUTPUT if own_output else why_not_readable(full, max_size)
                    if reason is None and known_suffix(name):
                        found.append(full)
                    else:
                        skip.append(full)
                        if reason is not None:
                            why[full] = reason
            files.extend(sorted(found))
        elif os.path.lexists(path):
            reason = why_not_readable(path, max_size)
            if reason is None:
                files.append(path)
            elif reason.startswith("larger"):
                skip.append(path)
                why[path] = reason
            elif refused is not None:
                refused[path] = reason
            else:
                missing.append(path)
        else:
            missing.append(path)
    return list(dict.fromkeys(files)), missing  # each file once, where it was first named
