"""The `audit` command: parse options, call the library, pick a reporter, compute the exit code once."""
from __future__ import annotations

import os
import sys
from dataclasses import replace
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from . import __version__
from . import baseline as baselines
from .changes import ChangesError, changed_files
from .cli_commands import register_commands
from .cli_io import (
    EXIT_CLEAN,
    EXIT_CRASH,
    EXIT_FINDINGS,
    EXIT_USAGE,
    UsageError,
    check_targets,
    checked_override,
    file_size,
    output_path,
    silence_stdout,
    tolerant_streams,
    write_output,
)
from .cli_options import ExtendGlossaryOption, GlossaryOption
from .config import ConfigError, describe, resolve
from .dask_scan import DaskError
from .engine import all_rules
from .engine import scan as run_scan
from .files import OWN_OUTPUT, same_file
from .glossary import GlossaryError
from .model import FailOn, RunResult, Severity, find_rule
from .readers import READERS, ReaderOptions
from .reporters import NEEDS_TEXT, REPORTERS, render
from .text import DataFileError

if TYPE_CHECKING:  # rich's progress bar is imported only when a scan draws one
    from rich.progress import Progress as Bar
    from rich.progress import TaskID


app = typer.Typer(
    name="audit",
    help="wire-audit: find garbled and mistranslated names and scraper debris in machine-translated news copy.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

FormatName = Enum("FormatName", {name: name for name in REPORTERS}, type=str)  # type: ignore[misc]


InputFormat = Enum("InputFormat", {name: name for name in READERS}, type=str)  # type: ignore[misc]


def exit_code(result: RunResult, fail_on: FailOn | str, exit_zero: bool = False) -> int:
    """0: nothing at or above the fail-on level; 1: findings at or above it; 2: some input could not be read.

    ``exit_zero`` makes findings never fail the run; unreadable input still does.
    """
    if result.problems:
        return EXIT_USAGE
    if exit_zero:
        return EXIT_CLEAN
    threshold = FailOn(fail_on)
    return EXIT_FINDINGS if any(threshold.fails(f.severity) for f in result.findings) else EXIT_CLEAN


REPORT_DIR = Path("reports")
REPORT_NAME = "audit-report.html"
PROGRESS_MIN_FILES = 20  # smaller scans finish before a bar would be worth drawing


def _rule_patterns(option: str, values: Optional[list[str]]) -> Optional[tuple[str, ...]]:
    """Repeatable, comma-separated rule patterns; each must name at least one rule."""
    if values is None:
        return None
    patterns = tuple(part.strip() for value in values for part in value.split(",") if part.strip())
    rules = all_rules()
    for pattern in patterns:
        if not any(rule.matches(pattern) for rule in rules):
            raise UsageError(f"{option}: {pattern!r} names no rule; `audit rules` lists them")
    return patterns


def _severities(values: Optional[list[str]]) -> Optional[dict[str, Severity]]:
    """--severity RULE=LEVEL, repeatable; keyed by rule id."""
    if values is None:
        return None
    levels: dict[str, Severity] = {}
    for value in values:
        rule_name, sep, level = value.partition("=")
        rule = find_rule(all_rules(), rule_name)
        if not sep or rule is None:
            raise UsageError(f"--severity: expected RULE=LEVEL with a known rule, got {value!r}")
        try:
            levels[rule.id] = Severity.parse(level)
        except ValueError as error:
            raise UsageError(f"--severity: {error}") from None
    return levels


def reader_options(input_format: Optional[Enum], text_field: str, id_field: str, article_only: bool = False) -> ReaderOptions:
    """How files are read: --input-format, --field, --id-field, --html-article."""
    if not text_field.strip() or not id_field.strip():
        raise UsageError("--field and --id-field need a field name")
    return ReaderOptions(input_format.value if input_format else None, text_field, id_field, article_only)


def want_progress(stream) -> bool:
    """A progress bar only for people: stderr is a terminal and this is not CI."""
    if os.environ.get("CI") or os.environ.get("TERM") == "dumb":
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


class _ProgressBar:
    """rich's progress bar on stderr, started once a scan turns out to have many files."""

    def __init__(self) -> None:
        self.progress: Bar | None = None
        self.task: TaskID | None = None

    def __call__(self, done: int, total: int, path: str) -> None:
        if total < PROGRESS_MIN_FILES:
            return
        if self.progress is None or self.task is None:
            from rich.console import Console
            from rich.progress import Progress

            self.progress = Progress(console=Console(stderr=True), transient=True)
            self.progress.start()
            self.task = self.progress.add_task("scanning", total=total)
        self.progress.update(self.task, completed=done - 1, description=Path(path).name[:40])

    def close(self) -> None:
        if self.progress is not None:
            self.progress.stop()


def _write_report(result: RunResult, remember: bool) -> Path:
    """The HTML report under reports/ (created, with a .gitignore, if missing); returns its path."""
    if not REPORT_DIR.exists():
        try:
            REPORT_DIR.mkdir(parents=True)
            (REPORT_DIR / ".gitignore").write_text("# generated by `audit scan --report`\n*\n", encoding="utf-8")
        except OSError as error:
            raise UsageError(f"{REPORT_DIR}: cannot create the report directory ({error.strerror or error})") from None
    path = REPORT_DIR / REPORT_NAME
    write_output(path, render("html", result), result.paths, remember)
    return path


def _scale(paths: list[str], jobs: Optional[int], cache: bool, dask: Optional[str], parquet: Optional[Path]) -> dict:
    """run_scan's jobs, cache and dask arguments from --jobs, --cache and --dask (checked: exit 2 if unusable)."""
    from .result_cache import ResultCache
    from .runner import default_jobs

    if dask is not None or parquet is not None:
        from .dask_scan import require

        require("--dask" if dask is not None else "--parquet")  # DaskMissing: exit 2, saying what to install
    if dask is not None and "-" in paths:
        raise UsageError("--dask: standard input cannot be sent to Dask workers; name files")
    store = ResultCache(warn=lambda message: typer.echo(f"audit: {message}", err=True)) if cache and dask is None else None
    return {"jobs": jobs or default_jobs(), "cache": store, "dask": dask}


def _own_outputs(cache: bool, paths: list[str]) -> frozenset[str]:
    """Files this tool wrote in the folders ``paths`` and nobody changed since, which the scan skips (none
    with --no-cache)."""
    if not cache:
        return frozenset()
    from .outputs import still_as_written

    return still_as_written(paths)


def _write_parquet(result: RunResult, directory: Path) -> Path:
    from .parquet import write

    try:
        return write(result.findings, directory, result.signature)
    except OSError as error:
        raise UsageError(f"{directory}: cannot write Parquet ({error.strerror or error})") from None


@app.command()
def scan(
    paths: Annotated[list[str], typer.Argument(help="Files or directories to scan (recursively); - for stdin.")],
    glossary: GlossaryOption = None,
    extend_glossary: ExtendGlossaryOption = None,
    format: Annotated[FormatName, typer.Option("--format", "-f", help="Output format.")] = "text",  # type: ignore[assignment]
    output_name: Annotated[Optional[str], typer.Option("--output", "-o", help="Write the report to this file.")] = None,
    fail_on: Annotated[Optional[FailOn], typer.Option(help="Lowest severity that makes the exit code 1 (default: warning).")] = None,
    exit_zero: Annotated[bool, typer.Option("--exit-zero", help="Exit 0 even when there are findings (input errors still exit 2).")] = False,
    min_confidence: Annotated[Optional[float], typer.Option(min=0.0, max=1.0, help="Report name matches at least this sure (default: 0.7).")] = None,
    language: Annotated[Optional[str], typer.Option(help="The language the copy should be in (ISO 639-1) (default: en).")] = None,
    select: Annotated[Optional[list[str]], typer.Option(help="Run only these rules (ids, id prefixes or names; repeatable or comma-separated).")] = None,
    ignore: Annotated[Optional[list[str]], typer.Option(help="Skip these rules, on top of the configuration's ignore list.")] = None,
    severity: Annotated[Optional[list[str]], typer.Option(help="Override a rule's severity: RULE=error|warning|info; repeatable.")] = None,
    include: Annotated[Optional[list[str]], typer.Option(help="Scan only files matching these globs (replaces the configuration's).")] = None,
    exclude: Annotated[Optional[list[str]], typer.Option(help="Skip files matching these globs (replaces the configuration's).")] = None,
    config: Annotated[Optional[str], typer.Option("--config", help="Configuration file to use instead of searching upward.")] = None,
    isolated: Annotated[bool, typer.Option("--isolated", help="Ignore every configuration file.")] = False,
    baseline: Annotated[Optional[Path], typer.Option("--baseline", help="Report only findings this baseline file does not know.")] = None,
    write_baseline: Annotated[Optional[Path], typer.Option("--write-baseline", help="Record today's findings in this baseline file.")] = None,
    changed_since: Annotated[Optional[str], typer.Option("--changed-since", help="Scan only files git reports as changed since this revision.")] = None,
    report: Annotated[bool, typer.Option("--report", help=f"Also write an HTML report to {REPORT_DIR}/{REPORT_NAME}.")] = False,
    show_settings: Annotated[bool, typer.Option("--show-settings", help="Print the effective configuration and exit.")] = False,
    color: Annotated[Optional[bool], typer.Option("--color/--no-color", help="Colour text output (default: on a terminal).")] = None,
    input_format: Annotated[Optional[InputFormat], typer.Option("--input-format", help="Read every file as this format (default: by extension).")] = None,
    text_field: Annotated[str, typer.Option("--field", help="JSONL/CSV exports: the field holding the article text.")] = "body",
    id_field: Annotated[str, typer.Option("--id-field", help="JSONL/CSV exports: the field naming each record.")] = "id",
    html_article: Annotated[bool, typer.Option("--html-article", help="HTML: only the page's <article> (else <main>), not the site around it.")] = False,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help="Worker processes checking files (default: every core; 1: this process).")] = None,
    cache: Annotated[bool, typer.Option("--cache/--no-cache", help="Reuse the results of files unchanged since an earlier scan with the same settings (see README).")] = True,
    dask: Annotated[Optional[str], typer.Option("--dask", metavar="ADDRESS", help="Check files on a Dask cluster: a scheduler's address, or 'local' (docs/dask.md).")] = None,
    parquet: Annotated[Optional[Path], typer.Option("--parquet", metavar="DIR", help="Also write the findings to DIR/findings.parquet (docs/dask.md).")] = None,
    max_file_size: Annotated[Optional[str], typer.Option("--max-file-size", help="Skip (and list) files larger than this: 10MB, 500k, bytes; 0 for no limit (default: 10MB).")] = None,
) -> None:
    """Report garbled names, mistranslated names and scraper debris in PATHS."""
    output = output_path(output_name)
    settings = checked_override(
        resolve(paths, config, isolated=isolated, rules=all_rules()),
        glossaries=tuple(glossary) if glossary else None,
        extend_glossaries=tuple(extend_glossary) if extend_glossary else None,
        min_confidence=min_confidence,
        target_language=language,
        fail_on=fail_on,
        select=_rule_patterns("--select", select),
        ignore=_rule_patterns("--ignore", ignore),
        severity=_severities(severity),
        include=tuple(include) if include else None,
        exclude=tuple(exclude) if exclude else None,
        max_file_size=file_size(max_file_size),
    )
    if show_settings:
        typer.echo(describe(settings), nl=False)
        raise typer.Exit(EXIT_CLEAN)
    check_targets(output, write_baseline)  # before a long scan, not after it
    known = baselines.load(baseline) if baseline and not write_baseline else None
    only = changed_files(changed_since, paths) if changed_since is not None else None
    scale = _scale(paths, jobs, cache, dask, parquet)
    bar = _ProgressBar() if want_progress(sys.stderr) else None
    try:
        result = run_scan(list(paths), settings, baseline=known, only=only, progress=bar,
                          keep_text=report or format.value in NEEDS_TEXT,
                          reading=reader_options(input_format, text_field, id_field, html_article),
                          outputs=_own_outputs(cache, list(paths)), **scale)
    finally:
        if bar is not None:
            bar.close()
    if write_baseline:
        count = baselines.write(write_baseline, result.findings, result.signature, inputs=result.paths)
        typer.echo(f"audit: wrote {count} finding{'s' if count != 1 else ''} to baseline {write_baseline}", err=True)
        result = replace(result, findings=(), baselined=count)
    use_color = color if color is not None else (output is None and sys.stdout.isatty())
    write_output(output, render(format.value, result, color=use_color and format.value == "text"), result.paths, cache)
    if parquet is not None:
        typer.echo(f"audit: findings written to {_write_parquet(result, parquet)}", err=True)
    if report:
        typer.echo(f"audit: HTML report written to {_write_report(result, cache)}", err=True)
    for problem in result.problems:
        typer.echo(f"audit: {problem}", err=True)
    for path, reason in sorted(result.skip_reasons.items()):
        if not (reason == OWN_OUTPUT and output is not None and same_file(path, output)):
            typer.echo(f"audit: {path}: skipped: {reason}", err=True)  # (not the report this run wrote again)
    raise typer.Exit(exit_code(result, settings.fail_on, exit_zero))


