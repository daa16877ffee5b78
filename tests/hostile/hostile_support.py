"""Helpers for the hostile-input tests: an article of our own, a tiny glossary, the CLI in-process."""
from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from report_support import run

from audit.gc_pause import paused_gc

GLOSSARY_TOML = """
[[entry]]
canonical = "Stepanakert"
type = "place"

[[entry]]
canonical = "Tovuz"
type = "place"
avoid = ["Tavoz"]
"""
ARTICLE = "Shelling was reported near Stefanakert on Monday, officials in Tovuz said.\n"


def desk(tmp_path: Path) -> tuple[Path, Path]:
    """A folder with one article and a glossary beside it: (article, glossary)."""
    glossary = tmp_path / "glossary.toml"
    glossary.write_text(GLOSSARY_TOML, encoding="utf-8")
    news = tmp_path / "news"
    news.mkdir()
    article = news / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    return article, glossary


def audit(*argv: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    """`audit ARGV` in-process, configuration files ignored where the command takes --isolated."""
    return run(list(argv), stdin)


def seconds(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def scales_linearly(make: Callable[[int], object], run_once: Callable[[object], object], size: int,
                    ratio: float = 8.0, least: float = 0.04) -> tuple[float, float]:
    """Time ``run_once`` on inputs of ``size`` and ``4 * size``; assert the larger costs at most ``ratio`` times.

    Four times the input takes linear code about 4 times as long (up to 5 or 6 with caches and a busy
    machine), a quadratic algorithm 16 times, a cubic 64: the threshold of 8 sits far from both. To keep
    timer noise small, ``size`` is first doubled until the small input takes ``least`` seconds; the two
    sizes are timed in turn, three times, keeping the best. The cyclic garbage collector is paused, as
    the engine pauses it over a scan: its full collections cost time in proportion to everything alive,
    which is not the code under test.
    """
    with paused_gc():
        return _scales_linearly(make, run_once, size, ratio, least)


def _scales_linearly(make: Callable[[int], object], run_once: Callable[[object], object], size: int,
                     ratio: float, least: float) -> tuple[float, float]:
    small = make(size)
    while seconds(lambda small=small: run_once(small)) < least and size < 2**22:
        size *= 2
        small = make(size)
    large = make(4 * size)
    best_small = best_large = float("inf")
    for _ in range(3):
        best_small = min(best_small, seconds(lambda: run_once(small)))
        best_large = min(best_large, seconds(lambda: run_once(large)))
    assert best_large <= ratio * best_small, (size, best_small, best_large)
    return best_small, best_large
