"""Exit codes (0 clean, 1 findings at or above --fail-on, 2 usage/config/input error, 3 crash), and the
other command-line behaviour of `audit scan`: --report, --changed-since, progress, rules, explain."""
from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from report_support import GLOSSARY, run

import audit.cli as cli
from audit.cli_commands import documented_rules
from audit.config import Settings
from audit.engine import all_rules, scan

CLEAN = "Markets were calm on Wednesday.\n"
INFO_ONLY = "President ilham aliyev spoke.\n"  # AUD104, info
ERROR = "Officials in Jerevan said so.\n"  # AUD101, error


@pytest.fixture()
def desk(tmp_path, monkeypatch) -> Path:
    shutil.copyfile(GLOSSARY, tmp_path / "desk.toml")
    (tmp_path / "audit.toml").write_text('glossaries = ["desk.toml"]\n', encoding="utf-8")
    for name, text in (("clean.txt", CLEAN), ("info.txt", INFO_ONLY), ("error.txt", ERROR)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(("argv", "code"), [
    (["clean.txt"], 0),
    (["error.txt"], 1),
    (["info.txt"], 0),  # info is below the default fail-on (warning)
    (["info.txt", "--fail-on", "info"], 1),
    (["error.txt", "--fail-on", "error"], 1),
    (["info.txt", "--fail-on", "error"], 0),
    (["error.txt", "--fail-on", "never"], 0),
    (["error.txt", "--exit-zero"], 0),
    (["error.txt", "--severity", "AUD101=info"], 0),
])
def test_findings_and_fail_on(desk, argv, code):
    assert run(["scan", *argv])[0] == code


@pytest.mark.parametrize("argv", [
    ["missing.txt"],
    ["error.txt", "missing.txt", "--exit-zero"],  # --exit-zero is for findings, not for bad input
    ["binary.txt"],
])
def test_unreadable_input_is_2_with_one_line_naming_the_file(desk, argv):
    (desk / "binary.txt").write_bytes(b"\x00\x00\x01")
    code, _, err = run(["scan", *argv])
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"audit: {argv[-1] if argv[-1] != '--exit-zero' else argv[1]}: ")
    assert "Traceback" not in err


@pytest.mark.parametrize("argv", [
    ["scan", "error.txt", "--format", "yaml"],
    ["scan", "error.txt", "--fail-on", "sometimes"],
    ["scan", "error.txt", "--select", "AUD999"],
    ["scan", "error.txt", "--severity", "AUD101"],
    ["scan", "error.txt", "--glossary", "none.toml"],
    ["scan", "error.txt", "--changed-since", "HEAD"],  # not a git repository
    ["scan"],
    ["explain", "no-such-rule"],
])
def test_usage_errors_are_2_without_traceback(desk, argv):
    code, _, err = run(argv)
    assert code == 2, err
    assert "Traceback" not in err


