"""Each file of a scan to its result, in scan order: from the result cache, this process or worker processes.

The scanning process reads every file (a hash of its bytes is the cache's key), takes what the cache knows,
and checks the rest itself or in ``--jobs`` workers (audit/parallel.py), keeping the results in the order
of the files so the merge downstream sees exactly what a single process would.
"""
from __future__ import annotations

import hashlib
import os
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .checks.base import Context
from .documents import DocumentError, read_bytes, read_stdin
from .readers import ReaderOptions
from .result_cache import CacheSession, ResultCache
from .units import LOOK_AHEAD, FileResult, check_files, read_problem

if TYPE_CHECKING:  # concurrent.futures and multiprocessing only for scans in workers (audit/parallel.py)
    from concurrent.futures import Future

# Called with (files done, files in all, path) as each file is read: the CLI draws a progress bar.
Progress = Callable[[int, int, str], None]

# Fewer files than this are checked in the scanning process: starting workers would cost more than it saves.
MIN_PARALLEL_FILES = 16
# A batch goes to a worker when it holds this many files or bytes: few round trips, little idling at the end.
BATCH_FILES = 8
BATCH_BYTES = 64 * 1024
IN_FLIGHT = 4  # batches queued per worker: enough to keep each busy, few enough to bound memory
WINDOW_LIMIT = 64  # results (cache hits among files to check) this process holds back at most, to keep order


@dataclass(frozen=True)
class FileOptions:
    """How a scan's files are read and checked."""

    reading: ReaderOptions | None = None
    keep_text: bool = False  # the report shows the copy: results carry it (and the cache is not used)
    jobs: int = 1  # worker processes (with ``dask="local"``: the LocalCluster's workers)
    stdin: Callable[[], bytes] | None = None
    dask: str | None = None  # a Dask scheduler's address, or "local": the files are checked on its workers
    max_size: int | None = None  # standard input over this many bytes is refused (files are sized when listed)


@dataclass
class _Slot:
    """One file: its result if already known (a read error, a cache hit), else what to check (its bytes when
    they were read here for the cache or from standard input; None: whoever checks it reads it)."""

    path: str
    data: bytes | None
    digest: str = ""
    result: FileResult | None = None


def default_jobs() -> int:
    """Every core this process may run on: ``--jobs``' default."""
    counted = getattr(os, "process_cpu_count", None)  # Python 3.13+
    if counted is not None:
        return max(1, counted() or 1)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def file_results(files: list[str], context: Context, options: FileOptions, cache: ResultCache | None = None,
                 progress: Progress | None = None) -> Iterator[FileResult]:
    """Each file's result, in the order of ``files``."""
    if options.dask is not None:
        yield from _on_dask(files, context, options, progress)
        return
    session = cache.open(context, options.reading) if cache is not None and not options.keep_text else None
    try:
        slots = _slots(files, options, session, progress)
        if options.jobs <= 1 or _to_check(files, session) < MIN_PARALLEL_FILES:
            yield from _here(slots, context.for_scan(), options, session)
        else:
            yield from _in_workers(slots, context, options, session)
    finally:
        if session is not None:
            session.close()


def _to_check(files: list[str], session: CacheSession | None) -> int:
    """How many files the cache does not know, counted up to MIN_PARALLEL_FILES: a rescan whose changed files
    are few checks them here rather than start workers (one more read and hash of each file it knows)."""
    if session is None or "-" in files:
        return len(files)
    unknown = 0
    for path in files:
        try:
            data = read_bytes(path)
        except DocumentError:
            continue  # reported when the scan reads it
        if not session.knows(path, hashlib.sha256(data).hexdigest()):
            unknown += 1
            if unknown >= MIN_PARALLEL_FILES:
                break
    return unknown


def _on_dask(files: list[str], context: Context, options: FileOptions, progress: Progress | None) -> Iterator[FileResult]:
    from .dask_scan import scan_files

    assert options.dask is not None
    for done, result in enumerate(scan_files(files, context, options.dask, options.jobs, options.reading, options.keep_text), 1):
        if progress:
            progress(done, len(files), result.path)
        yield result


