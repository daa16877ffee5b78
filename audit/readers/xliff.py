"""XLIFF 1.2 and 2.x translation files: the target text of each unit is an article of its own.

A unit (XLIFF 1.2 ``trans-unit``, 2.x ``unit``) is named by its ``id``. The checks read its target
text (in 2.x the targets of its segments, joined by a space); its source text is kept on the record
(``Record.source``) for checks that compare the two. Inline codes that stand for the original's
markup (``bpt``, ``ept``, ``ph``, ``it``, ``x``, ``sc``, ``ec`` ...) are not text; the text inside
``g``, ``pc`` and ``mrk`` is. Units without a target (not yet translated) have nothing to audit.
"""
from __future__ import annotations

from .base import ReaderError, Reading, Record, ViewBuilder
from .xml_events import Event, add_text, encode, events  # noqa: F401 - encode: the fixer's

NAME = "xliff"
SUFFIXES = (".xlf", ".xliff")

UNITS = frozenset({"trans-unit", "unit"})
CODES = frozenset({"bpt", "ept", "ph", "it", "x", "bx", "ex", "sc", "ec", "sm", "em", "sub", "originalData", "data",
                   "note", "notes"})


def units(raw: str, events_: list[Event], target_tag: str, source_tag: str, unit_tags: frozenset[str],
          unit_id, format_name: str, codes: frozenset[str] = CODES, chosen=None) -> Reading:  # noqa: ANN001
    """A Reading of the text inside ``target_tag`` of each unit; shared with the TMX reader.

    ``unit_id(attrs, number)`` names a unit; ``chosen(stack)``, if given, says whether a target/source
    element (its ancestors in ``stack``) is the one to read.
    """
    view = ViewBuilder()
    records: list[Record] = []
    stack: list[Event] = []
    unit: Event | None = None
    unit_depth = 0
    unit_number = 0
    begin = 0
    source_parts: list[str] = []
    reading_target = reading_source = 0  # depth inside the target/source element being read
    skipping = 0
    wrote = False
    for event in events_:
        if event.kind == "start":
            stack.append(event)
            if event.name in unit_tags and unit is None:
                unit, unit_depth, unit_number, wrote, source_parts = event, len(stack), unit_number + 1, False, []
                begin = view.length
            elif (unit is not None and event.name == target_tag and not reading_target
                  and (chosen is None or chosen(stack, "target"))):
                if wrote:
                    view.insert(" ", event.start)  # the next segment's target
                elif view.length:
                    view.insert("\n\n", event.start)  # the next unit's
                    begin = view.length
                reading_target, wrote = len(stack), True
            elif (unit is not None and event.name == source_tag and not reading_source
                  and (chosen is None or chosen(stack, "source"))):
                reading_source = len(stack)
            elif (reading_target or reading_source) and event.name in codes and not skipping:
                skipping = len(stack)
        elif event.kind == "end":
            depth = len(stack)
            stack.pop()
            if skipping == depth:
                skipping = 0
            if reading_target == depth:
                reading_target = 0
            if reading_source == depth:
                reading_source = 0
            if unit is not None and depth == unit_depth:
                if wrote:
                    records.append(Record(unit_id(unit.attrs, unit_number), begin, view.length, "".join(source_parts)))
                unit = None
        elif not skipping:
            if reading_target:
                add_text(view, raw, event)
            elif reading_source:
                source_parts.append(event.data)
    text, offsets = view.build()
    return Reading(format_name, raw, text, offsets, tuple(records))


def read(raw: str, options: object = None) -> Reading:
    found = events(raw)
    root = next((event for event in found if event.kind == "start"), None)
    if root is None or root.name != "xliff":
        raise ReaderError("not an XLIFF file (no <xliff> root element)")
    return units(raw, found, "target", "source", UNITS, lambda attrs, number: attrs.get("id") or f"unit {number}", NAME)
