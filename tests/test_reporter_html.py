"""`--format html` without a browser: structure, escaping, overlapping findings (the browser test is
test_html_browser.py)."""
from __future__ import annotations

import re
from html.parser import HTMLParser

from report_support import make_finding, make_result

from audit.reporters import html_report

TEXT = "Officials in Stepanakret met envoys from Jerevan <script>alert(1)</script>."


class _Marks(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.marks = 0
        self.depth = 0
        self.max_depth = 0
        self.scripts = 0

    def handle_starttag(self, tag, attrs):
        if tag == "mark":
            self.marks += 1
            self.depth += 1
            self.max_depth = max(self.max_depth, self.depth)
        if tag == "script":
            self.scripts += 1

    def handle_endtag(self, tag):
        if tag == "mark":
            self.depth -= 1


def _finding(surface: str, start: int, **options):
    return make_finding(surface, path="a.txt", start=start, line=1, column=start + 1, **options)


def _parse(html: str) -> _Marks:
    parser = _Marks()
    parser.feed(html)
    assert parser.depth == 0, "every mark is closed"
    return parser


def test_text_is_escaped_and_findings_marked():
    findings = [_finding("Stepanakret", 13, suggestion="Stepanakert"), _finding("Jerevan", 41, suggestion="Yerevan")]
    html = html_report.render(make_result(findings, texts={"a.txt": TEXT}))
    parsed = _parse(html)
    assert parsed.marks == 2 and parsed.scripts == 1
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_overlapping_and_nested_findings_keep_one_mark_each():
    findings = [
        _finding("Officials in Stepanakret", 0, rule="AUD201", name="scraper-debris", suggestion=None),
        _finding("Stepanakret", 13),  # nested in the first
        _finding("Stepanakret met", 13, rule="AUD104", name="name-casing"),  # crosses nothing it contains
        _finding("met envoys", 25, rule="AUD402", name="untranslated-sentence"),  # crosses the third
        _finding("Stepanakret", 13, rule="AUD102", name="given-name-substitution"),  # identical span
    ]
    for finding in findings:
        assert TEXT[finding.start:finding.end] == finding.text
    html = html_report.render(make_result(findings, texts={"a.txt": TEXT}))
    parsed = _parse(html)
    assert parsed.marks == len(findings)
    copy = re.search(r'<pre class="copy">(.*?)</pre>', html, re.S).group(1)
    visible = re.sub(r'<span class="tip".*?</span></span>|<span class="tip".*?</span>', "", copy)
    assert re.sub(r"<[^>]+>", "", visible).replace("&lt;", "<").replace("&gt;", ">") == TEXT


def test_laminar_spans_never_cross():
    findings = [_finding("Officials in", 0), _finding("in Stepanakret", 10), _finding("Stepanakret met", 13)]
    spans = html_report._laminar(findings, len(TEXT))
    for a in spans:
        for b in spans:
            overlap = a[0] < b[1] and b[0] < a[1]
            nested = (a[0] <= b[0] and b[1] <= a[1]) or (b[0] <= a[0] and a[1] <= b[1])
            assert not overlap or nested, (a, b)


def test_without_text_the_findings_are_still_listed():
    html = html_report.render(make_result([_finding("Jerevan", 41)]))
    assert "text was not kept" in html and html.count('<li data-finding') == 1


def test_clean_files_and_problems_are_listed():
    from audit.model import InputProblem

    html = html_report.render(make_result([], paths=["clean.txt"], problems=[InputProblem("bad<.txt", "binary")]))
    assert "1 file without findings" in html and "clean.txt" in html
    assert "bad&lt;.txt: binary" in html
