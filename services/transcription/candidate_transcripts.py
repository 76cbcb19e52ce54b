"""What candidates see of their transcripts: nothing, unless their tenant turns it on; then, once
they have completed their interview, the transcripts of the answers they kept, through their
interview link. The setting is the tenant's own (off by default), kept here."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from fastapi import Request, Response
from pymongo.asynchronous.database import AsyncDatabase

from services.chassis import preconditions
from services.chassis.api import Api, candidate, staff
from services.chassis.errors import ProblemError
from services.chassis.identity import Candidate, Staff
from services.transcription import store
from services.transcription.schemas import (
    CandidateTranscript,
    CandidateTranscripts,
    CandidateTranscriptsSetting,
)
from services.transcription.transcripts import _out

api = Api("transcription", tags=["transcripts"])
candidate_api = Api("transcription", tags=["candidate"])


def _db(request: Request) -> AsyncDatabase[dict[str, Any]]:
    db: AsyncDatabase[dict[str, Any]] = request.app.state.service.db
    return db


async def enabled(db: AsyncDatabase[dict[str, Any]], tenant: str) -> bool:
    doc = await db[store.TENANT_SETTINGS].find_one({"_id": tenant, "tenant": tenant})
    return bool(doc and doc.get("candidate_transcripts"))


@api.get(
    "/settings/candidate-transcripts",
    staff("candidates:read"),
    summary="Whether candidates read their own answers' transcripts (off unless turned on)",
    response_model=CandidateTranscriptsSetting,
)
async def get_setting(
    request: Request, identity: Staff, response: Response
) -> CandidateTranscriptsSetting:
    doc = await _db(request)[store.TENANT_SETTINGS].find_one(
        {"_id": identity.tenant, "tenant": identity.tenant}
    )
    preconditions.tagged(response, preconditions.revision_of(doc))
    return CandidateTranscriptsSetting(enabled=bool(doc and doc.get("candidate_transcripts")))


@api.put(
    "/settings/candidate-transcripts",
    staff("candidates:write"),
    summary="Let candidates read their own answers' transcripts after completing, or not",
    response_model=CandidateTranscriptsSetting,
    errors=preconditions.ERRORS,
)
async def put_setting(
    body: CandidateTranscriptsSetting,
    request: Request,
    identity: Staff,
    response: Response,
    if_match: preconditions.IfMatch = None,
) -> CandidateTranscriptsSetting:
    settings = _db(request)[store.TENANT_SETTINGS]
    query = {"_id": identity.tenant, "tenant": identity.tenant}
    await preconditions.put(
        settings,
        query,
        {
            "$set": {
                "candidate_transcripts": body.enabled,
                "updated_by": identity.principal,
                "updated_at": datetime.now(UTC),
            }
        },
        if_match=if_match,
        response=response,
    )
    return body


@candidate_api.get(
    "/candidate/transcripts",
    candidate("interview"),
    summary="The transcripts of my answers, once my interview is complete (if my recruiter "
    "shows them)",
    response_model=CandidateTranscripts,
    name="my_transcripts",
    errors={
        403: "`forbidden`: not an interview link; `transcripts_not_shown`: the organisation "
        "does not show candidates their transcripts.",
        409: "`interview_not_completed`: the transcripts are shown after completing.",
    },
    description="Each kept answer's transcript, by question: `pending` while it is being made. "
    "Only the candidate's own answers, and only when their organisation turned this on.",
)
async def my_transcripts(request: Request, identity: Candidate) -> CandidateTranscripts:
    db = _db(request)
    if not await enabled(db, identity.tenant):
        raise ProblemError(403, "transcripts_not_shown", "Transcripts are not shown to candidates.")
    view = await store.invitations(db).find_one(
        {"_id": identity.principal, "tenant": identity.tenant}
    )
    if view is None or "completed_at" not in view:
        raise ProblemError(409, "interview_not_completed", "Complete the interview first.")
    selected = view.get("selected", {})
    theirs = {"tenant": identity.tenant, "invitation_id": identity.principal}
    ids = list(selected.values())
    transcripts = {
        t["_id"]: t async for t in store.transcripts(db).find({**theirs, "_id": {"$in": ids}})
    }
    jobs = {j["_id"]: j async for j in store.jobs(db).find({**theirs, "_id": {"$in": ids}})}
    items = []
    for question_id, attempt_id in sorted(selected.items()):
        if attempt_id not in transcripts and attempt_id not in jobs:
            items.append(
                CandidateTranscript(
                    question_id=question_id, attempt_id=attempt_id, status="pending"
                )
            )
            continue
        out = _out(transcripts.get(attempt_id), jobs.get(attempt_id))
        text = " ".join(s.text.strip() for s in out.segments).strip()
        items.append(
            CandidateTranscript(
                question_id=question_id,
                attempt_id=attempt_id,
                status=out.status,
                language=out.language,
                no_speech=out.no_speech,
                text=text or None,
                segments=out.segments,
            )
        )
    return CandidateTranscripts(items=items)
