"""AUD201 scraper-debris: the bundled patterns, blocks, user pattern files and their validation."""
from __future__ import annotations

from pathlib import Path

import pytest

from audit.checks import scraper_debris
from audit.config import Settings
from audit.debris import default_patterns, find_debris, load_patterns, parse_patterns
from audit.documents import Document
from audit.engine import build_context
from audit.glossary import Glossary
from audit.model import Severity
from audit.text import DataFileError


def run(text: str, path: str = "story.txt", **settings) -> list:
    glossary = Glossary(())
    context = build_context(Settings(**settings), glossary)
    return list(scraper_debris.check(Document.from_text(path, text), context))


STORY = "The mayor of Springfield opened the new bridge on Monday.\n\nTraffic is expected to ease by spring.\n"


# -- positives --------------------------------------------------------------------------------------------


def test_ad_placeholders_are_errors():
    findings = run("[ad_1]\n\n" + STORY + "\n[ad_2]")
    assert [f.text for f in findings] == ["[ad_1]", "[ad_2]"]
    assert all(f.severity is Severity.ERROR and f.rule == "AUD201" for f in findings)


def test_footer_and_comment_form_are_one_block():
    text = STORY + "\nSource link\n\nLeave a Reply\n\nYour email address will not be published. Required fields are marked *\n"
    (finding,) = run(text)
    assert finding.text.startswith("Source link")
    assert finding.text.endswith("Required fields are marked *")
    assert "comment form" in finding.message and "Source link" in finding.message


def test_a_comment_form_run_together_on_one_line_is_found_whole():
    # A page's footer flattened to one line by a scraper (or by the HTML reader's inline text).
    (finding,) = run(STORY + "\nLeave a comment. Your email address will not be published. Required fields are marked *\n")
    assert finding.text == "Leave a comment. Your email address will not be published. Required fields are marked *"
    # A sentence that only starts like the form is copy, not debris.
    assert run(STORY + "\nLeave a comment about the bridge below, the mayor said.\n") == []


def test_symbol_only_line_closes_the_block():
    text = STORY + "\nBe the first to comment\n\nLeave a comment\n\n\n*\n"
    (finding,) = run(text)
    assert finding.text.startswith("Be the first") and finding.text.endswith("*")


def test_discount_block_with_partner_notice():
    text = STORY + "\nDaily Planet discount codes\n\nA commercial collaboration with bargains.example\n"
    (finding,) = run(text)
    assert "discount codes" in finding.text and "bargains.example" in finding.text


@pytest.mark.parametrize(
    "line",
    [
        "Reading time: 4 minutes",
        "3 min read",
        "Wed. Mar 3rd, 2021",
        "IMG_20201004_1530.jpg",
        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b",
        "<div class=\"share\">",
        "Related articles",
        "Story continues below advertisement",
        "Subscribe to our newsletter for more",
        "[caption id=\"attachment_12\" align=\"alignnone\"]",
        "Read more: Talks on the new bridge resume",
        "The post Bridge opens appeared first on Example Daily.",
        "Tags: bridge, traffic, Springfield",
        "Last updated: 4 March 2021, 10:12",
        "Click here to subscribe to our newsletter.",
        "Sign up for our morning briefing",
        "Please enable JavaScript to view the comments powered by Disqus.",
        "\u00a9 2021 Example Daily. All rights reserved.",
        "Copyright 2019-2021 Example Media Group, all rights reserved worldwide",
        "This material may not be published, broadcast, rewritten or redistributed.",
    ],
)
def test_each_kind_of_debris(line):
    findings = run(STORY + "\n" + line + "\n\nMore copy follows here.\n")
    assert len(findings) == 1
    assert line.strip() in findings[0].text or findings[0].text in line


def test_date_header_is_only_a_warning():
    (finding,) = run("Fri. Feb 5th, 2021\n\n" + STORY)
    assert finding.severity is Severity.WARNING


def test_entity_suggests_the_character():
    (finding,) = run("The caf&#233; reopened on Monday.")
    assert finding.text == "&#233;" and finding.suggestion == "\u00e9"


def test_markdown_wrappers_go_with_the_debris():
    findings = run("*Estimated reading time: 5 min*\n\n" + STORY + "\n- Source link\n", path="story.md")
    assert [f.text for f in findings] == ["*Estimated reading time: 5 min*", "Source link"]


def test_windows_line_endings():
    text = (STORY + "\nSource link\n").replace("\n", "\r\n")
    (finding,) = run(text)
    assert finding.text == "Source link"


# -- negatives --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The shop offered discount codes to loyal customers last year, the report said.",
        "Share prices rose sharply on Tuesday.",
        "She said the source of the link between the two events was unclear.",
        "Readers can leave a reply on the council's website, a spokesman said.",
        "The reading time of the report was set for March 3, 2021 at the latest.",
        "The photo, named after the artist, was shown in Paris.",
        "Copyright 2021 Example News Agency.",
        "Posted by the ministry on its channel, the video showed the new bridge at night.",
        "Tags on the cars were checked by police.",
        "The label said all rights reserved by the estate would pass to the museum in 2021.",
        "Officials said the comments may not be published before the vote.",
        "Readers who sign up for our walking tours get a map of the old town.",
    ],
)
def test_ordinary_sentences_are_not_debris(sentence):
    assert run(STORY + sentence + "\n") == []


def test_markup_is_expected_in_html_documents():
    assert run("<p>The mayor opened the bridge.</p>", path="story.html") == []
    assert len(run("<p>The mayor opened the bridge.</p>", path="story.txt")) == 2


# -- pattern files ----------------------------------------------------------------------------------------


def test_bundled_patterns_load_with_unique_ids():
    patterns = default_patterns()
    assert len(patterns) >= 15
    assert len({p.id for p in patterns}) == len(patterns)


