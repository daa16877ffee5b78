"""Every rule in ruff's shape: documented, listed in the README, and pinned by a fixture folder.

tests/rules/<RULE ID>/ holds articles (.txt, .md, .html) written for the rule, with lines it must report
and lines it must leave alone, and ``expected.json``: that rule's findings in them, scanned with every
rule on and the invented glossary in tests/fixtures/names (or a ``glossary.toml`` in the folder).
After an intended change, regenerate with ``AUDIT_REGENERATE=1 pytest tests/test_rules.py`` and read
the diff before committing it.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from report_support import ROOT, run

from audit.config import Settings
from audit.documents import TEXT_SUFFIXES
from audit.engine import all_rules, scan
from audit.model import Rule

RULES_DIR = ROOT / "tests" / "rules"
NAMES_GLOSSARY = ROOT / "tests" / "fixtures" / "names" / "glossary.toml"
EXPECTED = "expected.json"
REGENERATE = os.environ.get("AUDIT_REGENERATE") == "1"
RULES = all_rules()


def _articles(folder: Path) -> list[Path]:
    return sorted(path for path in folder.iterdir() if path.suffix.lower() in TEXT_SUFFIXES)


def _findings(rule: Rule, folder: Path) -> list[dict[str, object]]:
    """The rule's findings in the folder's articles, with paths relative to the folder."""
    glossary = folder / "glossary.toml" if (folder / "glossary.toml").exists() else NAMES_GLOSSARY
    result = scan([str(path) for path in _articles(folder)], Settings(glossaries=(str(glossary),)))
    assert result.problems == ()
    found = []
    for finding in result.findings:
        if finding.rule != rule.id:
            continue
        record = finding.to_dict()
        del record["fingerprint"]  # holds the absolute path
        record["path"] = Path(finding.path).relative_to(folder).as_posix()
        found.append(record)
    return found


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_rule_fixture(rule: Rule) -> None:
    folder = RULES_DIR / rule.id
    assert _articles(folder), f"add articles for {rule.id} to {folder.relative_to(ROOT)}"
    found = _findings(rule, folder)
    expected_path = folder / EXPECTED
    if REGENERATE:
        expected_path.write_text(json.dumps(found, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert expected_path.exists(), f"{expected_path.relative_to(ROOT)} missing: run with AUDIT_REGENERATE=1"
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    assert expected, f"the {rule.id} fixture should show the rule reporting something"
    assert found == expected, f"{rule.id} findings changed; if intended, regenerate with AUDIT_REGENERATE=1"


def test_every_fixture_folder_belongs_to_a_rule() -> None:
    assert sorted(path.name for path in RULES_DIR.iterdir() if path.is_dir()) == sorted(rule.id for rule in RULES)


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_rule_is_documented(rule: Rule) -> None:
    """`audit explain` prints every part of the rule's page, and the README's rule table has its row."""
    for key in (rule.id, rule.name):
        code, out, err = run(["explain", key])
        assert code == 0, err
        assert out.startswith(f"{rule.id} {rule.name} ({rule.severity.label})")
        for heading in ("What it catches", "Why it matters", "Example", "How to fix"):
            assert f"## {heading}\n" in out
    for part in (rule.summary, rule.what, rule.why, rule.example, rule.fix):
        assert part.strip(), f"{rule.id}: a documentation field is empty"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"| {rule.id} | {rule.name} | {rule.severity.label} | {rule.summary} |" in readme
