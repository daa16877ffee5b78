"""The console script's fast path: `audit --version` answers as the CLI does, without importing it."""
from __future__ import annotations

import subprocess
import sys

from audit import cli, launch


def test_version_is_printed_as_the_cli_prints_it(capsys):
    assert cli.main(["--version"]) == 0
    from_cli = capsys.readouterr().out
    assert launch.main(["--version"]) == 0
    assert capsys.readouterr().out == from_cli


def test_version_does_not_import_the_cli():
    code = "import sys; from audit import launch; launch.main(['--version']); print(sorted(m for m in sys.modules if m.startswith(('audit.', 'typer'))))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == "['audit.build', 'audit.launch']"


def test_everything_else_goes_to_the_cli(tmp_path, capsys):
    article = tmp_path / "story.txt"
    article.write_text("The minister spoke in the capital on Monday.\n", encoding="utf-8")
    assert launch.main(["scan", "--isolated", str(article)]) == cli.main(["scan", "--isolated", str(article)]) == 0
