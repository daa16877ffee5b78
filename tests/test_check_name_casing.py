"""AUD104 name-casing: an accepted glossary form written with a lower-case initial."""
from __future__ import annotations

import pytest

from audit.checks import name_casing
from audit.model import Severity

RULE = "AUD104"

FOUND = [
    ("Fighting resumed in nagorno-Karabakh overnight.", "nagorno-Karabakh", "Nagorno-Karabakh"),
    ("Fighting resumed in Nagorno-karabakh overnight.", "Nagorno-karabakh", "Nagorno-Karabakh"),
    ("Talks between ilham aliyev and the prime minister stalled.", "ilham aliyev", "Ilham Aliyev"),
    ("Talks between Ilham aliyev and the prime minister stalled.", "Ilham aliyev", "Ilham Aliyev"),
    ("The minister said that stepanakert had been shelled.", "stepanakert", "Stepanakert"),
    ("We spoke to pashinyan on the telephone.", "pashinyan", "Pashinyan"),
    ("Refugees reached yerevan on foot.", "yerevan", "Yerevan"),
    ("An azeri delegation arrived in the capital.", "azeri", "Azeri"),
]


@pytest.mark.parametrize(("text", "surface", "suggestion"), FOUND, ids=[f[1] for f in FOUND])
def test_lower_cased_name_is_reported(scan_text, text, surface, suggestion):
    findings = scan_text(text, rule=RULE)
    assert [(f.text, f.suggestion) for f in findings] == [(surface, suggestion)]
    finding = findings[0]
    start = text.index(surface)
    assert (finding.start, finding.end) == (start, start + len(surface))
    assert (finding.line, finding.column, finding.end_column) == (1, start + 1, start + len(surface) + 1)
    assert finding.name == "name-casing"
    assert finding.severity == name_casing.RULE.severity
    assert surface in finding.message and suggestion in finding.message


def test_lower_cased_name_is_not_a_garble(scan_text):
    findings = scan_text("Fighting resumed in nagorno-Karabakh and near ilham aliyev's residence.")
    assert {f.rule for f in findings if f.rule.startswith("AUD10")} == {RULE}


def test_positions_on_later_lines(scan_text):
    text = "Shelling resumed.\nResidents of\r\nnagorno-Karabakh fled to yerevan.\n"
    findings = scan_text(text, rule=RULE)
    assert [(f.text, f.line, f.column) for f in findings] == [("nagorno-Karabakh", 3, 1), ("yerevan", 3, 26)]


def test_severity_can_be_raised(scan_text):
    (finding,) = scan_text("Fighting in nagorno-Karabakh resumed.", rule=RULE, severity={RULE: Severity.WARNING})
    assert finding.severity == Severity.WARNING


@pytest.mark.parametrize(
    "text",
    [
        # ordinary words that are also names
        "The turkey was roasted for dinner.",
        "They ate turkey and rice.",
        # right case
        "Fighting resumed in Nagorno-Karabakh and Ilham Aliyev spoke in Baku.",
        "Turkey backed Azerbaijan.",
        # all-capital headlines and credits
        "STEPANAKERT IS CALM, SAYS MAYOR",
        "PHOTO: VLADIMIR PUTIN / REUTERS",
        # not a glossary form at all
        "The armenian delegation met the armenians of the diaspora.",
    ],
)
def test_not_reported(scan_text, text):
    findings = scan_text(text, rule=RULE)
    assert findings == [], [(f.text, f.suggestion) for f in findings]


@pytest.mark.parametrize("text", ["More at https://interfax.ru/world/12345 today.", "Write to press@interfax.ru today."])
def test_urls_and_addresses_are_not_names(scan_text, text):
    assert scan_text(text, rule=RULE) == []


@pytest.mark.xfail(strict=True, reason="AUD104: the single-word frequency filter meant for 'turkey' also hides place names frequent in English ('moscow', 'baku' at a sentence start)")
def test_frequent_place_name_in_lower_case(scan_text):
    findings = scan_text("The delegation flew from moscow to Yerevan.", rule=RULE)
    assert [(f.text, f.suggestion) for f in findings] == [("moscow", "Moscow")]
