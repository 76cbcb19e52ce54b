"""Submissions as reviewers and leads read them: one candidate, a position's ranked list, and one
question side by side. Blind review and hidden ratings are applied here, for every response."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from typing import Annotated, Any, Literal, TypeVar

from fastapi import Query, Request
from pydantic import Field
from pymongo.asynchronous.client_session import AsyncClientSession

from services.chassis.api import ID_PATTERN, Api, Id, staff
from services.chassis.errors import ProblemError
from services.chassis.identity import Identity
from services.chassis.service import Service
from services.review import paging, store
from services.review.access import NOT_ON_PANEL, Staff, check_position, ratings_hidden
from services.review.aggregation import aggregate
from services.review.schemas import (
    Answer,
    CandidateIdentity,
    Decision,
    InterviewNote,
    InterviewRecording,
    InterviewStage,
    ReviewOut,
    Scores,
    SideBySide,
    SideBySideItem,
    SubmissionOut,
    SubmissionPage,
    SubmissionRow,
    SubmissionStatus,
)
from services.review.store import Db, PositionSettings, ReviewState, Submission
from services.review.submission_projection import score_key

api = Api("review", tags=["reviews"])
T = TypeVar("T")
FINAL = ("advance", "reject")  # decisions that end the review (and lift blind review)

# The problems of reading one submission, shared by every operation on one.
NOT_FOUND = {404: "`submission_not_found`: no such submission in your tenant."}
# What a page cursor looks like (see paging.Cursor): URL-safe base64 of a key, an id and a rank.
CURSOR = Query(
    max_length=512, pattern=r"^[A-Za-z0-9_-]+$", description="`next_cursor` of the last page."
)


class Conflict(Exception):
    """A guarded write lost a race; the transaction is run again."""


async def transaction(service: Service, work: Callable[[AsyncClientSession], Awaitable[T]]) -> T:
    """`service.transaction` run again (up to 5 times) when a guarded update lost a race."""
    for _ in range(4):
        try:
            return await service.transaction(work)
        except Conflict:
            continue
    return await service.transaction(work)


def initial_review(invitation_id: str) -> ReviewState:
    """The review service's own state on a submission, before anyone reviewed or decided."""
    return {
        "assignees": [],
        "reviewed_by": [],
        "reviews": 0,
        "mean": None,
        "spread": None,
        "criteria": {},
        "recommendations": {},
        "score_key": score_key(None, invitation_id),
        "outcome": None,
        "decision": None,
        "rubric_version": None,
        "version": 0,
    }


async def load_submission(
    db: Db, tenant: str, invitation_id: str, session: AsyncClientSession | None = None
) -> Submission:
    doc = await store.submissions(db).find_one(
        {"_id": invitation_id, "tenant": tenant}, session=session
    )
    if doc is None or doc.get("erased") or not doc.get("position_id"):
        raise ProblemError(404, "submission_not_found", "No such submission in your tenant.")
    return doc


def settings_id(tenant: str, position_id: str) -> str:
    return f"{tenant}|{position_id}"


async def load_settings(
    db: Db, tenant: str, position_id: str, session: AsyncClientSession | None = None
) -> PositionSettings | None:
    return await store.position_settings(db).find_one(
        {"_id": settings_id(tenant, position_id), "tenant": tenant}, session=session
    )


async def readable(
    db: Db, identity: Identity, invitation_id: str
) -> tuple[Submission, PositionSettings | None]:
    """The submission and its position's settings, if the caller may read it (else 403/404)."""
    doc = await load_submission(db, identity.tenant, invitation_id)
    settings = await load_settings(db, identity.tenant, doc["position_id"])
    check_position(identity, settings)
    return doc, settings


# --- what each caller sees ----------------------------------------------------------------------


def blind(doc: Submission, settings: PositionSettings | None) -> bool:
    chosen = settings.get("blind") if settings else None
    return bool(doc.get("blind_default", False) if chosen is None else chosen)


