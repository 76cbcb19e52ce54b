"""Invitations: creation (single and bulk), the link token, lifecycle transitions, extension,
withdrawal, accommodations, listing and export. Every state change writes its event atomically."""

from __future__ import annotations

import base64
import hashlib
import hmac
import math
import secrets
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any, cast

from fastapi import Request, Response
from pymongo.asynchronous.client_session import AsyncClientSession
from pymongo.errors import DuplicateKeyError

from contracts.events.base import Payload
from contracts.events.invitations import (
    Accommodations,
    InvitationAccommodated,
    InvitationCreated,
    InvitationExtended,
    InvitationWithdrawn,
    Question,
)
from services.chassis import paging, preconditions
from services.chassis.api import Api, Id, staff
from services.chassis.errors import ProblemError
from services.chassis.identity import Staff
from services.chassis.service import Service
from services.invite import addresses, bulk
from services.invite.positions import load_position, refuse_if_closed
from services.invite.question_sets import load_version
from services.invite.schemas import (
    AccommodationsIn,
    BulkResult,
    BulkRow,
    Extension,
    InvitationCreatedOut,
    InvitationIn,
    InvitationOut,
    InvitationPage,
    InvitationState,
    Withdrawal,
    deadline_passed,
)
from services.invite.settings import InviteSettings
from services.invite.store import InvitationDoc, PositionDoc, QuestionSetVersionDoc

api = Api("invite", tags=["invitations"])
ACTIVE = ("created", "opened", "consented", "started")
BATCH = 500


# --- rules (pure) -------------------------------------------------------------------------------


def effective_questions(questions: Sequence[Question], a: Accommodations) -> list[Question]:
    """Limits as the candidate gets them: times stretched by the multiplier, extra retakes added."""
    return [
        q.model_copy(
            update={
                "think_seconds": math.ceil(q.think_seconds * a.time_multiplier),
                "answer_seconds": math.ceil(q.answer_seconds * a.time_multiplier),
                "retakes": q.retakes + (0 if q.practice else a.extra_retakes),
            }
        )
        for q in questions
    ]


def link_token(secret: str, tenant: str, invitation_id: str, nonce: str) -> str:
    digest = hmac.new(secret.encode(), f"{tenant}|{invitation_id}|{nonce}".encode(), "sha256")
    return base64.urlsafe_b64encode(digest.digest()).decode().rstrip("=")


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def next_reminder_at(deadline: datetime, hours: Sequence[int], after: datetime) -> datetime | None:
    """The next reminder time after `after` (reminders already past when the schedule was set are
    skipped, so a late invitation does not get a reminder right after the invitation)."""
    due = sorted(deadline - timedelta(hours=h) for h in hours)
    return next((t for t in due if t > after), None)


def candidate_link(settings: InviteSettings, doc: InvitationDoc) -> str:
    token = link_token(settings.token_secret, doc["tenant"], doc["_id"], doc["token_nonce"])
    return f"{settings.public_url.rstrip('/')}/interview/{token}"


# --- storage ------------------------------------------------------------------------------------


def to_out(doc: InvitationDoc) -> InvitationOut:
    return InvitationOut(
        id=doc["_id"],
        position_id=doc["position_id"],
        name=doc["name"],
        email=doc["email"],
        state=doc["state"],
        deadline=doc["deadline"],
        accommodations=Accommodations(**doc["accommodations"]),
        question_set_id=doc["question_set_id"],
        question_set_version=doc["question_set_version"],
        created_at=doc["created_at"],
        history=doc["history"],
        reminders_sent=doc["reminders_sent"],
        decision=doc.get("decision"),
    )


async def load_invitation(db: Any, tenant: str, invitation_id: str) -> InvitationDoc:
    doc: InvitationDoc | None = await db.invitations.find_one(
        {"_id": invitation_id, "tenant": tenant}
    )
    if doc is None:
        raise ProblemError(404, "invitation_not_found", "No such invitation.")
    return doc


async def transition(
    service: Service,
    tenant: str,
    invitation_id: str,
    allowed_from: Sequence[str],
    state: str,
    event: Payload,
    now: datetime,
    extra: dict[str, Any] | None = None,
) -> bool:
    """Move an invitation to `state` if it is in one of `allowed_from`, with its event, atomically.
    Returns False when the invitation was not in an allowed state (nothing changes)."""

    async def work(session: AsyncClientSession) -> bool:
        result = await service.db.invitations.update_one(
            {"_id": invitation_id, "tenant": tenant, "state": {"$in": list(allowed_from)}},
            {
                "$set": {"state": state, **(extra or {})},
                "$push": {"history": {"state": state, "at": now}},
                "$inc": {"revision": 1},
            },
            session=session,
        )
        if result.modified_count == 0:
            return False
        await service.outbox.add(session, tenant, event)
        return True

    return await service.transaction(work)


