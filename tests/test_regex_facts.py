"""The facts worked out from the ``re`` module's private parser, and that the fast paths resting on them
are active on this Python. Each function falls back to "no promise" if ``re._parser`` changes shape, which
keeps results right but silently slow: these tests make such a Python upgrade fail loudly instead."""
from __future__ import annotations

import re

from audit.debris import default_patterns
from audit.regex_facts import needed_strings, required_letters, stays_in_line
from audit.text import default_rewrites
from audit.text.keys import _line_rules


def test_the_re_parser_has_the_shape_the_walkers_read():
    parsed = re._parser.parse("ab(?:c|d)+", 0)  # type: ignore[attr-defined]
    assert [str(opcode) for opcode, _ in parsed] == ["LITERAL", "LITERAL", "MAX_REPEAT"]
    assert hasattr(parsed, "state") and isinstance(parsed.state.flags, int)


def test_each_walker_answers_with_a_promise_on_this_python():
    assert required_letters("^sch") == "sch"
    assert stays_in_line("(?<=[aeiou])y$") is True
    assert needed_strings(r"^\s*(?:source link|related articles)\W*$", re.IGNORECASE) == ("source link", "related articles")


def test_spelling_rewrites_are_applied_in_bulk_and_tried_only_where_they_can_apply():
    assert _line_rules() is not None, "every bundled rewrite should be line-safe: spelling_keys batches them"
    rewrites = default_rewrites()
    with_letters = [rewrite for rewrite in rewrites if rewrite.required]
    assert len(with_letters) >= len(rewrites) // 2, "most rewrites start with letters a word must hold"


def test_most_bundled_debris_patterns_skip_texts_that_cannot_hold_them():
    patterns = default_patterns()
    skipping = [pattern.id for pattern in patterns if pattern.needs is not None]
    assert len(skipping) >= len(patterns) // 3, skipping
