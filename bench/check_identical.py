#!/usr/bin/env python3
"""Are the findings of this tree identical to those of a reference revision? One command.

    .venv/bin/python bench/check_identical.py                  # against main where this branch left it
    .venv/bin/python bench/check_identical.py --reference HEAD^1   # after a merge: against main before it
    .venv/bin/python bench/check_identical.py --quick          # a small synthetic workload

Speed work must not change a single finding. This runs the same workloads with the reference revision
(checked out in a temporary git worktree, run with this virtual environment) and with this tree, and
compares the outputs, every field of every finding and the summary:

* ``audit scan --isolated --format json`` over examples/, ../shared/seeds, ../shared/eval/dev (with its
  glossary, and with it a 50,000-name GeoNames glossary: bench/geonames_glossary.py), the clean BBC copy
  (../shared/eval/clean-bbc) with the bundled glossary, with the GeoNames names, and with both (a desk's
  glossary beside a gazetteer), and bench/bench_scan.py's synthetic copy and glossary
  (its generator, imported; 50,000 names and 5 MB, or 5,000 names and 1 MB with ``--quick``), with its own
  glossary and with the 50,000 GeoNames names;
* the scores of bench/wmt22_eval.py (both splits).

This tree runs each scan twice with the same, fresh cache directory (XDG_CACHE_HOME): once cold and once
with whatever the first run left there (the glossary index cache), and both must match. Workloads whose
data is absent are skipped with a message. Reference outputs are kept under the temp dir, keyed by the
reference commit and the inputs, so a second check costs only this tree's runs.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"  # --shared changes it
sys.path.insert(0, str(ROOT / "bench"))

# Runs the CLI of the tree named first on the command line (its `audit` package shadows the installed one).
CLI = ("import sys; sys.path.insert(0, sys.argv.pop(1)); import audit.cli; "
       "sys.argv[0] = 'audit'; sys.exit(audit.cli.main(sys.argv[1:]))")
# Runs a bench script of that tree with its `audit` package.
SCRIPT = ("import runpy, sys; tree = sys.argv.pop(1); sys.path.insert(0, tree); script = sys.argv[0] = sys.argv.pop(1); "
          "runpy.run_path(script, run_name='__main__')")


def prepare_inputs(work: Path, quick: bool) -> dict[str, list[str]]:
    """The workloads: name -> `audit scan` arguments (the inputs are generated here, once, for both trees)."""
    loads: dict[str, list[str]] = {"examples": [str(ROOT / "examples")]}
    if (SHARED / "seeds").is_dir():
        loads["seeds"] = [str(SHARED / "seeds")]
    dev = SHARED / "eval" / "dev"
    if dev.is_dir():
        loads["dev"] = ["-g", str(dev / "glossary.csv"), str(dev / "articles")]
    geonames = work / "geonames50k.csv"
    if not geonames.exists():
        import geonames_glossary
        geonames_glossary.main(["--names", "50000", "-o", str(geonames)])
    if dev.is_dir():
        loads["dev-geonames50k"] = ["-g", str(dev / "glossary.csv"), "-g", str(geonames), str(dev / "articles")]
    bbc = SHARED / "eval" / "clean-bbc"
    if bbc.is_dir():
        parts = [str(path) for path in sorted(bbc.iterdir()) if path.is_dir()]
        loads["bbc"] = parts
        loads["bbc-geonames50k"] = ["-g", str(geonames), *parts]
        # A desk's glossary beside a gazetteer's (the index keeps their names apart: audit/matching/targets.py).
        loads["bbc-default-geonames50k"] = ["-g", "default", "-g", str(geonames), *parts]
    else:
        print(f"skipped: {bbc} is absent (BBC workloads)", file=sys.stderr)
    synthetic = work / "synthetic"
    if not (synthetic / "glossary.toml").exists():
        import bench_scan
        rng = random.Random(20201027)
        entries = bench_scan.make_glossary(rng, 5_000 if quick else 50_000)
        (synthetic / "articles").mkdir(parents=True, exist_ok=True)
        bench_scan.write_toml(entries, synthetic / "glossary.toml")
        bench_scan.make_corpus(rng, entries, 1.0 if quick else 5.0, 0.03, synthetic / "articles")
    loads["synthetic"] = ["-g", str(synthetic / "glossary.toml"), str(synthetic / "articles")]
    # The perf workload: the synthetic copy against a gazetteer's names.
    loads["synthetic-geonames50k"] = ["-g", str(geonames), str(synthetic / "articles")]
    return loads


def run_tree(tree: Path, loads: dict[str, list[str]], out: Path, passes: int) -> None:
    """Every workload's JSON report (and the WMT22 scores) as ``tree`` gives them, in ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    cache = Path(tempfile.mkdtemp(prefix="wire-audit-cache-"))
    env = {**__import__("os").environ, "XDG_CACHE_HOME": str(cache)}
    try:
        # Which build the tree runs (compiled or pure Python, audit/build.py): the trees may differ in it.
        built = subprocess.run([sys.executable, "-c", CLI, str(tree), "--version"], capture_output=True, text=True, env=env,
                               cwd=tempfile.gettempdir())
        print(f"  {tree.name}: {built.stdout.strip()}", file=sys.stderr)
        for name, arguments in loads.items():
            for number in range(passes):
                target = out / f"{name}.{number}.json"
                command = [sys.executable, "-c", CLI, str(tree), "scan", "--isolated", "--format", "json",
                           "--exit-zero", "-o", str(target), *arguments]
                done = subprocess.run(command, capture_output=True, text=True, env=env, cwd=tempfile.gettempdir())
                if done.returncode != 0:
                    raise SystemExit(f"{tree}: {name}: exit {done.returncode}\n{done.stderr}")
                print(f"  {tree.name}: {name} pass {number + 1}", file=sys.stderr)
        if (SHARED / "eval" / "wmt22").is_dir():
            command = [sys.executable, "-c", SCRIPT, str(tree), str(tree / "bench" / "wmt22_eval.py"),
                       "--json", str(out / "wmt22.0.json"), "--data", str(SHARED / "eval" / "wmt22"),
                       "--scorer", str(SHARED / "tools" / "score_findings.py")]
            done = subprocess.run(command, capture_output=True, text=True, env=env)
            if done.returncode != 0:
                raise SystemExit(f"{tree}: wmt22_eval: exit {done.returncode}\n{done.stderr}")
            print(f"  {tree.name}: wmt22", file=sys.stderr)
    finally:
        shutil.rmtree(cache, ignore_errors=True)


