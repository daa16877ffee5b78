"""`audit fix`: safe fixes applied through the readers, atomically, only to files unchanged since read."""
from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from report_support import ROOT, run

from audit.config import Settings
from audit.engine import all_rules, scan
from audit.fix import FixError, FixOptions, plan_file, plan_fixes, write
from audit.readers import ReaderOptions

EXAMPLES = ROOT / "examples"
NAME_RULES = {"AUD101", "AUD102", "AUD103", "AUD104"}
# What a copy editor expects `audit fix --diff examples` to change (file, before, after).
EXPECTED = [
    ("karabakh-ceasefire.txt", "near Martakirt and", "near Martakert and"),
    ("karabakh-ceasefire.txt", "over Stepankert,", "over Stepanakert,"),
    ("karabakh-ceasefire.txt", "Nikol Paschinjan said", "Nikol Pashinyan said"),
    ("karabakh-ceasefire.txt", "President Ilkham Aliyev", "President Ilham Aliyev"),
    ("karabakh-ceasefire.txt", "Photo: The mirror", "Photo: Der Spiegel"),
    ("moscow-talks.md", "Lawrow told", "Lavrov told"),
    ("moscow-talks.md", "President Karl Michel", "President Charles Michel"),
    ("moscow-talks.md", "and Nikolai Pashinyan", "and Nikol Pashinyan"),
    ("moscow-talks.md", "Maria Zacharova", "Maria Zakharova"),
    ("moscow-talks.md", "newspaper The Businessman", "newspaper Kommersant"),
    ("baku-energy.txt", "Ilham Alijew", "Ilham Aliyev"),
    ("baku-energy.txt", "chief Giuseppe Borrell", "chief Josep Borrell"),
    ("baku-energy.txt", "told German Wave", "told Deutsche Welle"),
    ("baku-energy.txt", "over nagorno-Karabakh", "over Nagorno-Karabakh"),
]


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture
def examples_copy(tmp_path):
    copy = tmp_path / "examples"
    shutil.copytree(EXAMPLES, copy)
    return copy


def test_diff_on_the_examples_shows_the_expected_corrections_and_changes_nothing(examples_copy):
    before, originals = _digest(examples_copy), _digest(EXAMPLES)
    code, out, err = run(["fix", "--diff", str(examples_copy), "--isolated"])
    assert code == 1, err
    for name, old, new in EXPECTED:
        assert f"--- a/{examples_copy.as_posix().lstrip('/')}/{name}\n" in out
        removed = [line for line in out.splitlines() if line.startswith("-") and old in line]
        added = [line for line in out.splitlines() if line.startswith("+") and new in line]
        assert removed and added, (name, old, new)
    assert "[ad_1]" not in "".join(line for line in out.splitlines() if line.startswith("-"))  # unsafe: not by default
    assert "would fix" in err and "unsafe fix (use --unsafe-fixes)" in err
    assert _digest(examples_copy) == before and _digest(EXAMPLES) == originals


def test_fix_on_a_copy_of_the_examples_leaves_no_name_findings_at_the_threshold(examples_copy):
    originals = _digest(EXAMPLES)
    code, out, err = run(["fix", str(examples_copy), "--isolated"])
    assert code == 1, err
    assert "fixed 19 findings in 3 files" in err
    settings = Settings()
    left = [f for f in scan([str(examples_copy)], settings).findings if f.rule in NAME_RULES and f.confidence >= 0.85]
    assert left == []
    assert not [p for p in examples_copy.iterdir() if p.name.startswith(".")], "no temporary files left behind"
    code, _, err = run(["fix", str(examples_copy), "--isolated"])
    assert code == 0 and "fixed 0 findings" in err  # nothing left to fix
    assert _digest(EXAMPLES) == originals


def test_unsafe_fixes_remove_debris_only_when_asked(examples_copy):
    target = examples_copy / "baku-energy.txt"
    run(["fix", str(target), "--isolated"])
    assert "[ad_1]" in target.read_text(encoding="utf-8")
    code, _, _ = run(["fix", str(target), "--isolated", "--unsafe-fixes"])
    text = target.read_text(encoding="utf-8")
    assert code == 1 and "[ad_1]" not in text and "Source link" not in text
    assert "\n\n\n\n" not in text  # a line that was all debris goes with its line break


def test_min_confidence_threshold(examples_copy):
    code, out, err = run(["fix", "--diff", str(examples_copy / "moscow-talks.md"), "--isolated", "--min-confidence", "0.9"])
    added = "".join(line for line in out.splitlines() if line.startswith("+"))
    assert "Overtchuk chairs" in added and "Kommersant" in added  # 0.89 is left, 0.97 is fixed
    assert "1 confidence 0.89" in err


