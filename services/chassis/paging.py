"""Cursor pagination with one shape for every list of the public API: `?limit=&cursor=` in, a
`{"items": [...], "next_cursor": ...}` page out, `next_cursor` null on the last page.

The cursor is opaque to clients: the sort values of the last item returned, base64url JSON. A
list reads by keyset (`sort` ends with `_id`, so the order is total): the next page starts after
the cursor's values, whatever was inserted or removed meanwhile, and costs an index range, not a
skip. A cursor that is not one we issued is a 422 `invalid_cursor`."""

from __future__ import annotations

import base64
import json
from collections.abc import Sequence
from datetime import datetime
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Query
from pydantic import BaseModel, Field

from services.chassis.errors import ProblemError

T = TypeVar("T")

DEFAULT_LIMIT = 50
MAX_LIMIT = 500

Limit = Annotated[
    int, Query(ge=1, le=MAX_LIMIT, description="The most items to answer (a page may hold fewer).")
]
Cursor = Annotated[
    str | None,
    Query(
        max_length=2000,
        pattern=r"^[A-Za-z0-9_-]+$",
        description="The `next_cursor` of the previous page; omit for the first page.",
    ),
]
ERRORS = {422: "`invalid_cursor`: the cursor is not one this list issued."}


class Page(BaseModel, Generic[T]):
    """One page of a list: its items in the list's order, and the cursor of the next page."""

    items: list[T]
    next_cursor: str | None = Field(
        default=None, description="Pass as `cursor` for the next page; null on the last page."
    )


def encode(values: Sequence[Any]) -> str:
    """The opaque cursor of the sort values of the last item of a page."""
    plain = [{"$date": v.isoformat()} if isinstance(v, datetime) else v for v in values]
    raw = json.dumps(plain, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode(cursor: str, size: int) -> list[Any]:
    """The sort values a cursor holds (`size` of them), or a 422 `invalid_cursor`."""
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if not isinstance(values, list) or len(values) != size:
            raise ValueError("wrong shape")
        out: list[Any] = []
        for v in values:
            if isinstance(v, dict):
                out.append(datetime.fromisoformat(str(v["$date"])))
            elif v is None or isinstance(v, str | int | float | bool):
                out.append(v)
            else:
                raise ValueError("not a sort value")
        return out
    except Exception:
        raise invalid() from None


def invalid() -> ProblemError:
    return ProblemError(422, "invalid_cursor", "The cursor is not one this list issued.")


def after(sort: Sequence[tuple[str, int]], values: Sequence[Any]) -> dict[str, Any]:
    """The filter of the documents strictly after `values` in the order `sort`."""
    clauses = []
    for i, (name, direction) in enumerate(sort):
        clause = {n: values[j] for j, (n, _) in enumerate(sort[:i])}
        clause[name] = {"$gt" if direction > 0 else "$lt": values[i]}
        clauses.append(clause)
    return {"$or": clauses}


def _value(doc: dict[str, Any], name: str) -> Any:
    for part in name.split("."):
        doc = doc.get(part) if isinstance(doc, dict) else None  # type: ignore[assignment]
    return doc


async def read(
    collection: Any,
    query: dict[str, Any],
    *,
    sort: Sequence[tuple[str, int]],
    limit: int,
    cursor: str | None,
    projection: dict[str, Any] | None = None,
) -> tuple[list[Any], str | None]:
    """One page of `collection` matching `query` in the order `sort` (which ends with `_id`):
    the documents and the next page's cursor (None on the last page)."""
    assert sort and sort[-1][0] == "_id", "a keyset order ends with _id"
    condition = dict(query)
    if cursor is not None:
        condition = {"$and": [query, after(sort, decode(cursor, len(sort)))]}
    docs = await collection.find(condition, projection).sort(list(sort)).limit(limit + 1).to_list()
    if len(docs) <= limit:
        return docs, None
    docs = docs[:limit]
    return docs, encode([_value(docs[-1], name) for name, _ in sort])
