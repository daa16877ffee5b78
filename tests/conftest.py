"""Shared fixtures: the ../shared material, glossary files in tmp dirs, and scanning a text with a glossary.

Test modules ask for fixtures by name; the plain helpers below are what those fixtures hand out, so a
test reads ``write_glossary(tmp_path, text, ".csv")`` or ``scan_text("...")``.
"""
from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from audit.config import Settings
from audit.engine import scan
from audit.model import Finding, RunResult

TESTS_DIR = Path(__file__).resolve().parent
FIXTURES_DIR = TESTS_DIR / "fixtures"
NAMES_GLOSSARY = FIXTURES_DIR / "names" / "glossary.toml"
SHARED_DIR = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(autouse=True)
def _own_result_cache(tmp_path_factory, monkeypatch):
    """Each test's CLI scans use a result cache of their own, never the user's (nor another test's)."""
    monkeypatch.setenv("AUDIT_CACHE_DIR", str(tmp_path_factory.mktemp("audit-cache")))


def pytest_configure(config):
    config.addinivalue_line("markers", "slow: takes seconds (a package build, a big corpus); deselect with -m 'not slow'")
    config.addinivalue_line("markers", "pure_python: replaces a function of a module mypyc compiles (setup.py); in a compiled "
                                       "install the test runs in a pytest of its own on the Python sources (AUDIT_PURE_PYTHON=1)")


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem):
    """Compiled code calls its own functions directly, past a replacement a test puts in the module or class:
    such a test, marked ``pure_python``, is run by a pytest of its own that imports the Python sources."""
    from audit.build import PURE_PYTHON_VARIABLE, compiled

    if pyfuncitem.get_closest_marker("pure_python") is None or not compiled():
        return None
    environment = {**os.environ, PURE_PYTHON_VARIABLE: "1"}
    # -P: the checkout's folder is not put on the path, so the installed package (its sources) is imported.
    command = [sys.executable, "-P", "-m", "pytest", "-q", "-p", "no:cacheprovider", pyfuncitem.nodeid]
    done = subprocess.run(command, cwd=pyfuncitem.config.rootpath, env=environment, capture_output=True, text=True)
    assert done.returncode == 0 and " passed" in done.stdout, done.stdout[-4000:] + done.stderr[-2000:]
    return True


def write_glossary(tmp_path: Path, text: str, suffix: str = ".toml", name: str = "glossary") -> Path:
    """Write ``text`` to ``tmp_path/<name><suffix>`` as UTF-8 (bytes are written as they are)."""
    path = tmp_path / f"{name}{suffix}"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8", newline="")
    return path


def scan_text(text: str, glossary: Path | str = NAMES_GLOSSARY, rule: str | None = None, **settings) -> list[Finding]:
    """Findings for one text read from standard input ("-"), with a glossary file; optionally one rule's."""
    result = scan_text_result(text, glossary, **settings)
    return [f for f in result.findings if rule is None or f.rule == rule]


def scan_text_result(text: str, glossary: Path | str = NAMES_GLOSSARY, **settings) -> RunResult:
    data = text.encode("utf-8")
    return scan(["-"], Settings(glossaries=(str(glossary),), **settings), stdin=lambda: data)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared beside the project; tests that need it skip where it does not exist."""
    if not SHARED_DIR.is_dir():
        pytest.skip(f"shared material not found at {SHARED_DIR} (it sits beside the project checkout)")
    return SHARED_DIR


@pytest.fixture(name="write_glossary")
def write_glossary_fixture() -> Callable[..., Path]:
    """``write_glossary(tmp_path, text, suffix=".toml")`` -> the path written."""
    return write_glossary


@pytest.fixture(scope="session")
def names_glossary_path() -> Path:
    """The small invented glossary of South Caucasus names in tests/fixtures/names/glossary.toml."""
    return NAMES_GLOSSARY


@pytest.fixture(scope="session")
def names_glossary(names_glossary_path):
    from audit.glossary import load_glossary

    return load_glossary(names_glossary_path)


@pytest.fixture(name="scan_text")
def scan_text_fixture() -> Callable[..., list[Finding]]:
    """``scan_text(text, glossary=<fixture glossary>, rule=None)`` -> findings, through engine.scan."""
    return scan_text