def test_crash_is_3_and_distinct(desk, monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("kaboom")

    monkeypatch.setattr(cli, "run_scan", boom)
    code, _, err = run(["scan", "error.txt"])
    assert code == cli.EXIT_CRASH == 3
    assert err.strip() == "audit: internal error: RuntimeError: kaboom (set AUDIT_DEBUG=1 for a traceback)"
    assert len({cli.EXIT_CLEAN, cli.EXIT_FINDINGS, cli.EXIT_USAGE, cli.EXIT_CRASH}) == 4
    monkeypatch.setenv("AUDIT_DEBUG", "1")
    with pytest.raises(RuntimeError):
        run(["scan", "error.txt"])


def test_console_script_exit_code(desk):
    audit = Path(sys.executable).parent / "audit"  # the console script beside this interpreter
    if not audit.exists():
        pytest.skip(f"{audit} not installed")
    assert subprocess.run([str(audit), "scan", "error.txt"], capture_output=True).returncode == 1


# -- --report -----------------------------------------------------------------------------------------
def test_report_writes_html_under_reports_and_prints_the_path(desk):
    code, out, err = run(["scan", "error.txt", "--report", "--format", "json"])
    assert code == 1 and out.startswith("{")
    report = desk / "reports" / "audit-report.html"
    assert f"audit: HTML report written to {Path('reports') / 'audit-report.html'}" in err
    html = report.read_text(encoding="utf-8")
    assert html.count('<mark class="finding') == 1 and "Jerevan" in html
    assert (desk / "reports" / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"


# -- --changed-since ------------------------------------------------------------------------------------
def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@example.invalid", "HOME": str(cwd), "PATH": "/usr/bin:/bin"})


def test_changed_since_scans_only_changed_files(desk):
    if shutil.which("git") is None:
        pytest.skip("git not installed")
    _git(desk, "init", "-q", "-b", "main")
    _git(desk, "add", ".")
    _git(desk, "commit", "-q", "-m", "start")
    (desk / "info.txt").write_text(ERROR, encoding="utf-8")  # changed, unstaged
    (desk / "new.txt").write_text(ERROR, encoding="utf-8")  # untracked
    code, out, _ = run(["scan", ".", "--changed-since", "HEAD", "--format", "jsonl"])
    assert code == 1
    assert sorted({line.split('"path": "')[1].split('"')[0] for line in out.splitlines()}) == ["./info.txt", "./new.txt"]
    code, out, _ = run(["scan", "error.txt", "--changed-since", "HEAD"])
    assert code == 0 and "0 of 0 files" in out
    code, _, err = run(["scan", ".", "--changed-since", "no-such-ref"])
    assert code == 2 and "unknown revision 'no-such-ref'" in err


# -- progress ---------------------------------------------------------------------------------------------
class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_only_on_a_terminal_outside_ci(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("TERM", raising=False)
    assert cli.want_progress(_Terminal())
    assert not cli.want_progress(io.StringIO())
    monkeypatch.setenv("CI", "true")
    assert not cli.want_progress(_Terminal())


def test_progress_hears_of_every_file_and_the_bar_waits_for_many(tmp_path):
    for index in range(3):
        (tmp_path / f"{index}.txt").write_text(CLEAN, encoding="utf-8")
    calls = []
    scan([str(tmp_path)], Settings(glossaries=(str(GLOSSARY),)), progress=lambda *call: calls.append(call))
    assert [(done, total) for done, total, _ in calls] == [(1, 3), (2, 3), (3, 3)]
    bar = cli._ProgressBar()
    bar(1, cli.PROGRESS_MIN_FILES - 1, "a.txt")
    assert bar.progress is None, "no bar for a small scan"
    bar.close()


def test_piped_scan_prints_nothing_to_stderr(desk):
    for index in range(cli.PROGRESS_MIN_FILES + 5):
        (desk / f"many{index}.txt").write_text(CLEAN, encoding="utf-8")
    code, _, err = run(["scan", "."])
    assert code == 1 and err == ""


# -- rules and explain ------------------------------------------------------------------------------------
def test_rules_lists_every_rule():
    code, out, _ = run(["rules"])
    assert code == 0
    lines = out.splitlines()
    listed = documented_rules()  # the scan's rules, then `audit compare`'s (AUD5xx)
    assert len(lines) == len(listed) and set(all_rules()) <= set(listed)
    for rule, line in zip(listed, lines):
        assert line.split()[:3] == [rule.id, rule.name, rule.severity.label]
        assert line.endswith(rule.summary)
    assert any(line.startswith("AUD901  unused-suppression") for line in lines)


@pytest.mark.parametrize("rule", all_rules(), ids=lambda rule: rule.id)
def test_explain_prints_the_documentation(rule):
    for name in (rule.id, rule.name, rule.id.lower()):
        code, out, _ = run(["explain", name])
        assert code == 0
        assert out.startswith(f"{rule.id} {rule.name} ({rule.severity.label})")
        for heading in ("What it catches", "Why it matters", "Example", "How to fix"):
            assert f"## {heading}\n" in out
        assert rule.fix in out
