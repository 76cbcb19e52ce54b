"""`Idempotency-Key` on every forwarded POST (the IETF httpapi draft's semantics, as Stripe and
others implement them): a client that retries after a timeout gets the first answer again instead
of a second effect.

The key is scoped to the caller (tenant and principal). The first request with a key claims it
with a unique insert, runs, and stores its answer; a retry with the same key and the same request
(method, path, query, content type and body: the fingerprint) gets that stored answer with
`Idempotent-Replayed: true`; the same key on another request is a 422 `idempotency_key_reused`;
a retry while the first is still running is a 409 `idempotency_in_progress`. A 5xx answer (or the
gateway failing mid-call) releases the key, so the retry runs again; a claim older than the
upstream timeout plus a margin is taken over, since its gateway replica died. Answers are kept
for `idempotency_ttl_hours`."""

from __future__ import annotations

import hashlib
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

from bson import Binary
from fastapi import Header, Request, Response
from pymongo.asynchronous.database import AsyncDatabase
from pymongo.errors import DuplicateKeyError

from services.chassis.errors import ProblemError
from services.chassis.identity import Identity

HEADER = "Idempotency-Key"
REPLAYED = "Idempotent-Replayed"
# Printable ASCII without spaces, as the draft's examples and the common clients send them.
KeyHeader = Annotated[
    str | None,
    Header(
        alias=HEADER,
        pattern=r"^[!-~]{1,255}$",
        description="Makes the request safe to retry: the same key and request replay the "
        "stored answer for 24 hours; another request with the same key is a 422.",
    ),
]
_STORED_HEADERS = ("location", "etag", "content-disposition", "retry-after")


async def ensure_indexes(db: AsyncDatabase[Any]) -> None:
    await db.idempotency.create_index("expires_at", expireAfterSeconds=0)


async def fingerprint(request: Request) -> str:
    digest = hashlib.sha256()
    for part in (
        request.method,
        request.url.path,
        str(request.query_params),
        request.headers.get("content-type", ""),
    ):
        digest.update(part.encode() + b"\x00")
    digest.update(await request.body())
    return digest.hexdigest()


async def run(
    request: Request,
    identity: Identity,
    key: str,
    call: Callable[[], Awaitable[Response]],
    *,
    ttl: timedelta,
    lease: timedelta,
) -> Response:
    """The stored answer for `key`, or the answer of `call` (stored when it is not a 5xx)."""
    db: AsyncDatabase[Any] = request.app.state.service.db
    doc_id = f"{identity.tenant}\x1f{identity.principal}\x1f{key}"
    claim_time = datetime.now(UTC)
    claim = {
        "_id": doc_id,
        "tenant": identity.tenant,
        "principal": identity.principal,
        "fingerprint": await fingerprint(request),
        "state": "running",
        "claimed_at": claim_time,
        "expires_at": claim_time + ttl,
    }
    if not await _claim(db, claim, lease):
        return await _answer_for(db, claim)
    try:
        response = await call()
    except BaseException:
        await db.idempotency.delete_one({"_id": doc_id, "claimed_at": claim_time})
        raise
    if response.status_code >= 500:
        await db.idempotency.delete_one({"_id": doc_id, "claimed_at": claim_time})
        return response
    await db.idempotency.update_one(
        {"_id": doc_id, "claimed_at": claim_time},
        {
            "$set": {
                "state": "done",
                "status": response.status_code,
                "media_type": response.media_type,
                "headers": {
                    k: v for k, v in response.headers.items() if k.lower() in _STORED_HEADERS
                },
                "body": Binary(bytes(response.body)),
            }
        },
    )
    return response


async def _claim(db: AsyncDatabase[Any], claim: dict[str, Any], lease: timedelta) -> bool:
    """True when this request now holds the key: a new key, an expired answer, or a running
    claim whose gateway replica stopped (older than the lease)."""
    try:
        await db.idempotency.insert_one(claim)
        return True
    except DuplicateKeyError:
        pass
    now = claim["claimed_at"]
    taken = await db.idempotency.find_one_and_update(
        {
            "_id": claim["_id"],
            "$or": [
                {"expires_at": {"$lte": now}},
                {"state": "running", "claimed_at": {"$lte": now - lease}},
            ],
        },
        {"$set": claim},
    )
    return taken is not None


async def _answer_for(db: AsyncDatabase[Any], claim: dict[str, Any]) -> Response:
    stored = await db.idempotency.find_one({"_id": claim["_id"]})
    if stored is not None and stored["fingerprint"] != claim["fingerprint"]:
        raise ProblemError(
            422,
            "idempotency_key_reused",
            "This Idempotency-Key was already used for a different request.",
        )
    if stored is None or stored["state"] != "done":
        raise ProblemError(
            409,
            "idempotency_in_progress",
            "A request with this Idempotency-Key is still running.",
            headers={"Retry-After": "1"},
        )
    return Response(
        bytes(stored["body"]),
        status_code=stored["status"],
        media_type=stored["media_type"],
        headers={**stored["headers"], REPLAYED: "true"},
    )
