"""Window paging: every document once, in order, across pages; a foreign cursor is a clear error."""

from __future__ import annotations

import math
from typing import Any

import pytest

from services.chassis.errors import ProblemError
from services.review import paging


async def test_window_paging_returns_every_document_once_in_order() -> None:
    keys = [5.0004, 5.0001, 4.2, 4.2 - 1e-7, 3.0, 0.5, -1.3, -1.9] + [
        3.0003 + i * 1e-6 for i in range(40)
    ]
    docs = [{"_id": f"d{i:03d}", "k": k} for i, k in enumerate(keys)]
    calls = []

    async def fetch(lo: float, hi: float) -> list[dict[str, Any]]:
        calls.append((lo, hi))
        return [dict(d) for d in docs if lo < d["k"] <= hi]

    expected = [d["_id"] for d in sorted(docs, key=lambda d: (-d["k"], d["_id"]))]
    seen: list[str] = []
    after = None
    while True:
        page = await paging.descending(
            fetch, "k", top=1000, floor=-2, width=0.25, limit=7, after=after
        )
        if not page:
            break
        seen += [d["_id"] for d in page]
        last = page[-1]
        after = paging.Cursor(last["k"], last["_id"], len(seen))
    assert seen == expected
    assert paging.Cursor.decode(after.encode()) == after if after else True
    assert math.isfinite(calls[0][0])


def test_bad_cursor_is_a_clear_error() -> None:
    with pytest.raises(ProblemError) as caught:
        paging.Cursor.decode("not-a-cursor")
    assert caught.value.problem.code == "invalid_cursor"