class Creator:
    """Creates invitations for one position in batches: duplicates (same e-mail, same position)
    are detected against the database and within the request; each batch is one transaction."""

    def __init__(
        self,
        service: Service,
        tenant: str,
        principal: str,
        position: PositionDoc,
        version: QuestionSetVersionDoc,
    ) -> None:
        self.service = service
        self.settings = service.settings_as(InviteSettings)
        self.tenant = tenant
        self.principal = principal
        self.position = position
        self.version = version
        # Effective questions per accommodations: computed once for the rows that share them.
        self.questions: dict[Accommodations, list[Question]] = {}

    def _document(self, invitation: InvitationIn, now: datetime) -> InvitationDoc:
        a = invitation.accommodations or Accommodations()
        deadline = invitation.deadline or now + timedelta(days=self.position["deadline_days"])
        if deadline.tzinfo is None:
            deadline = deadline.replace(tzinfo=UTC)
        invitation_id = str(uuid.uuid4())
        nonce = secrets.token_urlsafe(32)
        token = link_token(self.settings.token_secret, self.tenant, invitation_id, nonce)
        return {
            "_id": invitation_id,
            "tenant": self.tenant,
            "position_id": self.position["_id"],
            "position_title": self.position["title"],
            "name": invitation.name,
            "email": str(invitation.email),
            "email_key": str(invitation.email).lower(),
            "question_set_id": self.version["set_id"],
            "question_set_version": self.version["version"],
            "accommodations": a.model_dump(),
            "deadline": deadline,
            "token_nonce": nonce,
            "token_hash": token_hash(token),
            "token_expires_at": deadline + timedelta(days=self.settings.link_grace_days),
            "state": "created",
            "history": [{"state": "created", "at": now}],
            "reminders_sent": 0,
            "next_reminder_at": next_reminder_at(deadline, self.position["reminder_hours"], now),
            "created_at": now,
            "created_by": self.principal,
        }

    def _event(self, doc: InvitationDoc) -> InvitationCreated:
        accommodations = Accommodations(**doc["accommodations"])
        if accommodations not in self.questions:
            questions = [Question(**q) for q in self.version["questions"]]
            self.questions[accommodations] = effective_questions(questions, accommodations)
        return InvitationCreated(
            invitation_id=doc["_id"],
            position_id=doc["position_id"],
            position_title=doc["position_title"],
            question_set_id=doc["question_set_id"],
            question_set_version=doc["question_set_version"],
            candidate_name=doc["name"],
            candidate_email=doc["email"],
            questions=self.questions[accommodations],
            accommodations=accommodations,
            deadline=doc["deadline"],
            token_hash=doc["token_hash"],
            token_expires_at=doc["token_expires_at"],
            blind_review=self.position.get("blind_review", False),
            language=self.position.get("language", "en"),
            created_at=doc["created_at"],
        )

    async def create(
        self, rows: Sequence[InvitationIn | str]
    ) -> tuple[list[BulkRow], list[InvitationDoc]]:
        now = datetime.now(UTC)
        results: list[BulkRow] = []
        created: list[InvitationDoc] = []
        for start in range(0, len(rows), BATCH):
            batch = rows[start : start + BATCH]
            for _attempt in range(3):
                try:
                    rows_out, docs = await self._batch(batch, start, now)
                    break
                except DuplicateKeyError:
                    continue  # a concurrent request invited one of these: re-check and retry
            else:
                raise ProblemError(409, "conflict", "Concurrent invitations; retry the request.")
            results += rows_out
            created += docs
        return results, created

    async def _batch(
        self, batch: Sequence[InvitationIn | str], offset: int, now: datetime
    ) -> tuple[list[BulkRow], list[InvitationDoc]]:
        emails = [str(r.email).lower() for r in batch if isinstance(r, InvitationIn)]
        existing = {
            d["email_key"]
            async for d in self.service.db.invitations.find(
                {
                    "tenant": self.tenant,
                    "position_id": self.position["_id"],
                    "email_key": {"$in": emails},
                },
                {"email_key": 1},
            )
        }
        results: list[BulkRow] = []
        docs: list[InvitationDoc] = []
        for n, row in enumerate(batch, start=offset + 1):
            if isinstance(row, str):
                results.append(BulkRow(row=n, status="invalid", reason=row))
                continue
            key = str(row.email).lower()
            if key in existing:
                results.append(
                    BulkRow(
                        row=n,
                        status="duplicate",
                        email=str(row.email),
                        reason="already invited to this position",
                    )
                )
                continue
            existing.add(key)
            doc = self._document(row, now)
            docs.append(doc)
            results.append(
                BulkRow(row=n, status="created", invitation_id=doc["_id"], email=doc["email"])
            )

        async def work(session: AsyncClientSession) -> None:
            if docs:
                await self.service.db.invitations.insert_many(
                    cast(list[dict[str, Any]], docs), session=session
                )
                await self.service.outbox.add_many(
                    session, self.tenant, [self._event(d) for d in docs]
                )

        await self.service.transaction(work)
        return results, docs


