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


def test_a_plain_english_scan_imports_no_library_it_does_not_use(tmp_path):
    # A copy editor's one-article scan pays for every import: typer 0.29 imports pydantic to coerce options
    # (hence the cap in pyproject.toml), wordfreq brings ftfy and langcodes, langdetect its 55 profiles, numpy
    # only big glossaries need. None of them is needed for one plain English article with the bundled glossary.
    article = tmp_path / "story.txt"
    article.write_text("Nikol Pashinyan met Ilham Aliyew in Brussels on Monday, the ministry said.\n", encoding="utf-8")
    code = ("import sys; from audit import launch; code = launch.main(['scan', '--isolated', sys.argv[1]]); "
            "print(code, sorted(m for m in ('pydantic', 'wordfreq', 'langdetect', 'numpy') if m in sys.modules))")
    # -P: the installed package, not the source tree of the current folder (which lacks audit.glossaries)
    done = subprocess.run([sys.executable, "-P", "-c", code, str(article)], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == "1 []", done.stdout + done.stderr


def test_a_plain_english_scan_reads_no_other_languages_word_lists(tmp_path):
    # The bundled glossary is indexed on every scan (it builds faster than it loads): the rule that reads
    # 24 languages' lists (a gazetteer's places' ordinary words, audit/matching/index.py) must not run for
    # it, nor must any other language's list be read for a plain English article (0.18 s of a 0.5 s scan).
    article = tmp_path / "story.txt"
    article.write_text("Nikol Pashinyan met Ilham Aliyew in Brussels on Monday, the ministry said.\n", encoding="utf-8")
    code = ("import sys; from audit import launch; from audit.text import frequency; "
            "code = launch.main(['scan', '--isolated', sys.argv[1]]); "
            "print(code, frequency._common_somewhere.cache_info().currsize, frequency._head.cache_info().currsize, "
            "frequency._table.cache_info().currsize)")
    done = subprocess.run([sys.executable, "-P", "-c", code, str(article)], capture_output=True, text=True, check=True)
    # At most English's head (what AUD402 asks of the article's sentences) and English's whole list.
    scan_code, common_words, heads, tables = map(int, done.stdout.splitlines()[-1].split())
    assert (scan_code, common_words) == (1, 0) and heads <= 1 and tables <= 1, done.stdout + done.stderr
