"""Share links: an expiring, read-only, revocable link to one candidate's answers for someone
without an account (a hiring manager). Leads make, list and revoke them; the link's holder reads
the answers (blind review honoured) and plays them, and nothing else.

A link is minted like the candidates' links: a random token whose sha256 alone is kept here and
sent on `submission.shared`, from which the gateway's link view authenticates its holder. The
holder's every read here also checks this service's own record, so a revocation or an expiry
refuses the answers at once, before the gateway has seen `submission.share_revoked`."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from datetime import UTC, datetime, timedelta
from typing import Annotated, NotRequired, TypedDict, cast

from fastapi import Depends, Request, Response
from prometheus_client import Counter
from pymongo import ReturnDocument
from pymongo.asynchronous.client_session import AsyncClientSession
from pymongo.asynchronous.collection import AsyncCollection

from contracts.events.reviews import SubmissionShared, SubmissionShareRevoked
from services.chassis.api import Api, Id, shared, staff
from services.chassis.errors import ProblemError
from services.chassis.identity import Identity, require_identity
from services.chassis.service import Service
from services.review.access import LEADS_ONLY, Lead
from services.review.schemas import (
    ShareCreated,
    SharedAnswer,
    SharedSubmission,
    ShareIn,
    ShareList,
    ShareOut,
)
from services.review.store import Db
from services.review.submissions import (
    NOT_FOUND,
    blind,
    identity_of,
    load_settings,
    load_submission,
    readable,
)

api = Api("review", tags=["shares"])
SHARES_PER_CANDIDATE = 50  # links made for one candidate, revoked and expired ones included
SHARE_NOT_FOUND = {404: "`share_not_found`: no such share link of this submission."}

SHARE_VIEWS = Counter(
    "review_share_views_total",
    "Reads of a candidate's answers through a share link, by outcome (ok, revoked, expired).",
    ["service", "outcome"],
)


class ShareDoc(TypedDict):
    """One share link (collection `shares`): who made it for whom, until when, and its use."""

    _id: str
    tenant: str
    invitation_id: str
    position_id: str
    token_hash: str
    label: str | None
    created_by: str
    created_at: datetime
    expires_at: datetime
    revoked_at: NotRequired[datetime]
    revoked_by: NotRequired[str]
    views: int
    last_viewed_at: NotRequired[datetime]


def shares(db: Db) -> AsyncCollection[ShareDoc]:
    return cast("AsyncCollection[ShareDoc]", db.shares)


async def ensure_indexes(db: Db) -> None:
    await db.shares.create_index([("tenant", 1), ("invitation_id", 1), ("created_at", -1)])


def export_metrics(service: str) -> None:
    for outcome in ("ok", "revoked", "expired"):
        SHARE_VIEWS.labels(service, outcome)


def now(request: Request) -> datetime:
    """The service's clock (tests set `app.state.clock`)."""
    clock = getattr(request.app.state, "clock", None)
    return clock() if clock else datetime.now(UTC)


def _aware(at: datetime) -> datetime:
    return at if at.tzinfo else at.replace(tzinfo=UTC)


def share_out(doc: ShareDoc, at: datetime) -> ShareOut:
    return ShareOut(
        id=doc["_id"],
        invitation_id=doc["invitation_id"],
        label=doc["label"],
        created_by=doc["created_by"],
        created_at=doc["created_at"],
        expires_at=doc["expires_at"],
        revoked_at=doc.get("revoked_at"),
        revoked_by=doc.get("revoked_by"),
        views=doc["views"],
        last_viewed_at=doc.get("last_viewed_at"),
        active="revoked_at" not in doc and _aware(doc["expires_at"]) > at,
    )


@api.post(
    "/submissions/{invitation_id}/shares",
    staff("decisions:write"),
    summary="Make a read-only, expiring link to a candidate's answers for someone without an account",
    response_model=ShareCreated,
    status_code=201,
    errors={
        403: LEADS_ONLY,
        **NOT_FOUND,
        409: f"`too_many_shares`: this candidate already has {SHARES_PER_CANDIDATE} links.",
    },
    description="The holder of the link sees the candidate's answers (video with captions, "
    "transcripts, written answers) and nothing of the review: no scores, no other candidate. "
    "Blind review applies as on the reviewers' pages. The token is shown once; every use of the "
    "link is in the audit log under `share:<id>`.",
)
async def create_share(
    invitation_id: Id, body: ShareIn, request: Request, identity: Lead
) -> ShareCreated:
    service: Service = request.app.state.service
    db = service.db
    doc, _ = await readable(db, identity, invitation_id)
    token = secrets.token_urlsafe(32)
    at = now(request)
    share: ShareDoc = {
        "_id": str(uuid.uuid4()),
        "tenant": identity.tenant,
        "invitation_id": invitation_id,
        "position_id": doc["position_id"],
        "token_hash": hashlib.sha256(token.encode()).hexdigest(),
        "label": body.label,
        "created_by": identity.principal,
        "created_at": at,
        "expires_at": at + timedelta(hours=body.expires_in_hours),
        "views": 0,
    }

    async def work(session: AsyncClientSession) -> None:
        made = await shares(db).count_documents(
            {"tenant": identity.tenant, "invitation_id": invitation_id}, session=session
        )
        if made >= SHARES_PER_CANDIDATE:
            raise ProblemError(409, "too_many_shares", "This candidate has too many links.")
        await shares(db).insert_one(share, session=session)
        await service.outbox.add(
            session,
            identity.tenant,
            SubmissionShared(
                share_id=share["_id"],
                invitation_id=invitation_id,
                position_id=share["position_id"],
                token_hash=share["token_hash"],
                token_expires_at=share["expires_at"],
                created_by=identity.principal,
                created_at=at,
            ),
        )

    await service.transaction(work)
    out = share_out(share, at)
    return ShareCreated(**out.model_dump(), token=token, path=f"/shared/{token}")


