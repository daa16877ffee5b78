"""Settings for a scan. Defaults here; audit.toml / [tool.audit] and the command line override them."""
from __future__ import annotations

from dataclasses import dataclass, field

from .model import Severity


@dataclass(frozen=True)
class Settings:
    glossaries: tuple[str, ...] = ()  # empty: the bundled default glossary
    target_language: str = "en"  # the language the copy should be in
    min_confidence: float = 0.7  # name matches below this are not reported at all
    select: tuple[str, ...] = ()  # rule ids, names or id prefixes to run (empty: all)
    ignore: tuple[str, ...] = ()  # rule ids, names or id prefixes to skip
    severity: dict[str, Severity] = field(default_factory=dict)  # rule id or name -> severity override
    fail_on: str = "warning"  # error | warning | info | never
    include: tuple[str, ...] = ()  # file globs to scan (empty: every article file)
    exclude: tuple[str, ...] = ()  # file globs to skip
    debris_patterns: tuple[str, ...] = ()  # extra debris pattern files, on top of the bundled ones
