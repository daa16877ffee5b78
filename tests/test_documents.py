"""Documents: offsets to line/column, decoding, finding files, and unreadable files not stopping a scan."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

import audit.documents as documents
from audit.cli import main
from audit.config import Settings
from audit.documents import Document, DocumentError, decode, expand_paths, read_document
from audit.engine import scan
from audit.model import Rule, Severity


# -- line and column -------------------------------------------------------------------------------
def test_positions_are_one_based():
    document = Document.from_text("a.txt", "Baku\nYerevan\n")
    assert document.position(0) == (1, 1)  # first character
    assert document.position(3) == (1, 4)
    assert document.position(4) == (1, 5)  # the line break belongs to line 1
    assert document.position(5) == (2, 1)
    assert document.position(11) == (2, 7)  # last letter
    assert document.position(13) == (3, 1)  # end of text, after the final newline


def test_positions_with_crlf():
    text = "Baku\r\nYerevan\r\n\r\nTovuz"
    document = Document.from_text("a.txt", text)
    assert document.line_starts == (0, 6, 15, 17)
    assert document.position(text.index("Yerevan")) == (2, 1)
    assert document.position(text.index("Tovuz")) == (4, 1)
    assert document.position(len(text) - 1) == (4, 5)  # last character
    assert document.position(len(text)) == (4, 6)  # exclusive end of the last character
    assert document.position(4) == (1, 5) and document.position(5) == (1, 6)  # \r and \n stay on line 1


def test_positions_with_bare_cr_and_mixed_endings():
    text = "one\rtwo\nthree\r\nfour"
    document = Document.from_text("a.txt", text)
    assert [document.position(text.index(word)) for word in ("one", "two", "three", "four")] == [(1, 1), (2, 1), (3, 1), (4, 1)]


def test_columns_count_characters_not_bytes():
    text = "Çavuşoğlu met Aliyev"
    document = Document.from_text("a.txt", text)
    assert document.position(text.index("Aliyev")) == (1, 15)


def test_text_without_line_break_and_empty_text():
    assert Document.from_text("a.txt", "Baku").position(3) == (1, 4)
    empty = Document.from_text("a.txt", "")
    assert empty.line_starts == (0,)
    assert empty.position(0) == (1, 1)


def test_line_text_drops_the_line_break():
    document = Document.from_text("a.txt", "Baku\r\nYerevan\nTovuz")
    assert [document.line_text(n) for n in (1, 2, 3)] == ["Baku", "Yerevan", "Tovuz"]


def test_finding_fills_in_positions():
    text = "Refugees left.\r\nShelling near Tovouz\r\ncontinued."
    document = Document.from_text("a.txt", text)
    rule = Rule("AUD999", "test-rule", Severity.WARNING, "s", "w", "y", "e", "f")
    start = text.index("Tovouz")
    finding = document.finding(rule, start, start + 6, "msg", suggestion="Tovuz", confidence=1.7)
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (2, 15, 2, 21)
    assert finding.text == "Tovouz"
    assert finding.confidence == 1.0  # clamped into 0..1
    assert finding.severity == Severity.WARNING and finding.rule == "AUD999" and finding.name == "test-rule"
    # a span running over a line break ends on the next line
    across = document.finding(rule, start, text.index("continued") + 3, "msg")
    assert (across.line, across.end_line, across.end_column) == (2, 3, 4)


@pytest.mark.parametrize(
    ("path", "kind"), [("a.txt", "text"), ("a.MD", "markdown"), ("a.markdown", "markdown"), ("a.htm", "html"), ("a.html", "html"), ("-", "text")]
)
def test_kind_from_the_file_name(path, kind):
    assert Document.from_text(path, "").kind == kind


# -- decoding --------------------------------------------------------------------------------------
def test_utf8_bom_is_dropped():
    assert decode("\ufeffBaku".encode("utf-8"), "a.txt") == "Baku"


def test_utf8_is_kept():
    assert decode("Gäncä, Şuşa".encode("utf-8"), "a.txt") == "Gäncä, Şuşa"


def test_cp1252_fallback():
    data = "Caf\u00e9 in Baku \u2013 \u201cquoted\u201d".encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert decode(data, "a.txt") == "Caf\u00e9 in Baku \u2013 \u201cquoted\u201d"


def test_binary_file_is_an_error_naming_the_file():
    with pytest.raises(DocumentError, match=r"^photo\.txt: .*binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "photo.txt")


def test_neither_utf8_nor_cp1252_is_an_error():
    with pytest.raises(DocumentError, match=r"^a\.txt: not UTF-8 or Windows-1252"):
        decode(b"Baku \x81\x8d\x8f", "a.txt")


def test_read_document(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes("Baku\r\nYerevan".encode("utf-8-sig"))
    document = read_document(path)
    assert document.path == str(path)
    assert document.text == "Baku\r\nYerevan"  # line endings kept as they are
    assert document.position(6) == (2, 1)


def test_read_missing_document(tmp_path):
    with pytest.raises(DocumentError, match="cannot read"):
        read_document(tmp_path / "none.txt")


# -- finding files ---------------------------------------------------------------------------------
@pytest.fixture
def tree(tmp_path):
    files = [
        "b.txt",
        "a.md",
        "c.html",
        "d.htm",
        "e.markdown",
        "f.text",
        "UPPER.TXT",
        "notes.json",
        "image.png",
        ".hidden.txt",
        "sub/z.txt",
        "sub/deeper/y.txt",
        "sub/deeper/skip.pdf",
        ".git/config.txt",
        "sub/.cache/x.txt",
    ]
    for name in files:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("Baku.\n", encoding="utf-8")
    return tmp_path


def _rel(paths, root):
    return [os.path.relpath(p, root).replace(os.sep, "/") for p in paths]


def test_directories_are_walked_recursively_for_article_files(tree):
    skipped: list[str] = []
    files, missing = expand_paths([str(tree)], skipped)
    assert missing == []
    assert sorted(_rel(files, tree)) == sorted(
        ["a.md", "b.txt", "c.html", "d.htm", "e.markdown", "f.text", "UPPER.TXT", "sub/z.txt", "sub/deeper/y.txt"]
    )
    # Files no reader reads are listed, not dropped silently; hidden ones (.git, dotfiles) are not articles.
    assert sorted(_rel(skipped, tree)) == ["image.png", "notes.json", "sub/deeper/skip.pdf"]


def test_order_is_stable(tree):
    first, _ = expand_paths([str(tree)])
    second, _ = expand_paths([str(tree)])
    assert first == second
    top = [p for p in _rel(first, tree) if "/" not in p]
    assert top == sorted(top)


def test_explicit_file_of_any_suffix_and_hidden_explicit_file(tree):
    files, missing = expand_paths([str(tree / "notes.json"), str(tree / ".hidden.txt")])
    assert _rel(files, tree) == ["notes.json", ".hidden.txt"]
    assert missing == []


def test_missing_paths_are_reported_not_raised(tree):
    files, missing = expand_paths([str(tree / "b.txt"), str(tree / "nope.txt"), str(tree / "nodir")])
    assert _rel(files, tree) == ["b.txt"]
    assert missing == [str(tree / "nope.txt"), str(tree / "nodir")]


def test_stdin_and_duplicates(tree):
    files, _ = expand_paths(["-", str(tree / "b.txt"), str(tree / "b.txt"), str(tree / "sub")])
    assert files[0] == "-"
    assert _rel(files[1:], tree) == ["b.txt", "sub/deeper/y.txt", "sub/z.txt"]
    assert len(files) == len(set(files))


def test_relative_paths_stay_relative(tree, monkeypatch):
    monkeypatch.chdir(tree)
    files, _ = expand_paths(["sub"])
    assert all(not os.path.isabs(p) for p in files)
    assert sorted(files) == sorted([os.path.join("sub", "z.txt"), os.path.join("sub", "deeper", "y.txt")])


# -- one unreadable file does not stop a scan ------------------------------------------------------
@pytest.fixture
def mixed(tmp_path, names_glossary_path):
    (tmp_path / "a.txt").write_text("Villagers in Tovouz said the shelling stopped.\n", encoding="utf-8")
    (tmp_path / "b.bin.txt").write_bytes(b"\x00\x01\x02 not text \x00")
    (tmp_path / "c.txt").write_text("Photo: The mirror\n", encoding="utf-8")
    return tmp_path


def test_engine_reports_the_unreadable_file_and_scans_the_rest(mixed, names_glossary_path):
    result = scan([str(mixed)], Settings(glossaries=(str(names_glossary_path),)))
    assert [Path(p.path).name for p in result.problems] == ["b.bin.txt"]
    assert "binary" in result.problems[0].message
    assert result.files_scanned == 2
    rules = {(Path(f.path).name, f.rule, f.text) for f in result.findings}
    assert ("a.txt", "AUD101", "Tovouz") in rules
    assert ("c.txt", "AUD103", "The mirror") in rules
    assert "b.bin.txt" in str(result.problems[0])
    assert any("b.bin.txt" in line for line in result.summary()["problems"])


def test_engine_reports_a_file_that_cannot_be_opened(mixed, names_glossary_path, monkeypatch):
    victim = mixed / "a.txt"
    real = documents.read_regular  # every article is read through it (root may read a chmod-000 file)

    def refuse(path, max_size=None):
        if Path(path) == victim:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path, max_size)

    monkeypatch.setattr(documents, "read_regular", refuse)
    result = scan([str(mixed / "a.txt"), str(mixed / "c.txt")], Settings(glossaries=(str(names_glossary_path),)))
    assert [(p.path, p.message) for p in result.problems] == [(str(victim), "cannot read (Permission denied)")]
    assert [f.text for f in result.findings if f.rule == "AUD103"] == ["The mirror"]


def test_engine_reports_missing_paths(tmp_path, names_glossary_path):
    (tmp_path / "a.txt").write_text("Photo: The mirror\n", encoding="utf-8")
    result = scan([str(tmp_path / "a.txt"), str(tmp_path / "gone.txt")], Settings(glossaries=(str(names_glossary_path),)))
    assert [p.path for p in result.problems] == [str(tmp_path / "gone.txt")]
    assert [f.rule for f in result.findings if f.rule == "AUD103"] == ["AUD103"]


def test_cli_exits_2_names_the_file_and_still_reports(mixed, names_glossary_path, capsys):
    code = main(["scan", "--glossary", str(names_glossary_path), "--format", "json", str(mixed)])
    out, err = capsys.readouterr()
    assert code == 2
    assert "b.bin.txt" in err
    assert "Traceback" not in err
    assert '"Tovouz"' in out and '"The mirror"' in out


def test_cli_missing_file_exits_2(tmp_path, names_glossary_path, capsys):
    code = main(["scan", "--glossary", str(names_glossary_path), str(tmp_path / "gone.txt")])
    err = capsys.readouterr().err
    assert code == 2
    assert "gone.txt" in err
