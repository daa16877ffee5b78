"""Worker processes for ``--jobs``: each checks batches of files the scanning process has read.

Each worker builds the scan's context once (glossary index, matcher). Where the platform forks, workers
inherit the scanning process's context as it stands (nothing is pickled or rebuilt); elsewhere they are
spawned and build it from the settings and the glossary, pickled once per worker. The caller
(audit/runner.py) keeps the results in scan order, so the output is the single process's.
"""
from __future__ import annotations

import multiprocessing
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from types import TracebackType

from .checks.base import Context
from .config import Settings
from .glossary import Glossary
from .readers import ReaderOptions
from .units import FileResult, check_file, check_files

Batch = list[tuple[str, bytes | None]]  # (path, bytes if already read) of files to check together


@dataclass(frozen=True)
class Recipe:
    """How a spawned worker makes the scan's context: the settings and the glossary already loaded."""

    settings: Settings
    glossary: Glossary


_context: Context | None = None  # the worker's context, made once by _start


def _start(made: Context | Recipe) -> None:
    global _context
    if isinstance(made, Recipe):
        from .engine import build_context

        made = build_context(made.settings, made.glossary)
    _context = made.for_scan()


def _check_batch(batch: Batch, reading: ReaderOptions | None, keep_text: bool) -> list[FileResult]:
    assert _context is not None, "worker used before its initializer ran"
    return list(check_files(batch, _context, reading, keep_text))


# A few lines that take every check down its lazily loaded paths (word lists, language profiles, scripts).
# Dask workers run them as they start (audit/dask_scan.py), before the scan's first task. Forked workers do
# not: warming up the scanning process before it forks would load, one after the other, what each worker
# loads by itself, in parallel, only if its files need it (measured: --jobs 2 on 897 BBC articles 1.35x
# with the warm-up, 1.75x without).
WARM_UP = (
    "Minister Anna Petrosyan met the mayor of Lyon on Monday, the agency said.\n\n"
    "Die Regierung hat das Gesetz am Dienstag beschlossen und will es im Herbst prüfen.\n\n"
    "Президент выступил с заявлением. Source link [ad_1]\n"
)


def warm_up(context: Context) -> None:
    """Run every enabled check once on WARM_UP, with a scan state of its own (its findings are dropped)."""
    check_file("warm-up.txt", WARM_UP.encode("utf-8"), context.for_scan())


class Workers:
    """A pool of ``jobs`` worker processes checking batches of files with one scan's context."""

    def __init__(self, context: Context, jobs: int, reading: ReaderOptions | None, keep_text: bool) -> None:
        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        made: Context | Recipe = context if method == "fork" else Recipe(context.settings, context.glossary)
        self.jobs = jobs
        self.reading, self.keep_text = reading, keep_text
        self.pool = ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context(method),
                                        initializer=_start, initargs=(made,))
        # Start the workers now, before the scan reads its first file: the CLI's progress bar starts a thread
        # then, and a process should not fork while another thread may hold a lock (of stderr, say).
        self.pool.submit(int).result()

    def submit(self, batch: Batch) -> Future[list[FileResult]]:
        return self.pool.submit(_check_batch, batch, self.reading, self.keep_text)

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        self.pool.shutdown(wait=error is None, cancel_futures=error is not None)
