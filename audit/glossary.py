"""Glossaries: the canonical names a copy desk wants, their accepted variants and known wrong forms.

Two formats load:

* the native TOML format (``glossaries/*.toml``, documented in glossaries/README.md): a ``[[entry]]``
  table per name;
* the CSV interchange format: a header row ``canonical,type,variants,avoid,note`` (only
  ``canonical`` is required; ``variants`` and ``avoid`` are ``|``-separated), optionally a ``forms``
  column of source-language forms (``ru:Песков|de:Peskow``).

Every problem is a ``GlossaryError`` naming the file and, where there is one, the line.
"""
from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from .files import read_regular
from .gc_pause import paused_gc
from .glossary_checks import avoid_problem, quote_problem, split_source
from .glossary_infer import infer_type, link_surnames
from .text import InvalidToml, read_toml, table_lines

ENTRY_TYPES = ("person", "place", "organization", "publication", "other")
CSV_COLUMNS = ("canonical", "type", "variants", "avoid", "note")
# Read when present, never written by `audit names --csv`: the name in source languages, for `audit compare --source`.
OPTIONAL_CSV_COLUMNS = ("forms", "avoid_case")
TOML_KEYS = {"canonical", "type", "variants", "avoid", "note", "forms", "avoid_case"}
AVOID_CASES = ("exact", "any")
_LANGUAGE_CODE = re.compile(r"[a-z]{2,3}")
DEFAULT_GLOSSARY = "default.toml"


class GlossaryError(Exception):
    """A glossary that cannot be used; ``str()`` is one line naming file and line."""

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        self.path, self.line, self.message = path, line, message
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True)
class Entry:
    canonical: str
    type: str = "other"
    variants: tuple[str, ...] = ()
    avoid: tuple[str, ...] = ()
    note: str = ""
    source: str = ""  # "file:line" the entry came from, for messages
    type_inferred: bool = False  # the glossary gave no type: ``type`` was worked out from the name
    # (language, form) pairs: how source texts write the name ("ru", "Песков"), in file order
    forms: tuple[tuple[str, str], ...] = ()
    # "exact": avoid forms match with their case ("The mirror", not the everyday "the mirror"); "any": in any
    # case, where the desk says its avoid forms can never be ordinary English.
    avoid_case: str = "exact"

    @property
    def accepted(self) -> tuple[str, ...]:
        """Every spelling that is right: the canonical form first, then the variants."""
        return (self.canonical, *self.variants)

    @property
    def source_file(self) -> str:
        """The glossary file the entry comes from (its source without the line)."""
        return split_source(self.source)[0]


@dataclass(frozen=True)
class Glossary:
    entries: tuple[Entry, ...]
    sources: tuple[str, ...] = ()

    def __len__(self) -> int:
        return len(self.entries)

    def merged(self, other: "Glossary") -> "Glossary":
        return Glossary(self.entries + other.entries, self.sources + other.sources)


def _split_list(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split("|") if part.strip())


def _validated(path: str, line: int | None, raw: Mapping[str, object]) -> Entry:
    """Check one entry's fields, whatever format it came from."""
    canonical = raw.get("canonical")
    if not isinstance(canonical, str) or not canonical.strip():
        raise GlossaryError(path, "entry has no canonical form", line)
    given_type = raw.get("type")
    if given_type is not None and not isinstance(given_type, str):  # `type = false` is a mistake, not "no type"
        raise GlossaryError(path, f"type of {canonical!r} must be one of {', '.join(ENTRY_TYPES)}, not {given_type!r}", line)
    entry_type = given_type or "other"
    inferred = None if given_type else infer_type(canonical)  # a flat glossary: guess what the name is
    if inferred is not None:
        entry_type = inferred
    if entry_type not in ENTRY_TYPES:  # the usual spelling passes without normalising
        if not isinstance(entry_type, str) or entry_type.strip().lower() not in ENTRY_TYPES:
            raise GlossaryError(
                path, f"type {entry_type!r} of {canonical!r} is not one of {', '.join(ENTRY_TYPES)}", line
            )
        entry_type = entry_type.strip().lower()
    variants = _string_list(path, line, canonical, "variants", raw.get("variants"))
    avoid = _string_list(path, line, canonical, "avoid", raw.get("avoid"))
    note = raw.get("note") or ""
    if not isinstance(note, str):
        raise GlossaryError(path, f"note of {canonical!r} must be a string", line)
    if avoid:
        clash = set(map(str.casefold, avoid)) & {form.casefold() for form in (canonical, *variants)}
        if clash:
            raise GlossaryError(path, f"{canonical!r} lists {sorted(clash)[0]!r} as both accepted and avoided", line)
    return Entry(
        canonical=canonical.strip(),
        type=entry_type,
        variants=variants,
        avoid=avoid,
        note=note.strip(),
        source=f"{path}:{line}" if line else path,
        type_inferred=inferred is not None,
        forms=_forms(path, line, canonical, raw.get("forms")),
        avoid_case=_avoid_case(path, line, canonical, raw.get("avoid_case")),
    )


