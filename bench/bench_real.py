#!/usr/bin/env python3
"""Benchmark on real copy and a real big glossary, against an exact scan of the same names. One command.

    .venv/bin/python bench/bench_real.py                          # 1k, 5k, 20k, 50k GeoNames names (minutes)
    .venv/bin/python bench/bench_real.py --names 50000 --repeat 3 --corpus synthetic
    .venv/bin/python bench/bench_real.py --names 1000,50000 --cached-index    # as a second `audit scan` runs
    .venv/bin/python bench/bench_real.py --names 50000 --corpus synthetic --warm   # the copy scanned a second time

Glossaries: the first N names of bench/geonames_glossary.py (continents, countries, US states, cities by
population; a smaller list is a prefix of a bigger one). Copy: the edited BBC articles of
../shared/eval/clean-bbc (skipped with a message when absent) and bench/bench_scan.py's synthetic news copy
(its generator, imported; 5 MB by default, same seed, so the same text).

For every corpus, glossary size and rule set (the name rules AUD101-AUD104 alone, then every rule), two
fresh processes pinned to one core (os.sched_setaffinity), one after the other:

* **audit**: load the glossary, build the matcher (audit.engine.build_context), scan the files
  (audit.engine.scan), as `audit scan` does, under one pause of the garbage collector;
* **exact**: an Aho-Corasick automaton (pyahocorasick) of the same glossary's accepted forms, built and run
  over the same files (read from disk), keeping the hits that stand as whole words, case as written.

It prints, and with ``--markdown`` writes, a table of megabytes per second, the ratio of the audit's time to
the exact scan's, the cost of the glossary's size (time at N names over time at the smallest N) and each
process's peak resident memory. ``--repeat`` runs each measure again and shows the range. With
``--cached-index`` the audit's load + index are those of a second `audit scan` with the same glossary: the
matcher read back from the cache folder (audit/context_cache.py) an untimed first run wrote. With ``--warm``
the audit scans the copy twice with the same matcher and the table gives the second scan alone (load and index
0): every word of the copy judged already, as for the later files of a big archive whose names recur. What is
left is the work done at every occurrence (tokens, phrases, the walk, the case check), the floor any cache of
judgments could reach.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

BBC = ROOT.parent / "shared" / "eval" / "clean-bbc"
NAME_RULES = "AUD101,AUD102,AUD103,AUD104"
RULE_SETS = {"name rules": NAME_RULES, "every rule": ""}


# -- the measured processes ----------------------------------------------------------------------------
def pin_to_one_core() -> None:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})


def peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 if sys.platform != "darwin" else peak / (1024 * 1024)


def corpus_files(paths: list[str]) -> list[Path]:
    return sorted(file for path in paths for file in Path(path).rglob("*.txt"))


def measure_audit(glossary_path: str, select: str, paths: list[str], profile: int = 0,
                  index_cache: str | None = None, warm: bool = False) -> dict:
    """load + index + scan, as `audit scan` runs them (start-up is not counted: see the README). With
    ``index_cache``, load + index as a second `audit scan` does them: the glossary and its matcher read back
    from that folder (audit/context_cache.py; a glossary under 5,000 names is built, as there)."""
    import cProfile
    import io
    import pstats

    pin_to_one_core()
    from bench_scan import reference_seconds

    from audit.config import Settings
    from audit.engine import build_context, scan
    from audit.gc_pause import paused_gc
    from audit.glossary import load_glossary

    yardstick = reference_seconds()
    settings = Settings(glossaries=(glossary_path,), select=tuple(r for r in select.split(",") if r))
    profiler = cProfile.Profile() if profile else None
    with paused_gc():
        if profiler:
            profiler.enable()
        started = time.perf_counter()
        if index_cache:
            from audit.context_cache import cached_context

            context = cached_context(settings, Path(index_cache))
            loaded = started
        else:
            glossary = load_glossary(Path(glossary_path))
            loaded = time.perf_counter()
            context = build_context(settings, glossary)
        indexed = time.perf_counter()
        result = scan(paths, settings, context=context)
        done = time.perf_counter()
        if warm:  # the same copy again, every word judged already: the second scan alone is reported
            started = loaded = indexed = time.perf_counter()
            result = scan(paths, settings, context=context)
            done = time.perf_counter()
        if profiler:
            profiler.disable()
    report = {"load": loaded - started, "index": indexed - loaded, "scan": done - indexed, "total": done - started,
              "findings": len(result.findings), "files": result.files_scanned, "peak_rss_mb": peak_rss_mb(),
              "yardstick": yardstick}
    if profiler:
        buffer = io.StringIO()
        pstats.Stats(profiler, stream=buffer).sort_stats("cumulative").print_stats(profile)
        report["profile"] = buffer.getvalue()
    return report


def measure_exact(glossary_path: str, paths: list[str]) -> dict:
    """An exact scan of the glossary's accepted forms: build the automaton, read and search every file."""
    from audit.glossary import load_glossary
    pin_to_one_core()
    forms = sorted({text for entry in load_glossary(Path(glossary_path)).entries for text in entry.accepted})
    started = time.perf_counter()
    hits, built = exact_scan(forms, corpus_files(paths))
    done = time.perf_counter()
    return {"build": built - started, "total": done - started, "hits": hits, "forms": len(forms),
            "peak_rss_mb": peak_rss_mb()}


