"""Time every hostile-input class of issue 9, each in a fresh process pinned to one core.

    .venv/bin/python bench/bench_hostile.py              # every attack, a table of seconds and peak RSS
    .venv/bin/python bench/bench_hostile.py --only dense  # the attacks whose name contains "dense"
    .venv/bin/python bench/bench_hostile.py --megabytes 2 # a smaller name-dense article

Each attack builds its input in a temporary folder, then a child process (so its peak memory is the
attack's own) pins itself to one core and runs the library on it, with the garbage collector paused as a
scan pauses it. Seconds are wall-clock for the measured call only; peak RSS is the child's maximum resident
set size (getrusage), imports and glossary included.
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
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SEED = 9
# Sentences of our own; {0} {1} {2} are names from the bundled glossary, some garbled.
TEMPLATES = (
    "{0} met {1} in {2} on Monday, officials said. ",
    "According to {0}, talks between {1} and {2} resumed. ",
    "{0} told reporters in {1} that {2} would attend. ",
    "Delegations from {0}, {1} and {2} arrived by train. ",
)


def _garble(name: str, rng: random.Random) -> str:
    inner = [index for index in range(1, len(name)) if name[index].islower() and name[index - 1].isalpha()]
    if len(name) < 5 or not inner or rng.random() < 0.6:
        return name
    index = rng.choice(inner)  # a dropped letter inside a word, as machine translation drops them
    return name[:index] + name[index + 1:]


def dense_article(size: int) -> str:
    """``size`` characters on one line, three glossary names (some garbled) in every sentence."""
    from audit.glossary import load_glossaries

    names = [entry.canonical for entry in load_glossaries((), ()).entries]
    rng = random.Random(SEED)
    parts, total = [], 0
    while total < size:
        sentence = rng.choice(TEMPLATES).format(*(_garble(rng.choice(names), rng) for _ in range(3)))
        parts.append(sentence)
        total += len(sentence)
    return "".join(parts)[:size]


# -- the attacks: each prepares its input in ``folder`` and returns what the child runs ----------------------------

def _debris(text: str) -> Callable[[Path], tuple[str, dict]]:
    def prepare(folder: Path) -> tuple[str, dict]:
        (folder / "text.txt").write_text(text, encoding="utf-8")
        return "debris", {"path": str(folder / "text.txt")}
    return prepare


def _scan(files: dict[str, str], select: tuple[str, ...] = (), fmt: str = "") -> Callable[[Path], tuple[str, dict]]:
    def prepare(folder: Path) -> tuple[str, dict]:
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8")
        return "scan", {"paths": [str(folder)], "select": list(select), "format": fmt}
    return prepare


def _special_files(folder: Path) -> tuple[str, dict]:
    (folder / "a.txt").write_text("Officials in Stefanakert said so.\n", encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    with open(folder / "huge.txt", "wb") as stream:  # sparse: 200 MB on the size, no disk used
        stream.truncate(200 * 1024 * 1024)
    return "scan", {"paths": [str(folder)], "select": [], "format": ""}


def _dense(megabytes: float, select: tuple[str, ...] = ()) -> Callable[[Path], tuple[str, dict]]:
    def prepare(folder: Path) -> tuple[str, dict]:
        (folder / "dense.txt").write_text(dense_article(int(megabytes * 1_000_000)), encoding="utf-8")
        return "scan", {"paths": [str(folder / "dense.txt")], "select": list(select), "format": ""}
    return prepare


def _one_skeleton(count: int) -> dict[str, str]:
    """Two articles of ``count`` distinct capitalised spellings between them, all one consonant skeleton
    (vowels changed only: "Baoirnd", "Beyurnda"): every spelling is a variant candidate of every other."""
    rng = random.Random(SEED)
    spellings: set[str] = set()
    while len(spellings) < count:
        spellings.add("B" + "".join(rng.choice("aeiouy") for _ in range(rng.randint(2, 6))) + "rnd"
                      + "".join(rng.choice("aeiou") for _ in range(rng.randint(0, 2))))
    ordered = sorted(spellings)
    half = len(ordered) // 2
    return {"a.txt": " and ".join(ordered[:half]) + " met.\n", "b.txt": " and ".join(ordered[half:]) + " met.\n"}


def attacks(megabytes: float) -> dict[str, Callable[[Path], tuple[str, dict]]]:
    return {
        "continue-reading ReDoS (164 bytes)": _debris("Continue reading " + "x" * 130 + " a b c d e f g h"),
        "'<!-- ' * 40000 (debris)": _debris("<!-- " * 40_000),
        "'[ad_1] ' * 40000 (debris)": _debris("[ad_1] " * 40_000),
        "20,000 stacked suppression markers (scan)": _scan({"a.md": "<!-- audit: ignore -->\n" * 20_000 + "Tavoz.\n"}),
        "'Stefancart ' * 32000, AUD302 (scan)": _scan({"a.txt": "Stefancart " * 32_000,
                                                       "b.txt": "Stepanakert and Stefankert met.\n"}, ("AUD302",)),
        "20,000 spellings of one skeleton, AUD301/AUD302 (scan)": _scan(_one_skeleton(20_000), ("AUD301", "AUD302")),
        "16,000 findings, HTML report (scan + render)": _scan({"a.txt": "Officials in Tavoz said. " * 16_000}, (), "html"),
        "FIFO, /dev/zero link, 200 MB file in a folder (scan)": _special_files,
        f"{megabytes:g} MB one-line name-dense article, name rules (scan)": _dense(megabytes, ("AUD1",)),
        f"{megabytes:g} MB one-line name-dense article, every rule (scan)": _dense(megabytes),
    }


# -- the child ------------------------------------------------------------------------------------------------------

def _child(kind: str, options: dict) -> dict:
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    from audit.config import Settings
    from audit.debris import default_patterns, find_debris
    from audit.engine import build_context, scan
    from audit.gc_pause import paused_gc
    from audit.reporters import render

    with paused_gc():
        if kind == "debris":
            text = Path(options["path"]).read_text(encoding="utf-8")
            patterns = default_patterns()
            started = time.perf_counter()
            blocks = find_debris(text, patterns)
            elapsed, detail = time.perf_counter() - started, f"{len(blocks)} blocks"
        else:
            settings = Settings(select=tuple(options["select"]))
            context = build_context(settings)  # the bundled glossary, loaded and indexed outside the timing
            started = time.perf_counter()
            result = scan(options["paths"], settings, context=context, keep_text=bool(options["format"]))
            if options["format"]:
                render(options["format"], result)
            elapsed = time.perf_counter() - started
            detail = f"{len(result.findings)} findings, {len(result.skipped)} skipped, {len(result.problems)} problems"
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux
    return {"seconds": elapsed, "peak_mb": peak, "detail": detail}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="", help="run only the attacks whose name contains this")
    parser.add_argument("--megabytes", type=float, default=5.0, help="size of the name-dense article")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.child:
        kind, options = json.loads(arguments.child)
        print(json.dumps(_child(kind, options)))
        return
    print("| attack | seconds | peak RSS | result |\n|---|---|---|---|")
    for name, prepare in attacks(arguments.megabytes).items():
        if arguments.only.lower() not in name.lower():
            continue
        with tempfile.TemporaryDirectory() as folder:
            kind, options = prepare(Path(folder))
            done = subprocess.run([sys.executable, __file__, "--child", json.dumps([kind, options])],
                                  capture_output=True, text=True, timeout=3600)
        if done.returncode != 0:
            print(f"| {name} | failed | | {done.stderr.strip().splitlines()[-1:]} |")
            continue
        measured = json.loads(done.stdout)
        print(f"| {name} | {measured['seconds']:.2f} s | {measured['peak_mb']:.0f} MB | {measured['detail']} |",
              flush=True)


if __name__ == "__main__":
    main()
