"""Archive scale on Dask: the same checks on a cluster's workers, findings identical to a local scan.

Two ways in (docs/dask.md):

- ``audit scan ARCHIVE --dask tcp://scheduler:8786`` (or ``--dask local`` for a LocalCluster on this
  machine): the files are listed here, read and checked on the workers (which must see them at the same
  paths), and each file's result (findings, suppression markers, corpus notes: never the copy) comes back
  here, where the results are merged in scan order exactly as a local scan merges them; AUD302's corpus
  pass runs here over the articles' notes. Any report format works, and ``--parquet DIR`` writes the
  findings for DuckDB.
- ``scan_bag(bag_of_documents, settings)``: a lazy bag of findings. Per-document results are merged by one
  task (the notes and findings only), so the bag's findings are those of a local scan of the documents.

The glossary is loaded once, where the scan starts, and shipped to the workers inside the task graph: the
workers need the same wire-audit version, not the glossary file. dask[distributed] and pyarrow are an
optional extra (``pip install 'wire-audit[dask]'``); without them ``audit scan --dask`` says so (exit 2).
"""
from __future__ import annotations

import gc
import hashlib
import math
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from . import units
from .checks.base import Context
from .config import Settings
from .documents import Document
from .gc_pause import paused_gc
from .glossary import Glossary, load_glossaries
from .model import Finding
from .readers import ReaderOptions
from .units import FileResult, check_document, enabled_checks

if TYPE_CHECKING:
    import dask.bag
    from distributed import Client, Future

CONNECT_SECONDS = 10
CHUNK_FILES = 48  # files a task checks at most: worth a task (~150 ms), small enough to balance the load
TASKS_PER_THREAD = 4  # tasks queued per worker thread


class DaskError(Exception):
    """The Dask cluster cannot be used (not reachable, other versions on its workers): one line for the user."""


class DaskMissing(DaskError):
    """Dask (or pyarrow) is not installed: the message says how to install it."""


class DaskMismatch(DaskError):
    """A worker runs another wire-audit than the client: its findings could differ, so none are taken."""


def tool_version() -> str:
    """This process's wire-audit: version and a hash of its code and data (audit.result_cache.code_digest)."""
    from . import __version__
    from .result_cache import code_digest

    return f"{__version__}+{code_digest()}"


def check_versions(client: Client, here: str | None = None) -> None:
    """Raise DaskMismatch unless every worker runs ``here`` (default: this process's wire-audit)."""
    here = here or tool_version()
    try:
        there = client.run(tool_version)
    except ImportError as error:  # the function cannot even be unpickled: no wire-audit on the worker
        raise DaskMismatch(f"a Dask worker cannot import wire-audit ({error}); install wire-audit {here} there") from None
    wrong = sorted(worker for worker, version in there.items() if version != here)
    if wrong:
        more = f" (and {len(wrong) - 1} more workers)" if len(wrong) > 1 else ""
        raise DaskMismatch(f"Dask worker {wrong[0]} runs wire-audit {there[wrong[0]]}, this client {here}{more}: "
                           "install the same on every worker")


def require(feature: str = "--dask") -> None:
    """Raise DaskMissing unless dask.bag, distributed and pyarrow can be imported."""
    try:
        import dask.bag  # noqa: F401
        import distributed  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError as error:
        raise DaskMissing(f"{feature} needs dask[distributed] and pyarrow ({error.name} is not installed): "
                          "pip install 'wire-audit[dask]'") from None


@dataclass(frozen=True)
class Job:
    """What a worker needs to check documents as the scan would: settings, the loaded glossary, how files are
    read. ``key`` names it, so a worker builds the context once per job, not once per task."""

    settings: Settings
    glossary: Glossary
    reading: ReaderOptions | None = None
    keep_text: bool = False  # results carry the copy, for reports that show it
    key: str = ""

    @classmethod
    def make(cls, settings: Settings, glossary: Glossary | None = None, reading: ReaderOptions | None = None,
             keep_text: bool = False) -> Job:
        from .provenance import glossary_digest

        glossary = glossary if glossary is not None else load_glossaries(settings.glossaries, settings.extend_glossaries)
        key = hashlib.sha256(f"{glossary_digest(glossary)}|{settings!r}|{reading!r}".encode()).hexdigest()
        return cls(settings, glossary, reading, keep_text, key)


_contexts: dict[str, Context] = {}  # on each worker: job key -> its context (glossary index, matcher)


def context_for(job: Job) -> Context:
    """The job's context, built on this worker the first time a task of the job runs here."""
    context = _contexts.get(job.key)
    if context is None:
        from .engine import build_context

        _contexts.clear()  # one job at a time per worker: an old matcher's memory is given back
        context = _contexts[job.key] = build_context(job.settings, job.glossary)
        # The index's millions of objects live as long as the worker. Between tasks the garbage collector
        # runs (Dask's own work allocates), and would walk them every time: frozen, it leaves them alone
        # (two workers on 5 MB: 15% less CPU).
        gc.freeze()
    return context


# The tasks pause the cyclic garbage collector as a local scan does (audit/gc_pause.py): checking creates
# millions of short-lived acyclic objects, and the collector walking them costs a third of the time.