def identity_of(doc: Submission, settings: PositionSettings | None) -> CandidateIdentity | None:
    """The candidate's name and e-mail, or None while blind review withholds them: until an
    advance or reject decision is recorded. Every review response gets identity only from here."""
    candidate = doc.get("candidate")
    if candidate is None:
        return None
    if blind(doc, settings) and doc["review"].get("outcome") not in FINAL:
        return None
    return CandidateIdentity(**candidate)


def scores_of(doc: Submission) -> Scores:
    r = doc["review"]
    return Scores(
        reviews=r["reviews"],
        mean=r["mean"],
        spread=r["spread"],
        criteria=r["criteria"],
        recommendations=r["recommendations"],
    )


def interview_of(doc: Submission) -> InterviewStage | None:
    """The interview stage's scores, aggregated like a screening's with interviewers as reviewers."""
    stage = doc.get("interview")
    if stage is None:
        return None
    cards = [{"ratings": c["scores"], **c} for c in stage["scorecards"]]
    return InterviewStage(
        request_id=stage["request_id"],
        completed_at=stage["completed_at"],
        rubric=stage["rubric"],
        scores=Scores(**aggregate(cards)),
        scorecards=stage["scorecards"],
    )


def notes_of(doc: Submission) -> list[InterviewNote]:
    """The panel's notes, each placed on its call's recording where the call was recorded."""
    started = {
        r["booking_id"]: r["stored"]["started_at"]
        for r in doc.get("interview_recordings", {}).values()
        if "stored" in r
    }
    out = []
    for note_id, note in doc.get("interview_notes", {}).items():
        began = started.get(note["booking_id"])
        offset = None if began is None else max(0.0, (note["at"] - began).total_seconds())
        out.append(InterviewNote(id=note_id, **note, at_seconds=offset))
    return sorted(out, key=lambda n: (n.at, n.id))


def recordings_of(doc: Submission) -> list[InterviewRecording]:
    def began(rec: dict[str, Any]) -> Any:
        return min(
            rec[f]["at"] for f in ("stored", "transcoding", "transcoded", "failed") if f in rec
        )

    out = []
    for rec in sorted(doc.get("interview_recordings", {}).values(), key=began):
        done, failed = rec.get("transcoded"), rec.get("failed")
        status: Literal["transcoding", "ready", "failed"] = (
            "ready" if done else "failed" if failed else "transcoding"
        )
        out.append(
            InterviewRecording(
                booking_id=rec["booking_id"],
                recording_id=rec["recording_id"],
                status=status,
                playable=bool(done) or bool(rec.get("transcoding", {}).get("playable")),
                duration_seconds=done["duration_seconds"] if done else None,
                failure=failed["message"] if failed and not done else None,
                started_at=rec.get("stored", {}).get("started_at"),
            )
        )
    return out


def decision_of(doc: Submission) -> Decision | None:
    d = doc["review"].get("decision")
    return Decision(**d) if d else None


def review_out(doc: store.Review) -> ReviewOut:
    return ReviewOut(
        reviewer=doc["reviewer"],
        rubric_version=doc["rubric_version"],
        ratings=doc["ratings"],
        recommendation=doc["recommendation"],
        summary=doc.get("summary"),
        submitted_at=doc["submitted_at"],
    )


async def submission_out(
    db: Db, identity: Identity, doc: Submission, settings: PositionSettings | None
) -> SubmissionOut:
    hidden = ratings_hidden(identity, settings, doc)
    reviews: list[ReviewOut] = []
    if not hidden:
        cursor = store.reviews(db).find({"tenant": identity.tenant, "invitation_id": doc["_id"]})
        reviews = [review_out(r) async for r in cursor.sort("submitted_at", 1)]
    return SubmissionOut(
        invitation_id=doc["_id"],
        position_id=doc["position_id"],
        position_title=doc.get("position_title"),
        blind=blind(doc, settings),
        candidate=identity_of(doc, settings),
        invitation_state=doc["invitation_state"],
        status=doc["status"],
        reviewable=doc["reviewable"],
        ready_at=doc.get("ready_at"),
        answers=[Answer(**a) for a in doc["answers"]],
        assigned_to_me=identity.principal in doc["review"]["assignees"],
        reviewed_by_me=identity.principal in doc["review"]["reviewed_by"],
        ratings_hidden=hidden,
        scores=None if hidden else scores_of(doc),
        reviews=reviews,
        decision=decision_of(doc),
        rubric_version=doc["review"].get("rubric_version"),
        interview=None if hidden else interview_of(doc),
        interview_recordings=recordings_of(doc),
        interview_notes=[] if hidden else notes_of(doc),
    )


