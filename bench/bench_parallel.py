#!/usr/bin/env python3
"""Benchmark: one scan, several ways — `--jobs 1` and `--jobs 2`, a cached rescan, Dask with 1 and 2 workers.

    .venv/bin/python bench/bench_parallel.py                 # clean-bbc (if ../shared has it) and the synthetic copy
    .venv/bin/python bench/bench_parallel.py --repeat 1 --names 5000 --megabytes 1   # a quick run

Workloads: the 897 articles of ../shared/eval/clean-bbc with the bundled glossary (skipped where absent),
and the synthetic copy and glossary of bench/bench_scan.py (its generator, imported: `--names`,
`--megabytes`, default 20,000 names and 4.5 MB, about 900 articles), every rule.

Each mode runs in a fresh process (no warm caches carried from one mode to the next), `--repeat` times:

  jobs1         audit.engine.scan(jobs=1): the single process
  pair          two jobs1 processes started together, each scanning every file: what two cores of this
                machine give two independent scans. Its "vs jobs1" (2 x jobs1 / the pair's slower scan) is the
                most any two-process mode could reach here; shared virtual machines give far less than 2x
                (their two vCPUs may share a physical core, or the host may be busy), so the speedups
                of jobs2 and dask2 are also given as a share of it ("of the machine's")
  jobs2         scan(jobs=2): two worker processes, forked after the glossary index is built
  cache-first   scan(jobs=2) with an empty result cache (the cost of filling it)
  cache-rescan  the same scan again in a new process: every file a cache hit
  dask1, dask2  scan(dask=...) on a LocalCluster of 1 or 2 worker processes, started beforehand with
                each worker's glossary index built (audit.dask_scan.prepare): that start-up, as a
                long-running cluster pays it once, is shown apart

The times are the scan's wall clock (the glossary loaded and indexed before; Dask's workers index it at
start-up), and the CPU seconds every process of the scan used during it, workers included. "cores
obtained" is CPU seconds over wall seconds (the best run): near 2 when two workers had two cores, below 1
when the machine's scheduler gave this session less than a core (Linux autogroups share the CPU between
sessions, not processes: while another session is busy, two workers get no more than one process would).
Every mode's JSON report must be byte for byte the jobs1 report's; the script says so or fails (exit 1).
The machine's other load moves these numbers: run it several times and read the ranges.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_scan import make_corpus, make_glossary, write_toml  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
CLEAN_BBC = REPO.parent / "shared" / "eval" / "clean-bbc"
MODES = ("jobs1", "pair", "jobs2", "cache-first", "cache-rescan", "dask1", "dask2")
TARGET = 1.7  # jobs2 and dask2 against jobs1


def measure(mode: str, articles: str, glossary: str, cache_dir: str) -> dict:
    """In the child: build the context, run one mode's scan, report its time and the report's hash."""
    from audit.config import Settings
    from audit.engine import build_context, scan
    from audit.reporters import render
    from audit.result_cache import ResultCache

    settings = Settings(glossaries=(glossary,)) if glossary else Settings()
    started = time.perf_counter()
    context = build_context(settings)
    index = time.perf_counter() - started
    startup = 0.0
    cluster = client = None
    if mode.startswith("dask"):
        from distributed import Client, LocalCluster

        from audit.dask_scan import Job, prepare

        started = time.perf_counter()
        cluster = LocalCluster(n_workers=int(mode[-1]), threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
        prepare(client, Job.make(settings, context.glossary))  # each worker's glossary index: start-up
        startup = time.perf_counter() - started
    try:
        cache = ResultCache(cache_dir) if mode.startswith("cache") else None
        jobs = 2 if mode in ("jobs2", "cache-first", "cache-rescan") else 1
        before, workers_before = os.times(), _workers_cpu(client)
        started = time.perf_counter()
        result = scan([articles], settings, context=context, jobs=jobs, cache=cache,
                      dask=cluster.scheduler_address if cluster else None)
        seconds = time.perf_counter() - started
        workers = _workers_cpu(client) - workers_before  # Dask workers: their CPU during the scan only
    finally:
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()
    after = os.times()  # forked workers' time counts once they have ended (the pool is shut down)
    # Dask's worker processes are children too, counted whole once the cluster closes: their scan's share is
    # what they reported themselves.
    fields = ("user", "system") if cluster is not None else ("user", "system", "children_user", "children_system")
    cpu = workers + sum(getattr(after, field) - getattr(before, field) for field in fields)
    report = render("json", result)
    return {"mode": mode, "seconds": seconds, "cpu": cpu, "index": index, "startup": startup, "files": result.files_scanned,
            "findings": len(result.findings), "digest": hashlib.sha256(report.encode()).hexdigest(),
            "hits": cache.hits if cache else 0}


def _workers_cpu(client: object) -> float:
    """CPU seconds the Dask workers have used so far (0 without Dask)."""
    if client is None:
        return 0.0
    return sum(client.run(time.process_time).values())  # type: ignore[attr-defined]


def run_mode(mode: str, articles: Path, glossary: str, cache_dir: Path) -> dict:
    if mode == "pair":
        return run_pair(articles, glossary, cache_dir)
    command = [sys.executable, __file__, "--measure", mode, str(articles), glossary, str(cache_dir)]
    child = subprocess.run(command, capture_output=True, text=True)
    if child.returncode != 0:
        sys.stderr.write(child.stderr)
        raise SystemExit(f"{mode} failed")
    return json.loads(child.stdout.strip().splitlines()[-1])


def run_pair(articles: Path, glossary: str, cache_dir: Path) -> dict:
    """Two jobs1 scans in two processes at once: the slower one's time, both processes' CPU."""
    command = [sys.executable, __file__, "--measure", "jobs1", str(articles), glossary, str(cache_dir)]
    children = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [child.communicate() for child in children]
    if any(child.returncode != 0 for child in children):
        sys.stderr.write("".join(error for _, error in outputs))
        raise SystemExit("pair failed")
    measured = [json.loads(out.strip().splitlines()[-1]) for out, _ in outputs]
    if measured[0]["digest"] != measured[1]["digest"]:
        raise SystemExit("pair: the two scans gave different reports")
    slower = max(measured, key=lambda one: one["seconds"])
    return {**slower, "mode": "pair", "cpu": sum(one["cpu"] for one in measured)}


def workload(name: str, articles: Path, glossary: str, repeat: int, work: Path) -> list[str]:
    """Time every mode on one workload; the table's rows."""
    megabytes = sum(path.stat().st_size for path in articles.rglob("*") if path.is_file()) / 1e6
    times: dict[str, list[float]] = {mode: [] for mode in MODES}
    cpu: dict[str, list[float]] = {mode: [] for mode in MODES}
    startup: list[float] = []
    reference = ""
    findings = files = 0
    for attempt in range(repeat):
        cache_dir = work / f"cache-{name}-{attempt}"
        for mode in MODES:
            measured = run_mode(mode, articles, glossary, cache_dir)
            reference = reference or measured["digest"]
            if measured["digest"] != reference:
                raise SystemExit(f"{name}: {mode} gave a different report from jobs1")
            if mode == "cache-rescan" and measured["hits"] != measured["files"]:
                raise SystemExit(f"{name}: the rescan hit {measured['hits']} of {measured['files']} files")
            times[mode].append(measured["seconds"])
            cpu[mode].append(measured["cpu"])
            if mode.startswith("dask"):
                startup.append(measured["startup"])
            findings, files = measured["findings"], measured["files"]
            print(f"  {name} {mode:13} {measured['seconds']:6.2f} s", file=sys.stderr, flush=True)
    rows = []
    base = min(times["jobs1"])
    ceiling = 2 * base / min(times["pair"])  # two scans' work in the pair's time
    for mode in MODES:
        low, high = min(times[mode]), max(times[mode])
        span = f"{low:.2f}" if repeat == 1 else f"{low:.2f}-{high:.2f}"
        speedup = ceiling if mode == "pair" else base / low
        share = f"{speedup / ceiling:.0%}" if mode in ("pair", "jobs2", "dask2") else ""
        rows.append(f"| {name} | {files} files, {megabytes:.1f} MB | {mode} | {span} s | {speedup:.2f}x | {share} | "
                    f"{megabytes * (2 if mode == 'pair' else 1) / low:.2f} MB/s | {min(cpu[mode]):.1f} s | "
                    f"{cores(cpu[mode], times[mode]):.2f} |")
    print(f"{name}: {findings} findings, identical in every mode; Dask start-up (cluster "
          f"and glossary index on each worker) {min(startup):.1f}-{max(startup):.1f} s (not in the times)", file=sys.stderr)
    speedups = {mode: base / min(times[mode]) for mode in ("jobs2", "dask2")}
    print(f"{name}: two independent jobs1 scans at once ran {ceiling:.2f}x one alone: the most two processes get "
          "on this machine now", file=sys.stderr)
    for mode, speedup in speedups.items():
        verdict = "met" if speedup >= TARGET else "NOT met"
        print(f"{name}: {mode} {speedup:.2f}x jobs1, {speedup / ceiling:.0%} of the machine's {ceiling:.2f}x "
              f"(target >= {TARGET}x: {verdict})", file=sys.stderr)
    return rows


