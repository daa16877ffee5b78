"""The Markdown reader: prose and link text are read; code, URLs, images and front matter are not."""
from __future__ import annotations

from reader_support import FIXTURES, assert_verbatim_except, read_fixture

from audit.config import Settings
from audit.engine import scan
from audit.readers import markdown


def test_code_urls_images_and_front_matter_are_skipped_link_text_is_kept():
    text = read_fixture("article.md", "markdown").text
    assert "Stefancart" not in text and "Jerevan]" not in text and "example.com" not in text
    assert "title:" not in text and "```" not in text and "**" not in text
    for shown in ("Envoys meet in Stepanakret", "Nicholas Pashinyan", "the report from Stepanakert",
                  "Officials in Stepanakert said", "second point with Yerevan", "*cautious*", "Bärbock"):
        assert shown in text, shown


def test_every_visible_word_maps_back_to_its_raw_characters():
    reading = read_fixture("article.md", "markdown")
    assert_verbatim_except(reading, {"B&auml;rbock": "Bärbock", "\\*cautious\\*": "*cautious*"})


def test_findings_point_into_the_raw_file():
    path = FIXTURES / "article.md"
    raw = path.read_text(encoding="utf-8")
    result = scan([str(path)], Settings())
    found = {(f.text, raw[f.start:f.end]) for f in result.findings}
    assert ("Bärbock", "B&auml;rbock") in found
    assert ("Stepanakret", "Stepanakret") in found and ("Jerevan", "Jerevan") in found
    heading = next(f for f in result.findings if f.text == "Stepanakret")
    assert (heading.line, heading.column) == (5, 18)  # under the front matter, after "# Envoys meet in "
    assert not any("Stefancart" in f.text for f in result.findings)


def test_crlf_lines_nested_lists_and_reference_links():
    raw = "Intro line one\r\nline two\r\n\r\n- a [Baku][ref] b\r\n  - nested Susa\r\n\r\n[ref]: https://x.example/jerevan\r\n"
    reading = markdown.read(raw)
    assert reading.text.split() == ["Intro", "line", "one", "line", "two", "a", "Baku", "b", "nested", "Susa"]
    assert_verbatim_except(reading, {})


def test_a_file_without_front_matter_keeps_a_leading_rule():
    reading = markdown.read("Baku\n\n---\n\nYerevan\n")
    assert reading.text.split() == ["Baku", "Yerevan"]
