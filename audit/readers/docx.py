"""Word documents (.docx): the text of the body's paragraphs, table cells included, in document order.

A .docx file is a zip of XML, so there are no raw text positions to point at: the "raw" text of a
document is its paragraphs, one a line, and a finding's line is its paragraph's number (counted over
the body's paragraphs and table-cell paragraphs, in order) and its column the character in that
paragraph. Headers, footers, footnotes and comments are not read.
"""
from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator

from .base import ReaderError, Reading, whole

NAME = "docx"
SUFFIXES = (".docx",)
BINARY = True


def paragraph_blocks(container) -> Iterator:  # noqa: ANN001 - python-docx's Document or a table cell
    """The paragraphs of the body and of its tables' cells, in document order (a merged cell once)."""
    from docx.table import Table

    for block in container.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                seen = set()
                for cell in row.cells:
                    if id(cell._tc) in seen:  # a merged cell appears once per column it spans
                        continue
                    seen.add(id(cell._tc))
                    yield from paragraph_blocks(cell)
        else:
            yield block


def open_document(data: bytes):  # noqa: ANN201 - python-docx's Document
    """The Word document in ``data`` (ReaderError if it is not one)."""
    import docx  # python-docx: imported only when a .docx is read

    try:
        return docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise ReaderError(f"not a Word document ({error})") from None
    except Exception as error:  # noqa: BLE001 - python-docx raises its own and lxml's errors for broken files
        raise ReaderError(f"not a Word document ({type(error).__name__})") from None


def paragraphs(data: bytes) -> list[str]:
    """The document's paragraphs' text (ReaderError if it is not a Word document)."""
    return [block.text.replace("\n", " ").replace("\r", " ") for block in paragraph_blocks(open_document(data))]


def read(data: bytes, options: object = None) -> Reading:
    reading = whole(NAME, "\n".join(paragraphs(data)))
    # Positions are paragraphs, not a raw text: a Source still maps them (one line a paragraph).
    return Reading(NAME, reading.raw, reading.text, None, (reading.records[0],))


def encode(text: str) -> str | None:
    """How ``text`` is written into a paragraph's run (for `audit fix`): as it is, on one line."""
    return None if "\n" in text or "\r" in text else text
