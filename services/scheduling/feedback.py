"""Interviewers' feedback, the interview stage of assessment: scores on every criterion of the
interview type's rubric (the shared model of `contracts.rubric`) and a recommendation. The first
feedback pins the rubric version the whole panel scores against, as the first review pins it for a
screening; when every interviewer has answered, `interview.completed` carries the scorecards."""

from __future__ import annotations

from typing import Any

from pymongo.asynchronous.client_session import AsyncClientSession

from contracts.events.interviews import InterviewCompleted, Scorecard
from contracts.rubric import Rubric, RubricRef
from services.chassis.api import Api, Id, staff
from services.chassis.errors import ProblemError
from services.scheduling.access import StaffReader, may_write
from services.scheduling.schemas import FeedbackAccepted, FeedbackIn
from services.scheduling.store import (
    BookingDoc,
    Ctx,
    Scheduling,
    interview_type,
    load_booking,
    load_request,
)

api = Api("scheduling", tags=["scheduling"])


async def scoring_rubric(ctx: Scheduling, tenant: str, booking: BookingDoc) -> tuple[int, Rubric]:
    """The rubric version pinned on the booking, or else the interview type's current one."""
    pinned = booking.get("rubric")
    if pinned is not None:
        return int(pinned["version"]), Rubric.model_validate(pinned)
    itype = await interview_type(ctx, tenant, booking["interview_type_id"])
    if itype.rubric is None or itype.rubric_version is None:
        raise ProblemError(
            409, "rubric_missing", "The interview type has no rubric to score against yet."
        )
    return itype.rubric_version, itype.rubric


def check_scores(body: FeedbackIn, version: int, rubric: Rubric) -> None:
    """Every score of a criterion of the rubric, on its scale, once; every criterion scored."""
    criteria = {c.id for c in rubric.criteria}
    errors: list[dict[str, Any]] = []
    seen: set[str] = set()
    for i, s in enumerate(body.scores):
        where = ["body", "scores", i]
        if s.criterion_id not in criteria:
            msg = f"{s.criterion_id!r} is not a criterion of rubric version {version}"
            errors.append({"loc": where, "code": "unknown_criterion", "msg": msg})
        elif s.criterion_id in seen:
            errors.append({"loc": where, "code": "duplicate_score", "msg": s.criterion_id})
        seen.add(s.criterion_id)
        if not rubric.scale_min <= s.score <= rubric.scale_max:
            msg = f"{s.score} is not in {rubric.scale_min}..{rubric.scale_max}"
            errors.append({"loc": where, "code": "score_out_of_scale", "msg": msg})
    if errors:
        codes = sorted({e["code"] for e in errors})
        raise ProblemError(422, codes[0], f"Invalid scores: {', '.join(codes)}.", errors=errors)
    missing = [c.id for c in rubric.criteria if c.id not in seen]
    if missing:
        raise ProblemError(
            422,
            "incomplete_feedback",
            f"Score every criterion of rubric version {version}; missing: {', '.join(missing)}.",
            errors=[{"loc": ["body", "scores"], "code": "missing", "msg": c} for c in missing],
        )


@api.post(
    "/interview-requests/{request_id}/feedback",
    staff("scheduling:write", "interviews:write"),
    summary="Give an interviewer's ratings after the interview",
    response_model=FeedbackAccepted,
    errors={
        403: "`forbidden`: the credential lacks the scope, or an interviewer gives another's "
        "feedback.",
        404: "`request_not_found`, `interview_type_not_found`: no such request or type.",
        409: "`not_scheduled`: no interview is booked; `interview_not_started`: feedback opens "
        "when it starts; `rubric_missing`: the type has no rubric yet; `request_changed`: the "
        "booking changed meanwhile, retry.",
        422: "`not_on_panel`: that interviewer is not on this interview; `unknown_criterion`, "
        "`duplicate_score`, `score_out_of_scale`, `incomplete_feedback`: the scores do not fit "
        "the rubric (`errors` lists each).",
    },
)
async def give_feedback(
    request_id: Id, body: FeedbackIn, ctx: Ctx, who: StaffReader
) -> FeedbackAccepted:
    """An interviewer's scores, after the interview started; given again, they replace the
    interviewer's earlier ones until the interview completes. Interviewers speak for themselves
    (their `user_id`); admins and recruiters may enter feedback for anyone on the panel."""
    request = await load_request(ctx, who.tenant, request_id)
    booking = await load_booking(ctx, who.tenant, request)
    if request["status"] != "scheduled" or booking is None:
        raise ProblemError(409, "not_scheduled", "The request has no booked interview.")
    if body.interviewer_id not in booking["interviewer_ids"]:
        raise ProblemError(422, "not_on_panel", "That interviewer is not on this interview.")
    if not may_write(who):
        person = await ctx.interviewers.find_one({"_id": body.interviewer_id, "tenant": who.tenant})
        if person is None or person.get("user_id") != who.principal:
            raise ProblemError(403, "forbidden", "Interviewers give only their own feedback.")
    now = ctx.now()
    if booking["start"] > now:
        raise ProblemError(
            409, "interview_not_started", "Feedback opens when the interview starts."
        )
    version, rubric = await scoring_rubric(ctx, who.tenant, booking)
    check_scores(body, version, rubric)
    card = Scorecard(
        interviewer_id=body.interviewer_id,
        scores=[s.model_dump() for s in body.scores],
        recommendation=body.recommendation,
        summary=body.summary,
        submitted_at=now,
    )

    async def write(session: AsyncClientSession) -> FeedbackAccepted:
        # Unpinned, or pinned to this version: not to another one pinned meanwhile.
        updated = await ctx.bookings.find_one_and_update(
            {
                "_id": booking["_id"],
                "tenant": who.tenant,
                "status": "scheduled",
                "rubric.version": {"$in": [None, version]},
            },
            {
                "$set": {
                    "rubric": {"version": version, **rubric.model_dump(mode="json")},
                    f"feedback.{body.interviewer_id}": {
                        **card.model_dump(mode="json"),
                        "rubric_version": version,
                    },
                }
            },
            session=session,
            return_document=True,
        )
        if updated is None:
            raise ProblemError(409, "request_changed", "The booking changed meanwhile; retry.")
        # Feedback given before interviews had rubrics does not count: it is given again.
        cards = {
            i: Scorecard.model_validate(f)
            for i, f in updated["feedback"].items()
            if f.get("rubric_version") == version
        }
        done = set(cards) >= set(updated["interviewer_ids"])
        if done:
            await ctx.bookings.update_one(
                {"_id": booking["_id"], "tenant": who.tenant},
                {"$set": {"status": "completed", "next_reminder_at": None}},
                session=session,
            )
            await ctx.requests.update_one(
                {"_id": request_id, "tenant": who.tenant},
                {"$set": {"status": "completed", "updated_at": now}, "$inc": {"version": 1}},
                session=session,
            )
            scorecards = [cards[i] for i in updated["interviewer_ids"]]
            await ctx.service.outbox.add(
                session,
                who.tenant,
                InterviewCompleted(
                    request_id=request_id,
                    booking_id=booking["_id"],
                    invitation_id=request["invitation_id"],
                    position_id=request["position_id"],
                    start=booking["start"],
                    end=booking["end"],
                    stage="interview",
                    rubric=RubricRef.of(rubric, version),
                    scorecards=scorecards,
                    feedback=[c.feedback_v1() for c in scorecards],
                    completed_at=now,
                ),
            )
        return FeedbackAccepted(
            request_id=request_id, received=sorted(cards), completed=done, rubric_version=version
        )

    return await ctx.service.transaction(write)
