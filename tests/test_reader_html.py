"""The HTML reader: only what a browser shows is checked, and findings point into the page's source."""
from __future__ import annotations

import html
import re

from reader_support import FIXTURES, assert_verbatim_except, read_fixture, words_with_raw
from report_support import run

from audit.config import Settings
from audit.engine import scan
from audit.readers import ReaderOptions
from audit.readers import html as html_reader

PAGE = FIXTURES / "page.html"


def test_only_visible_text_is_read():
    reading = read_fixture("page.html", "html")
    text = reading.text
    for hidden in ("tracker", "Stefancart-banner", "window.Nicholas", "Jerevan desk", "stefancart.jpg",
                   "Stefancart at dawn", "Enable scripts", "Stefancart template", "charset"):
        assert hidden not in text, hidden
    for shown in ("Talks resume in Yerevan", "Envoys meet in Stepanakret", "Nicholas Pashinyan",
                  "Leave a Reply Cancel reply", "A second line."):
        assert shown in text, shown


def test_blocks_and_line_breaks_keep_words_apart():
    text = html_reader.read("<div>Baku</div><div>Yerevan</div><p>one<br>two</p><span>in</span><b>line</b>").text
    assert text.split() == ["Baku", "Yerevan", "one", "two", "inline"]


def test_every_visible_word_maps_back_to_its_raw_characters():
    reading = read_fixture("page.html", "html")
    assert_verbatim_except(reading, {"B&auml;rbock": "Bärbock", "&quot;cautious&quot;": '"cautious"', "&amp;": "&"})
    raws = [raw for _, raw in words_with_raw(reading)]
    assert "B&auml;rbock" in raws and "&amp;" in raws


def test_findings_point_into_the_raw_page():
    raw = PAGE.read_text(encoding="utf-8")
    result = scan([str(PAGE)], Settings())
    assert result.findings
    lines = raw.splitlines(keepends=True)
    for finding in result.findings:
        span = raw[finding.start:finding.end]
        assert html.unescape(re.sub(r"<[^>]*>", "", span)).split() == finding.text.split(), finding
        line_start = sum(len(line) for line in lines[: finding.line - 1])
        assert finding.start == line_start + finding.column - 1
    texts = {f.text for f in result.findings}
    assert {"Stepanakret", "Nicholas Pashinyan", "Bärbock", "Jerevan"} <= texts
    bärbock = next(f for f in result.findings if f.text == "Bärbock")
    assert raw[bärbock.start:bärbock.end] == "B&auml;rbock"


def test_script_style_nav_and_attributes_are_not_reported_and_the_footer_form_is():
    result = scan([str(PAGE)], Settings())
    raw = PAGE.read_text(encoding="utf-8")
    body_start = raw.index("<article>")
    assert all(f.start > body_start for f in result.findings), "nothing from <head>, <nav> or attributes"
    debris = [f for f in result.findings if f.rule == "AUD201"]
    assert debris and debris[0].text.startswith("Leave a Reply")
    assert raw[debris[0].start:].startswith("Leave a Reply")


def test_text_output_names_raw_lines_and_columns():
    code, out, _ = run(["scan", str(PAGE), "--isolated", "--no-color"])
    assert code == 1
    raw_lines = PAGE.read_text(encoding="utf-8").splitlines()
    located = re.findall(r":(\d+):(\d+) .*?\"([^\"]+)\" \u2192", out)
    assert located
    for line, column, text in located:
        first_word = text.split()[0]
        at = raw_lines[int(line) - 1][int(column) - 1:]
        assert at.startswith(first_word) or html.unescape(at).startswith(first_word), (line, column, text)
    assert "tracker" not in out and "Stefancart" not in out


def test_html_report_shows_only_the_visible_text():
    code, out, _ = run(["scan", str(PAGE), "--isolated", "--format", "html"])
    assert code == 1
    copy = re.search(r'<pre class="copy">(.*?)</pre>', out, re.DOTALL).group(1)
    plain = html.unescape(re.sub(r"<span class=\"tip\".*?</span></mark>", "", copy, flags=re.DOTALL))
    plain = re.sub(r"<[^>]+>", "", plain)
    assert "tracker" not in plain and "Stefancart" not in plain and "<nav" not in plain and "&auml;" not in plain
    assert "Annalena Bärbock" in plain and "Leave a Reply" in plain
    assert re.search(r'data-rule="AUD101"[^>]*>Jerevan<span class="tip"', copy)
    assert re.search(r'>Bärbock<span class="tip"', copy)


SITE_PAGE = """<html><head><title>Desk</title></head><body>
<div class="teaser">Also read: Stefancart under fire</div>
<!-- an <article> named in a comment is no article -->
<main><p>Main column</p><article><h1>Talks in Baku</h1>
<p>Envoys from Stefancart met in Baku.</p></article></main>
<footer><p>Leave a Reply Cancel reply</p></footer>
</body></html>
"""


def test_article_only_reads_the_article_and_keeps_raw_positions():
    reading = html_reader.read(SITE_PAGE, ReaderOptions(article_only=True))
    assert reading.text.split() == ["Talks", "in", "Baku", "Envoys", "from", "Stefancart", "met", "in", "Baku."]
    assert_verbatim_except(reading, {})
    whole = html_reader.read(SITE_PAGE).text
    assert "Also read" in whole and "Leave a Reply" in whole and "Main column" in whole


def test_article_only_falls_back_to_main_then_to_the_whole_page():
    in_main = SITE_PAGE.replace("<article>", "<section>").replace("</article>", "</section>")
    assert html_reader.read(in_main, ReaderOptions(article_only=True)).text.split()[:2] == ["Main", "column"]
    bare = in_main.replace("<main>", "<div>").replace("</main>", "</div>")
    assert html_reader.read(bare, ReaderOptions(article_only=True)).text == html_reader.read(bare).text


def test_html_article_option_leaves_the_site_around_the_article_alone(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(SITE_PAGE, encoding="utf-8")
    _, whole, _ = run(["scan", str(page), "--isolated", "--no-color"])
    code, article, _ = run(["scan", str(page), "--isolated", "--no-color", "--html-article"])
    assert "Also read" in whole and "Leave a Reply" in whole
    assert code == 1 and "Stefancart" in article
    assert "AUD201" not in article and "Also read" not in article
    line = SITE_PAGE.splitlines().index("<p>Envoys from Stefancart met in Baku.</p></article></main>") + 1
    assert f"page.html:{line}:" in article