def _check_paths(paths: Iterable[str], job: Job) -> list[FileResult]:
    with paused_gc():
        context = context_for(job).for_scan()
        return list(units.check_files(((path, None) for path in paths), context, job.reading, job.keep_text))


def _check_documents(documents: Iterable[Document], job: Job) -> list[FileResult]:
    results = []
    with paused_gc():
        context = context_for(job).for_scan()
        enabled = enabled_checks(context)
        for document in documents:
            result = FileResult(document.path)
            check_document(document, context, enabled, result)
            results.append(result)
    return results


def _merge(job: Job, *partitions: list[FileResult]) -> list[Finding]:
    from .engine import merge_results

    with paused_gc():
        context = context_for(job)
        results = (result for partition in partitions for result in partition)
        return list(merge_results(results, context, job.settings, [], []).findings)


def scan_bag(documents: dask.bag.Bag, settings: Settings | None = None, *, glossary: Glossary | None = None) -> dask.bag.Bag:
    """A lazy bag of the findings of a bag of ``Document``s (``Document.from_text(path, text)``).

    The findings are those ``audit.engine.scan`` reports for the same documents, in its order: per-document
    checks run partition by partition on the workers; one final task merges their results (findings,
    markers, the corpus checks' notes: no text) and runs the corpus checks and suppressions. The glossary
    (default: the settings') is loaded here and travels in the graph.
    """
    import dask
    import dask.bag

    made = Job.make(settings or Settings(), glossary)
    # Named, not hashed: dask would otherwise walk the whole glossary to name it, and traverse it for collections.
    job = dask.delayed(made, name=f"wire-audit-job-{made.key}", traverse=False)
    parts = documents.map_partitions(_check_documents, job).to_delayed()
    merged = dask.delayed(_merge, pure=True)(job, *parts)
    return dask.bag.from_delayed([merged])


def connect(address: str, workers: int) -> Client:
    """A client of the scheduler at ``address``, or of a new LocalCluster of ``workers`` processes for 'local'."""
    from distributed import Client, LocalCluster

    if address == "local":
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
        return Client(cluster)
    try:
        return Client(address, timeout=CONNECT_SECONDS)
    except (OSError, ValueError) as error:  # refused, timed out, not an address
        raise DaskError(f"--dask: cannot reach a Dask scheduler at {address} ({type(error).__name__}: {error})") from None


def check_files(files: list[str], job: Job, client: Client) -> Iterator[FileResult]:
    """Each file's result, in the order of ``files``, checked on the client's workers.

    The job (settings and glossary) is sent to every worker once; tasks of CHUNK_FILES files each are
    submitted a window at a time, enough to keep every worker thread busy, and their results taken in
    order, so the client holds a bounded number of results whatever the archive's size.
    """
    if not files:
        return
    check_versions(client)
    threads = sum(client.nthreads().values()) or 1
    size = max(1, min(CHUNK_FILES, math.ceil(len(files) / (threads * TASKS_PER_THREAD))))
    chunks = (files[start : start + size] for start in range(0, len(files), size))
    shipped = prepare(client, job)
    window: deque[Future] = deque()
    for chunk in chunks:
        window.append(client.submit(_check_paths, chunk, shipped, pure=False))
        if len(window) >= threads * TASKS_PER_THREAD:
            yield from _taken(window.popleft())
    while window:
        yield from _taken(window.popleft())


def prepare(client: Client, job: Job) -> Future:
    """Send the job to every worker and have each build its context (glossary index, the checks' data) at
    once, in parallel, rather than on its first task; returns the job's future for the tasks."""
    from distributed import wait

    shipped = client.scatter(job, broadcast=True, hash=False)
    workers = list(client.nthreads())  # every worker's address
    wait([client.submit(_prepare, shipped, workers=[worker], allow_other_workers=False, pure=False)
          for worker in workers])
    return shipped


def _prepare(job: Job) -> None:
    from .parallel import warm_up

    with paused_gc():
        warm_up(context_for(job))


def _taken(future: Future) -> list[FileResult]:
    results: list[FileResult] = future.result()
    future.release()
    return results


def scan_files(files: list[str], context: Context, address: str, workers: int,
               reading: ReaderOptions | None = None, keep_text: bool = False) -> Iterator[FileResult]:
    """``check_files`` with a client made for the scan and closed after it."""
    client = connect(address, workers)
    try:
        yield from check_files(files, Job.make(context.settings, context.glossary, reading, keep_text), client)
    finally:
        cluster = client.cluster if address == "local" else None
        client.close()
        if cluster is not None:
            cluster.close()


def to_parquet(findings: dask.bag.Bag, directory: str | Path, signature: str = "") -> list[Path]:
    """Write a bag of findings as Parquet, one file a partition (``part-00000.parquet`` ...), by the workers
    (``directory`` must be where they can write: a shared file system); returns the files written."""
    import dask

    writes = [dask.delayed(_write_part, pure=False)(part, str(directory), f"part-{index:05d}.parquet", signature)
              for index, part in enumerate(findings.to_delayed())]
    return list(dask.compute(*writes))


def _write_part(findings: list[Finding], directory: str, name: str, signature: str) -> Path:
    from .parquet import write

    return write(findings, directory, signature, name)
