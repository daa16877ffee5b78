"""wire-audit: audit machine-translated news copy for garbled names and scraper debris.

Library use::

    from audit import scan, Settings
    result = scan(["articles/"], Settings(glossaries=("desk.toml",)))
    for finding in result.findings:
        print(finding.path, finding.line, finding.text, "->", finding.suggestion)
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .build import pure_python_asked, run_sources

__version__ = "0.1.0"

# A compiled install runs its Python sources when asked (audit/build.py): before any other module loads.
if pure_python_asked():
    run_sources()

if TYPE_CHECKING:
    from .config import Settings
    from .engine import scan
    from .model import Finding, RunResult, Severity

__all__ = ["Finding", "RunResult", "Settings", "Severity", "scan", "__version__"]

# The public names are imported when first used (PEP 562), so `import audit` (and `audit --version`) does
# not load the engine, the checks and the libraries under them.
_LAZY = {"Settings": "config", "scan": "engine", "Finding": "model", "RunResult": "model", "Severity": "model"}


def __getattr__(name: str) -> object:
    if name not in _LAZY:
        raise AttributeError(f"module 'audit' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f".{_LAZY[name]}", __name__), name)
    globals()[name] = value
    return value
