"""The command line's input and output: writing reports (stdout or a file, atomically), the streams a run
may find closed or broken, and turning option values into settings. Kept apart from cli.py, which only
declares commands and calls the library.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Optional

from .atomic import WriteError, check_target, write_atomic
from .config import Settings, override
from .documents import Document
from .files import parse_size

# The exit codes, computed once per command: nothing at or above --fail-on, findings, usage or input
# error, a crash (a bug).
EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE, EXIT_CRASH = 0, 1, 2, 3


class UsageError(Exception):
    """Bad input named on the command line: one line to stderr, exit code 2."""


def write_output(output: Optional[Path], text: str, inputs: tuple[str, ...] = (), remember: bool = True) -> None:
    """The report on stdout, or in ``output`` (atomically; never onto a device, a link or an input), which
    is then remembered as this tool's (audit/outputs.py: a later scan does not read it as an article),
    unless ``remember`` is off."""
    if output is None:
        if _stdout_closed:
            raise UsageError("standard output is closed: nowhere to write the report (use --output FILE)")
        try:
            sys.stdout.write(text)
            sys.stdout.flush()
        except BrokenPipeError:  # the reader went away (`audit scan | head`): the exit code still says the verdict
            silence_stdout()
        except (OSError, ValueError) as error:  # a full disk, a closed stdout
            raise UsageError(f"standard output: cannot write the report ({getattr(error, 'strerror', None) or error})") from None
        return
    try:
        write_atomic(output, text, inputs=inputs, what="output")
    except WriteError as error:
        raise UsageError(str(error)) from None
    if remember:
        from .outputs import remember as remember_output

        remember_output(output)


def checked_override(settings: Settings, **options: object) -> Settings:
    """config.override, a value Settings refuses (``--language zz``) being a usage error."""
    try:
        return override(settings, **options)
    except ValueError as error:
        raise UsageError(str(error).replace("Settings.target_language", "--language")
                         .replace("Settings.min_confidence", "--min-confidence")) from None


def file_size(value: Optional[str]) -> Optional[int]:
    if value is None:
        return None
    try:
        return parse_size(value)
    except ValueError as error:
        raise UsageError(f"--max-file-size: {error}") from None


def output_path(name: Optional[str]) -> Optional[Path]:
    """--output's file; an empty name is a usage error (Path("") would be the current folder)."""
    if name is not None and not name.strip():
        raise UsageError("--output: an empty file name cannot be written")
    return Path(name) if name is not None else None


def check_targets(*targets: Optional[Path]) -> None:
    """Refuse an output file that may not be replaced (a device, a link, a folder) before any work is done."""
    for target in targets:
        if target is not None:
            try:
                check_target(target)
            except WriteError as error:
                raise UsageError(str(error)) from None


def noting_paths(documents: Iterable[Document], paths: list[str]) -> Iterator[Document]:
    """The documents, each path noted as it passes (the files a run read may not be overwritten)."""
    for document in documents:
        paths.append(document.path)
        yield document


_stdout_closed = False  # started with standard output closed (`audit scan x >&-`)


def tolerant_streams() -> None:
    """A file name that is not UTF-8 (held as surrogates) is printed as escapes instead of failing the run;
    a closed stdout or stderr (None) becomes /dev/null, and a report for stdout is a usage error."""
    global _stdout_closed
    if sys.stdout is None:
        _stdout_closed = True
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the process
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="backslashreplace")
            except (ValueError, OSError):  # closed, or not a text wrapper after all
                pass


def silence_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so that the interpreter's last flush fails no more."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
