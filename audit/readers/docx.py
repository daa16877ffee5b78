"""Word documents (.docx): the text of the body's paragraphs, table cells included, in document order,
then the sections' headers and footers (a credit line or a dateline lives there as often as in the body).

A .docx file is a zip of XML, so there are no raw text positions to point at: the "raw" text of a
document is its paragraphs, one a line, and a finding's line is its paragraph's number (counted over
the body's paragraphs and table-cell paragraphs, in order, then each header's and footer's) and its column
the character in that paragraph. Footnotes and comments are not read.
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


def document_paragraphs(document) -> Iterator:  # noqa: ANN001 - python-docx's Document
    """Every paragraph the reader reads, in its order: the body's (``paragraph_blocks``), then those of each
    section's own headers and footers (default, first page, even pages; one shared by several sections
    once; a header that only repeats the previous section's is not one of its own)."""
    yield from paragraph_blocks(document)
    seen: set[int] = set()
    for section in document.sections:
        for part in (section.header, section.first_page_header, section.even_page_header,
                     section.footer, section.first_page_footer, section.even_page_footer):
            if part.is_linked_to_previous or id(part.part) in seen:
                continue
            seen.add(id(part.part))
            yield from paragraph_blocks(part)


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
    return [block.text.replace("\n", " ").replace("\r", " ") for block in document_paragraphs(open_document(data))]


def read(data: bytes, options: object = None) -> Reading:
    reading = whole(NAME, "\n".join(paragraphs(data)))
    # Positions are paragraphs, not a raw text: a Source still maps them (one line a paragraph).
    return Reading(NAME, reading.raw, reading.text, None, (reading.records[0],))


def encode(text: str) -> str | None:
    """How ``text`` is written into a paragraph's run (for `audit fix`): as it is, on one line."""
    return None if "\n" in text or "\r" in text else text
