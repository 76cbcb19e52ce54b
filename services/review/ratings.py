"""Reviews: a reviewer's ratings of every ready answer on every criterion of the rubric, with an
overall recommendation, submitted once; the submission's aggregates are recomputed in the same
transaction. Comments pinned to a time in an answer."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from fastapi import Request
from pymongo.asynchronous.client_session import AsyncClientSession
from pymongo.errors import DuplicateKeyError

from services.chassis import paging
from services.chassis.api import Api, Id, staff
from services.chassis.errors import ProblemError
from services.chassis.identity import Identity
from services.chassis.service import Service
from services.review import assignments, store
from services.review.access import NOT_ON_PANEL, Staff, is_lead, ratings_hidden
from services.review.aggregation import aggregate
from services.review.review_time import observe_first
from services.review.rubrics import load_rubric
from services.review.schemas import CommentIn, CommentOut, CommentPage, ReviewIn, SubmissionOut
from services.review.store import Review, Submission
from services.review.submission_projection import score_key
from services.review.submissions import (
    FINAL,
    NOT_FOUND,
    Conflict,
    load_submission,
    readable,
    settings_id,
    submission_out,
    transaction,
)

api = Api("review", tags=["reviews"])
NOT_ASSIGNED = f"{NOT_ON_PANEL} `not_assigned`: this candidate is not assigned to you."


def applies(criterion: dict[str, Any], question_id: str) -> bool:
    ids = criterion.get("question_ids")
    return ids is None or question_id in ids


def validate(body: ReviewIn, doc: Submission, rubric: dict[str, Any]) -> None:
    """Every rating on the scale, of a known criterion that applies, of a ready answer; no rating
    twice; every ready answer rated on every criterion that applies to it."""
    answers = {a["question_id"]: a for a in doc["answers"]}
    criteria = {c["id"]: c for c in rubric["criteria"]}
    errors: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for i, r in enumerate(body.ratings):
        where = ["body", "ratings", i]
        answer, criterion = answers.get(r.question_id), criteria.get(r.criterion_id)
        if answer is None:
            errors.append({"loc": where, "code": "unknown_answer", "msg": r.question_id})
        elif answer["status"] != "ready":
            errors.append({"loc": where, "code": "answer_not_ready", "msg": r.question_id})
        if criterion is None or (answer and not applies(criterion, r.question_id)):
            errors.append({"loc": where, "code": "unknown_criterion", "msg": r.criterion_id})
        if not rubric["scale_min"] <= r.score <= rubric["scale_max"]:
            errors.append(
                {
                    "loc": where,
                    "code": "score_out_of_scale",
                    "msg": f"{r.score} is not in {rubric['scale_min']}..{rubric['scale_max']}",
                }
            )
        if (r.question_id, r.criterion_id) in seen:
            errors.append({"loc": where, "code": "duplicate_rating", "msg": "rated twice"})
        seen.add((r.question_id, r.criterion_id))
    if errors:
        codes = sorted({e["code"] for e in errors})
        raise ProblemError(422, codes[0], f"Invalid ratings: {', '.join(codes)}.", errors=errors)
    missing = [
        {"question_id": q, "criterion_id": c}
        for q, a in answers.items()
        if a["status"] == "ready"
        for c, criterion in criteria.items()
        if applies(criterion, q) and (q, c) not in seen
    ]
    if missing:
        raise ProblemError(
            422,
            "incomplete_review",
            "Rate every ready answer on every criterion that applies to it.",
            errors=[{"loc": ["body", "ratings"], "code": "missing", "msg": m} for m in missing],
        )


def check_reviewer(identity: Identity, doc: Submission) -> None:
    if identity.principal in doc["review"]["reviewed_by"]:
        raise ProblemError(409, "already_reviewed", "You already submitted your review of this.")
    if identity.principal not in doc["review"]["assignees"]:
        raise ProblemError(403, "not_assigned", "This candidate is not assigned to you.")
    if doc["review"].get("outcome") in FINAL:
        raise ProblemError(409, "already_decided", "A decision was recorded; reviewing is closed.")
    if not doc["reviewable"]:
        raise ProblemError(409, "not_reviewable", "No answer of this candidate is ready.")


@api.post(
    "/submissions/{invitation_id}/review",
    staff("reviews:write"),
    summary="Submit your ratings and recommendation (once)",
    status_code=201,
    response_model=SubmissionOut,
    errors={
        403: NOT_ASSIGNED,
        404: "`submission_not_found`, `rubric_not_found`: no such submission, or its question "
        "set has no rubric.",
        409: "`already_reviewed`: you already reviewed this candidate; `already_decided`: a "
        "decision closed reviewing; `not_reviewable`: no answer is ready.",
        422: "`invalid_request`: the body does not match the schema; `unknown_answer`, "
        "`answer_not_ready`, `unknown_criterion`, `score_out_of_scale`, `duplicate_rating`: a "
        "rating is not one of a ready answer on the rubric (`errors` lists each); "
        "`incomplete_review`: rate every ready answer on every criterion that applies to it.",
    },
)
async def submit_review(
    invitation_id: Id, body: ReviewIn, request: Request, identity: Staff
) -> SubmissionOut:
    """Submit your review of a candidate assigned to you (once; it cannot be changed)."""
    service: Service = request.app.state.service
    db = service.db
    doc, settings = await readable(db, identity, invitation_id)
    check_reviewer(identity, doc)
    rubric = await load_rubric(
        db, identity.tenant, doc["question_set_id"], doc["review"].get("rubric_version")
    )
    validate(body, doc, rubric)
    now = datetime.now(UTC)

    async def work(session: AsyncClientSession) -> Submission:
        current = await load_submission(db, identity.tenant, invitation_id, session)
        check_reviewer(identity, current)
        pinned = current["review"].get("rubric_version")
        if pinned is not None and pinned != rubric["version"]:
            raise Conflict
        review: Review = {
            "_id": f"{identity.tenant}|{invitation_id}|{identity.principal}",
            "tenant": identity.tenant,
            "invitation_id": invitation_id,
            "position_id": current["position_id"],
            "reviewer": identity.principal,
            "rubric_version": rubric["version"],
            "ratings": [
                {"question_id": r.question_id, "criterion_id": r.criterion_id, "score": r.score}
                for r in body.ratings
            ],
            "recommendation": body.recommendation,
            "summary": body.summary,
            "submitted_at": now,
        }
        try:
            await store.reviews(db).insert_one(review, session=session)
        except DuplicateKeyError:
            raise ProblemError(409, "already_reviewed", "You already submitted this.") from None
        reviews = (
            await store.reviews(db)
            .find({"tenant": identity.tenant, "invitation_id": invitation_id}, session=session)
            .to_list()
        )
        totals = aggregate(reviews)
        version = current["review"]["version"]
        result = await store.submissions(db).update_one(
            {"_id": invitation_id, "tenant": identity.tenant, "review.version": version},
            {
                "$set": {
                    **{f"review.{k}": v for k, v in totals.items()},
                    "review.score_key": score_key(totals["mean"], invitation_id),
                    "review.rubric_version": rubric["version"],
                    "review.version": version + 1,
                },
                "$addToSet": {"review.reviewed_by": identity.principal},
            },
            session=session,
        )
        if result.modified_count != 1:
            raise Conflict
        await db.review_settings.update_one(
            {"_id": settings_id(identity.tenant, current["position_id"])},
            {"$max": {"top_score_key": score_key(totals["mean"], invitation_id)}},
            session=session,
        )
        await assignments.close(
            db,
            session,
            identity.tenant,
            {"invitation_id": invitation_id, "reviewer": identity.principal},
            "reviewed",
        )
        return await load_submission(db, identity.tenant, invitation_id, session)

    updated = await transaction(service, work)
    if updated["review"]["reviews"] == 1:
        observe_first("first_review", updated.get("times", {}).get("completed"), now)
    return await submission_out(db, identity, updated, settings)


@api.post(
    "/submissions/{invitation_id}/comments",
    staff("reviews:write"),
    summary="Comment on a moment of an answer",
    status_code=201,
    response_model=CommentOut,
    errors={
        403: NOT_ASSIGNED,
        **NOT_FOUND,
        422: "`invalid_request`: the body does not match the schema; `unknown_answer`: no ready "
        "answer to this question; `time_out_of_range`: the time is past the answer's end.",
    },
)
async def add_comment(
    invitation_id: Id, body: CommentIn, request: Request, identity: Staff
) -> CommentOut:
    """Comment on a moment of an answer (`at_seconds` from its start)."""
    db = request.app.state.service.db
    doc, _ = await readable(db, identity, invitation_id)
    if not is_lead(identity) and identity.principal not in doc["review"]["assignees"]:
        raise ProblemError(403, "not_assigned", "This candidate is not assigned to you.")
    answer = next((a for a in doc["answers"] if a["question_id"] == body.question_id), None)
    if answer is None or answer["status"] != "ready":
        raise ProblemError(422, "unknown_answer", "No ready answer to this question.")
    duration = answer.get("duration_seconds")
    if duration is not None and body.at_seconds > duration + 0.5:
        raise ProblemError(422, "time_out_of_range", f"The answer is {duration:.1f} s long.")
    comment = {
        "_id": str(uuid.uuid4()),
        "tenant": identity.tenant,
        "invitation_id": invitation_id,
        "position_id": doc["position_id"],
        "reviewer": identity.principal,
        **body.model_dump(),
        "created_at": datetime.now(UTC),
    }
    await db.comments.insert_one(comment)
    return comment_out(comment)


def comment_out(doc: dict[str, Any]) -> CommentOut:
    return CommentOut(
        id=doc["_id"],
        reviewer=doc["reviewer"],
        question_id=doc["question_id"],
        at_seconds=doc["at_seconds"],
        text=doc["text"],
        created_at=doc["created_at"],
    )


@api.get(
    "/submissions/{invitation_id}/comments",
    staff("reviews:read"),
    summary="Comments on a candidate's answers, by question and answer time",
    response_model=CommentPage,
    errors={403: NOT_ON_PANEL, **NOT_FOUND, **paging.ERRORS},
)
async def list_comments(
    invitation_id: Id,
    request: Request,
    identity: Staff,
    limit: paging.Limit = paging.DEFAULT_LIMIT,
    cursor: paging.Cursor = None,
) -> CommentPage:
    """Comments by answer time; a panel reviewer sees only their own until they submitted."""
    db = request.app.state.service.db
    doc, settings = await readable(db, identity, invitation_id)
    query: dict[str, Any] = {"tenant": identity.tenant, "invitation_id": invitation_id}
    if ratings_hidden(identity, settings, doc):
        query["reviewer"] = identity.principal
    docs, following = await paging.read(
        db.comments,
        query,
        sort=[("question_id", 1), ("at_seconds", 1), ("created_at", 1), ("_id", 1)],
        limit=limit,
        cursor=cursor,
    )
    return CommentPage(items=[comment_out(d) for d in docs], next_cursor=following)