def test_html_fix_edits_text_not_markup(tmp_path):
    page = tmp_path / "page.html"
    page.write_text('<html><head><title>x</title><script>var Jerevan;</script></head>\n<body><p class="Jerevan">Met in '
                    'Jerevan with Annalena B&auml;rbock &amp; <b>Nicholas</b> Pashinyan.</p>\n'
                    "<footer><p>Leave a Reply</p></footer></body></html>\n", encoding="utf-8")
    code, _, err = run(["fix", str(page), "--isolated", "--unsafe-fixes"])
    assert code == 1
    assert page.read_text(encoding="utf-8") == (
        '<html><head><title>x</title><script>var Jerevan;</script></head>\n<body><p class="Jerevan">Met in '
        "Yerevan with Annalena Baerbock &amp; <b>Nicholas</b> Pashinyan.</p>\n"
        "<footer><p></p></footer></body></html>\n")
    assert "split by markup" in err  # <b>Nicholas</b> Pashinyan is left to a person


def test_jsonl_fix_writes_valid_json_with_escapes(tmp_path):
    export = tmp_path / "export.jsonl"
    export.write_text('{"id": 1, "body": "Met in Jerevan with B\\u00e4rbock.\\nNew \\"line\\"."}\n'
                      '{"id": 2, "body": "Talks in Stepanakret."}\n', encoding="utf-8")
    code, _, _ = run(["fix", str(export), "--isolated"])
    assert code == 1
    records = [json.loads(line) for line in export.read_text(encoding="utf-8").splitlines()]
    assert records == [{"id": 1, "body": 'Met in Yerevan with Baerbock.\nNew "line".'},
                       {"id": 2, "body": "Talks in Stepanakert."}]
    # a suggestion that needs JSON escaping is written escaped
    export.write_text('{"id": 1, "body": "Met in Jerevan."}\n', encoding="utf-8")
    result = scan([str(export)], Settings())
    finding = replace(result.findings[0], suggestion='Yere"van\\')
    plan = plan_file(str(export), [finding], {r.id: r for r in all_rules()}, FixOptions(), ReaderOptions())
    write(plan)
    assert json.loads(export.read_text(encoding="utf-8"))["body"] == 'Met in Yere"van\\.'


def test_csv_and_xliff_fixes(tmp_path):
    table = tmp_path / "export.csv"
    table.write_text('id,body\n1,"Met in Jerevan, she said ""today""."\n', encoding="utf-8")
    units = tmp_path / "units.xlf"
    units.write_text('<xliff version="1.2"><file><body><trans-unit id="a"><source>Ереван</source>'
                     "<target>Met in Jerevan &amp; more.</target></trans-unit></body></file></xliff>", encoding="utf-8")
    code, _, _ = run(["fix", str(table), str(units), "--isolated"])
    assert code == 1
    assert table.read_text(encoding="utf-8") == 'id,body\n1,"Met in Yerevan, she said ""today""."\n'
    assert "<source>Ереван</source><target>Met in Yerevan &amp; more.</target>" in units.read_text(encoding="utf-8")


def test_a_file_changed_since_it_was_read_is_not_touched(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Met in Jerevan.\n", encoding="utf-8")
    result = scan([str(story)], Settings())
    plans, problems = plan_fixes(result, all_rules(), FixOptions())
    assert problems == [] and len(plans[0].fixes) == 1
    story.write_text("Met in Jerevan. An editor added this.\n", encoding="utf-8")
    with pytest.raises(FixError, match="changed since it was read"):
        write(plans[0])
    assert story.read_text(encoding="utf-8") == "Met in Jerevan. An editor added this.\n"
    assert [p.name for p in tmp_path.iterdir()] == ["story.txt"]


def test_overlapping_fixes_are_resolved_the_same_way_whatever_their_order(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Met in Jerevan today.\n", encoding="utf-8")
    found = scan([str(story)], Settings()).findings[0]
    wider = replace(found, start=found.start, end=found.end + 6, text="Jerevan today", suggestion="Yerevan now",
                    confidence=0.9)
    rules = {r.id: r for r in all_rules()}
    for order in ([found, wider], [wider, found]):
        plan = plan_file(str(story), order, rules, FixOptions(), ReaderOptions())
        assert plan.fixed_text == "Met in Yerevan today.\n"  # the more confident fix wins
        assert [reason for _, reason in plan.left] == ["overlaps a more confident fix"]


def test_exit_codes(tmp_path):
    (tmp_path / "clean.txt").write_text("Met in Yerevan.\n", encoding="utf-8")
    assert run(["fix", str(tmp_path / "clean.txt"), "--isolated"])[0] == 0
    assert run(["fix", str(tmp_path / "missing.txt"), "--isolated"])[0] == 2
    assert run(["fix", "-", "--isolated"])[0] == 2


def test_rules_declare_their_fix_safety():
    safety = {rule.id: rule.fix_safety for rule in all_rules()}
    assert {rule for rule, level in safety.items() if level == "safe"} == NAME_RULES
    assert safety["AUD201"] == "unsafe" and safety["AUD401"] == "none"
    assert "Fix: safe (`audit fix` applies it)" in run(["explain", "AUD101"])[1]
    assert "Fix: unsafe (`audit fix` with --unsafe-fixes applies it)" in run(["explain", "scraper-debris"])[1]