# --- operations ---------------------------------------------------------------------------------


@api.get(
    "/submissions/{invitation_id}",
    staff("reviews:read"),
    summary="One candidate's answers, scores and reviews (as you may see them)",
    response_model=SubmissionOut,
    errors={403: NOT_ON_PANEL, **NOT_FOUND},
)
async def get_submission(invitation_id: Id, request: Request, identity: Staff) -> SubmissionOut:
    db = request.app.state.service.db
    doc, settings = await readable(db, identity, invitation_id)
    return await submission_out(db, identity, doc, settings)


ROW_FIELDS = {
    "_id": 1,
    "candidate": 1,
    "blind_default": 1,
    "status": 1,
    "invitation_state": 1,
    "ready_at": 1,
    "ready_key": 1,
    "review.reviews": 1,
    "review.mean": 1,
    "review.spread": 1,
    "review.outcome": 1,
    "review.score_key": 1,
    "review.reviewed_by": 1,
    "review.assignees": 1,
}


@api.get(
    "/positions/{position_id}/submissions",
    staff("reviews:read"),
    summary="A position's candidates ranked by score (or most recent), filtered, paginated",
    response_model=SubmissionPage,
    errors={
        403: f"{NOT_ON_PANEL} `scores_hidden`: panel reviewers cannot filter by score.",
        422: "`invalid_request`: a parameter does not match the schema; `invalid_cursor`: the "
        "cursor is not one this list issued.",
    },
)
async def list_submissions(
    position_id: Id,
    request: Request,
    identity: Staff,
    status: SubmissionStatus | None = None,
    decision: Literal["advance", "reject", "hold", "none"] | None = None,
    reviewer: Annotated[
        str | None, Query(max_length=200, description="Reviewed by this principal.")
    ] = None,
    min_score: Annotated[float | None, Query(ge=0, le=10)] = None,
    max_score: Annotated[float | None, Query(ge=0, le=10)] = None,
    sort: Literal["score", "ready"] = "score",
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    cursor: Annotated[str | None, CURSOR] = None,
) -> SubmissionPage:
    """A position's candidates, best mean first (or most recently ready first), filtered; cursor
    pagination. A panel reviewer sees scores only of candidates they reviewed and cannot filter or
    sort by score."""
    db = request.app.state.service.db
    settings = await load_settings(db, identity.tenant, position_id)
    check_position(identity, settings)
    panel = identity.principal in (settings.get("reviewers", []) if settings else [])
    if panel and (sort == "score" or min_score is not None or max_score is not None):
        if min_score is not None or max_score is not None:
            raise ProblemError(403, "scores_hidden", "Panel reviewers cannot filter by score.")
        sort = "ready"
    base: dict[str, Any] = {"tenant": identity.tenant, "position_id": position_id}
    if status:
        base["status"] = status
    if decision:
        base["review.outcome"] = None if decision == "none" else decision
    if reviewer:
        base["review.reviewed_by"] = reviewer
    field = "review.score_key" if sort == "score" else "ready_key"
    # The first window starts at the position's highest key (kept as reviews and readiness are
    # recorded); without one, at the largest possible key (scores are at most 10).
    top: float
    if sort == "score":
        top = settings.get("top_score_key", 10.001) if settings else 10.001
        floor, width = -2.0, 0.05
    else:
        top = (
            settings.get("top_ready_key", time.time() + 86400) if settings else time.time() + 86400
        )
        floor, width = -2.0, 600.0
    if sort == "score" and max_score is not None:
        top = min(top, round(max_score, 3) + 0.001)
    if sort == "score" and min_score is not None:
        floor = round(min_score, 3) - 1e-9

    def key_of(d: Submission) -> float:
        return float(d["review"]["score_key"] if sort == "score" else d["ready_key"])

    async def fetch(lo: float, hi: float) -> list[dict[str, Any]]:
        """Rows of one key window, as `paging` reads them (`_id`, `_key`) with the document."""
        found = store.submissions(db).find({**base, field: {"$gt": lo, "$lte": hi}}, ROW_FIELDS)
        return [{"_id": d["_id"], "_key": key_of(d), "doc": d} async for d in found]

    after = paging.Cursor.decode(cursor) if cursor else None
    page = await paging.descending(
        fetch, "_key", top=top, floor=floor, width=width, limit=limit + 1, after=after
    )
    more = len(page) > limit
    page = page[:limit]
    start = after.rank if after else 0
    rows = []
    for i, row in enumerate(page):
        d: Submission = row["doc"]
        hidden = ratings_hidden(identity, settings, d)
        rows.append(
            SubmissionRow(
                rank=start + i + 1,
                invitation_id=d["_id"],
                candidate=identity_of(d, settings),
                status=d["status"],
                invitation_state=d["invitation_state"],
                ready_at=d.get("ready_at"),
                reviews=d["review"]["reviews"],
                mean=None if hidden else d["review"]["mean"],
                spread=None if hidden else d["review"]["spread"],
                decision=d["review"]["outcome"],
            )
        )
    next_cursor = None
    if more and page:
        last = page[-1]
        next_cursor = paging.Cursor(last["_key"], last["_id"], start + len(page)).encode()
    return SubmissionPage(items=rows, next_cursor=next_cursor)