@app.command("fix")
def fix(
    paths: Annotated[list[str], typer.Argument(help="Files or directories to fix (recursively).")],
    diff: Annotated[bool, typer.Option("--diff", help="Print a unified diff of the fixes and change nothing.")] = False,
    unsafe_fixes: Annotated[bool, typer.Option("--unsafe-fixes", help="Also apply unsafe fixes (debris removal, spellings guessed from the article).")] = False,
    min_confidence: Annotated[float, typer.Option(min=0.0, max=1.0, help="Apply only fixes at least this sure.")] = 0.85,
    glossary: GlossaryOption = None,
    select: Annotated[Optional[list[str]], typer.Option(help="Fix only these rules (ids, id prefixes or names).")] = None,
    ignore: Annotated[Optional[list[str]], typer.Option(help="Do not fix these rules.")] = None,
    config: Annotated[Optional[str], typer.Option("--config", help="Configuration file to use instead of searching upward.")] = None,
    isolated: Annotated[bool, typer.Option("--isolated", help="Ignore every configuration file.")] = False,
    input_format: Annotated[Optional[InputFormat], typer.Option("--input-format", help="Read every file as this format (default: by extension).")] = None,
    text_field: Annotated[str, typer.Option("--field", help="JSONL/CSV exports: the field holding the article text.")] = "body",
    id_field: Annotated[str, typer.Option("--id-field", help="JSONL/CSV exports: the field naming each record.")] = "id",
    html_article: Annotated[bool, typer.Option("--html-article", help="HTML: only the page's <article> (else <main>), not the site around it.")] = False,
) -> None:
    """Apply the suggestions of safe fixes (glossary spellings) at or above a confidence to PATHS.

    Exit code: 0 nothing to fix, 1 fixes applied (or, with --diff, available), 2 input errors.
    """
    from .fix import FixError, FixOptions, plan_fixes, write

    if "-" in paths:
        raise UsageError("audit fix works on files, not standard input")
    settings = checked_override(
        resolve(paths, config, isolated=isolated, rules=all_rules()),
        glossaries=tuple(glossary) if glossary else None,
        select=_rule_patterns("--select", select),
        ignore=_rule_patterns("--ignore", ignore),
    )
    reading = reader_options(input_format, text_field, id_field, html_article)
    result = run_scan(list(paths), settings, reading=reading)
    plans, problems = plan_fixes(result, all_rules(), FixOptions(min_confidence, unsafe_fixes), reading)
    problems = [str(problem) for problem in result.problems] + problems
    fixed = files = 0
    for plan in plans:
        if not plan.fixes:
            continue
        if diff:
            sys.stdout.write(plan.diff())
        else:
            try:
                write(plan)
            except FixError as error:
                problems.append(str(error))
                continue
            typer.echo(f"{plan.path}: fixed {len(plan.fixes)}: " + ", ".join(
                f"{fix.finding.text!r} -> {fix.finding.suggestion or ''!r}" for fix in plan.fixes))
        fixed += len(plan.fixes)
        files += 1
    left = sum(len(plan.left) for plan in plans)
    verb = "would fix" if diff else "fixed"
    summary = f"audit: {verb} {fixed} finding{'s' if fixed != 1 else ''} in {files} file{'s' if files != 1 else ''}"
    if left:
        reasons: dict[str, int] = {}
        for plan in plans:
            for _, reason in plan.left:
                reasons[reason.split(" below ")[0] if reason.startswith("confidence") else reason] = reasons.get(reason, 0) + 1
        summary += f"; {left} left: " + ", ".join(f"{count} {reason}" for reason, count in sorted(reasons.items()))
    typer.echo(summary, err=True)
    for problem in problems:
        typer.echo(f"audit: {problem}", err=True)
    raise typer.Exit(EXIT_USAGE if problems else EXIT_FINDINGS if fixed else EXIT_CLEAN)


