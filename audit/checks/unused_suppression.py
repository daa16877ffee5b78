"""AUD901 unused-suppression: an inline ``<!-- audit: ignore ... -->`` marker that suppresses nothing.

Registered like every rule, but its findings come from the engine's suppression pass
(audit/suppressions.py), which must see every other check's findings first, corpus checks included:
no per-document or corpus hook could know which markers were used.
"""
from __future__ import annotations

from ..suppressions import RULE
from .base import Check

CHECK = Check(rules=(RULE,))
