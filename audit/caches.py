"""The one bounded cache: a dict that empties itself when full, so a long scan cannot grow without end.

Emptying everything (rather than evicting the oldest entry, as functools.lru_cache does) costs nothing per
lookup: these caches sit in the hottest loops, where lru_cache's bookkeeping would show, and a cache
refilled once per hundred thousand distinct keys loses nothing measurable.
"""
from __future__ import annotations

from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")


class BoundedCache(dict[K, V]):
    """A plain dict (lookups at dict speed) whose ``put`` empties it first once it holds ``limit`` entries."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit

    def put(self, key: K, value: V) -> V:
        if len(self) >= self.limit:
            self.clear()
        self[key] = value
        return value

    def room_for(self, count: int) -> bool:
        """Would ``count`` more entries fit without emptying it?"""
        return len(self) + count < self.limit
