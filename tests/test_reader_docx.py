"""Word documents: paragraphs (table cells too) are read; a finding's line is its paragraph."""
from __future__ import annotations

import docx
from report_support import run

from audit.config import Settings
from audit.engine import scan


def _write(path, paragraphs, cells=()):
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if cells:
        table = document.add_table(rows=1, cols=len(cells))
        for cell, text in zip(table.rows[0].cells, cells):
            cell.text = text
    document.add_paragraph("Closing words.")
    document.save(path)


def test_findings_name_paragraph_and_column(tmp_path):
    path = tmp_path / "story.docx"
    _write(path, ["Talks resume.", "Prime Minister Nicholas Pashinyan flew to Jerevan."], cells=["Baku", "In Stepanakret"])
    result = scan([str(path)], Settings())
    located = {(f.text, f.line, f.column) for f in result.findings}
    assert ("Nicholas Pashinyan", 2, 16) in located and ("Jerevan", 2, 43) in located
    assert ("Stepanakret", 4, 4) in located  # the table's second cell is paragraph 4
    assert not result.problems


def test_a_folder_scan_reads_docx_and_a_broken_one_is_a_problem(tmp_path):
    _write(tmp_path / "good.docx", ["Envoys met in Jerevan."])
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 not really a zip")
    code, out, err = run(["scan", str(tmp_path), "--isolated", "--no-color"])
    assert code == 2
    assert "good.docx:1:15" in out and "Jerevan" in out
    assert "broken.docx: not a readable docx file (not a Word document" in err


def test_headers_and_footers_are_read_after_the_body(tmp_path):
    document = docx.Document()
    document.add_paragraph("Talks resumed on Monday.")
    document.add_paragraph("Envoys met in Baku.")
    header = document.sections[0].header
    header.is_linked_to_previous = False
    header.paragraphs[0].text = "Dateline: Jerevan"
    document.sections[0].footer.paragraphs[0].text = "Photo: The mirror"
    second = document.add_section()  # its header repeats the first section's: read once
    assert second.header.is_linked_to_previous
    path = tmp_path / "story.docx"
    document.save(path)
    located = {(f.rule, f.text, f.line, f.column) for f in scan([str(path)], Settings()).findings}
    # The body is three paragraphs (the section break is one); the header is the 4th, the footer the 5th.
    assert ("AUD101", "Jerevan", 4, 11) in located
    assert ("AUD103", "The mirror", 5, 8) in located
