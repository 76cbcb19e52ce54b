"""ETag and If-Match on updates (RFC 9110, section 13.1.1), so two editors cannot silently
overwrite each other: a resource's ETag is its revision; a PUT that sends `If-Match` with an older
ETag is a 412 `precondition_failed`, and the update itself is conditional on the revision it read,
so a concurrent change between the read and the write is a 412 too, never a lost update. A PUT
without `If-Match` still applies (last writer wins), as before.

Documents written before revisions existed have none: they count as revision 0."""

from __future__ import annotations

import re
from typing import Annotated, Any

from fastapi import Header, Response

from services.chassis.errors import ProblemError

_TAG = r'(?:W/)?"[0-9]{1,12}"'
IfMatch = Annotated[
    str | None,
    Header(
        alias="If-Match",
        pattern=rf"^(?:\*|{_TAG}(?:[ \t]*,[ \t]*{_TAG}){{0,15}})$",
        max_length=300,
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


def revision_of(doc: dict[str, Any] | Any) -> int:
    return int(doc.get("revision") or 0)


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


def unchanged(revision: int) -> dict[str, Any]:
    """The filter part of a conditional write: the revision read is still the stored one."""
    return {"revision": revision} if revision else {"revision": {"$in": [0, None]}}


def changed() -> ProblemError:
    return ProblemError(
        412,
        "precondition_failed",
        "The resource changed since the ETag you sent; read it again and reapply your change.",
    )
