"""Exit codes: hostile input is a usage error (exit 2, one line naming the file), never an internal error (3)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hostile_support import audit, desk
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from audit import baseline as baselines

AUDIT = [sys.executable, "-m", "audit.cli"]


def _one_line_usage_error(code: int, err: str, name: str) -> None:
    assert code == 2, err
    assert err.startswith("audit: ") and err.count("\n") == 1 and name in err
    assert "internal error" not in err and "Traceback" not in err


@pytest.mark.parametrize("text", [
    "x = " + "[" * 5000 + "]" * 5000,  # arrays nested 5,000 deep
    "x = " + "{a=" * 3000 + "1" + "}" * 3000,  # inline tables nested 3,000 deep
    "x = " + "9" * 5000,  # an integer of 5,000 digits
])
def test_hostile_toml_glossary_and_configuration(tmp_path, text):
    article, _ = desk(tmp_path)
    bad = tmp_path / "bad.toml"
    bad.write_text(text + "\n", encoding="utf-8")
    _one_line_usage_error(*audit("scan", str(article), "-g", str(bad), "--isolated")[::2], name=str(bad))
    _one_line_usage_error(*audit("scan", str(article), "--config", str(bad))[::2], name="bad.toml")


@pytest.mark.parametrize("text", [
    '{"version": 1, "findings": ' + "[" * 5000 + "]" * 5000 + "}",
    '{"version": 1, "findings": [], "x": ' + "9" * 5000 + "}",
    '{"version": true, "findings": []}',
    '{"version": 1, "findings": [{"fingerprint": "ab", "occurrence": true}]}',
])
def test_hostile_baselines(tmp_path, text):
    article, glossary = desk(tmp_path)
    bad = tmp_path / "baseline.json"
    bad.write_text(text, encoding="utf-8")
    code, _, err = audit("scan", str(article), "-g", str(glossary), "--isolated", "--baseline", str(bad))
    _one_line_usage_error(code, err, str(bad))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=5),
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
                    max_leaves=12))
def test_any_json_is_a_baseline_or_a_baseline_error(tmp_path, document):
    path = tmp_path / "any.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    try:
        baselines.load(path)
    except baselines.BaselineError as error:
        assert str(error).startswith(str(path)) and "\n" not in str(error)


@pytest.mark.parametrize("argv, name", [
    (["--changed-since", ""], "--changed-since"),
    (["--changed-since", "--oops"], "--changed-since"),
    (["--language", "zz"], "--language"),
    (["-o", ""], "--output"),
])
def test_hostile_options(tmp_path, argv, name):
    article, glossary = desk(tmp_path)
    code, _, err = audit("scan", str(article), "-g", str(glossary), "--isolated", *argv)
    _one_line_usage_error(code, err, name)


def _cli(args: list[str], cwd: Path, **streams) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    return subprocess.run(AUDIT + args, cwd=cwd, env=env, capture_output="stdout" not in streams, timeout=120,
                          **streams)


def test_closed_stdin_is_an_input_problem(tmp_path):
    _, glossary = desk(tmp_path)
    done = _cli(["scan", "-", "-g", str(glossary), "--isolated"], tmp_path, stdin=subprocess.DEVNULL)
    assert done.returncode == 0  # empty standard input: nothing to report
    script = ("import os, sys; os.close(0); sys.stdin = None; from audit.cli import main; "
              f"sys.exit(main(['scan', '-', '-g', {str(glossary)!r}, '--isolated']))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])})
    assert done.returncode == 2 and "standard input is closed" in done.stderr and "internal" not in done.stderr


def test_closed_stdout_is_a_usage_error_and_output_still_works(tmp_path):
    article, glossary = desk(tmp_path)
    script = ("import os, sys; os.close(1); sys.stdout = None; from audit.cli import main; "
              f"sys.exit(main(['scan', {str(article)!r}, '-g', {str(glossary)!r}, '--isolated'] + sys.argv[1:]))")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 2 and "standard output is closed" in done.stderr and "internal" not in done.stderr
    report = tmp_path / "report.txt"
    done = subprocess.run([sys.executable, "-c", script, "-o", str(report)], capture_output=True, text=True,
                          timeout=120, env=env)
    assert done.returncode == 1 and "Stefanakert" in report.read_text(encoding="utf-8")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_stdout_is_a_usage_error(tmp_path):
    article, glossary = desk(tmp_path)
    with open("/dev/full", "w") as full:
        done = _cli(["scan", str(article), "-g", str(glossary), "--isolated"], tmp_path, stdout=full,
                    stderr=subprocess.PIPE)
    assert done.returncode == 2 and b"No space left" in done.stderr and b"internal" not in done.stderr


def test_a_broken_pipe_ends_quietly_with_the_verdict(tmp_path):
    article, glossary = desk(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    reader, writer = os.pipe()
    os.close(reader)  # `audit scan | true`: the reader is gone before the report is written
    with os.fdopen(writer, "wb") as stdout:
        done = subprocess.run(AUDIT + ["scan", str(article), "-g", str(glossary), "--isolated"], cwd=tmp_path,
                              env=env, stdout=stdout, stderr=subprocess.PIPE, timeout=120)
    err = done.stderr
    assert done.returncode == 1  # the findings' verdict, as if the report had been read
    assert b"Traceback" not in err and b"internal" not in err and b"Broken pipe" not in err


def test_an_untracked_file_name_that_is_not_utf8_with_changed_since(tmp_path):
    article, glossary = desk(tmp_path)
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run(git + ["init", "-q", str(tmp_path)], check=True)
    subprocess.run(git + ["-C", str(tmp_path), "add", "-A"], check=True)
    subprocess.run(git + ["-C", str(tmp_path), "commit", "-qm", "start"], check=True)
    with open(os.path.join(os.fsencode(article.parent), b"nouveau-\xe9.txt"), "wb") as stream:
        stream.write(b"Officials in Tavoz said so.\n")
    code, out, err = audit("scan", str(article.parent), "-g", str(glossary), "--isolated", "--changed-since", "HEAD",
                           "-f", "json")
    assert code == 1, err
    assert [Path(f["path"]).name for f in json.loads(out)["findings"]] == ["nouveau-\udce9.txt"] * 2 or \
        {Path(f["path"]).name for f in json.loads(out)["findings"]} == {"nouveau-\udce9.txt"}