@api.get(
    "/submissions/{invitation_id}/shares",
    staff("decisions:write"),
    summary="A candidate's share links, newest first, with their use",
    response_model=ShareList,
    errors={403: LEADS_ONLY, **NOT_FOUND},
)
async def list_shares(invitation_id: Id, request: Request, identity: Lead) -> ShareList:
    db = request.app.state.service.db
    await readable(db, identity, invitation_id)
    found = shares(db).find({"tenant": identity.tenant, "invitation_id": invitation_id})
    at = now(request)
    docs = await found.sort("created_at", -1).limit(SHARES_PER_CANDIDATE).to_list()
    return ShareList(items=[share_out(d, at) for d in docs])


@api.delete(
    "/submissions/{invitation_id}/shares/{share_id}",
    staff("decisions:write"),
    summary="Revoke a share link (at once; revoking it again changes nothing)",
    status_code=204,
    errors={403: LEADS_ONLY, **NOT_FOUND, **SHARE_NOT_FOUND},
)
async def revoke_share(
    invitation_id: Id, share_id: Id, request: Request, identity: Lead
) -> Response:
    service: Service = request.app.state.service
    db = service.db
    await readable(db, identity, invitation_id)
    at = now(request)

    async def work(session: AsyncClientSession) -> None:
        scope = {"_id": share_id, "tenant": identity.tenant, "invitation_id": invitation_id}
        found = await shares(db).find_one(scope, session=session)
        if found is None:
            raise ProblemError(404, "share_not_found", "No such share link.")
        revoked = await shares(db).find_one_and_update(
            {**scope, "revoked_at": {"$exists": False}},
            {"$set": {"revoked_at": at, "revoked_by": identity.principal}},
            session=session,
            return_document=ReturnDocument.AFTER,
        )
        if revoked is not None:
            await service.outbox.add(
                session,
                identity.tenant,
                SubmissionShareRevoked(
                    share_id=share_id,
                    invitation_id=invitation_id,
                    revoked_by=identity.principal,
                    revoked_at=at,
                ),
            )

    await service.transaction(work)
    return Response(status_code=204)


def share_of(identity: Identity) -> str:
    """The share id the gateway asserted beside the `share` scope."""
    found = next((s for s in identity.scopes if s.startswith("share:")), None)
    if identity.kind != "candidate" or "share" not in identity.scopes or found is None:
        raise ProblemError(403, "forbidden", "Share links only.")
    return found.removeprefix("share:")


async def check_share(request: Request, identity: Identity) -> ShareDoc:
    """This service's own record of the link: revoked or expired is refused here at once."""
    db = request.app.state.service.db
    doc = await shares(db).find_one(
        {"_id": share_of(identity), "tenant": identity.tenant, "invitation_id": identity.principal}
    )
    service_name = request.app.state.settings.service_name
    if doc is None:
        raise ProblemError(401, "invalid_link", "This link is not valid.")
    if "revoked_at" in doc:
        SHARE_VIEWS.labels(service_name, "revoked").inc()
        raise ProblemError(410, "link_revoked", "This link was revoked.")
    at = now(request)
    if _aware(doc["expires_at"]) <= at:
        SHARE_VIEWS.labels(service_name, "expired").inc()
        raise ProblemError(410, "link_expired", "This link has expired.")
    SHARE_VIEWS.labels(service_name, "ok").inc()
    return doc


@api.get(
    "/shared/submission",
    shared(),
    summary="The candidate's answers this share link shows",
    response_model=SharedSubmission,
    tags=["shared"],
    errors={404: "`submission_not_found`: the candidate's data is no longer here."},
    description="Answers in order, with what plays them (`/v1/shared/attempts/{attempt_id}/...`) "
    "and the written ones as written; the candidate's name unless blind review withholds it. "
    "Nothing of the review (scores, comments, decisions) and no other candidate.",
)
async def shared_submission(
    request: Request, identity: Annotated[Identity, Depends(require_identity)]
) -> SharedSubmission:
    share = await check_share(request, identity)
    db = request.app.state.service.db
    doc = await load_submission(db, identity.tenant, identity.principal)
    settings = await load_settings(db, identity.tenant, doc["position_id"])
    await shares(db).update_one(
        {"_id": share["_id"], "tenant": identity.tenant},
        {"$inc": {"views": 1}, "$set": {"last_viewed_at": now(request)}},
    )
    fields = set(SharedAnswer.model_fields)
    answers = [
        SharedAnswer(**{k: v for k, v in a.items() if k in fields})
        for a in doc["answers"]
        if a.get("status") != "missing" or a.get("attempt_id")
    ]
    return SharedSubmission(
        invitation_id=doc["_id"],
        position_title=doc.get("position_title"),
        blind=blind(doc, settings),
        candidate=identity_of(doc, settings),
        label=share["label"],
        expires_at=share["expires_at"],
        answers=answers,
    )
