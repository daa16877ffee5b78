"""Which build of wire-audit runs: the matcher's modules compiled by mypyc (setup.py), or pure Python.

A compiled install carries each compiled module twice: the extension module, which Python imports first,
and its Python source. ``AUDIT_PURE_PYTHON=1`` makes this process import the sources instead (a finder put
before Python's own), to tell whether a problem is the compiler's, to step through the matcher in a
debugger, or to test what only Python allows (a function replaced in a test). Findings are the same either
way.
"""
from __future__ import annotations

import importlib.machinery
import importlib.util
import os
import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from pathlib import Path
from types import ModuleType

PURE_PYTHON_VARIABLE = "AUDIT_PURE_PYTHON"
PACKAGE_DIR = Path(__file__).resolve().parent
# A module setup.py always compiles: it has an extension module beside it in a compiled install.
PROBE = PACKAGE_DIR / "matching" / "matcher"


def pure_python_asked() -> bool:
    return os.environ.get(PURE_PYTHON_VARIABLE, "").strip().lower() in ("1", "yes", "true")


def compiled_installed() -> bool:
    """Whether this install has the compiled modules (looked up on disk: importing them would cost time)."""
    return any(PROBE.with_name(PROBE.name + suffix).is_file() for suffix in importlib.machinery.EXTENSION_SUFFIXES)


def compiled() -> bool:
    """Whether this process runs the compiled modules."""
    return compiled_installed() and not pure_python_asked()


def describe() -> str:
    """The build, as ``audit --version`` names it."""
    return "compiled" if compiled() else "pure Python"


class SourcesFirst:
    """A meta path finder: ``audit.*`` modules from their ``.py`` files, never from extension modules."""

    def find_spec(self, fullname: str, path: Sequence[str] | None,
                  target: ModuleType | None = None) -> ModuleSpec | None:
        if not fullname.startswith("audit.") or not path:
            return None
        leaf = fullname.rpartition(".")[2]
        for folder in path:
            package = Path(folder) / leaf / "__init__.py"
            if package.is_file():
                return importlib.util.spec_from_file_location(fullname, package,
                                                              submodule_search_locations=[str(package.parent)])
            module = Path(folder) / f"{leaf}.py"
            if module.is_file():
                return importlib.util.spec_from_file_location(fullname, module)
        return None


def run_sources() -> None:
    """Import this package's modules from their Python sources from now on (once per process)."""
    if not any(isinstance(finder, SourcesFirst) for finder in sys.meta_path):
        sys.meta_path.insert(0, SourcesFirst())
