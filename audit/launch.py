"""The `audit` console script: answers `audit --version` at once, and hands everything else to the CLI.

`audit --version` is what scripts and installers run to see that the tool is there; importing the CLI
(typer, the engine, the checks and their libraries) costs several times the answer, so it is printed
here, exactly as the CLI prints it, before anything is imported.

Run as the process's own command (``main()`` with no arguments, as the console script calls it), the
command is also spared Python's cyclic garbage collector: a scan pauses it anyway (audit/gc_pause.py),
and in a short-lived command the collector's only other work is walking what the imports, the glossary
index and the word lists made (55,000 containers holding millions of references: the English list alone is
321,000 entries) twice: once when the scan's pause ends, and once more as the interpreter exits. That is
a tenth of a one-article scan (bench/bench_startup.py).
Reference counting still frees everything that forms no cycle; the few cycles left die with the process.
Called with arguments (from Python, from tests), ``main`` leaves the caller's collector alone.
"""
from __future__ import annotations

import gc
import sys

from . import __version__


def main(argv: list[str] | None = None) -> int:
    if argv is not None:
        return _command(argv)
    gc.disable()
    try:
        return _command(None)
    finally:
        gc.freeze()  # what is left alive is not walked again on the way out


def _command(argv: list[str] | None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    if arguments == ["--version"]:
        from .build import describe

        print(f"wire-audit {__version__} ({describe()})")
        return 0
    from .cli import main as cli_main

    return cli_main(argv)


if __name__ == "__main__":
    sys.exit(main())
