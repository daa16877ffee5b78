"""Helpers for the hostile-input tests: an article of our own, a tiny glossary, the CLI in-process."""
from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from report_support import run

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
                    ratio: float = 3.0) -> tuple[float, float]:
    """Time ``run_once`` on inputs of ``size`` and ``2 * size``; assert doubling costs at most ``ratio`` times.

    A quadratic algorithm takes 4x, a cubic 8x; on a noisy machine linear code stays well under 3x once
    the small input takes long enough to time (callers pick ``size`` so). The best of three runs is used.
    """
    small, large = make(size), make(2 * size)
    best_small = min(seconds(lambda: run_once(small)) for _ in range(3))
    best_large = min(seconds(lambda: run_once(large)) for _ in range(3))
    assert best_large <= ratio * max(best_small, 0.002), (best_small, best_large)
    return best_small, best_large
