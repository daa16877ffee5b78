"""The bundled world glossary: it loads, keeps its own rules, reports the forms desks avoid and leaves
correct wire copy alone (measured on the shared clean BBC copy too)."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from audit.config import Settings
from audit.engine import scan
from audit.glossary import load_glossary
from audit.model import Severity

GLOSSARIES = Path(__file__).resolve().parents[1] / "glossaries"
WORLD = GLOSSARIES / "world.toml"
NAME_RULES = ("AUD101", "AUD102", "AUD103", "AUD104")


@pytest.fixture(scope="module")
def world():
    return load_glossary(WORLD)


def test_it_loads_with_every_kind_of_entry(world):
    kinds = Counter(entry.type for entry in world.entries)
    assert kinds["place"] > 250 and kinds["person"] > 50
    assert kinds["organization"] > 40 and kinds["publication"] > 40


def test_no_spelling_is_accepted_for_two_entries_or_both_accepted_and_avoided(world):
    owner: dict[str, str] = {}
    for entry in world.entries:
        for form in entry.accepted:
            assert owner.setdefault(form.casefold(), entry.canonical) == entry.canonical, form
    avoided = {form.casefold() for entry in world.entries for form in entry.avoid}
    assert not avoided & set(owner)


@pytest.mark.parametrize(
    ("sentence", "wrong", "right"),
    [
        ("Air raid sirens sounded in Kiev on Tuesday morning.", "Kiev", "Kyiv"),
        ("Shelling was reported in Kharkov overnight.", "Kharkov", "Kharkiv"),
        ("The ferry left Odessa for Istanbul.", "Odessa", "Odesa"),
        ("The delegation flew on from Tiflis to Yerevan.", "Tiflis", "Tbilisi"),
        ("The interview was first broadcast by German Wave on Sunday.", "German Wave", "Deutsche Welle"),
        ("The editor of New Newspaper said the paper would appeal.", "New Newspaper", "Novaya Gazeta"),
        ("Photo: The mirror", "The mirror", "Der Spiegel"),
    ],
)
def test_forms_desks_avoid_are_reported_with_the_house_form(scan_text, sentence, wrong, right):
    findings = scan_text(sentence, WORLD, rule="AUD103")
    assert [(f.text, f.suggestion) for f in findings] == [(wrong, right)]


def test_correct_world_copy_is_left_alone(scan_text):
    text = (
        "Volodymyr Zelensky met Emmanuel Macron and Friedrich Merz in Kyiv, Reuters and AFP reported. "
        "Mr Zelensky later flew to Washington, where the US and the UK backed a statement by the "
        "United Nations. Turkey, also called Türkiye, offered talks in Istanbul; Kommersant and "
        "Deutsche Welle quoted officials in Moscow and Berlin. Nato and the EU welcomed the move.\n"
    )
    findings = [f for f in scan_text(text, WORLD) if f.rule in NAME_RULES]
    assert findings == []


@pytest.mark.slow
def test_clean_bbc_copy_with_both_bundled_glossaries_has_few_name_alarms(shared_dir):
    root = shared_dir / "eval" / "clean-bbc"
    parts = [str(path) for path in sorted(root.iterdir()) if path.is_dir()]
    result = scan(parts, Settings(glossaries=("world", "default"), select=NAME_RULES))
    loud = [f for f in result.findings if f.severity >= Severity.WARNING]
    rate = 1000 * len(loud) / result.words_scanned
    examples = "\n".join(f"{Path(f.path).name}: {f.rule} {f.text!r} -> {f.suggestion!r}" for f in loud)
    assert rate <= 0.1, f"{len(loud)} name warnings/errors in {result.words_scanned} words ({rate:.3f}/1000)\n{examples}"
