"""The `audit` commands other than scan and fix: rules, explain, names, glossaries, compare, config, cache.

Each is a thin layer over the library, like audit/cli.py; ``register_commands`` adds them to its app.
"""
from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from .cli_io import (
    EXIT_CLEAN,
    EXIT_FINDINGS,
    EXIT_USAGE,
    UsageError,
    check_targets,
    checked_override,
    noting_paths,
    output_path,
    write_output,
)
from .cli_options import ExtendGlossaryOption, GlossaryOption
from .config import describe, resolve
from .engine import all_rules
from .model import FailOn, find_rule


def documented_rules() -> tuple:
    """Every rule `audit rules` lists and `audit explain` documents: the scan's, then `audit compare`'s."""
    from .compare.rules import RULES as COMPARE_RULES  # audit.compare is imported only when needed

    return (*all_rules(), *COMPARE_RULES)


def list_rules() -> None:
    """List every rule: id, name, default severity, summary."""
    rules = documented_rules()
    width = max(len(rule.name) for rule in rules)
    for rule in rules:
        typer.echo(f"{rule.id}  {rule.name:<{width}}  {rule.severity.label:<8} {rule.summary}")


def explain(rule: Annotated[str, typer.Argument(help="Rule id (AUD101) or name (garbled-name).")]) -> None:
    """Print a rule's documentation: what it catches, why it matters, an example, the fix."""
    found = find_rule(documented_rules(), rule)
    if found is None:
        raise UsageError(f"unknown rule {rule!r}; `audit rules` lists them")
    typer.echo(f"{found.id} {found.name} ({found.severity.label})\n")
    typer.echo(f"{found.summary}\n")
    if found.fix_safety != "none":
        flag = "" if found.fix_safety == "safe" else " with --unsafe-fixes"
        typer.echo(f"Fix: {found.fix_safety} (`audit fix`{flag} applies it)\n")
    for heading, body in (("What it catches", found.what), ("Why it matters", found.why),
                          ("Example", found.example), ("How to fix", found.fix)):
        typer.echo(f"## {heading}\n{body}\n")


def names(
    paths: Annotated[list[str], typer.Argument(help="Files or directories to read (recursively); - for stdin.")],
    glossary: GlossaryOption = None,
    extend_glossary: ExtendGlossaryOption = None,
    csv_file: Annotated[Optional[Path], typer.Option("--csv", help="Also write the new names as glossary CSV rows to this file, for review.")] = None,
    min_count: Annotated[int, typer.Option("--min-count", min=1, help="List only names seen at least this many times.")] = 1,
) -> None:
    """List capitalised names the glossary does not know, spellings of one name clustered, most frequent first."""
    from .discovery import discover_names, to_csv, to_text
    from .engine import build_context, read_documents

    settings = checked_override(resolve(paths, rules=all_rules()), glossaries=tuple(glossary) if glossary else None,
                        extend_glossaries=tuple(extend_glossary) if extend_glossary else None)
    check_targets(csv_file)
    problems: list = []
    read: list[str] = []
    found = discover_names(noting_paths(read_documents(list(paths), problems, settings=settings), read),
                           build_context(settings).matcher, min_count)
    typer.echo(to_text(found), nl=False)
    if csv_file is not None:
        write_output(csv_file, to_csv(found), tuple(read))
    for problem in problems:
        typer.echo(f"audit: {problem}", err=True)
    raise typer.Exit(EXIT_USAGE if problems else EXIT_CLEAN)


def list_glossaries() -> None:
    """List the bundled glossaries: the name to pass to --glossary or --extend-glossary, entries, title."""
    from .glossary import describe_bundled

    for name, title, entries in describe_bundled():
        typer.echo(f"{name:<10} {entries:>5} entries  {title}")


class CompareFormat(str, Enum):
    text = "text"
    json = "json"