def test_user_pattern_file_extends_the_bundled_ones(tmp_path: Path):
    extra = tmp_path / "desk.toml"
    extra.write_text('[[pattern]]\nid = "desk-footer"\ndescription = "our CMS footer"\nregex = \'^Filed via Quill$\'\n')
    findings = run(STORY + "\nFiled via Quill\n", debris_patterns=(str(extra),))
    assert [f.text for f in findings] == ["Filed via Quill"]
    assert "desk-footer" in findings[0].message
    assert any(p.id == "desk-footer" for p in load_patterns((str(extra),)))


@pytest.mark.parametrize(
    ("body", "line", "words"),
    [
        ('[[pattern]]\nid = "x"\ndescription = "d"\nregex = "(unclosed"\n', 4, "bad regex"),
        ('[[pattern]]\nid = "x"\ndescription = "d"\n', 1, "regex"),
        ('[[pattern]]\nid = "x"\ndescription = "d"\nregex = "a*"\n', 4, "matches empty text"),
        ('\n[[pattern]]\nid = "x"\ndescription = "d"\nregex = "a"\ncolour = "red"\n', 6, "unknown key"),
        ('[[pattern]]\nid = "Bad Id"\ndescription = "d"\nregex = "a"\n', 2, "id"),
        ('[[pattern]]\nid = "x"\ndescription = "d"\nregex = "a"\nconfidence = 2\n', 5, "confidence"),
        ('[[pattern]]\nid = "x"\ndescription = "d"\nregex = "a"\nformats = ["pdf"]\n', 5, "formats"),
    ],
)
def test_invalid_patterns_name_file_and_line(body, line, words):
    with pytest.raises(DataFileError) as error:
        parse_patterns(body, "desk.toml")
    assert str(error.value).startswith(f"desk.toml:{line}:")
    assert words in str(error.value)


def test_duplicate_ids_across_files_are_refused(tmp_path: Path):
    extra = tmp_path / "dup.toml"
    extra.write_text('[[pattern]]\nid = "source-link"\ndescription = "d"\nregex = "^zzz$"\n')
    with pytest.raises(DataFileError, match="already used"):
        load_patterns((str(extra),))


def test_missing_pattern_file_is_a_data_error(tmp_path: Path):
    with pytest.raises(DataFileError, match="cannot read"):
        load_patterns((str(tmp_path / "absent.toml"),))


def test_find_debris_reports_blocks_in_text_order():
    blocks = find_debris("[ad_1]\ntext\n[ad_2]\n", default_patterns())
    assert [(b.start, b.end) for b in blocks] == [(0, 6), (12, 18)]


# -- skipping texts a pattern cannot match ------------------------------------------------------------


def _pattern(regex: str, case_sensitive: bool = False):
    flag = "\ncase_sensitive = true" if case_sensitive else ""
    (pattern,) = parse_patterns(f"[[pattern]]\nid = \"p\"\ndescription = \"d\"\nregex = '''{regex}'''{flag}\n", "p.toml")
    return pattern


@pytest.mark.parametrize(
    "regex, needs",
    [
        (r"^[ \t]*source link\W*$", ("source link",)),
        (r"^.*(?:adsbygoogle|fbq\().*$", ("adsbygoogle", "fbq(")),
        (r"^(?:read more|see also)?: \w+$", None),  # the words are optional: nothing is promised
        (r"\[ad(?:_\d+)?\]", ("[ad",)),
        (r"^\d+ min$", (" min",)),
        (r"^[a-f0-9]{40}$", None),
    ],
)
def test_a_pattern_promises_the_strings_every_match_contains(regex, needs):
    assert _pattern(regex).needs == needs


def test_case_insensitive_promises_hold_in_any_case_and_case_sensitive_ones_do_not():
    loose, strict = _pattern("Source Link"), _pattern("Source Link", case_sensitive=True)
    text = "SOURCE LINK"
    assert loose.could_match(text, text.casefold()) and loose.regex.search(text)
    assert not strict.could_match(text, text.casefold()) and not strict.regex.search(text)


def test_bundled_patterns_are_never_skipped_on_text_they_match():
    lines = [
        "Reading time: 4 minutes", "3 min read", "Wed. Mar 3rd, 2021", "Related articles", "[ad_1]",
        "Story continues below advertisement", "Source link", "Leave a Reply", "ADVERTISEMENT",
        "Tags: bridge, traffic", "Last updated: 4 March 2021", "&lt;br /&gt;", "<!-- ad -->", "Share this:",
    ]
    for line in lines:
        text = STORY + "\n" + line + "\n"
        for pattern in default_patterns():
            if pattern.regex.search(text):
                assert pattern.could_match(text, text.casefold()), (pattern.id, line)


@pytest.mark.parametrize("marked_lines", [64, 2, 0])
def test_wrappers_blanked_line_by_line_as_in_the_whole_text(monkeypatch, marked_lines):
    # Emphasis, bullets and headings at line edges are blanked only in the lines that can hold one; the text
    # must be what substituting the whole text gives, also past the lines looked at one by one.
    import random

    from audit import debris

    monkeypatch.setattr(debris, "MARKED_LINES", marked_lines)
    rng = random.Random(marked_lines)
    texts = ["*Reading time: 3 minutes*\n- Source link\n\n# Title\n> quote **\nplain line\n\u2022 bullet"]
    texts += ["".join(rng.choice("*_#>-+\u2022 \t\nab") for _ in range(rng.randint(0, 30))) for _ in range(20_000)]
    for text in texts:
        assert debris._blank_wrappers(text) == debris._WRAPPER.sub(lambda match: " " * len(match.group()), text), repr(text)
