"""How a report was made: a signature in the manner of sacrebleu's, carried by JSON, SARIF and baselines.

    wire-audit:0.1.0|glossary:3f2a9c1b7d04|rules:all|min-confidence:0.7|language:en|debris:bundled

Two reports with the same signature were made by the same tool version, from glossaries with the same
entries in the same order, with the same rules, confidence threshold, target language and debris
patterns: any difference between them comes from the copy. A report whose signature differs from
another's says what changed besides the copy.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable

from . import __version__
from .checks.scraper_debris import RULE as DEBRIS_RULE
from .config import Settings
from .debris import load_patterns
from .glossary import Glossary
from .model import Rule

DIGEST_LENGTH = 12  # hex digits of sha256: enough to tell glossaries apart, short enough to read


def glossary_digest(glossary: Glossary) -> str:
    """A hash of the glossary's entries as the matcher reads them (where they came from does not count)."""
    # Fields joined by ASCII separator characters (which names never hold): a 50,000-entry glossary is
    # hashed in a few hundredths of a second, against a tenth with a JSON record per entry.
    records = (
        "\x1f".join((entry.canonical, entry.type, "\x1d".join(entry.variants), "\x1d".join(entry.avoid), entry.note))
        for entry in glossary.entries
    )
    return hashlib.sha256("\x1e".join(records).encode("utf-8")).hexdigest()[:DIGEST_LENGTH]


def _debris(settings: Settings, debris_rule_runs: bool) -> str:
    """'bundled', or a hash of every pattern the scraper-debris rule used when files added their own."""
    if not settings.debris_patterns:
        return "bundled"
    if not debris_rule_runs:
        return "unused"
    digest = hashlib.sha256()
    for pattern in load_patterns(tuple(settings.debris_patterns)):
        record = [pattern.id, pattern.regex.pattern, pattern.regex.flags, pattern.confidence, list(pattern.formats)]
        digest.update(json.dumps(record).encode("utf-8"))
    return digest.hexdigest()[:DIGEST_LENGTH]


def signature(settings: Settings, glossary_hash: str, enabled: Iterable[Rule], known: Iterable[Rule]) -> str:
    """The run's signature: tool version, glossary hash, enabled rules ('all' or their ids joined by '+'),
    the confidence threshold, the target language and the debris patterns."""
    enabled_ids = [rule.id for rule in enabled]
    every = [rule.id for rule in known]
    rules = "all" if enabled_ids == every else "+".join(enabled_ids) or "none"
    fields = [
        f"wire-audit:{__version__}",
        f"glossary:{glossary_hash}",
        f"rules:{rules}",
        f"min-confidence:{settings.min_confidence:g}",
        f"language:{settings.target_language}",
        f"debris:{_debris(settings, DEBRIS_RULE.id in enabled_ids)}",
    ]
    return "|".join(fields)
