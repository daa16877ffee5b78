"""The files other tools read: .pre-commit-hooks.yaml, .ci/install-browser.sh, reports/."""
from __future__ import annotations

import re
import shutil
import subprocess
import tomllib

import pytest
from report_support import ROOT

from audit.documents import TEXT_SUFFIXES


def _hook() -> dict[str, str]:
    text = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    return dict(re.findall(r"^\s*-?\s*(\w+): (.+)$", text, re.MULTILINE))


def test_pre_commit_hook_runs_audit_scan_on_article_files():
    hook = _hook()
    assert hook["id"] == "wire-audit" and hook["language"] == "python"
    assert hook["entry"] == "audit scan"
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert scripts["audit"] == "audit.launch:main"
    files = re.compile(hook["files"])
    for suffix in TEXT_SUFFIXES:
        assert files.search(f"news/story{suffix}"), suffix
    assert not files.search("audit/cli.py") and not files.search("notes.md.bak")


def test_install_browser_script_is_valid_bash():
    if shutil.which("bash") is None:
        pytest.skip("bash not installed")
    script = ROOT / ".ci" / "install-browser.sh"
    assert subprocess.run(["bash", "-n", str(script)], capture_output=True).returncode == 0
    assert "chromium-driver" in script.read_text(encoding="utf-8")


def test_reports_directory_keeps_only_its_readme():
    ignore = (ROOT / "reports" / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert "*" in ignore and "!README.md" in ignore and "!.gitignore" in ignore
    assert (ROOT / "reports" / "README.md").is_file()
