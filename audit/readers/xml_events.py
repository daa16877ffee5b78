"""XML read as events with their raw character offsets, for the translation-file readers.

lxml builds trees without source offsets; the standard library's expat parser reports the byte
index of every event, which is turned into character offsets here. A document type with an internal
subset (entity declarations) is refused: translation files have none, and entity expansion is a
classic way to make a parser eat all memory.
"""
from __future__ import annotations

from array import array
from dataclasses import dataclass
from xml.parsers import expat

from .base import ReaderError, ViewBuilder


@dataclass(frozen=True)
class Event:
    kind: str  # "start", "end" or "text"
    name: str  # local tag name (no namespace prefix); "" for text
    attrs: dict[str, str]
    start: int  # raw character offsets
    end: int
    data: str = ""  # a text event's characters, as the parser reads them (entities expanded)


def _char_offsets(raw: str) -> array | None:
    """Byte index (in UTF-8) -> character index; None when they are the same (ASCII)."""
    if raw.isascii():
        return None
    offsets = array("I")
    for index, char in enumerate(raw):
        offsets.extend([index] * len(char.encode("utf-8", "surrogatepass")))
    offsets.append(len(raw))
    return offsets


def events(raw: str) -> list[Event]:
    """Start, end and text events in document order; ReaderError for XML that is not well-formed."""
    parser = expat.ParserCreate(encoding="UTF-8")  # the text was decoded already: its bytes are UTF-8
    pending: list[tuple[str, str, dict[str, str], int, str]] = []

    def local(name: str) -> str:
        return name.rsplit(":", 1)[-1]

    def doctype(name, system_id, public_id, has_internal_subset) -> None:  # noqa: ANN001
        if has_internal_subset:
            raise ReaderError("document type declarations with entities are not read")

    parser.StartDoctypeDeclHandler = doctype
    parser.StartElementHandler = lambda name, attrs: pending.append(("start", local(name), attrs, parser.CurrentByteIndex, ""))
    parser.EndElementHandler = lambda name: pending.append(("end", local(name), {}, parser.CurrentByteIndex, ""))
    parser.CharacterDataHandler = lambda data: pending.append(("text", "", {}, parser.CurrentByteIndex, data))
    try:
        parser.Parse(raw.encode("utf-8", "surrogatepass"), True)
    except expat.ExpatError as error:
        raise ReaderError(f"not well-formed XML (line {error.lineno}, column {error.offset + 1})") from None
    to_char = _char_offsets(raw)
    size = len(raw.encode("utf-8", "surrogatepass")) if to_char is not None else len(raw)

    def char(byte: int) -> int:
        return to_char[byte] if to_char is not None else byte

    found = []
    for index, (kind, name, attrs, byte, data) in enumerate(pending):
        following = pending[index + 1][3] if index + 1 < len(pending) else size
        found.append(Event(kind, name, attrs, char(byte), char(following), data))
    return found


def add_text(view: ViewBuilder, raw: str, event: Event) -> None:
    """A text event into the view: copied when the raw text is what it reads, else standing for its raw span."""
    if raw.startswith(event.data, event.start) and event.start + len(event.data) <= event.end:
        view.copy(raw, event.start, event.start + len(event.data))
    else:
        view.replace(event.data, event.start, event.end)


def encode(text: str) -> str:
    """How ``text`` is written into XML character data (for `audit fix`)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
