"""`audit fix` for Word documents: edits go into the runs of text that hold them, formatting kept.

A .docx is read as its paragraphs, one a line (audit/readers/docx.py), so a fix's edit is an offset range
in that text. Here each edit is placed in its paragraph and in the run (a stretch of text with one
formatting) it falls in: a replacement inside one run replaces those characters of the run; one that
spans runs (a name half in bold) or a hyperlink is left to a person, as HTML markup is. A removal
(debris) takes its characters out of every run it covers, and a paragraph left empty goes as a whole.
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .readers.docx import document_paragraphs, open_document


@dataclass(frozen=True)
class Piece:
    """A run of a paragraph and where its text stands in the paragraph's (None: not editable, a hyperlink)."""

    start: int
    end: int
    run: Any  # python-docx Run, or None


def _pieces(paragraph: Any) -> list[Piece] | None:
    """The paragraph's runs with their offsets, or None if they do not add up to its text."""
    from docx.text.run import Run

    pieces, texts, at = [], [], 0
    for item in paragraph.iter_inner_content():
        texts.append(item.text)
        pieces.append(Piece(at, at + len(item.text), item if isinstance(item, Run) else None))
        at += len(item.text)
    return pieces if "".join(texts) == paragraph.text else None


def _locate(text: str, start: int, end: int) -> tuple[int, int, int] | None:
    """(paragraph number from 0, start and end in it) of a range of the reader's text; None across paragraphs."""
    index = text.count("\n", 0, start)
    first = text.rfind("\n", 0, start) + 1
    if "\n" in text[start:end]:
        return None
    return index, start - first, end - first


@lru_cache(maxsize=4)
def _layout(data: bytes) -> list[list[tuple[int, int, bool]] | None]:
    """Each paragraph's runs as (start, end, editable), parsed once per document however many edits it has."""
    layout: list[list[tuple[int, int, bool]] | None] = []
    for paragraph in document_paragraphs(open_document(data)):
        pieces = _pieces(paragraph)
        layout.append(None if pieces is None else [(p.start, p.end, p.run is not None) for p in pieces])
    return layout


def unfixable(data: bytes, text: str, start: int, end: int, removal: bool) -> str | None:
    """Why an edit of [start, end) cannot be made in the document (None: it can)."""
    place = _locate(text, start, end)
    if place is None:
        return "the text spans paragraphs: fix it by hand"
    layout = _layout(data)
    index, begin, finish = place
    pieces = layout[index] if index < len(layout) else None
    if pieces is None:
        return "the paragraph's text is not held in plain runs: fix it by hand"
    covered = [(start, end, editable) for start, end, editable in pieces if start < finish and begin < end]
    if not all(editable for _, _, editable in covered):
        return "the text is in a hyperlink: fix it by hand"
    if not removal and len(covered) != 1:
        return "the text is split by formatting: fix it by hand"
    return None


def apply(data: bytes, text: str, edits: list[tuple[int, int, str]]) -> bytes:
    """The document with ``edits`` (reader-text offsets, replacement) made, saved to bytes."""
    document = open_document(data)
    paragraphs = list(document_paragraphs(document))
    emptied = []
    for start, end, replacement in sorted(edits, reverse=True):  # from the end: earlier offsets stay valid
        place = _locate(text, start, end)
        assert place is not None  # planned with unfixable()
        index, begin, finish = place
        paragraph = paragraphs[index]
        pieces = _pieces(paragraph) or []
        covered = [piece for piece in pieces if piece.start < finish and begin < piece.end]
        for number, piece in enumerate(reversed(covered)):
            run_text = piece.run.text
            cut_start, cut_end = max(begin, piece.start) - piece.start, min(finish, piece.end) - piece.start
            # the replacement goes into the first run covered (the last one edited here)
            put = replacement if number == len(covered) - 1 else ""
            piece.run.text = run_text[:cut_start] + put + run_text[cut_end:]
        if not replacement and not paragraph.text.strip():
            emptied.append(paragraph)
    for paragraph in emptied:
        element, parent = paragraph._element, paragraph._element.getparent()
        # A table cell, a header and a footer must keep one paragraph: an emptied last one there stays, empty.
        keeps_one = parent is not None and parent.tag.endswith(("}tc", "}hdr", "}ftr"))
        if parent is not None and (not keeps_one or len(parent.findall(element.tag)) > 1):
            parent.remove(element)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
