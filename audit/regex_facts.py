"""What a regular expression promises about its matches, worked out from the ``re`` module's own parser.

Three speed-ups rest on these facts: a spelling rewrite is tried only on words holding its leading
letters (``required_letters``), rewrites are applied to many words at once, one a line, only if none can
match a line break (``stays_in_line``), and a debris pattern skips texts lacking every string its
matches must contain (``needed_strings``). ``re._parser`` is private: if a Python release changes its
shape, each function falls back to the answer that makes no promise (always try, never batch, never
skip), so results stay right and only speed is lost. tests/test_regex_facts.py fails loudly when that
happens on the running Python.
"""
from __future__ import annotations

import re
from typing import Any


def _parse(pattern: str, flags: int = 0) -> Any:
    return re._parser.parse(pattern, flags)  # type: ignore[attr-defined]  # the re module's own parser


def required_letters(pattern: str) -> str | None:
    """The plain letters a pattern starts with, after anchors and lookarounds (which match no text).

    Deliberately narrow: only a leading run of literal letters counts (tests/test_text.py pins this).
    """
    try:
        parsed = _parse(pattern)
    except Exception:  # a parser that changed shape: the rule is simply always tried
        return None
    letters = ""
    for opcode, argument in parsed:
        name = str(opcode)
        if name in ("AT", "ASSERT", "ASSERT_NOT") and not letters:
            continue
        if name == "LITERAL" and chr(argument).isalpha():
            letters += chr(argument)
            continue
        break
    return letters or None


def stays_in_line(pattern: str) -> bool:
    """True if the pattern can never match a line break: no negated classes, no \\s or \\W, no
    dot-matches-all, no string anchors; anything unfamiliar counts as unsafe."""
    try:
        parsed = _parse(pattern)
    except Exception:
        return False
    if parsed.state.flags & re.DOTALL:
        return False
    safe_at = {"AT_BEGINNING", "AT_END", "AT_BOUNDARY", "AT_NON_BOUNDARY"}

    def safe(items: object) -> bool:
        for opcode, argument in items:  # type: ignore[attr-defined]
            name = str(opcode)
            if name == "LITERAL":
                if argument == ord("\n"):
                    return False
            elif name == "ANY" or name == "GROUPREF":
                continue  # "." stops at line breaks without DOTALL; a backreference repeats matched text
            elif name == "AT":
                if str(argument) not in safe_at:
                    return False
            elif name == "IN":
                if any(str(op) not in ("LITERAL", "RANGE") for op, _ in argument):
                    return False
                if any(str(op) == "LITERAL" and arg == ord("\n") for op, arg in argument):
                    return False
            elif name == "SUBPATTERN":
                if not safe(argument[-1]):
                    return False
            elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
                if not safe(argument[2]):
                    return False
            elif name in ("ASSERT", "ASSERT_NOT"):
                if not safe(argument[1]):
                    return False
            elif name == "BRANCH":
                if not all(safe(branch) for branch in argument[1]):
                    return False
            else:
                return False
        return True

    return safe(parsed)


def needed_strings(pattern: str, flags: int = 0) -> tuple[str, ...] | None:
    """Literal strings one of which every match of ``pattern`` contains (the longest such choice), as
    written in the pattern; None if it promises none or the parser cannot tell."""
    try:
        parsed = _parse(pattern, flags)
    except Exception:  # the re module's parser changed shape: search every text
        return None
    return _needed(parsed)


def _needed(items: object) -> tuple[str, ...] | None:
    """Literal strings one of which any match of a parsed sequence contains (the longest such choice)."""
    best: tuple[str, ...] | None = None
    run = ""

    def consider(choice: tuple[str, ...] | None) -> None:
        nonlocal best
        if choice and (best is None or min(map(len, choice)) > min(map(len, best))):
            best = choice

    for opcode, argument in items:  # type: ignore[attr-defined]
        name = str(opcode)
        if name == "LITERAL":
            run += chr(argument)
            continue
        if run and name in ("SUBPATTERN", "BRANCH"):  # "\\.(?:jpe?g|png)": ".jp" or ".png", not "." alone
            starts = _starts([(opcode, argument)])
            consider(tuple(run + start for start in starts) if starts else None)
        consider((run,) if run else None)
        run = ""
        if name == "SUBPATTERN":
            consider(_needed(argument[-1]))
        elif name == "BRANCH":
            choices = [_needed(branch) for branch in argument[1]]
            if all(choices):
                consider(tuple(text for choice in choices for text in choice))  # type: ignore[union-attr]
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and argument[0] >= 1:
            consider(_needed(argument[2]))
        # Anything else (classes, anchors, lookarounds, optional parts) promises no string.
    consider((run,) if run else None)
    return best


def _starts(items: object) -> tuple[str, ...] | None:
    """Literal strings one of which every match of a parsed sequence starts with; None if it promises none.
    Only a leading run of literals counts, after anchors and lookarounds (which match no text), or a group
    or alternation whose every branch starts with one."""
    run = ""
    for opcode, argument in items:  # type: ignore[attr-defined]
        name = str(opcode)
        if name == "LITERAL":
            run += chr(argument)
            continue
        if run:
            break
        if name in ("AT", "ASSERT", "ASSERT_NOT"):
            continue
        if name == "SUBPATTERN":
            return _starts(argument[-1])
        if name == "BRANCH":
            choices = [_starts(branch) for branch in argument[1]]
            return tuple(text for choice in choices for text in choice) if all(choices) else None  # type: ignore[union-attr]
        return None
    return (run,) if run else None