def exact_scan(forms: list[str], files: list[Path]) -> tuple[int, float]:
    """Whole-word occurrences of the forms (case as written) in the files, and when the automaton was built."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for form in forms:
        automaton.add_word(form, len(form))
    automaton.make_automaton()
    built = time.perf_counter()
    hits = 0
    for file in files:
        text = file.read_text(encoding="utf-8")
        size = len(text)
        for end, length in automaton.iter(text):
            start = end - length + 1
            # A whole word: no letter or digit just before or after the form.
            if (start == 0 or not text[start - 1].isalnum()) and (end + 1 == size or not text[end + 1].isalnum()):
                hits += 1
    return hits, built


def child(kind: str, glossary: Path, select: str, paths: list[str], profile: int = 0,
          index_cache: Path | None = None, warm: bool = False) -> dict:
    command = [sys.executable, __file__, f"--measure-{kind}", str(glossary), select or "-", *paths]
    if profile:
        command += ["--profile", str(profile)]
    if index_cache:
        command += ["--index-cache", str(index_cache)]
    if warm:
        command += ["--warm"]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{kind} measure failed:\n{done.stderr}")
    return json.loads(done.stdout)


# -- inputs ----------------------------------------------------------------------------------------------
def geonames_glossary(work: Path, names: int) -> Path:
    path = work / f"geonames{names}.csv"
    if not path.exists():
        import geonames_glossary as geonames
        geonames.main(["--names", str(names), "-o", str(path)])
    return path


def synthetic_corpus(work: Path, megabytes: float) -> Path:
    """bench_scan.py's default copy (its seed and generator): news-like text dense in names."""
    articles = work / f"synthetic-{megabytes:g}MB"
    if not (articles / "done").exists():
        import bench_scan
        articles.mkdir(parents=True, exist_ok=True)
        rng = random.Random(20201027)
        entries = bench_scan.make_glossary(rng, 50_000)
        bench_scan.make_corpus(rng, entries, megabytes, 0.03, articles)
        (articles / "done").write_text("")
    return articles


def corpora(work: Path, chosen: list[str], megabytes: float, bbc: Path) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    if "bbc" in chosen:
        if bbc.is_dir():
            found["clean-bbc"] = [str(path) for path in sorted(bbc.iterdir()) if path.is_dir()]
        else:
            print(f"skipped clean-bbc: {bbc} is absent", file=sys.stderr)
    if "synthetic" in chosen:
        found["synthetic"] = [str(synthetic_corpus(work, megabytes))]
    return found


# -- the table ---------------------------------------------------------------------------------------------
def span(values: list[float], digits: int = 1) -> str:
    low, high = min(values), max(values)
    return f"{low:.{digits}f}" if f"{low:.{digits}f}" == f"{high:.{digits}f}" else f"{low:.{digits}f}-{high:.{digits}f}"


def row(corpus: str, megabytes: float, names: int, rules: str, runs: list[dict], exact: list[dict],
        smallest: float | None) -> str:
    totals = [run["total"] for run in runs]
    ratios = [a["total"] / e["total"] for a in runs for e in exact]
    cost = f"{min(totals) / smallest:.2f}×" if smallest else "1×"
    return (f"| {corpus} | {megabytes:.2f} | {names:,} | {rules} | {span([r['load'] + r['index'] for r in runs])} | "
            f"{span([r['scan'] for r in runs])} | **{span(totals)}** | {span([megabytes / t for t in totals], 2)} | "
            f"{span([e['total'] for e in exact], 2)} | **{span(ratios)}×** | {cost} | "
            f"{max(r['peak_rss_mb'] for r in runs):.0f} / {max(e['peak_rss_mb'] for e in exact):.0f} | {runs[0]['findings']:,} | "
            f"{span([r['yardstick'] for r in runs], 2)} |")


