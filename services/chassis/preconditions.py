"""ETag and If-Match on updates (RFC 9110, section 13.1.1), so two editors cannot silently
overwrite each other: a resource's ETag is its revision; a PUT that sends `If-Match` with an older
ETag is a 412 `precondition_failed`, and the update itself is conditional on the revision it read,
so a concurrent change between the read and the write is a 412 too, never a lost update. A PUT
without `If-Match` still applies (last writer wins), as before.

Documents written before revisions existed have none: they count as revision 0.

`write` is the conditional update every PUT uses: the check, the guarded filter and the `$inc` in
one call, with an upsert that races a concurrent first write refused as a 412 too (the unique
`_id` makes the second insert fail instead of overwriting)."""

from __future__ import annotations

import re
from typing import Annotated, Any

from fastapi import Header, Response
from pymongo import ReturnDocument
from pymongo.errors import DuplicateKeyError

from services.chassis.errors import ProblemError

_TAG = r'(?:W/)?"[0-9]{1,12}"'
# At most 16 tags, a little whitespace around commas: the pattern bounds the length itself.
IF_MATCH_PATTERN = rf"^(?:\*|{_TAG}(?:[ \t]{{0,4}},[ \t]{{0,4}}{_TAG}){{0,15}})$"
IfMatch = Annotated[
    str | None,
    Header(
        alias="If-Match",
        pattern=IF_MATCH_PATTERN,
        description="The ETag you read: the update applies only if the resource is unchanged "
        "since (a 412 otherwise).",
    ),
]
ERRORS = {
    412: "`precondition_failed`: the resource changed since the ETag in If-Match; read it "
    "again and reapply your change."
}


def etag(revision: int) -> str:
    return f'"{revision}"'


def revision_of(doc: dict[str, Any] | Any, field: str = "revision") -> int:
    return int((doc or {}).get(field) or 0)


def tagged(response: Response, revision: int) -> None:
    """Sets the ETag of the resource an operation answers with."""
    response.headers["ETag"] = etag(revision)


def check(if_match: str | None, revision: int) -> None:
    """Refuses an update whose If-Match names none of the current revision (weak comparison)."""
    if if_match is None or if_match.strip() == "*":
        return
    sent = {int(tag) for tag in re.findall(r'"([0-9]+)"', if_match)}
    if revision not in sent:
        raise changed()


def unchanged(revision: int, field: str = "revision") -> dict[str, Any]:
    """The filter part of a conditional write: the revision read is still the stored one."""
    return {field: revision} if revision else {field: {"$in": [0, None]}}


def guard(if_match: str | None, revision: int, field: str = "revision") -> dict[str, Any]:
    """Checks If-Match against the revision read (a 412 if stale) and returns the filter part
    that keeps the write conditional on it; nothing without If-Match or with `*`."""
    check(if_match, revision)
    if if_match is None or if_match.strip() == "*":
        return {}
    return unchanged(revision, field)


async def write(
    collection: Any,
    query: dict[str, Any],
    change: dict[str, Any],
    *,
    if_match: str | None,
    revision: int,
    field: str = "revision",
    upsert: bool = False,
    session: Any = None,
) -> Any:
    """Applies `change` and increments the revision, only if the stored revision is still the
    one read when If-Match was sent (a 412 otherwise, also when an upsert lost a race for the
    first write). Returns the document after the write, or None if `query` matched nothing
    (only without If-Match)."""
    condition = guard(if_match, revision, field)
    update = {**change, "$inc": {**change.get("$inc", {}), field: 1}}
    for attempt in range(2):
        try:
            doc = await collection.find_one_and_update(
                {**query, **condition},
                update,
                upsert=upsert,
                return_document=ReturnDocument.AFTER,
                session=session,
            )
            break
        except DuplicateKeyError:
            if condition or attempt:  # the document exists now, at another revision
                raise changed() from None
    if doc is None and condition:
        raise changed()
    return doc


async def put(
    collection: Any,
    query: dict[str, Any],
    change: dict[str, Any],
    *,
    if_match: str | None,
    response: Response,
) -> Any:
    """A whole PUT of one document (created if missing): reads its revision, writes `change` on
    that condition (`write`) and answers with the new ETag. Returns the document written."""
    current = await collection.find_one(query, {"revision": 1})
    doc = await write(
        collection, query, change, if_match=if_match, revision=revision_of(current), upsert=True
    )
    tagged(response, revision_of(doc))
    return doc


def changed() -> ProblemError:
    return ProblemError(
        412,
        "precondition_failed",
        "The resource changed since the ETag you sent; read it again and reapply your change.",
    )