def _avoid_case(path: str, line: int | None, canonical: str, value: object) -> str:
    if value in (None, ""):
        return "exact"
    if not isinstance(value, str) or value.strip().lower() not in AVOID_CASES:
        raise GlossaryError(path, f"avoid_case of {canonical!r} must be one of {', '.join(AVOID_CASES)}, not {value!r}", line)
    return value.strip().lower()


def _forms(path: str, line: int | None, canonical: str, value: object) -> tuple[tuple[str, str], ...]:
    """Source-language forms: a table {ru = "Песков"} or {ru = ["Песков", "Пескова"]} (TOML), or "ru:Песков|de:Peskow" (CSV)."""
    if not value:
        return ()
    if isinstance(value, str):
        pairs = []
        for item in _split_list(value):
            language, sep, form = item.partition(":")
            if not sep:
                raise GlossaryError(path, f"forms of {canonical!r}: expected LANGUAGE:FORM, got {item!r}", line)
            pairs.append((language, form))
    elif isinstance(value, dict):
        pairs = [(language, form) for language, forms in value.items()
                 for form in ([forms] if isinstance(forms, str) else forms if isinstance(forms, list) else [forms])]
    else:
        raise GlossaryError(path, f"forms of {canonical!r} must be a table: forms = {{ru = \"...\"}}", line)
    checked = []
    for language, form in pairs:
        language = language.strip().lower()
        if not _LANGUAGE_CODE.fullmatch(language):
            raise GlossaryError(path, f"forms of {canonical!r}: {language!r} is not a language code such as ru or de", line)
        if not isinstance(form, str) or not form.strip():
            raise GlossaryError(path, f"forms of {canonical!r}: the {language} form must be a non-empty string", line)
        checked.append((language, form.strip()))
    return tuple(checked)


def _string_list(path: str, line: int | None, canonical: str, key: str, value: object) -> tuple[str, ...]:
    """A list field: a list of strings (TOML) or a |-separated string (CSV), blanks dropped."""
    if not value:
        return ()
    if isinstance(value, str):
        return _split_list(value)
    if not isinstance(value, (list, tuple)) or not all(isinstance(item, str) for item in value):
        raise GlossaryError(path, f"{key} of {canonical!r} must be a list of strings", line)
    return tuple(item.strip() for item in value if item.strip())


def parse_toml(text: str, path: str) -> Glossary:
    try:
        document = read_toml(text)
    except InvalidToml as error:
        raise GlossaryError(path, f"invalid TOML: {error.reason}", error.line) from None
    unknown_tables = set(document) - {"glossary", "entry"}
    if unknown_tables:
        raise GlossaryError(path, f"unknown table {sorted(unknown_tables)[0]!r} (expected [glossary] and [[entry]])")
    raw_entries = document.get("entry", [])
    if not isinstance(raw_entries, list):
        raise GlossaryError(path, "'entry' must be an array of tables: write [[entry]]")
    header_lines = table_lines(text, "entry")
    entries = []
    for index, raw in enumerate(raw_entries):
        line = header_lines[index] if index < len(header_lines) else None
        if not isinstance(raw, dict):
            raise GlossaryError(path, "each entry must be a table", line)
        unknown = set(raw) - TOML_KEYS
        if unknown:
            raise GlossaryError(path, f"unknown key {sorted(unknown)[0]!r} (expected {', '.join(sorted(TOML_KEYS))})", line)
        for key in ("variants", "avoid"):
            if isinstance(raw.get(key), str):  # only the CSV format separates a list with |
                raise GlossaryError(path, f"{key} of {raw.get('canonical')!r} must be a list: {key} = [\"...\"]", line)
        if isinstance(raw.get("forms"), str):  # likewise language:form pairs
            raise GlossaryError(path, f"forms of {raw.get('canonical')!r} must be a table: forms = {{ru = \"...\"}}", line)
        entries.append(_validated(path, line, raw))
    clash = avoid_problem(entries)
    if clash is not None:
        raise GlossaryError(path, clash[0], split_source(clash[1])[1])
    return Glossary(tuple(link_surnames(entries)), (path,))


