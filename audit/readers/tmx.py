"""TMX translation memories: each translation unit's target segment is an article of its own.

A ``tu`` is named by its ``tuid`` (else ``tu N``). The source language is the header's ``srclang``;
the target is the first ``tuv`` in another language (with ``srclang="*all*"`` or none: the first
``tuv`` is the source, the second the target). The source segment is kept on the record. Inline codes
(``bpt``, ``ept``, ``ph``, ``it``, ``ut``) are the original's markup, not text; ``hi`` text is text.
"""
from __future__ import annotations

from .base import ReaderError, Reading
from .xliff import units
from .xml_events import Event, encode, events  # noqa: F401 - encode: the fixer's

NAME = "tmx"
SUFFIXES = (".tmx",)
CODES = frozenset({"bpt", "ept", "ph", "it", "ut", "note", "prop"})


def _language(event: Event) -> str:
    return (event.attrs.get("xml:lang") or event.attrs.get("lang") or "").lower()


def read(raw: str, options: object = None) -> Reading:
    found = events(raw)
    root = next((event for event in found if event.kind == "start"), None)
    if root is None or root.name != "tmx":
        raise ReaderError("not a TMX file (no <tmx> root element)")
    header = next((event for event in found if event.kind == "start" and event.name == "header"), None)
    source_language = (header.attrs.get("srclang", "") if header else "").lower()
    if source_language == "*all*":
        source_language = ""
    seen: dict[int, list[str]] = {}  # tu (by id) -> languages of its tuvs so far

    def chosen(stack: list[Event], role: str) -> bool:
        """Is the seg being opened (its tuv is stack[-2]) the tu's source or its (first) target?"""
        if len(stack) < 3 or stack[-2].name != "tuv":
            return False
        tu, language = stack[-3], _language(stack[-2])
        before = seen.setdefault(id(tu), [])
        if role == "source":  # asked after "target" for the same seg: do not count it twice
            is_source = language.split("-")[0] == source_language.split("-")[0] if source_language else not before[:-1]
            return is_source
        before.append(language)
        if source_language:
            same = language.split("-")[0] == source_language.split("-")[0]
            targets = [lang for lang in before if lang.split("-")[0] != source_language.split("-")[0]]
            return not same and len(targets) == 1
        return len(before) == 2

    return units(raw, found, "seg", "seg", frozenset({"tu"}), lambda attrs, number: attrs.get("tuid") or f"tu {number}",
                 NAME, CODES, chosen)