register_commands(app)


@app.callback(invoke_without_command=True)
def _root(version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")] = False) -> None:
    if version:
        from .build import describe

        typer.echo(f"wire-audit {__version__} ({describe()})")
        raise typer.Exit(EXIT_CLEAN)


def main(argv: list[str] | None = None) -> int:
    """Console entry point: every failure becomes one line and a distinct exit code, never a traceback."""
    tolerant_streams()
    try:
        # Without standalone mode click returns an Exit's code instead of raising it.
        code = app(args=argv, standalone_mode=False)
        if isinstance(code, int):
            return code
    except typer.Exit as done:
        return done.exit_code
    except (UsageError, GlossaryError, DataFileError, ConfigError, ChangesError, baselines.BaselineError,
            DaskError) as error:
        typer.echo(f"audit: {error}", err=True)
        return EXIT_USAGE
    except typer.Abort:
        typer.echo("audit: aborted", err=True)
        return 130
    except BrokenPipeError:  # a reader of other output went away: nothing to say to anyone
        silence_stdout()
        return EXIT_USAGE
    except SystemExit as done:  # click ends a run this way (it has no business ending the caller's process)
        return done.code if isinstance(done.code, int) else EXIT_USAGE
    except Exception as error:  # noqa: BLE001 - the last line of defence
        # Bad options: click's ClickException, which newer typer releases vendor as typer._click.
        if any(cls.__name__ == "ClickException" for cls in type(error).__mro__) and hasattr(error, "show"):
            error.show()
            return EXIT_USAGE
        if os.environ.get("AUDIT_DEBUG"):
            raise
        typer.echo(f"audit: internal error: {type(error).__name__}: {error} (set AUDIT_DEBUG=1 for a traceback)", err=True)
        return EXIT_CRASH
    return EXIT_CLEAN


if __name__ == "__main__":
    sys.exit(main())