HEADER = ("| copy | MB | names | rules | load + index s | scan s | audit total s | MB/s | exact s | audit / exact "
          "| cost vs smallest glossary | peak RSS MB audit / exact | findings | yardstick s |\n|" + "---|" * 14)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--names", default="1000,5000,20000,50000", help="GeoNames glossary sizes, comma-separated")
    parser.add_argument("--corpus", default="bbc,synthetic", help="bbc, synthetic or both (comma-separated)")
    parser.add_argument("--megabytes", type=float, default=5.0, help="size of the synthetic copy (default 5)")
    parser.add_argument("--rules", default="name rules,every rule", help="'name rules', 'every rule' or both")
    parser.add_argument("--repeat", type=int, default=1, help="measure each case this many times (ranges shown)")
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "wire-audit-bench-real")
    parser.add_argument("--markdown", type=Path, help="also write the table to this file")
    parser.add_argument("--bbc", type=Path, default=BBC, help=f"the clean BBC copy (default {BBC})")
    parser.add_argument("--profile", type=int, metavar="N", default=0,
                        help="cProfile each audit run (slower; times not comparable) and print the top N")
    parser.add_argument("--cached-index", action="store_true",
                        help="time load + index as a second `audit scan` does: the matcher read back from the cache "
                             "folder an untimed first run wrote (glossaries of 5,000 names and more)")
    parser.add_argument("--warm", action="store_true",
                        help="scan the copy twice with the same matcher and time the second scan alone")
    parser.add_argument("--index-cache", help=argparse.SUPPRESS)
    parser.add_argument("--measure-audit", nargs="+", help=argparse.SUPPRESS)
    parser.add_argument("--measure-exact", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure_audit:
        glossary, select, *paths = args.measure_audit
        print(json.dumps(measure_audit(glossary, "" if select == "-" else select, paths, args.profile, args.index_cache,
                                       args.warm)))
        return 0
    if args.measure_exact:
        glossary, _, *paths = args.measure_exact
        print(json.dumps(measure_exact(glossary, paths)))
        return 0

    args.workdir.mkdir(parents=True, exist_ok=True)
    (args.workdir / "empty").mkdir(exist_ok=True)  # what the untimed first scan of --cached-index reads
    sizes = sorted(int(n) for n in args.names.split(","))
    rule_sets = [name.strip() for name in args.rules.split(",")]
    from audit.build import describe

    # Which build is measured: the compiled modules (setup.py) or pure Python (pip install -e, AUDIT_PURE_PYTHON=1).
    print(f"wire-audit build: {describe()}", flush=True)
    lines = [HEADER]
    print(HEADER, flush=True)
    for corpus, paths in corpora(args.workdir, args.corpus.split(","), args.megabytes, args.bbc).items():
        megabytes = sum(file.stat().st_size for file in corpus_files(paths)) / 1e6
        for rules in rule_sets:
            smallest = None
            for names in sizes:
                glossary = geonames_glossary(args.workdir, names)
                exact = [child("exact", glossary, "", paths) for _ in range(args.repeat)]
                index_cache = args.workdir / "index-cache" if args.cached_index else None
                if index_cache:  # the first scan, untimed, writes the matcher the timed ones read back
                    child("audit", glossary, NAME_RULES, [str(args.workdir / "empty")], 0, index_cache)
                runs = [child("audit", glossary, RULE_SETS[rules], paths, args.profile, index_cache, args.warm)
                        for _ in range(args.repeat)]
                label = f"{rules}, index cached" if index_cache else rules
                label = f"{label}, second scan" if args.warm else label
                line = row(corpus, megabytes, names, label, runs, exact, smallest)
                smallest = smallest or min(run["total"] for run in runs)
                lines.append(line)
                print(line, flush=True)
                for run in runs:
                    print(run.get("profile", ""), end="")
    if args.markdown:
        args.markdown.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
