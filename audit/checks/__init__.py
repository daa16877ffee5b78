"""The registry of checks: one line per check. Adding a check never touches the CLI or the reporters."""
from __future__ import annotations

from types import ModuleType

from ..model import Rule
from . import (
    foreign_script,
    garbled_name,
    given_name,
    inconsistent_across,
    inconsistent_spelling,
    known_wrong_form,
    name_casing,
    scraper_debris,
    untranslated_sentence,
)

CHECKS: tuple[ModuleType, ...] = (
    garbled_name,
    given_name,
    known_wrong_form,
    name_casing,
    scraper_debris,
    inconsistent_spelling,
    inconsistent_across,
    foreign_script,
    untranslated_sentence,
)


def all_rules() -> tuple[Rule, ...]:
    return tuple(rule for check in CHECKS for rule in check.RULES)