async def _creator(request: Request, identity: Staff, position_id: str) -> Creator:
    service: Service = request.app.state.service
    position = await load_position(service.db, identity.tenant, position_id)
    refuse_if_closed(position)
    version = await load_version(
        service.db, identity.tenant, position["question_set_id"], position["question_set_version"]
    )
    return Creator(service, identity.tenant, identity.principal, position, version)


# --- routes -------------------------------------------------------------------------------------


@api.post(
    "/positions/{position_id}/invitations",
    staff("invitations:write"),
    summary="Invite one candidate",
    status_code=201,
    response_model=InvitationCreatedOut,
    errors={
        404: "`position_not_found`: no such position in your tenant.",
        409: "`duplicate_invitation`: this e-mail is already invited to the position; "
        "`position_closed`: the position is closed to new invitations.",
        422: "`invalid_request`: the body does not match the schema; `deadline_in_past`: the "
        "deadline is already over; `lookalike_address`: the "
        "address mixes scripts or is written in letters that look like Latin ones (a Cyrillic "
        "a, U+0430, for a Latin a); `detail` says which characters.",
    },
)
async def invite(
    position_id: Id, body: InvitationIn, request: Request, identity: Staff
) -> InvitationCreatedOut:
    if deadline_passed(body.deadline, datetime.now(UTC)):
        raise ProblemError(422, "deadline_in_past", "The deadline is already over.")
    if reason := addresses.lookalike(str(body.email)):
        raise ProblemError(422, "lookalike_address", f"The e-mail is a {reason}.")
    creator = await _creator(request, identity, position_id)
    [row], docs = await creator.create([body])
    if row.status == "duplicate":
        raise ProblemError(409, "duplicate_invitation", "This e-mail is already invited here.")
    doc = docs[0]
    return InvitationCreatedOut(
        **to_out(doc).model_dump(), link=candidate_link(creator.settings, doc)
    )


@api.post(
    "/positions/{position_id}/invitations/bulk",
    staff("invitations:write"),
    summary="Invite up to 10,000 candidates from CSV or JSON, with a result per row",
    response_model=BulkResult,
    errors={
        404: "`position_not_found`: no such position in your tenant.",
        409: "`position_closed`: the position is closed to new invitations.",
        413: "`too_many_rows`, `payload_too_large`: over 10,000 rows or the body limit.",
        415: "`unsupported_media_type`: send `text/csv` or `application/json`.",
        422: "`malformed_csv`, `malformed_json`, `invalid_encoding`: the body cannot be read.",
    },
    description="Send `text/csv` with columns `name,email` and optionally `deadline`, "
    "`time_multiplier`, `extra_retakes` (UTF-8), or `application/json`: an array of invitation "
    "objects. Each row is created, a duplicate (same e-mail already invited to the position) or "
    "invalid with its reason; an invalid row never fails the others. A row whose deadline is "
    "already over, or whose address is a look-alike (mixed scripts, or letters of another script "
    "that look like Latin ones), is invalid; its reason names the characters and ends with the "
    "code `(deadline_in_past)` or `(lookalike_address)`.",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "text/csv": {"schema": {"type": "string"}},
                "application/json": {
                    "schema": {
                        "type": "array",
                        "items": {"$ref": "#/components/schemas/InvitationIn"},
                    }
                },
            },
        }
    },
)
async def invite_bulk(position_id: Id, request: Request, identity: Staff) -> BulkResult:
    creator = await _creator(request, identity, position_id)
    body = await request.body()
    content_type = request.headers.get("content-type", "").split(";")[0].strip()
    limit = creator.settings.max_bulk_rows
    try:
        if content_type in {"text/csv", "application/csv"}:
            raw: list[dict[str, Any]] = list(bulk.parse_csv(body, limit))
        elif content_type == "application/json":
            raw = bulk.parse_json(body, limit)
        else:
            raise ProblemError(415, "unsupported_media_type", "Send text/csv or application/json.")
    except bulk.BulkInputError as exc:
        status = 413 if exc.code == "too_many_rows" else 422
        raise ProblemError(status, exc.code, exc.detail) from None
    rows, _ = await creator.create([bulk.validate_row(r) for r in raw])
    return BulkResult(
        created=sum(r.status == "created" for r in rows),
        duplicate=sum(r.status == "duplicate" for r in rows),
        invalid=sum(r.status == "invalid" for r in rows),
        rows=rows,
    )


