"""Data protection: a candidate's data exported on request, or erased (anonymised here, and an
event that every service holding candidate data acts on)."""

from __future__ import annotations

import hashlib
import uuid
from datetime import UTC, datetime
from typing import Annotated

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
    ids = [d["_id"] for d in found]
    if not ids:
        raise ProblemError(404, "candidate_not_found", "No data for this e-mail in this tenant.")
    now = datetime.now(UTC)
    pseudonym = hashlib.sha256(f"{identity.tenant}|{key}".encode()).hexdigest()[:16]
    event = CandidateErasureRequested(
        erasure_id=str(uuid.uuid4()),
        candidate_email=key,
        invitation_ids=ids,
        requested_by=identity.principal,
        requested_at=now,
    )

    async def work(session: AsyncClientSession) -> None:
        await service.db.invitations.update_many(
            {"tenant": identity.tenant, "_id": {"$in": ids}},
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
        for name in ("written_answers", "transcripts"):
            await service.db[name].delete_many(
                {"tenant": identity.tenant, "invitation_id": {"$in": ids}}, session=session
            )
        mail: MailOutbox = request.app.state.mail
        for address in {d["email"] for d in found}:
            await mail.withdraw(session, identity.tenant, address)
        await service.outbox.add(session, identity.tenant, event)

    await service.transaction(work)
    return ErasureOut(erasure_id=event.erasure_id, invitations=len(ids))