def parse_csv(text: str, path: str) -> Glossary:
    quoting = quote_problem(text)
    if quoting is not None:
        raise GlossaryError(path, quoting[0], quoting[1])
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise GlossaryError(path, "empty file: expected a header row canonical,type,variants,avoid,note", 1) from None
    except csv.Error as error:
        raise GlossaryError(path, f"invalid CSV: {error}", 1) from None
    columns = [name.strip().lower() for name in header]
    repeated = sorted({name for name in columns if columns.count(name) > 1})
    if repeated:
        raise GlossaryError(path, f"column {repeated[0]!r} appears twice in the header", 1)
    if "canonical" not in columns:
        raise GlossaryError(path, f"header has no 'canonical' column (expected {','.join(CSV_COLUMNS)})", 1)
    unknown = [name for name in columns if name not in CSV_COLUMNS + OPTIONAL_CSV_COLUMNS]
    if unknown:
        raise GlossaryError(path, f"unknown column {unknown[0]!r} (expected {','.join(CSV_COLUMNS)})", 1)
    entries = []
    try:
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) > len(columns):
                raise GlossaryError(path, f"{len(row)} fields but the header has {len(columns)}", line)
            raw = dict(zip(columns, row))
            entries.append(_validated(path, line, raw))
    except csv.Error as error:
        raise GlossaryError(path, f"invalid CSV: {error}", reader.line_num) from None
    clash = avoid_problem(entries)
    if clash is not None:
        raise GlossaryError(path, clash[0], split_source(clash[1])[1])
    return Glossary(tuple(link_surnames(entries)), (path,))


def load_glossary(path: str | Path) -> Glossary:
    """Load a .toml or .csv glossary; raises GlossaryError naming the file (and line)."""
    name = str(path)
    try:
        data = read_regular(path)  # never a FIFO or a device (/dev/zero would be read forever)
    except OSError as error:
        raise GlossaryError(name, f"cannot read glossary ({error.strerror or error})") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise GlossaryError(name, "not UTF-8 text", line) from None
    suffix = Path(name).suffix.lower()
    with paused_gc():
        if suffix == ".toml":
            return parse_toml(text, name)
        if suffix in (".csv", ".tsv"):
            return parse_csv(text, name)
    raise GlossaryError(name, "unknown glossary format (expected a .toml or .csv file)")


def bundled_glossary_names() -> list[str]:
    return sorted(item.name for item in resources.files("audit.glossaries").iterdir() if item.name.endswith(".toml"))


def load_bundled(name: str = DEFAULT_GLOSSARY) -> Glossary:
    """The glossary shipped with the package (found after a non-editable install too)."""
    resource = resources.files("audit.glossaries").joinpath(name)
    with resources.as_file(resource) as path:
        glossary = load_glossary(path)
    return Glossary(glossary.entries, (f"<bundled>/{name}",))


def bundled_name(reference: str) -> str | None:
    """The bundled glossary a ``--glossary`` value names ("world", "world.toml"), or None. A file that
    exists at that path is the user's and wins, so a local ``world.toml`` is never shadowed."""
    if Path(reference).exists():
        return None
    wanted = reference if reference.endswith(".toml") else f"{reference}.toml"
    return wanted if wanted in bundled_glossary_names() else None


def load_reference(reference: str) -> Glossary:
    """A glossary named on the command line or in a configuration: a path, or a bundled glossary's name."""
    name = bundled_name(reference)
    if name is not None:
        return load_bundled(name)
    if not Path(reference).exists() and "/" not in reference and "\\" not in reference and not Path(reference).suffix:
        bundled = ", ".join(item.removesuffix(".toml") for item in bundled_glossary_names())
        raise GlossaryError(reference, f"no such file, and no bundled glossary of that name (bundled: {bundled})")
    return load_glossary(reference)


def describe_bundled() -> list[tuple[str, str, int]]:
    """(name, title, entries) of every bundled glossary, for `audit glossaries`."""
    listing = []
    for filename in bundled_glossary_names():
        resource = resources.files("audit.glossaries").joinpath(filename)
        header = read_toml(resource.read_text(encoding="utf-8")).get("glossary", {})
        title = header.get("name", "") if isinstance(header, dict) else ""
        listing.append((filename.removesuffix(".toml"), str(title), len(load_bundled(filename))))
    return listing


def load_glossaries(paths: list[str] | tuple[str, ...], extend: list[str] | tuple[str, ...] = ()) -> Glossary:
    """The given glossaries (paths or bundled names) merged in order, or the bundled default when none is
    given; then the ``extend`` glossaries on top, so a desk glossary adds to the bundled one."""
    glossary = Glossary(()) if paths else load_bundled()
    for path in (*paths, *extend):
        glossary = glossary.merged(load_reference(path))
    if len(glossary.sources) > 1:  # one file's entries were checked together; across files, here
        clash = avoid_problem(glossary.entries)
        if clash is not None:
            path, line = split_source(clash[1])
            raise GlossaryError(path, clash[0], line)
    return glossary
