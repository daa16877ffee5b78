"""The `audit` console script: answers `audit --version` at once, and hands everything else to the CLI.

`audit --version` is what scripts and installers run to see that the tool is there; importing the CLI
(typer, the engine, the checks and their libraries) costs several times the answer, so it is printed
here, exactly as the CLI prints it, before anything is imported.
"""
from __future__ import annotations

import sys

from . import __version__


def main(argv: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    if arguments == ["--version"]:
        from .build import describe

        print(f"wire-audit {__version__} ({describe()})")
        return 0
    from .cli import main as cli_main

    return cli_main(argv)


if __name__ == "__main__":
    sys.exit(main())
