"""Settings for a scan. Defaults here; audit.toml / [tool.audit] and the command line override them.

Precedence, lowest first: the defaults below, then the nearest configuration file found upward from the
scanned paths (``audit.toml``, or ``pyproject.toml`` with a ``[tool.audit]`` table; in one directory
``audit.toml`` wins), then command-line options (``--select`` starts the rule selection afresh, dropping the file's select
and ignore, as in ruff; ``--ignore`` adds to the file's). Keys are kebab-case::

    glossaries = ["desk.toml"]        # relative to the configuration file; or a bundled name ("world")
    extend-glossary = ["desk.toml"]   # added to the bundled glossary (or to `glossaries`) instead of replacing it
    select = ["AUD1"]                 # rule ids, id prefixes or names (empty: every rule)
    ignore = ["name-casing"]          # the more specific of select and ignore wins; a tie, ignore
    fail-on = "warning"               # error | warning | info | never
    include = ["articles/**"]         # globs, relative to the configuration file's directory
    exclude = ["drafts/", "*.html"]
    min-confidence = 0.7
    language = "en"
    debris-patterns = ["debris.txt"]  # relative to the configuration file
    max-file-size = "10MB"            # larger files are skipped with a reason, never read ("0": no limit)

    [severity]                        # rule id or name -> error | warning | info
    name-casing = "warning"

Every mistake is a ``ConfigError`` naming the file and the key.
"""
from __future__ import annotations

import fnmatch
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath

from .files import DEFAULT_MAX_FILE_SIZE, parse_size, read_regular
from .glossary import bundled_name
from .language import known_language
from .model import FailOn, Rule, Severity, find_rule
from .text import InvalidToml, read_toml

CONFIG_NAMES = ("audit.toml", "pyproject.toml")


@dataclass(frozen=True)
class Settings:
    glossaries: tuple[str, ...] = ()  # empty: the bundled default glossary
    extend_glossaries: tuple[str, ...] = ()  # loaded on top of ``glossaries`` (or the bundled default)
    target_language: str = "en"  # the language the copy should be in
    min_confidence: float = 0.7  # name matches below this are not reported at all
    select: tuple[str, ...] = ()  # rule ids, names or id prefixes to run (empty: all)
    ignore: tuple[str, ...] = ()  # rule ids, names or id prefixes to skip
    severity: dict[str, Severity] = field(default_factory=dict)  # rule id or name -> severity override
    fail_on: FailOn = FailOn.WARNING
    include: tuple[str, ...] = ()  # file globs to scan (empty: every article file)
    exclude: tuple[str, ...] = ()  # file globs to skip
    debris_patterns: tuple[str, ...] = ()  # extra debris pattern files, on top of the bundled ones
    max_file_size: int = DEFAULT_MAX_FILE_SIZE  # bytes; larger files are skipped, not read (0: no limit)
    source: str | None = None  # the configuration file these settings came from, if any
    root: str | None = None  # the directory include/exclude globs are relative to (the config file's)

    def __post_init__(self) -> None:
        check_settings(self)

    def enables(self, rule: Rule) -> bool:
        """Does this run report ``rule``? Select and ignore take ids, kebab names or id prefixes ("AUD1");
        the pattern that names the rule most specifically wins (``select = ["AUD101"]`` beats
        ``ignore = ["AUD1"]``, and the other way round), and of two alike, ignore. No select: every rule."""
        selected = max((rule.specificity(p) for p in self.select), default=0) if self.select else 1
        ignored = max((rule.specificity(p) for p in self.ignore), default=0)
        return selected > 0 and selected > ignored


def _strings_field(settings: Settings, name: str) -> None:
    value = getattr(settings, name)
    if not isinstance(value, tuple) or not all(isinstance(item, str) for item in value):
        raise ValueError(f"Settings.{name} must be a tuple of strings, got {value!r}")