@api.get(
    "/positions/{position_id}/invitations",
    staff("invitations:read"),
    summary="List a position's invitations",
    response_model=InvitationPage,
    errors={404: "`position_not_found`: no such position in your tenant.", **paging.ERRORS},
)
async def list_invitations(
    position_id: Id,
    request: Request,
    identity: Staff,
    state: InvitationState | None = None,
    limit: paging.Limit = paging.DEFAULT_LIMIT,
    cursor: paging.Cursor = None,
) -> InvitationPage:
    db = request.app.state.service.db
    await load_position(db, identity.tenant, position_id)
    query: dict[str, Any] = {"tenant": identity.tenant, "position_id": position_id}
    if state:
        query["state"] = state
    docs, following = await paging.read(
        db.invitations, query, sort=[("_id", 1)], limit=limit, cursor=cursor
    )
    return InvitationPage(items=[to_out(doc) for doc in docs], next_cursor=following)


@api.get(
    "/positions/{position_id}/invitations.csv",
    staff("invitations:read"),
    summary="Export a position's invitations as CSV",
    media_type="text/csv",
    errors={404: "`position_not_found`: no such position in your tenant."},
)
async def export_invitations(position_id: Id, request: Request, identity: Staff) -> Response:
    db = request.app.state.service.db
    await load_position(db, identity.tenant, position_id)
    header = ["id", "name", "email", "state", "deadline", "created_at"]
    rows = [
        [
            d["_id"],
            d["name"],
            d["email"],
            d["state"],
            d["deadline"].isoformat(),
            d["created_at"].isoformat(),
        ]
        async for d in db.invitations.find(
            {"tenant": identity.tenant, "position_id": position_id}
        ).sort("_id", 1)
    ]
    return Response(
        bulk.to_csv(header, rows),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{position_id}.csv"'},
    )


@api.get(
    "/invitations/{invitation_id}",
    staff("invitations:read"),
    summary="Read an invitation",
    response_model=InvitationOut,
    errors={404: "`invitation_not_found`: no such invitation in your tenant."},
)
async def get_invitation(
    invitation_id: Id, request: Request, identity: Staff, response: Response
) -> InvitationOut:
    """The ETag changes with the invitation's state, deadline and accommodations."""
    doc = await load_invitation(request.app.state.service.db, identity.tenant, invitation_id)
    preconditions.tagged(response, preconditions.revision_of(doc))
    return to_out(doc)


