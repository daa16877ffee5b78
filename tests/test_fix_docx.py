"""`audit fix` on Word documents: the fix goes into the run that holds the name, its formatting kept."""
from __future__ import annotations

import docx
from report_support import run


def _story(path, build):
    document = docx.Document()
    build(document)
    document.save(path)
    return path


def _runs(path) -> list[list[tuple[str, bool | None, bool | None]]]:
    return [[(r.text, r.bold, r.italic) for r in p.runs] for p in docx.Document(path).paragraphs]


def _bold_garble(document):
    paragraph = document.add_paragraph("Envoys from ")
    paragraph.add_run("Jerevan").bold = True
    paragraph.add_run(" arrived on Monday.")


def test_a_name_is_fixed_inside_its_run_and_keeps_its_formatting(tmp_path):
    story = _story(tmp_path / "story.docx", _bold_garble)
    code, _, err = run(["fix", str(story), "--isolated"])
    assert code == 1, err
    assert _runs(story) == [[("Envoys from ", None, None), ("Yerevan", True, None), (" arrived on Monday.", None, None)]]
    assert run(["scan", str(story), "--isolated", "--select", "AUD1"])[0] == 0


def test_diff_shows_the_paragraph_and_changes_nothing(tmp_path):
    story = _story(tmp_path / "story.docx", _bold_garble)
    before = story.read_bytes()
    code, out, _ = run(["fix", str(story), "--isolated", "--diff"])
    assert code == 1
    assert "-Envoys from Jerevan arrived on Monday." in out and "+Envoys from Yerevan arrived on Monday." in out
    assert story.read_bytes() == before


def test_a_name_split_by_formatting_is_left_to_a_person(tmp_path):
    def split(document):
        paragraph = document.add_paragraph("Envoys from Jere")
        paragraph.add_run("van").italic = True
        paragraph.add_run(" arrived.")

    story = _story(tmp_path / "story.docx", split)
    before = story.read_bytes()
    code, _, err = run(["fix", str(story), "--isolated"])
    assert code == 0 and "split by formatting" in err
    assert story.read_bytes() == before


def test_debris_paragraphs_go_whole_and_table_cells_are_fixed(tmp_path):
    def page(document):
        document.add_paragraph("[ad_1]")
        document.add_paragraph("Talks resumed in Yerevan.")
        document.add_table(rows=1, cols=1).cell(0, 0).paragraphs[0].add_run("Shelling near Jerevan.")
        document.add_paragraph("Source link")

    story = _story(tmp_path / "story.docx", page)
    code, _, err = run(["fix", str(story), "--isolated", "--unsafe-fixes"])
    assert code == 1, err
    fixed = docx.Document(story)
    assert [p.text for p in fixed.paragraphs] == ["Talks resumed in Yerevan."]
    assert fixed.tables[0].cell(0, 0).text == "Shelling near Yerevan."


def test_debris_stays_without_unsafe_fixes(tmp_path):
    story = _story(tmp_path / "story.docx", lambda d: (d.add_paragraph("[ad_1]"), d.add_paragraph("Met in Yerevan.")))
    assert run(["fix", str(story), "--isolated"])[0] == 0
    assert [p.text for p in docx.Document(story).paragraphs] == ["[ad_1]", "Met in Yerevan."]


def test_a_garble_in_a_header_is_fixed_there(tmp_path):
    def build(document):
        document.add_paragraph("Envoys arrived on Monday.")
        document.sections[0].header.paragraphs[0].text = "From our correspondent in Jerevan"

    story = _story(tmp_path / "story.docx", build)
    code, _, err = run(["fix", str(story), "--isolated"])
    assert code == 1, err
    fixed = docx.Document(story)
    assert fixed.sections[0].header.paragraphs[0].text == "From our correspondent in Yerevan"
    assert [p.text for p in fixed.paragraphs] == ["Envoys arrived on Monday."]
