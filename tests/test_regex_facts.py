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


def _random_pattern(rng, depth: int = 0) -> str:
    """A small regex over the letters a, b, c and '.': literals, groups, alternations, repeats, lookarounds."""
    parts = []
    for _ in range(rng.randint(1, 4)):
        kind = rng.choice(["literal", "literal", "class", "group", "branch", "look"] if depth < 2 else ["literal", "class"])
        if kind == "literal":
            part = rng.choice(["a", "b", "c", r"\.", "ab", "ca"])
        elif kind == "class":
            part = rng.choice(["[ab]", r"\w", "."])
        elif kind == "group":
            part = f"(?:{_random_pattern(rng, depth + 1)})"
        elif kind == "branch":
            part = "(?:" + "|".join(_random_pattern(rng, depth + 1) for _ in range(rng.randint(2, 3))) + ")"
        else:
            part = rng.choice(["(?=a)", "(?<!b)", r"\b", "^"])
        if kind in ("literal", "class"):
            part += rng.choice(["", "", "?", "*", "+"])
        elif kind != "look":
            part += rng.choice(["", "?", "{2}"])  # no repeat of a repeat: re would backtrack for ever
        parts.append(part)
    return "".join(parts)


def test_every_match_holds_one_of_the_needed_strings():
    # The promise a debris pattern's skipping rests on: a text that holds none of the strings has no match.
    import random

    rng = random.Random(7)
    promised = 0
    for _ in range(4000):
        pattern = _random_pattern(rng)
        needed = needed_strings(pattern)
        if needed is None:
            continue
        promised += 1
        compiled = re.compile(pattern)
        for _ in range(40):
            text = "".join(rng.choice("abc.x") for _ in range(rng.randint(0, 8)))
            match = compiled.search(text)
            if match:
                assert any(piece in match.group() for piece in needed), (pattern, text, needed)
    assert promised > 2000  # most patterns promise something: the test looks at the walker, not at None