def cores(cpu: list[float], wall: list[float]) -> float:
    """CPU seconds over wall seconds, at best: how many cores the mode got."""
    return max(used / seconds for used, seconds in zip(cpu, wall))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs of every mode (default 3); the table shows ranges")
    parser.add_argument("--names", type=int, default=20_000, help="synthetic glossary entries (default 20,000)")
    parser.add_argument("--megabytes", type=float, default=4.5, help="synthetic copy (default 4.5 MB, ~900 articles)")
    parser.add_argument("--seed", type=int, default=20201027)
    parser.add_argument("--clean-bbc", type=Path, default=CLEAN_BBC, help=f"the clean-bbc articles (default {CLEAN_BBC})")
    parser.add_argument("--measure", nargs=4, metavar=("MODE", "ARTICLES", "GLOSSARY", "CACHE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure:
        mode, articles, glossary, cache_dir = args.measure
        print(json.dumps(measure(mode, articles, glossary, cache_dir)))
        return 0
    try:
        import distributed  # noqa: F401
    except ImportError:
        print("bench_parallel needs the 'dask' extra: pip install -e '.[dask]'", file=sys.stderr)
        return 2
    from audit.build import describe

    print(f"wire-audit build: {describe()} (audit/build.py)", file=sys.stderr, flush=True)
    work = Path(tempfile.mkdtemp(prefix="audit-bench-parallel-"))
    rows = ["| workload | copy | mode | scan (wall) | vs jobs1 | of the machine's | throughput | CPU, all processes | "
            "cores obtained |", "|---|---|---|---|---|---|---|---|---|"]
    try:
        if args.clean_bbc.is_dir():
            rows += workload("clean-bbc", args.clean_bbc, "", args.repeat, work)
        else:
            print(f"skipped clean-bbc: {args.clean_bbc} is absent", file=sys.stderr)
        rng = random.Random(args.seed)
        entries = make_glossary(rng, args.names)
        glossary = work / "glossary.toml"
        write_toml(entries, glossary)
        articles = work / "articles"
        articles.mkdir()
        make_corpus(rng, entries, args.megabytes, 0.03, articles)
        rows += workload(f"synthetic {args.names // 1000}k names", articles, str(glossary), args.repeat, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