def check_settings(settings: Settings) -> None:
    """ValueError naming the field of the first value a scan could not use (from Python, not only from files)."""
    for name in ("glossaries", "extend_glossaries", "select", "ignore", "include", "exclude", "debris_patterns"):
        _strings_field(settings, name)
    language = settings.target_language
    if not isinstance(language, str) or not known_language(language):
        raise ValueError(f"Settings.target_language: {language!r} is not a language the detector knows "
                         f"(ISO 639-1, such as en, de, ru)")
    confidence = settings.min_confidence
    # Above 1 is allowed: no match is that sure, which switches the fuzzy name rules off (tests use it).
    if isinstance(confidence, bool) or not isinstance(confidence, (int, float)) or not confidence >= 0:
        raise ValueError(f"Settings.min_confidence must be a number from 0 (0 to 1 in practice), got {confidence!r}")
    if not isinstance(settings.fail_on, FailOn):
        try:
            object.__setattr__(settings, "fail_on", FailOn.parse(str(settings.fail_on)))
        except ValueError:
            raise ValueError(f"Settings.fail_on must be one of {', '.join(FailOn)}, got {settings.fail_on!r}") from None
    if not isinstance(settings.severity, dict) or not all(isinstance(level, Severity) for level in settings.severity.values()):
        raise ValueError(f"Settings.severity must map rules to Severity values, got {settings.severity!r}")
    size = settings.max_file_size
    if isinstance(size, bool) or not isinstance(size, int) or size < 0:
        raise ValueError(f"Settings.max_file_size must be a whole number of bytes (0: no limit), got {size!r}")


class ConfigError(Exception):
    """A configuration file that cannot be used; ``str()`` is one line naming the file (and key)."""


# key -> (Settings field, kind)
KEYS: dict[str, tuple[str, str]] = {
    "glossaries": ("glossaries", "glossaries"),
    "extend-glossary": ("extend_glossaries", "glossaries"),
    "select": ("select", "strings"),
    "ignore": ("ignore", "strings"),
    "severity": ("severity", "severity"),
    "fail-on": ("fail_on", "fail-on"),
    "include": ("include", "strings"),
    "exclude": ("exclude", "strings"),
    "min-confidence": ("min_confidence", "confidence"),
    "language": ("target_language", "language"),
    "debris-patterns": ("debris_patterns", "paths"),
    "max-file-size": ("max_file_size", "size"),
}


def display_path(path: str | os.PathLike[str]) -> str:
    """A path relative to the working directory when it lies inside it, else absolute."""
    absolute = os.path.abspath(path)
    try:
        relative = os.path.relpath(absolute)
    except ValueError:
        return absolute
    return absolute if relative == ".." or relative.startswith(".." + os.sep) else relative


def _has_tool_table(path: Path) -> bool:
    try:
        document = read_toml(read_regular(path).decode("utf-8"))
    except (OSError, UnicodeDecodeError, InvalidToml) as error:
        raise ConfigError(f"{display_path(path)}: cannot read ({error})") from None
    return isinstance(document.get("tool"), dict) and "audit" in document["tool"]


def find_config(paths: Iterable[str]) -> Path | None:
    """The nearest audit.toml, or pyproject.toml with [tool.audit], upward from the scanned paths."""
    starts = []
    for path in paths:
        if path == "-" or not os.path.exists(path):
            starts.append(os.getcwd())
        else:
            absolute = os.path.abspath(path)
            starts.append(absolute if os.path.isdir(absolute) else os.path.dirname(absolute))
    directory = Path(os.path.commonpath(starts) if starts else os.getcwd())
    for folder in (directory, *directory.parents):
        if (folder / "audit.toml").is_file():
            return folder / "audit.toml"
        if (folder / "pyproject.toml").is_file() and _has_tool_table(folder / "pyproject.toml"):
            return folder / "pyproject.toml"
    return None


