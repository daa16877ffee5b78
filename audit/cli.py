"""The `audit` command: parse options, call the library, pick a reporter, compute the exit code once."""
from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import __version__
from .checks import all_rules
from .config import Settings
from .engine import scan as run_scan
from .glossary import GlossaryError
from .model import RunResult, Severity
from .reporters import REPORTERS, render
from .text import DataFileError

EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE, EXIT_CRASH = 0, 1, 2, 3

app = typer.Typer(
    name="audit",
    help="wire-audit: find garbled and mistranslated names and scraper debris in machine-translated news copy.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

FormatName = Enum("FormatName", {name: name for name in REPORTERS}, type=str)  # type: ignore[misc]


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


class UsageError(Exception):
    """Bad input named on the command line: one line to stderr, exit code 2."""


def exit_code(result: RunResult, fail_on: str) -> int:
    """0: nothing at or above the fail-on level; 1: findings at or above it; 2: some input could not be read."""
    if result.problems:
        return EXIT_USAGE
    if fail_on == "never":
        return EXIT_CLEAN
    threshold = Severity.parse(fail_on)
    return EXIT_FINDINGS if any(f.severity >= threshold for f in result.findings) else EXIT_CLEAN


def _write(output: Optional[Path], text: str) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    temporary = output.with_name(f".{output.name}.tmp")
    try:
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, output)  # atomic: a reader never sees half a report
    except OSError as error:
        raise UsageError(f"{output}: cannot write output ({error.strerror or error})") from None


@app.command()
def scan(
    paths: Annotated[list[str], typer.Argument(help="Files or directories to scan (recursively); - for stdin.")],
    glossary: Annotated[
        Optional[list[str]], typer.Option("--glossary", "-g", help="Glossary file (.toml or .csv); repeatable. Default: the bundled one.")
    ] = None,
    format: Annotated[FormatName, typer.Option("--format", "-f", help="Output format.")] = "text",  # type: ignore[assignment]
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the report to this file.")] = None,
    fail_on: Annotated[FailOn, typer.Option(help="Lowest severity that makes the exit code 1.")] = FailOn.warning,
    min_confidence: Annotated[float, typer.Option(min=0.0, max=1.0, help="Report name matches at least this sure.")] = 0.7,
    language: Annotated[str, typer.Option(help="The language the copy should be in (ISO 639-1).")] = "en",
    color: Annotated[Optional[bool], typer.Option("--color/--no-color", help="Colour text output (default: on a terminal).")] = None,
) -> None:
    """Report garbled names, mistranslated names and scraper debris in PATHS."""
    settings = Settings(
        glossaries=tuple(glossary or ()),
        min_confidence=min_confidence,
        target_language=language,
        fail_on=fail_on.value,
    )
    result = run_scan(list(paths), settings)
    use_color = color if color is not None else (output is None and sys.stdout.isatty())
    _write(output, render(format.value, result, color=use_color and format.value == "text"))
    for problem in result.problems:
        typer.echo(f"audit: {problem}", err=True)
    raise typer.Exit(exit_code(result, settings.fail_on))


@app.command("rules")
def list_rules() -> None:
    """List every rule: id, name, default severity, summary."""
    for rule in all_rules():
        typer.echo(f"{rule.id}  {rule.name:<26} {rule.severity.label:<8} {rule.summary}")


@app.command()
def explain(rule: Annotated[str, typer.Argument(help="Rule id (AUD101) or name (garbled-name).")]) -> None:
    """Print a rule's documentation: what it catches, why it matters, an example, the fix."""
    wanted = rule.strip()
    found = next((r for r in all_rules() if r.id == wanted.upper() or r.name == wanted.lower()), None)
    if found is None:
        raise UsageError(f"unknown rule {rule!r}; `audit rules` lists them")
    typer.echo(f"{found.id} {found.name} ({found.severity.label})\n")
    typer.echo(f"{found.summary}\n")
    for heading, body in (("What it catches", found.what), ("Why it matters", found.why),
                          ("Example", found.example), ("How to fix", found.fix)):
        typer.echo(f"## {heading}\n{body}\n")


@app.callback(invoke_without_command=True)
def _root(version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")] = False) -> None:
    if version:
        typer.echo(f"wire-audit {__version__}")
        raise typer.Exit(EXIT_CLEAN)


def main(argv: list[str] | None = None) -> int:
    """Console entry point: every failure becomes one line and a distinct exit code, never a traceback."""
    try:
        app(args=argv, standalone_mode=False)
    except typer.Exit as done:
        return done.exit_code
    except (UsageError, GlossaryError, DataFileError) as error:
        typer.echo(f"audit: {error}", err=True)
        return EXIT_USAGE
    except typer.Abort:
        typer.echo("audit: aborted", err=True)
        return 130
    except Exception as error:  # noqa: BLE001 - the last line of defence
        import click

        if isinstance(error, click.ClickException):
            error.show()
            return EXIT_USAGE
        if os.environ.get("AUDIT_DEBUG"):
            raise
        typer.echo(f"audit: internal error: {type(error).__name__}: {error} (set AUDIT_DEBUG=1 for a traceback)", err=True)
        return EXIT_CRASH
    return EXIT_CLEAN


if __name__ == "__main__":
    sys.exit(main())
