"""The check registry: every check module registered once, rule ids and names unique, name kinds derived."""
from __future__ import annotations

import importlib
import pkgutil
import re

import audit.checks as registry
from audit.checks.base import Check
from audit.config import Settings
from audit.engine import all_rules


def test_every_check_module_is_registered_once():
    modules = {info.name for info in pkgutil.iter_modules(registry.__path__)} - {"base"}
    registered = list(registry.CHECKS)
    assert all(isinstance(check, Check) and check.rules for check in registered)
    by_module = {importlib.import_module(f"audit.checks.{name}").CHECK for name in modules}
    assert by_module == set(registered) and len(registered) == len(set(registered)), "add CHECK to CHECKS"


def test_rule_ids_and_names_are_unique_and_well_formed():
    rules = all_rules()
    assert len({rule.id for rule in rules}) == len(rules) and len({rule.name for rule in rules}) == len(rules)
    assert all(re.fullmatch(r"AUD\d{3}", rule.id) and re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.name) for rule in rules)
    assert rules[-1].id == "AUD901", "the engine's own rule comes last, as `audit rules` has always listed it"


def test_reported_name_kinds_follow_the_enabled_name_rules():
    assert registry.reported_kinds(Settings()) == {"garbled", "given-name"}
    assert registry.reported_kinds(Settings(ignore=("garbled-name",))) == {"given-name"}
    assert registry.reported_kinds(Settings(select=("AUD3",))) == frozenset()
