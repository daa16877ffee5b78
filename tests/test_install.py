"""A non-editable install carries the bundled glossary inside the package.

The package is built from a copy of the source (so no build/ or egg-info lands in the checkout) and
installed with ``pip install --no-deps --target``; a fresh interpreter without site processing (so the
venv's editable-install hook is off) then imports it from the target only, with the venv's
site-packages after it for the dependencies. Slow (a few seconds): deselect with ``-m "not slow"``.
"""
from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]
SOURCES = ("pyproject.toml", "README.md", "LICENSE", "audit", "glossaries")


def _copy_sources(destination: Path) -> Path:
    source = destination / "src"
    source.mkdir()
    for name in SOURCES:
        path = REPO / name
        if path.is_dir():
            shutil.copytree(path, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        elif path.exists():
            shutil.copy2(path, source / name)
    return source


def _pip_install(source: Path, target: Path) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "pip", "install", "--no-deps", "--no-input", "--disable-pip-version-check",
               "--target", str(target), str(source)]
    # Build in this venv when it can build wheels (fast, offline); otherwise let pip fetch setuptools.
    if importlib.util.find_spec("wheel") is not None:
        command.insert(4, "--no-build-isolation")
    return subprocess.run(command, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("install")
    source = _copy_sources(work)
    target = work / "target"
    done = _pip_install(source, target)
    if done.returncode != 0:
        output = done.stdout + done.stderr
        if "No matching distribution found for setuptools" in output or "Could not find a version" in output:
            pytest.skip("cannot build: no setuptools/wheel to build with and no package index reachable")
        pytest.fail(f"pip install --target failed:\n{output[-4000:]}")
    return target


def _run(target: Path, code: str, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    site_packages = sysconfig.get_paths()["purelib"]
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTHON")}
    env["PYTHONPATH"] = os.pathsep.join([str(target), site_packages])
    # -S: no site processing, so the venv's .pth files (the editable install's import hook) stay off.
    return subprocess.run([sys.executable, "-S", "-c", code, *args], capture_output=True, text=True, env=env,
                          cwd=cwd, timeout=120)


PROBE = """
import json, sys
from importlib import resources
import audit, audit.glossary, audit.glossaries
glossary = audit.glossary.load_bundled()
resource = resources.files("audit.glossaries").joinpath("default.toml")
with resources.as_file(resource) as path:
    bundled = str(path)
print(json.dumps({
    "audit": audit.__file__,
    "glossaries": audit.glossaries.__file__,
    "bundled": bundled,
    "entries": len(glossary),
    "names": audit.glossary.bundled_glossary_names(),
    "data": [str(p) for p in resources.files("audit.data").iterdir()],
}))
"""


def test_bundled_glossary_is_inside_the_installed_package(installed, tmp_path):
    done = _run(installed, PROBE, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    facts = json.loads(done.stdout)
    target = str(installed.resolve())
    assert Path(facts["audit"]).resolve().is_relative_to(target), facts["audit"]
    assert Path(facts["glossaries"]).resolve().is_relative_to(target), facts["glossaries"]
    bundled = Path(facts["bundled"]).resolve()
    assert bundled.is_relative_to(Path(target) / "audit" / "glossaries"), bundled
    assert not bundled.is_relative_to(REPO.resolve()), "the bundled glossary was read from the checkout"
    assert facts["entries"] >= 150
    assert "default.toml" in facts["names"]
    assert any(name.endswith("spelling.toml") for name in facts["data"])
    assert any(name.endswith("given_names.toml") for name in facts["data"])
    assert (installed / "audit" / "glossaries" / "default.toml").read_bytes() == (REPO / "glossaries" / "default.toml").read_bytes()


def test_installed_package_scans_with_the_bundled_glossary(installed, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Villagers in Tovouz said the shelling stopped.\n", encoding="utf-8")
    code = "import sys; from audit.cli import main; sys.exit(main(sys.argv[1:]))"
    done = _run(installed, code, "scan", "--format", "json", str(article), cwd=tmp_path)
    assert "Traceback" not in done.stderr, done.stderr
    findings = json.loads(done.stdout)["findings"]
    assert ("AUD101", "Tovouz", "Tovuz") in {(f["rule"], f["text"], f["suggestion"]) for f in findings}


def test_installed_package_does_not_see_the_checkout(installed, tmp_path):
    """The probe really ran without the repository: the editable hook is off and the checkout is not on the path."""
    done = _run(installed, "import sys, json; print(json.dumps(sys.path))", cwd=tmp_path)
    paths = json.loads(done.stdout)
    assert not any(Path(p).resolve() == REPO.resolve() for p in paths if p)
    done = _run(installed, "import sys; print(any('editable' in repr(f) for f in sys.meta_path))", cwd=tmp_path)
    assert done.stdout.strip() == "False"
