"""The registry of checks: one line per check. Adding a check never touches the CLI or the reporters.

The order is the order of ``audit rules``, of the rules in SARIF output and of the checks' runs.
"""
from __future__ import annotations

from ..config import Settings
from ..matching import NameKind
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
    unused_suppression,
)
from .base import Check

CHECKS: list[Check] = [
    garbled_name.CHECK,
    given_name.CHECK,
    known_wrong_form.CHECK,
    name_casing.CHECK,
    scraper_debris.CHECK,
    inconsistent_spelling.CHECK,
    inconsistent_across.CHECK,
    foreign_script.CHECK,
    untranslated_sentence.CHECK,
    unused_suppression.CHECK,
]


def all_rules() -> tuple[Rule, ...]:
    """Every rule a scan can report, in registry order."""
    return tuple(rule for check in CHECKS for rule in check.rules)


def reported_kinds(settings: Settings) -> frozenset[NameKind]:
    """The matcher's name kinds whose checks run with these settings."""
    return frozenset(kind for check in CHECKS if check.enabled(settings) for kind in check.name_kinds)