def _slots(files: list[str], options: FileOptions, session: CacheSession | None,
           progress: Progress | None) -> Iterator[_Slot]:
    for done, path in enumerate(files, 1):
        if progress:
            progress(done, len(files), path)
        if session is None and path != "-":
            yield _Slot(path, None)  # read by whoever checks it: a worker reads its own files
            continue
        try:
            if path == "-":
                data = options.stdin() if options.stdin else read_stdin(options.max_size)
                if options.max_size and len(data) > options.max_size:
                    raise DocumentError(f"<stdin>: larger than --max-file-size ({options.max_size} bytes); not read")
            else:
                data = read_bytes(path)
        except DocumentError as error:
            yield _Slot(path, None, result=FileResult(path, problems=[read_problem(path, error)]))
            continue
        if session is None:
            yield _Slot(path, data)
            continue
        digest = hashlib.sha256(data).hexdigest()
        yield _Slot(path, data, digest, session.get(path, digest))


def _here(slots: Iterator[_Slot], context: Context, options: FileOptions,
          session: CacheSession | None) -> Iterator[FileResult]:
    """The results in this process, in order; files to check are checked LOOK_AHEAD at a time (check_files).
    A cache hit with no file waiting before it is passed on at once: a rescan holds no results back."""
    window: list[_Slot] = []
    waiting = 0  # files of the window still to check
    for slot in slots:
        if slot.result is not None and not waiting:
            yield slot.result
            continue
        window.append(slot)
        waiting += slot.result is None
        if waiting == LOOK_AHEAD or len(window) == WINDOW_LIMIT:
            yield from _checked_here(window, context, options, session)
            window, waiting = [], 0
    yield from _checked_here(window, context, options, session)


def _checked_here(window: list[_Slot], context: Context, options: FileOptions,
                  session: CacheSession | None) -> Iterator[FileResult]:
    to_check = [slot for slot in window if slot.result is None]
    checked = check_files([(slot.path, slot.data) for slot in to_check], context, options.reading, options.keep_text)
    for slot, result in zip(to_check, checked, strict=True):
        slot.result, slot.data = result, None
        if session is not None:
            session.put(slot.path, slot.digest, result)
    for slot in window:
        assert slot.result is not None
        yield slot.result


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0  # the worker reports it


def _in_workers(slots: Iterator[_Slot], context: Context, options: FileOptions,
                session: CacheSession | None) -> Iterator[FileResult]:
    from .parallel import Workers  # multiprocessing only for scans that use it

    queue: deque[FileResult | tuple[Future[list[FileResult]], list[_Slot]]] = deque()
    batch: list[_Slot] = []
    size = in_flight = 0
    with Workers(context, options.jobs, options.reading, options.keep_text) as workers:

        def flush() -> None:
            nonlocal batch, size, in_flight
            if batch:
                queue.append((workers.submit([(slot.path, slot.data) for slot in batch]), batch))
                for slot in batch:
                    slot.data = None  # the worker has it now
                batch, size, in_flight = [], 0, in_flight + 1

        def take() -> Iterator[FileResult]:
            nonlocal in_flight
            head = queue.popleft()
            if isinstance(head, FileResult):
                yield head
                return
            future, done = head
            in_flight -= 1
            for slot, result in zip(done, future.result(), strict=True):
                if session is not None:
                    session.put(slot.path, slot.digest, result)
                yield result

        for slot in slots:
            if slot.result is not None:
                flush()  # keeps the order: files read before this one are checked first
                queue.append(slot.result)
            else:
                batch.append(slot)
                size += len(slot.data) if slot.data is not None else _size(slot.path)
                if size >= BATCH_BYTES or len(batch) >= BATCH_FILES:
                    flush()
            while queue and (isinstance(queue[0], FileResult) or in_flight >= options.jobs * IN_FLIGHT):
                yield from take()
        flush()
        while queue:
            yield from take()
