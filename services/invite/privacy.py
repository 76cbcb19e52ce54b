"""Data protection: a candidate's data exported on request, or erased (anonymised here, and an
event that every service holding candidate data acts on)."""

from __future__ import annotations

import hashlib
import uuid
from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from fastapi import Query, Request
from pymongo.asynchronous.client_session import AsyncClientSession

from contracts.events.privacy import CandidateErasureRequested
from services.chassis.api import Api, staff
from services.chassis.errors import ProblemError
from services.chassis.identity import Staff
from services.chassis.mail import MailOutbox
from services.chassis.service import Service
from services.invite.invitations import to_out
from services.invite.schemas import (
    CandidateEmail,
    CandidateExport,
    ErasureIn,
    ErasureOut,
    TranscriptExport,
    WrittenAnswer,
)

api = Api("invite", tags=["data protection"])


@api.get(
    "/candidates/export",
    staff("candidates:read"),
    summary="Everything stored about a candidate, by e-mail (data subject access)",
    response_model=CandidateExport,
    errors={404: "`candidate_not_found`: no candidate with this e-mail in your tenant."},
)
async def export(
    request: Request, identity: Staff, email: Annotated[CandidateEmail, Query()]
) -> CandidateExport:
    db = request.app.state.service.db
    docs = [
        d
        async for d in db.invitations.find(
            {"tenant": identity.tenant, "email_key": str(email).lower(), "erased": {"$ne": True}}
        )
    ]
    theirs = {"tenant": identity.tenant, "invitation_id": {"$in": [d["_id"] for d in docs]}}
    answers = db.written_answers.find(theirs).sort([("invitation_id", 1), ("question_id", 1)])
    transcripts = db.transcripts.find(theirs).sort(
        [("invitation_id", 1), ("question_id", 1), ("transcribed_at", 1)]
    )
    return CandidateExport(
        email=str(email),
        invitations=[to_out(d) for d in docs],
        consents=[{"invitation_id": d["_id"], **d["consent"]} for d in docs if d.get("consent")],
        answers=[WrittenAnswer(**a) async for a in answers],
        transcripts=[TranscriptExport(attempt_id=t["_id"], **t) async for t in transcripts],
    )


@api.post(
    "/candidates/erase",
    staff("candidates:write"),
    summary="Erase a candidate everywhere (an event every service acts on)",
    status_code=202,
    response_model=ErasureOut,
    errors={404: "`candidate_not_found`: no candidate with this e-mail in your tenant."},
)
async def erase(body: ErasureIn, request: Request, identity: Staff) -> ErasureOut:
    service: Service = request.app.state.service
    key = str(body.email).lower()
    found = [
        d
        async for d in service.db.invitations.find(
            {"tenant": identity.tenant, "email_key": key, "erased": {"$ne": True}},
            {"_id": 1, "email": 1},
        )
    ]
    if not found:
        raise ProblemError(404, "candidate_not_found", "No data for this e-mail in this tenant.")
    event = await erase_invitations(
        service, request.app.state.mail, identity.tenant, key, found, identity.principal
    )
    return ErasureOut(erasure_id=event.erasure_id, invitations=len(found))


async def erase_invitations(
    service: Service,
    mail: MailOutbox,
    tenant: str,
    key: str,
    found: list[dict[str, Any]],
    requested_by: str,
    reason: Literal["request", "retention"] = "request",
) -> CandidateErasureRequested:
    """Anonymise these invitations of one candidate (`key`: their e-mail, lower case), delete
    their written answers and transcripts, and tell every other service in the same transaction.
    An erasure on `request` also withdraws the candidate's unsent mail; a `retention` one leaves
    the candidate's other applications, and their mail, alone. Invitations erased meanwhile (by
    a concurrent erasure) are skipped, and with none left no event is sent."""
    ids = [d["_id"] for d in found]
    now = datetime.now(UTC)
    pseudonym = hashlib.sha256(f"{tenant}|{key}".encode()).hexdigest()[:16]
    event = CandidateErasureRequested(
        erasure_id=str(uuid.uuid4()),
        candidate_email=key,
        invitation_ids=ids,
        requested_by=requested_by,
        requested_at=now,
        reason=reason,
    )

    async def work(session: AsyncClientSession) -> None:
        changed = await service.db.invitations.update_many(
            {"tenant": tenant, "_id": {"$in": ids}, "erased": {"$ne": True}},
            {
                "$set": {
                    "name": "erased",
                    "email": f"erased-{pseudonym}@invalid",
                    "email_key": f"erased-{pseudonym}",
                    "erased": True,
                    "erased_at": now,
                    "state": "withdrawn",
                },
                "$unset": {"consent": "", "token_nonce": ""},
            },
            session=session,
        )
        if not changed.modified_count:
            return
        for name in ("written_answers", "transcripts"):
            await service.db[name].delete_many(
                {"tenant": tenant, "invitation_id": {"$in": ids}}, session=session
            )
        if reason == "request":
            for address in {d["email"] for d in found}:
                await mail.withdraw(session, tenant, address)
        await service.outbox.add(session, tenant, event)

    await service.transaction(work)
    return event
