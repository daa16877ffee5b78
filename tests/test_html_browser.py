"""The HTML report in a real headless browser: Debian's chromium, driven by Selenium with chromedriver.

Checks what only a browser can: one highlight per finding in the copy, an HTML article's ``<script>``
never run nor shown, the rule and severity filters, tooltips on focus, and that the page loads nothing.

Needs /usr/bin/chromium and /usr/bin/chromedriver (``bash .ci/install-browser.sh``) and selenium (the
``test`` extra). Without them the tests skip, except under CI (the CI variable set), where they fail.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from report_support import ARTICLES_REL, at_root, fixture_result, run

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"browser test cannot run in CI: {reason} (.ci/install-browser.sh installs it)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        _unavailable("selenium is not installed (pip install -e '.[test]')")
    for program in (CHROMIUM, CHROMEDRIVER):
        if not os.access(program, os.X_OK):
            _unavailable(f"{program} not found (apt-get install chromium chromium-driver)")
    profile = tempfile.mkdtemp(prefix="audit-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (*FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(20)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("html") / "report.html"
    with at_root():
        code, _, err = run(["scan", ARTICLES_REL, "--format", "html", "--output", str(path)])
    assert code == 1, err
    return path


@pytest.fixture()
def page(browser, report):
    browser.get(report.as_uri())
    return browser


def _count(driver, selector: str) -> int:
    return driver.execute_script("return document.querySelectorAll(arguments[0]).length", selector)


def _in_the_copy(findings):
    """The findings that stand in the text a reader sees: a suppression marker in an HTML comment of a
    Markdown or HTML article is markup, listed under the article but not highlighted in it."""
    return [f for f in findings if not (f.rule == "AUD901" and f.text.startswith("<!--"))]


def test_one_highlight_per_finding(page):
    findings = fixture_result().findings
    shown = _in_the_copy(findings)
    assert findings and len(shown) == len(findings) - 1, "the fixtures have one marker in a comment"
    assert _count(page, "mark.finding") == len(shown)
    assert _count(page, "ol.findings li") == len(findings)  # every finding is listed
    assert _count(page, "mark.finding.off") == 0
    for finding in shown:
        assert _count(page, f'mark.finding[data-rule="{finding.rule}"]') == sum(f.rule == finding.rule for f in shown)
    assert page.find_element("id", "showing").text == f"Showing {len(shown)} of {len(shown)} highlights"


def test_article_markup_never_runs_and_only_visible_text_is_shown(page):
    from selenium.common.exceptions import NoAlertPresentException

    with pytest.raises(NoAlertPresentException):
        page.switch_to.alert  # noqa: B018 - an alert() from the article would be open here
    assert page.execute_script("return document.scripts.length") == 1  # the report's own filter script
    assert _count(page, "main img") == 0 and _count(page, "main article") == 0 and _count(page, "main p b") == 0
    copy = page.execute_script(
        "return Array.from(document.querySelectorAll('pre.copy')).map(p => p.textContent).join('\\n')"
    )
    # The HTML article is shown as a reader sees it: its script and image are markup, not copy.
    assert "Envoys travelled from" in copy and "A reporter's note:  is not an image here." in copy
    assert "bold & entities" in copy
    assert "alert(" not in copy and "onerror" not in copy


def test_filters_hide_and_show_highlights(page):
    findings = _in_the_copy(fixture_result().findings)
    garbled = sum(f.rule == "AUD101" for f in findings)
    errors = sum(f.severity.label == "error" for f in findings)
    rule_box = page.find_element("css selector", 'input[data-filter="rule"][value="AUD101"]')
    rule_box.click()
    assert _count(page, "mark.finding.off") == garbled
    assert _count(page, 'mark.finding.off:not([data-rule="AUD101"])') == 0
    assert _count(page, 'ol.findings li[hidden][data-rule="AUD101"]') == garbled
    assert page.find_element("id", "showing").text == f"Showing {len(findings) - garbled} of {len(findings)} highlights"
    rule_box.click()
    assert _count(page, "mark.finding.off") == 0
    severity_box = page.find_element("css selector", 'input[data-filter="severity"][value="error"]')
    severity_box.click()
    assert _count(page, "mark.finding.off") == errors
    assert _count(page, 'mark.finding.off:not([data-severity="error"])') == 0
    severity_box.click()
    assert _count(page, "mark.finding.off") == 0


def test_focus_shows_rule_and_suggestion(page):
    mark = page.find_element("css selector", 'mark.finding[data-rule="AUD102"]')
    tip = mark.find_element("css selector", ".tip")
    assert not tip.is_displayed()
    page.execute_script("arguments[0].focus()", mark)
    assert tip.is_displayed()
    assert "AUD102 given-name-substitution" in tip.text and "Nikol Pashinyan" in tip.text


def test_page_loads_nothing_from_anywhere(page, report):
    resources = page.execute_script("return performance.getEntriesByType('resource').length")
    assert resources == 0
    text = report.read_text(encoding="utf-8")
    assert "http://" not in text and "https://" not in text
    assert "Content-Security-Policy" in text
