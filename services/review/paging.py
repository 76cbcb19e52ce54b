"""Cursor pagination over a numeric sort key, read in growing key windows.

Every sortable list has a precomputed float key per document (unique in practice: equal values are
spread apart by a hash of the id) and an index that ends with it. A page is read window by window
from the cursor downwards (`key <= hi and key > lo`), each window a bounded index range, so a page
costs about the documents it returns rather than every document that matches the filter. A
window that comes back empty doubles; after one that returned rows, the next is sized
from the density just seen to hold what is still missing (within a quarter to four times the
last width). The cursor is the last key and id returned, plus the rank reached so far, encoded as every list's
cursor is (`chassis.paging`).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from services.chassis import paging

Fetch = Callable[[float, float], Awaitable[list[dict[str, Any]]]]


@dataclass(frozen=True)
class Cursor:
    key: float
    id: str
    rank: int

    def encode(self) -> str:
        return paging.encode([self.key, self.id, self.rank])

    @classmethod
    def decode(cls, value: str) -> Cursor:
        key, id_, rank = paging.decode(value, 3)
        try:
            return cls(float(key), str(id_), int(rank))
        except (TypeError, ValueError):
            raise paging.invalid() from None


async def descending(
    fetch: Fetch,
    key: str,
    *,
    top: float,
    floor: float,
    width: float,
    limit: int,
    after: Cursor | None,
) -> list[dict[str, Any]]:
    """Up to `limit` documents in descending `key` order (then ascending id), below the cursor.

    `fetch(lo, hi)` returns the documents with lo < key <= hi; `top` is above every key, `floor`
    below every key; `width` is the first window's width."""
    hi = after.key if after else top
    found: list[dict[str, Any]] = []
    while len(found) < limit and hi > floor:
        lo = max(hi - width, floor)
        batch = await fetch(lo, hi)
        batch.sort(key=lambda d: (-d[key], d["_id"]))
        if after:
            batch = [d for d in batch if (-d[key], d["_id"]) > (-after.key, after.id)]
        found += batch
        if batch:
            wanted = 1.5 * (limit - len(found)) * (hi - lo) / len(batch)
            width = min(width * 4, max(width / 4, wanted))
        else:
            width *= 2
        hi = lo
    return found[:limit]
