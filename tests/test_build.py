"""The build: the matcher's modules compiled by mypyc (setup.py) or pure Python, the same findings either way."""
from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from audit import build
from audit.glossary import load_bundled

ROOT = Path(__file__).resolve().parents[1]
COMPILED_INSTALL = pytest.mark.skipif(not build.compiled_installed(), reason="this install is pure Python (pip install -e .)")


def run_python(code: str, pure: bool) -> str:
    environment = {key: value for key, value in os.environ.items() if key != build.PURE_PYTHON_VARIABLE}
    if pure:
        environment[build.PURE_PYTHON_VARIABLE] = "1"
    # Run beside the package this test imported: the checkout's sources must not shadow an installed package.
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=environment,
                          cwd=build.PACKAGE_DIR.parent, check=True)
    return done.stdout


def test_every_module_setup_compiles_exists_and_the_probe_is_one_of_them():
    # setup.py names files; a renamed module must not silently drop out of the compiled build.
    source = (ROOT / "setup.py").read_text(encoding="utf-8")
    listed = source[source.index("COMPILED = ["):source.index("]", source.index("COMPILED = ["))]
    files = [line.strip().strip('",') for line in listed.splitlines()[1:] if line.strip()]
    assert len(files) >= 10 and all((ROOT / file).is_file() for file in files)
    probe = build.PROBE.relative_to(build.PACKAGE_DIR.parent).as_posix() + ".py"
    assert probe in files


def test_the_version_names_the_build(capsys):
    from audit import launch

    assert launch.main(["--version"]) == 0
    assert capsys.readouterr().out.strip().endswith("(compiled)" if build.compiled() else "(pure Python)")


def test_the_pure_python_variable_runs_the_sources():
    code = "import audit.matching.matcher as m, audit.build as b; print(m.__file__); print(b.describe())"
    module_file, described = run_python(code, pure=True).splitlines()
    assert module_file.endswith("matcher.py") and described == "pure Python"


@COMPILED_INSTALL
def test_a_compiled_install_runs_the_compiled_modules():
    module_file, described = run_python("import audit.matching.matcher as m, audit.build as b; print(m.__file__); "
                                        "print(b.describe())", pure=False).splitlines()
    assert not module_file.endswith(".py") and described == "compiled"


@COMPILED_INSTALL
def test_compiled_and_pure_python_find_the_same():
    # The findings of the bundled examples, as JSON, from both builds of the same install.
    code = ("import sys; from audit.cli import main; sys.argv[0] = 'audit'; "
            f"main(['scan', '--isolated', '--format', 'json', '--exit-zero', {str(ROOT / 'examples')!r}])")
    compiled, pure = (json.loads(run_python(code, pure=flag)) for flag in (False, True))
    assert compiled["findings"] == pure["findings"] != []


def test_the_matcher_survives_a_pickle():
    # The matcher cache (audit/context_cache.py) pickles it; compiled classes must say they can be.
    from audit.matching.matcher import Matcher

    matcher = Matcher(load_bundled())
    text = "Nikol Paschinjan met officials in Stefancart on Monday."
    copy = pickle.loads(pickle.dumps(matcher))
    assert copy.find(text) == matcher.find(text) != []
