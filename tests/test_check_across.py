"""AUD302 inconsistent-across-articles: a name spelled differently in different articles of one scan."""
from __future__ import annotations

from pathlib import Path

from audit.checks import inconsistent_across
from audit.checks.base import Context
from audit.config import Settings
from audit.documents import Document
from audit.engine import build_context, scan
from audit.glossary import Entry, Glossary
from audit.model import Severity


def context(*entries: Entry, fuzzy: bool = True) -> Context:
    glossary = Glossary(tuple(entries))
    # min_confidence above any match's confidence switches the fuzzy name rules off, to see AUD302 alone.
    return build_context(Settings(min_confidence=0.7 if fuzzy else 1.01), glossary)


def corpus(*texts: str) -> list[Document]:
    return [Document.from_text(f"day{index}.txt", text) for index, text in enumerate(texts, 1)]


def run(documents: list[Document], ctx: Context | None = None) -> list:
    ctx = ctx or context()
    per_document = [f for document in documents for f in inconsistent_across.CHECK.check(document, ctx)]
    assert per_document == []  # the rule only looks at the whole scan
    corpus = inconsistent_across.CHECK.corpus
    assert corpus is not None
    tally = corpus.tally()
    for document in documents:
        corpus.add(tally, corpus.decode(corpus.encode(corpus.note(document, ctx))))  # as the cache keeps notes
    return list(corpus.report(tally, ctx))


MAJORITY = "Mayor Tigran Abrahamyan opened the market. Abrahamyan said traders were welcome."
MINORITY = "Traders met Tigran Abrahamjan on Friday and asked for lower rents."


def test_minority_spelling_is_reported_once_with_counts():
    documents = corpus(
        MAJORITY, "Abrahamyan visited the school.", MINORITY, "Later Abrahamjan left.", "Abrahamyan closed it."
    )
    (finding,) = run(documents)
    assert finding.rule == "AUD302" and finding.severity is Severity.WARNING
    assert finding.path == "day3.txt" and finding.text == "Abrahamjan"
    assert finding.suggestion == "Abrahamyan"
    assert "2x in 2 articles" in finding.message and "4x in 3 articles" in finding.message


def test_the_glossary_spelling_wins_even_in_a_minority():
    entry = Entry("Tigran Abrahamjan", "person")
    documents = corpus(MAJORITY, "Abrahamyan visited the school.", MINORITY)
    (finding,) = run(documents, context(entry, fuzzy=False))
    assert (finding.path, finding.text, finding.suggestion) == ("day1.txt", "Abrahamyan", "Abrahamjan")
    assert "glossary" in finding.message
    # With the name rules on, they report Abrahamyan themselves: AUD302 adds nothing.
    assert run(documents, context(entry)) == []


def test_accepted_glossary_variants_are_never_reported():
    entry = Entry("Nikol Pashinyan", "person", variants=("Nikol Pashinian",))
    documents = corpus("Nikol Pashinyan spoke.", "Pashinyan agreed.", "Nikol Pashinian replied.")
    assert run(documents, context(entry)) == []


def test_no_majority_no_finding():
    documents = corpus("Tigran Abrahamyan spoke.", "Tigran Abrahamjan replied.")
    assert run(documents) == []


def test_articles_using_both_spellings_are_left_to_the_article_rule():
    documents = corpus(MAJORITY, "Abrahamyan visited the school.", MAJORITY + " " + MINORITY)
    assert run(documents) == []


def test_spellings_english_texts_use_are_not_reported():
    # Both are names in their own right: a rare name beside a more frequent one is not a garble of it.
    documents = corpus("Sharon Jones spoke.", "Sharon Smith agreed.", "The Saronno factory closed.")
    assert run(documents) == []


def test_single_article_scan_reports_nothing():
    assert run(corpus(MAJORITY + " " + MINORITY)) == []


def test_runs_in_a_scan_of_files(tmp_path: Path):
    for name, text in (("a.txt", MAJORITY), ("b.txt", "Abrahamyan visited the school."), ("c.txt", MINORITY)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    glossary = tmp_path / "glossary.csv"
    glossary.write_text("canonical,type,variants,avoid,note\nYerevan,place,,,\n", encoding="utf-8")
    result = scan([str(tmp_path)], Settings(glossaries=(str(glossary),), select=("AUD302",)))
    assert [(Path(f.path).name, f.text) for f in result.findings] == [("c.txt", "Abrahamjan")]
