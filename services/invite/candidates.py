"""What a candidate does with their link: see the interview (its outline: prompts are revealed one
at a time by ingest), give consent, start, finish, and see their progress. Each step is a guarded
transition, so a repeated click changes nothing."""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi import Request

from contracts.events.invitations import (
    Accommodations,
    InvitationCompleted,
    InvitationConsented,
    InvitationOpened,
    InvitationStarted,
    Question,
)
from services.chassis.api import Api, candidate
from services.chassis.errors import ProblemError
from services.chassis.identity import Candidate
from services.chassis.service import Service
from services.invite.invitations import ACTIVE, effective_questions, load_invitation, transition
from services.invite.languages import candidate_language
from services.invite.question_sets import load_version
from services.invite.schemas import (
    CandidateInterview,
    ConsentIn,
    Notice,
    Progress,
    QuestionOutline,
)
from services.invite.settings import InviteSettings
from services.invite.store import InvitationDoc

api = Api("invite", tags=["candidate"])


async def _mine(request: Request, identity: Candidate) -> InvitationDoc:
    doc = await load_invitation(request.app.state.service.db, identity.tenant, identity.principal)
    if doc["state"] == "withdrawn":
        raise ProblemError(410, "invitation_withdrawn", "This invitation was withdrawn.")
    return doc


def _open(doc: InvitationDoc) -> None:
    if doc["state"] not in ACTIVE:
        raise ProblemError(409, "invalid_state", f"This interview is {doc['state']}.")
    if doc["deadline"] < datetime.now(UTC):
        raise ProblemError(410, "deadline_passed", "The deadline for this interview has passed.")


@api.get(
    "/candidate/interview",
    candidate("interview"),
    summary="The interview behind this link: notice, the questions' outline and limits, progress",
    response_model=CandidateInterview,
    errors={
        410: "`invitation_withdrawn`, `deadline_passed`, `link_revoked`, `link_expired`: the interview is closed."
    },
)
async def interview(request: Request, identity: Candidate) -> CandidateInterview:
    service: Service = request.app.state.service
    settings = service.settings_as(InviteSettings)
    doc = await _mine(request, identity)
    if doc["state"] == "created":
        now = datetime.now(UTC)
        event = InvitationOpened(invitation_id=doc["_id"], opened_at=now)
        if await transition(
            service, identity.tenant, doc["_id"], ["created"], "opened", event, now
        ):
            doc = await _mine(request, identity)
    version = await load_version(
        service.db, identity.tenant, doc["question_set_id"], doc["question_set_version"]
    )
    questions = effective_questions(
        [Question(**q) for q in version["questions"]], Accommodations(**doc["accommodations"])
    )
    storage = service.storage
    assert storage is not None
    # Only the practice question is shown ahead; ingest reveals the others in order (ADR 0020).
    prompt_videos = {
        q.question_id: await storage.presigned_get(q.prompt_video_key)
        for q in questions
        if q.prompt_video_key and q.practice
    }
    captions: dict[str, str] = version.get("captions", {})
    return CandidateInterview(
        prompt_videos=prompt_videos,
        prompt_captions={q: captions[q] for q in prompt_videos if q in captions},
        invitation_id=doc["_id"],
        position_title=doc["position_title"],
        candidate_name=doc["name"],
        state=doc["state"],
        deadline=doc["deadline"],
        notice=Notice(version=settings.notice_version, text=settings.notice_text),
        consented_at=(doc.get("consent") or {}).get("at"),
        questions=[_outline(q) for q in questions],
    )


def _outline(q: Question) -> QuestionOutline:
    shown = {"prompt": q.prompt, "choices": q.choices} if q.practice else {}
    return QuestionOutline(
        question_id=q.question_id,
        position=q.position,
        kind=q.kind,
        practice=q.practice,
        think_seconds=q.think_seconds,
        answer_seconds=q.answer_seconds,
        retakes=q.retakes,
        multiple=q.multiple,
        max_chars=q.max_chars,
        **shown,
    )


@api.post(
    "/candidate/consent",
    candidate("interview"),
    summary="Give consent to the notice shown",
    response_model=Progress,
    errors={
        409: "`invalid_state`, `notice_changed`: the interview is closed or the notice changed.",
        410: "`invitation_withdrawn`, `deadline_passed`, `link_revoked`, `link_expired`: the interview is closed.",
    },
)
async def consent(body: ConsentIn, request: Request, identity: Candidate) -> Progress:
    service: Service = request.app.state.service
    settings = service.settings_as(InviteSettings)
    doc = await _mine(request, identity)
    _open(doc)
    if body.notice_version != settings.notice_version:
        raise ProblemError(409, "notice_changed", "The notice changed; read it again and consent.")
    now = datetime.now(UTC)
    event = InvitationConsented(
        invitation_id=doc["_id"], notice_version=body.notice_version, consented_at=now
    )
    await transition(
        service,
        identity.tenant,
        doc["_id"],
        ["created", "opened"],
        "consented",
        event,
        now,
        {"consent": {"notice_version": body.notice_version, "at": now}},
    )
    return await progress(request, identity)


@api.post(
    "/candidate/start",
    candidate("interview"),
    summary="Start the interview (after consent)",
    response_model=Progress,
    errors={
        409: "`invalid_state`, `consent_required`: consent first, or the interview is closed.",
        410: "`invitation_withdrawn`, `deadline_passed`, `link_revoked`, `link_expired`: the interview is closed.",
    },
)
async def start(request: Request, identity: Candidate) -> Progress:
    service: Service = request.app.state.service
    doc = await _mine(request, identity)
    _open(doc)
    if doc["state"] in ("created", "opened"):
        raise ProblemError(409, "consent_required", "Consent comes before the interview.")
    now = datetime.now(UTC)
    event = InvitationStarted(invitation_id=doc["_id"], started_at=now)
    await transition(service, identity.tenant, doc["_id"], ["consented"], "started", event, now)
    return await progress(request, identity)


@api.post(
    "/candidate/complete",
    candidate("interview"),
    summary="Finish the interview",
    response_model=Progress,
    errors={
        409: "`invalid_state`, `not_started`: start the interview first.",
        410: "`invitation_withdrawn`, `deadline_passed`, `link_revoked`, `link_expired`: the interview is closed.",
    },
)
async def complete(request: Request, identity: Candidate) -> Progress:
    service: Service = request.app.state.service
    doc = await _mine(request, identity)
    if doc["state"] == "completed":
        return await progress(request, identity)
    _open(doc)
    if doc["state"] != "started":
        raise ProblemError(409, "not_started", "Start the interview before completing it.")
    now = datetime.now(UTC)
    event = InvitationCompleted(
        invitation_id=doc["_id"],
        completed_at=now,
        candidate_language=await candidate_language(service.db, doc),
    )
    await transition(service, identity.tenant, doc["_id"], ["started"], "completed", event, now)
    return await progress(request, identity)


@api.get(
    "/candidate/progress",
    candidate("interview"),
    summary="My progress through the interview",
    response_model=Progress,
    errors={
        410: "`invitation_withdrawn`, `deadline_passed`, `link_revoked`, `link_expired`: the interview is closed."
    },
)
async def progress(request: Request, identity: Candidate) -> Progress:
    doc = await _mine(request, identity)
    return Progress(
        invitation_id=doc["_id"],
        state=doc["state"],
        deadline=doc["deadline"],
        history=doc["history"],
    )