@api.post(
    "/invitations/{invitation_id}/extend",
    staff("invitations:write"),
    summary="Extend an invitation's deadline (reopens an expired one)",
    response_model=InvitationOut,
    errors={
        404: "`invitation_not_found`: no such invitation in your tenant.",
        409: "`invalid_state`, `deadline_not_later`: the invitation is not in a state that "
        "allows this, or the new deadline is not later than its current one.",
        422: "`invalid_request`: the body does not match the schema; `deadline_in_past`: the "
        "new deadline is already over.",
    },
)
async def extend(
    invitation_id: Id, body: Extension, request: Request, identity: Staff
) -> InvitationOut:
    service: Service = request.app.state.service
    settings = service.settings_as(InviteSettings)
    doc = await load_invitation(service.db, identity.tenant, invitation_id)
    deadline = body.deadline if body.deadline.tzinfo else body.deadline.replace(tzinfo=UTC)
    if deadline_passed(deadline, datetime.now(UTC)):
        raise ProblemError(422, "deadline_in_past", "The new deadline is already over.")
    if deadline <= doc["deadline"]:
        raise ProblemError(409, "deadline_not_later", "The new deadline must be later.")
    if doc["state"] not in (*ACTIVE, "expired"):
        raise ProblemError(409, "invalid_state", f"A {doc['state']} invitation cannot be extended.")
    position = await load_position(service.db, identity.tenant, doc["position_id"])
    expires = deadline + timedelta(days=settings.link_grace_days)
    event = InvitationExtended(
        invitation_id=invitation_id, deadline=deadline, token_expires_at=expires
    )
    reopened = doc["state"] if doc["state"] != "expired" else doc["history"][-2]["state"]

    async def work(session: AsyncClientSession) -> None:
        await service.db.invitations.update_one(
            {"_id": invitation_id, "tenant": identity.tenant},
            {
                "$set": {
                    "deadline": deadline,
                    "token_expires_at": expires,
                    "state": reopened,
                    "next_reminder_at": next_reminder_at(
                        deadline, position["reminder_hours"], datetime.now(UTC)
                    ),
                },
                "$push": {"history": {"state": f"extended:{reopened}", "at": datetime.now(UTC)}},
                "$inc": {"revision": 1},
            },
            session=session,
        )
        await service.outbox.add(session, identity.tenant, event)

    await service.transaction(work)
    return to_out(await load_invitation(service.db, identity.tenant, invitation_id))


@api.post(
    "/invitations/{invitation_id}/withdraw",
    staff("invitations:write"),
    summary="Withdraw an invitation (the link stops working)",
    response_model=InvitationOut,
    errors={
        404: "`invitation_not_found`: no such invitation in your tenant.",
        409: "`invalid_state`: the invitation is not in a state that allows this.",
    },
)
async def withdraw(
    invitation_id: Id, body: Withdrawal, request: Request, identity: Staff
) -> InvitationOut:
    service: Service = request.app.state.service
    await load_invitation(service.db, identity.tenant, invitation_id)
    now = datetime.now(UTC)
    event = InvitationWithdrawn(invitation_id=invitation_id, withdrawn_at=now, reason=body.reason)
    if not await transition(
        service,
        identity.tenant,
        invitation_id,
        ACTIVE,
        "withdrawn",
        event,
        now,
        {"withdrawn_reason": body.reason},
    ):
        raise ProblemError(409, "invalid_state", "Only an open invitation can be withdrawn.")
    return to_out(await load_invitation(service.db, identity.tenant, invitation_id))


@api.put(
    "/invitations/{invitation_id}/accommodations",
    staff("invitations:write"),
    summary="Set accommodations (extra time, extra retakes) for one candidate",
    response_model=InvitationOut,
    errors={
        404: "`invitation_not_found`: no such invitation in your tenant.",
        409: "`invalid_state`: the invitation is not in a state that allows this.",
        **preconditions.ERRORS,
    },
)
async def accommodate(
    invitation_id: Id,
    accommodations: AccommodationsIn,
    request: Request,
    identity: Staff,
    response: Response,
    if_match: preconditions.IfMatch = None,
) -> InvitationOut:
    service: Service = request.app.state.service
    body = Accommodations(**accommodations.model_dump())
    doc = await load_invitation(service.db, identity.tenant, invitation_id)
    revision = preconditions.revision_of(doc)
    preconditions.check(if_match, revision)
    if doc["state"] not in ACTIVE:
        raise ProblemError(409, "invalid_state", f"The invitation is {doc['state']}.")
    version = await load_version(
        service.db, identity.tenant, doc["question_set_id"], doc["question_set_version"]
    )
    questions = effective_questions([Question(**q) for q in version["questions"]], body)
    event = InvitationAccommodated(
        invitation_id=invitation_id, accommodations=body, questions=questions
    )

    async def work(session: AsyncClientSession) -> InvitationDoc:
        after = await preconditions.write(
            service.db.invitations,
            {"_id": invitation_id, "tenant": identity.tenant, "state": {"$in": list(ACTIVE)}},
            {"$set": {"accommodations": body.model_dump()}},
            if_match=if_match,
            revision=revision,
            session=session,
        )
        if after is None:
            raise ProblemError(409, "invalid_state", "The invitation is no longer open.")
        await service.outbox.add(session, identity.tenant, event)
        return cast(InvitationDoc, after)

    after = await service.transaction(work)
    preconditions.tagged(response, preconditions.revision_of(after))
    return to_out(after)