def _read_table(path: Path) -> tuple[dict[str, object], str]:
    """The raw configuration table and the prefix that names its keys in messages."""
    name = display_path(path)
    try:
        text = read_regular(path).decode("utf-8")
    except OSError as error:
        raise ConfigError(f"{name}: cannot read configuration ({error.strerror or error})") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{name}: not UTF-8 text") from None
    try:
        document = read_toml(text)
    except InvalidToml as error:
        raise ConfigError(error.located(name)) from None
    if path.name == "pyproject.toml":
        table = document.get("tool", {}).get("audit", {}) if isinstance(document.get("tool"), dict) else {}
        if not isinstance(table, dict):
            raise ConfigError(f"{name}: [tool.audit] must be a table")
        return table, "tool.audit."
    return document, ""


def _strings(value: object, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
        raise ConfigError(f"{where}: expected a list of non-empty strings, got {value!r}")
    return tuple(item.strip() for item in value)


def _value(kind: str, value: object, where: str, base: Path, rules: tuple[Rule, ...] | None) -> object:
    if kind == "strings":
        patterns = _strings(value, where)
        if rules is not None and where.endswith(("select", "ignore")):
            for pattern in patterns:
                if not any(rule.matches(pattern) for rule in rules):
                    raise ConfigError(f"{where}: {pattern!r} names no rule (`audit rules` lists them)")
        return patterns
    if kind == "paths":
        return tuple(display_path(base / item) for item in _strings(value, where))
    if kind == "glossaries":  # a path relative to the file, or the name of a bundled glossary
        return tuple(
            item if not (base / item).exists() and bundled_name(item) else display_path(base / item)
            for item in _strings(value, where)
        )
    if kind == "severity":
        if not isinstance(value, dict):
            raise ConfigError(f"{where}: expected a table of rule = severity, got {value!r}")
        levels: dict[str, Severity] = {}
        for key, level in value.items():
            if not isinstance(level, str):
                raise ConfigError(f"{where}.{key}: expected error, warning or info, got {level!r}")
            try:
                severity = Severity.parse(level)
            except ValueError as error:
                raise ConfigError(f"{where}.{key}: {error}") from None
            if rules is not None:
                rule = find_rule(rules, key)
                if rule is None:
                    raise ConfigError(f"{where}.{key}: names no rule (`audit rules` lists them)")
                key = rule.id
            levels[key] = severity
        return levels
    if kind == "fail-on":
        try:
            if isinstance(value, str):
                return FailOn.parse(value)
        except ValueError as error:
            raise ConfigError(f"{where}: {error}") from None
        raise ConfigError(f"{where}: expected one of {', '.join(FailOn)}, got {value!r}")
    if kind == "confidence":
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
            raise ConfigError(f"{where}: expected a number from 0 to 1, got {value!r}")
        return float(value)
    if kind == "language":
        if not isinstance(value, str) or not known_language(value.strip()):
            raise ConfigError(f"{where}: expected a language code such as 'en', got {value!r}")
        return value.strip().lower()
    if kind == "size":
        try:
            if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
                return value
            if isinstance(value, str):
                return parse_size(value)
        except ValueError as error:
            raise ConfigError(f"{where}: {error}") from None
        raise ConfigError(f"{where}: expected a size such as \"10MB\" or a number of bytes, got {value!r}")
    raise AssertionError(kind)


def load_config(path: str | os.PathLike[str], rules: Iterable[Rule] | None = None) -> Settings:
    """Settings from one configuration file (defaults for what it leaves out).

    With ``rules``, rule names in select, ignore and severity are checked against them.
    """
    path = Path(path)
    table, prefix = _read_table(path)
    name = display_path(path)
    base = Path(os.path.abspath(path)).parent
    known = tuple(rules) if rules is not None else None
    changes: dict[str, object] = {}
    for key, value in table.items():
        if key not in KEYS:
            hint = f" (did you mean {key.replace('_', '-')!r}?)" if key.replace("_", "-") in KEYS else ""
            raise ConfigError(f"{name}: unknown key {prefix}{key!r}{hint}; expected one of {', '.join(KEYS)}")
        attribute, kind = KEYS[key]
        changes[attribute] = _value(kind, value, f"{name}: {prefix}{key}", base, known)
    try:
        return Settings(**changes, source=name, root=display_path(base))  # type: ignore[arg-type]
    except ValueError as error:
        raise ConfigError(f"{name}: {error}") from None


def resolve(paths: Iterable[str], config: str | None = None, *, isolated: bool = False,
            rules: Iterable[Rule] | None = None) -> Settings:
    """The file-level settings for a scan of ``paths``: the named config, the one found upward, or defaults."""
    if isolated:
        return Settings()
    found = Path(config) if config else find_config(list(paths))
    return load_config(found, rules) if found else Settings()


def override(settings: Settings, **options: object) -> Settings:
    """Apply command-line options over file settings. ``None`` means "not given".

    ``ignore`` and ``severity`` add to what the file says; every other option replaces it. ``select`` starts
    the rule selection afresh, as ruff's does: the file's ignore list goes with its select list, so
    ``--select AUD101`` reports AUD101 whatever the file ignores.
    """
    changes = {key: value for key, value in options.items() if value is not None}
    if "select" in changes:
        changes.setdefault("ignore", ())
    elif "ignore" in changes:
        changes["ignore"] = tuple(dict.fromkeys((*settings.ignore, *changes["ignore"])))  # type: ignore[misc]
    if "severity" in changes:
        changes["severity"] = {**settings.severity, **changes["severity"]}  # type: ignore[dict-item]
    return replace(settings, **changes)  # type: ignore[arg-type]


def describe(settings: Settings) -> str:
    """The effective settings as a configuration file (TOML), for `audit config`."""
    source = settings.source or "none found: defaults"
    lines = [f"# effective configuration; file: {source}"]
    for key, (attribute, kind) in KEYS.items():
        if kind == "severity":
            continue
        value = getattr(settings, attribute)
        if isinstance(value, tuple):
            lines.append(f"{key} = [{', '.join(json.dumps(item, ensure_ascii=False) for item in value)}]")
        else:
            lines.append(f"{key} = {json.dumps(value, ensure_ascii=False)}")
    lines.append("")
    lines.append("[severity]")
    lines.extend(f"{json.dumps(rule)} = {json.dumps(level.label)}" for rule, level in sorted(settings.severity.items()))
    return "\n".join(lines) + "\n"


def _candidates(path: str, root: str | None) -> list[str]:
    """The forms of a path globs are tried against: as given, relative to the config root, and each parent."""
    forms = {PurePosixPath(path.replace("\\", "/")).as_posix().removeprefix("./")}
    if root is not None:
        relative = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
        if not relative.startswith(".."):
            forms.add(PurePosixPath(Path(relative).as_posix()).as_posix())
    result: set[str] = set()
    for form in forms:
        parts = form.split("/")
        result.update("/".join(parts[:end]) for end in range(1, len(parts) + 1))
        result.update(parts)  # a pattern without a slash matches a name at any depth, as in .gitignore
    return sorted(result)


def _glob_hit(path: str, patterns: tuple[str, ...], root: str | None) -> bool:
    candidates = _candidates(path, root)
    for pattern in patterns:
        pattern = pattern.replace("\\", "/").rstrip("/").removeprefix("./")
        variants = {pattern, pattern.removeprefix("**/")}
        if any(fnmatch.fnmatchcase(candidate, variant) for candidate in candidates for variant in variants):
            return True
    return False


def path_selected(path: str, settings: Settings) -> bool:
    """Does include/exclude let this file be scanned? (Standard input always is.)"""
    if path == "-":
        return True
    if settings.include and not _glob_hit(path, settings.include, settings.root):
        return False
    return not (settings.exclude and _glob_hit(path, settings.exclude, settings.root))