InvitationIds = Annotated[
    list[Annotated[str, Field(pattern=ID_PATTERN, max_length=128)]],
    Query(min_length=1, max_length=20, description="The candidates to compare (up to 20)."),
]


@api.get(
    "/positions/{position_id}/questions/{question_id}/answers",
    staff("reviews:read"),
    summary="One question's answers from several candidates, side by side with their scores",
    response_model=SideBySide,
    errors={
        403: NOT_ON_PANEL,
        404: "`submission_not_found`: an invitation is not one of this position's submissions.",
    },
)
async def side_by_side(
    position_id: Id,
    question_id: Id,
    request: Request,
    identity: Staff,
    invitation_id: InvitationIds,
) -> SideBySide:
    """One question's answers from several candidates, each with its scores for that answer."""
    db = request.app.state.service.db
    settings = await load_settings(db, identity.tenant, position_id)
    check_position(identity, settings)
    ids = list(dict.fromkeys(invitation_id))
    docs = {
        d["_id"]: d
        async for d in store.submissions(db).find(
            {"_id": {"$in": ids}, "tenant": identity.tenant, "position_id": position_id}
        )
    }
    missing = [i for i in ids if i not in docs]
    if missing:
        raise ProblemError(404, "submission_not_found", f"Not in this position: {missing}.")
    per_answer: dict[str, list[store.Review]] = {}
    async for r in store.reviews(db).find(
        {"tenant": identity.tenant, "invitation_id": {"$in": ids}}
    ):
        per_answer.setdefault(r["invitation_id"], []).append(r)
    items = []
    for i in ids:
        doc = docs[i]
        answer = next((a for a in doc["answers"] if a["question_id"] == question_id), None)
        hidden = ratings_hidden(identity, settings, doc)
        scores = [] if hidden else per_answer.get(i, [])
        by_criterion: dict[str, list[float]] = {}
        reviewer_means = []
        for review in scores:
            mine = [x for x in review["ratings"] if x["question_id"] == question_id]
            if mine:
                reviewer_means.append(sum(x["score"] for x in mine) / len(mine))
            for x in mine:
                by_criterion.setdefault(x["criterion_id"], []).append(float(x["score"]))
        items.append(
            SideBySideItem(
                invitation_id=i,
                candidate=identity_of(doc, settings),
                answer=Answer(**answer) if answer else None,
                mean=sum(reviewer_means) / len(reviewer_means) if reviewer_means else None,
                criteria={c: sum(v) / len(v) for c, v in by_criterion.items()},
                reviews=len(reviewer_means),
            )
        )
    return SideBySide(position_id=position_id, question_id=question_id, items=items)