def compare_command(
    hypothesis: Annotated[str, typer.Argument(metavar="HYP", help="Machine translation: a segment file (one segment a line) or a folder of them.")],
    reference: Annotated[str, typer.Option("--ref", help="Human reference, line-aligned with HYP (a folder's files are paired by name).")],
    source: Annotated[Optional[str], typer.Option("--source", help="Source text, line-aligned: checks the glossary's source-language forms.")] = None,
    glossary: Annotated[Optional[list[str]], typer.Option("--glossary", "-g", help="Glossary file (.toml or .csv); repeatable. Adds glossary divergences and the source check.")] = None,
    source_language: Annotated[Optional[str], typer.Option("--source-language", help="Use only the glossary forms of this language (e.g. ru; default: every language's).")] = None,
    format: Annotated[CompareFormat, typer.Option("--format", "-f", help="Output format.")] = CompareFormat.text,
    output_name: Annotated[Optional[str], typer.Option("--output", "-o", help="Write the report to this file.")] = None,
    fail_on: Annotated[FailOn, typer.Option(help="Lowest severity of a name divergence that makes the exit code 1.")] = FailOn.WARNING,
    min_chrf: Annotated[Optional[float], typer.Option("--min-chrf", help="Exit 1 if corpus chrF is below this (0-100).")] = None,
    min_bleu: Annotated[Optional[float], typer.Option("--min-bleu", help="Exit 1 if corpus BLEU is below this (0-100).")] = None,
    max_ter: Annotated[Optional[float], typer.Option("--max-ter", help="Exit 1 if corpus TER is above this.")] = None,
    min_name_accuracy: Annotated[Optional[float], typer.Option("--min-name-accuracy", min=0.0, max=1.0, help="Exit 1 if name accuracy is below this (0-1).")] = None,
    worst: Annotated[int, typer.Option("--worst", min=0, help="How many of the lowest-chrF segments to list.")] = 5,
    color: Annotated[Optional[bool], typer.Option("--color/--no-color", help="Colour text output (default: on a terminal).")] = None,
) -> None:
    """Score HYP against a human reference (BLEU, chrF, TER) and list names it renders differently."""
    # audit.compare (and sacrebleu) are imported only for this command: a scan starts without them.
    from .compare import CompareInputError, Thresholds, compare, load_pairs
    from .compare.report import render_json, render_text
    from .glossary import load_glossary

    output = output_path(output_name)
    try:
        loaded = None
        for path in glossary or ():
            loaded = load_glossary(path) if loaded is None else loaded.merged(load_glossary(path))
        language = source_language.strip().lower() if source_language else None
        if source is not None and not (loaded and any(entry.forms for entry in loaded.entries)):
            typer.echo("audit: note: --source checks only names of a --glossary whose entries have source-language forms", err=True)
        comparison = compare(load_pairs(hypothesis, reference, source), loaded, source_language=language, worst=worst)
        thresholds = Thresholds(min_chrf, min_bleu, max_ter, min_name_accuracy)
        if format is CompareFormat.json:
            text = render_json(comparison, thresholds, fail_on.value)
        else:
            use_color = color if color is not None else (output is None and sys.stdout.isatty())
            text = render_text(comparison, thresholds, fail_on.value, color=use_color)
        write_output(output, text, tuple(path for path in (hypothesis, reference, source) if path))
        failed = thresholds.missed(comparison) or comparison.failing(fail_on.value)
        raise typer.Exit(EXIT_FINDINGS if failed else EXIT_CLEAN)
    except CompareInputError as error:
        raise UsageError(str(error)) from None


def show_config(
    paths: Annotated[Optional[list[str]], typer.Argument(help="Paths a scan would cover (default: the current directory).")] = None,
    config: Annotated[Optional[str], typer.Option("--config", help="Configuration file to use instead of searching upward.")] = None,
    isolated: Annotated[bool, typer.Option("--isolated", help="Ignore every configuration file.")] = False,
) -> None:
    """Print the effective configuration for a scan of PATHS, and the file it came from."""
    typer.echo(describe(resolve(paths or ["."], config, isolated=isolated, rules=all_rules())), nl=False)


def cache_command(
    clear: Annotated[bool, typer.Option("--clear", help="Remove the cached results, indexed glossaries and word lists.")] = False,
) -> None:
    """Show where the cache is and what it holds (results, indexed glossaries, word lists); --clear removes it."""
    from .cache_folder import clear as clear_folder
    from .cache_folder import outputs_registry, parts
    from .files import format_size, printable_path
    from .result_cache import default_directory

    directory = default_directory()
    shown = printable_path(str(directory))
    if clear:
        removed, problems = clear_folder(directory)
        freed = sum(size for _, size in removed)
        typer.echo(f"Removed {len(removed)} file{'s' if len(removed) != 1 else ''} ({format_size(freed)}) from {shown}")
        for problem in problems:
            typer.echo(f"audit: {problem}", err=True)
        raise typer.Exit(EXIT_USAGE if problems else EXIT_CLEAN)
    typer.echo(f"Cache folder: {shown} ($AUDIT_CACHE_DIR moves it; `audit scan --no-cache` neither reads nor writes it)")
    for part in parts(directory):
        count = len(part.files)
        typer.echo(f"  {part.name:<11} {format_size(part.size):>9}  {count:>3} file{'s' if count != 1 else ' '}  {part.holds}")
    if outputs_registry(directory).is_file():
        typer.echo(f"  (and {outputs_registry(directory).name}: the reports wire-audit wrote, so that scans skip them; --clear keeps it)")


def register_commands(app: typer.Typer) -> None:
    """Add the commands other than scan and fix to the `audit` application."""
    app.command("rules")(list_rules)
    app.command()(explain)
    app.command("names")(names)
    app.command("glossaries")(list_glossaries)
    app.command("compare")(compare_command)
    app.command("config")(show_config)
    app.command("cache")(cache_command)