def reference_outputs(reference: str, loads: dict[str, list[str]], work: Path) -> Path:
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", reference], capture_output=True, text=True,
                            check=True).stdout.strip()
    key = hashlib.sha256(json.dumps([commit, loads], sort_keys=True).encode()).hexdigest()[:16]
    out = work / f"reference-{commit[:12]}-{key}"
    if (out / "done").exists():
        print(f"reference {reference} ({commit[:12]}): outputs kept in {out}", file=sys.stderr)
        return out
    tree = Path(tempfile.mkdtemp(prefix="wire-audit-reference-")) / "tree"
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), commit], check=True,
                   capture_output=True)
    try:
        print(f"reference {reference} ({commit[:12]}): running", file=sys.stderr)
        run_tree(tree, loads, out, passes=1)
        (out / "done").write_text(commit)
    finally:
        subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], capture_output=True)
    return out


def differences(expected: Path, actual: Path) -> list[str]:
    """What differs between two outputs, finding by finding (at most a few lines per workload)."""
    want, got = json.loads(expected.read_text()), json.loads(actual.read_text())
    if want == got:
        return []
    if "findings" not in want:
        return [f"{actual.name}: scores differ:\n  reference {json.dumps(want)[:600]}\n  this tree {json.dumps(got)[:600]}"]
    lines = []
    left = [json.dumps(f, sort_keys=True) for f in want["findings"]]
    right = [json.dumps(f, sort_keys=True) for f in got["findings"]]
    only_left, only_right = sorted(set(left) - set(right)), sorted(set(right) - set(left))
    lines += [f"{actual.name}: only in reference: {item}" for item in only_left[:5]]
    lines += [f"{actual.name}: only in this tree: {item}" for item in only_right[:5]]
    if want["summary"] != got["summary"]:
        lines.append(f"{actual.name}: summaries differ: {want['summary']} != {got['summary']}")
    if left != right and not only_left and not only_right:
        lines.append(f"{actual.name}: the same findings in another order")
    return lines or [f"{actual.name}: differs"]


def main(argv: list[str] | None = None) -> int:
    global SHARED
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", help="git revision to compare with (default: where this branch left main, "
                        "`git merge-base HEAD main`; after a merge, the main commit before it: HEAD^1)")
    parser.add_argument("--quick", action="store_true", help="a small synthetic workload (5,000 names, 1 MB)")
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "wire-audit-identical")
    parser.add_argument("--shared", type=Path, default=SHARED, help=f"the shared evaluation data (default {SHARED})")
    args = parser.parse_args(argv)
    SHARED = args.shared
    work = args.workdir / ("quick" if args.quick else "full")
    work.mkdir(parents=True, exist_ok=True)
    loads = prepare_inputs(work, args.quick)
    args.reference = args.reference or subprocess.run(["git", "-C", str(ROOT), "merge-base", "HEAD", "main"],
                                                      capture_output=True, text=True, check=True).stdout.strip()
    expected = reference_outputs(args.reference, loads, work)
    actual = Path(tempfile.mkdtemp(prefix="wire-audit-current-"))
    try:
        run_tree(ROOT, loads, actual, passes=2)
        problems = []
        for reference in sorted(expected.glob("*.0.json")):
            name = reference.name.removesuffix(".0.json")
            for current in sorted(actual.glob(f"{name}.*.json")):
                problems += differences(reference, current)
        compared = len(list(actual.glob("*.json")))
    finally:
        shutil.rmtree(actual, ignore_errors=True)
    for line in problems:
        print(line)
    print(f"{'DIFFERENT' if problems else 'identical'}: {compared} outputs of this tree against {args.reference}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
