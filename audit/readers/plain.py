"""Plain text: the file is the article, as it stands."""
from __future__ import annotations

from .base import Reading, whole

NAME = "text"
SUFFIXES = (".txt", ".text")


def read(raw: str, options: object = None) -> Reading:
    return whole(NAME, raw)


def encode(text: str) -> str:
    """How ``text`` is written into the raw file (for `audit fix`): as it is."""
    return text
