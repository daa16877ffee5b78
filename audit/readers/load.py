"""From a file name to the documents the checks read, through the file's reader."""
from __future__ import annotations

from ..documents import Document, DocumentError, decode, line_starts, read_bytes, read_document
from . import ReaderOptions, format_of, is_binary, read_raw
from .base import ReaderError, Reading, Source
from .plain import NAME as PLAIN


def read_reading(path: str, data: bytes, options: ReaderOptions | None = None) -> Reading:
    """A file's bytes as its reader sees them; DocumentError (naming the file) if they cannot be read."""
    format_name = format_of(path, options)
    raw: str | bytes = data if is_binary(format_name) else decode(data, path)
    try:
        return read_raw(format_name, raw, options)
    except ReaderError as error:
        raise DocumentError(f"{path}: not a readable {format_name} file ({error})") from None
    except (ValueError, RecursionError) as error:  # a parser's own complaint (JSON nested too deep ...)
        raise DocumentError(f"{path}: not a readable {format_name} file ({type(error).__name__}: {error})") from None


def documents_of(path: str, reading: Reading) -> list[Document]:
    """One document per article of the reading (a record, or the whole file)."""
    if reading.offsets is None and len(reading.records) == 1 and reading.records[0].id is None:
        return [Document.from_text(path, reading.text)]  # plain text: the raw file is the document
    raw_lines = line_starts(reading.raw)
    return [
        Document.from_text(path, reading.text[record.start : record.end], Source(reading, record, raw_lines))
        for record in reading.records
    ]


def load(path: str, options: ReaderOptions | None = None, data: bytes | None = None) -> tuple[list[Document], Reading | None]:
    """The documents of one file (``data``: its bytes when already read, e.g. stdin), and its reading.

    Plain text goes the way it always went (documents.read_document); the reading is None then.
    """
    if format_of(path, options) == PLAIN and data is None:
        return [read_document(path)], None
    reading = read_reading(path, read_bytes(path) if data is None else data, options)
    return documents_of(path, reading), reading
