"""The review service's collections, their indexes and the typed documents of its aggregates:
submissions (the read model with the review state on it), reviews (a reviewer's ratings),
decisions (the audit trail) and each position's review settings."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal, NotRequired, TypedDict, cast

from pymongo.asynchronous.collection import AsyncCollection
from pymongo.asynchronous.database import AsyncDatabase

from contracts.rubric import Recommendation
from services.review.schemas import Outcome, SubmissionStatus

Db = AsyncDatabase[dict[str, Any]]
SUBMISSIONS = "submissions"


# Why an assignment closed.
CloseReason = Literal["reviewed", "decided", "invitation_withdrawn", "panel_changed", "erased"]


class Candidate(TypedDict):
    name: str
    email: str


class DecisionFact(TypedDict):
    """The current decision, kept on the submission."""

    outcome: Outcome
    decided_by: str
    decided_at: datetime
    reason: str | None


class ReviewState(TypedDict):
    """The review service's own state on a submission (`review`); the projection never writes it."""

    assignees: list[str]
    reviewed_by: list[str]
    reviews: int
    mean: float | None
    spread: float | None
    criteria: dict[str, float]
    recommendations: dict[str, int]
    score_key: float
    outcome: Outcome | None
    decision: DecisionFact | None
    rubric_version: int | None
    version: int  # guards concurrent writes (a review, a decision)


class Submission(TypedDict, total=False):
    """One invitation as review sees it: the facts folded from other services' events
    (`submission_projection.FACT_FIELDS`), what derives from them, and `review`. A tombstone
    (`erased`) keeps only its id, tenant, times and `review`."""

    _id: str
    tenant: str
    # facts
    position_id: str
    position_title: str | None
    question_set_id: str
    question_set_version: int
    blind_default: bool
    candidate: Candidate | None
    deadline: datetime
    questions: list[dict[str, Any]]
    questions_at: datetime
    times: dict[str, datetime]
    attempts: dict[str, dict[str, Any]]
    selections: dict[str, dict[str, Any]]
    erased: bool
    interview: dict[str, Any]
    interview_recordings: dict[str, dict[str, Any]]  # by booking id
    interview_notes: dict[str, dict[str, Any]]  # the panel's notes of live calls, by note id
    # derived from the facts
    invitation_state: str
    answers: list[dict[str, Any]]
    status: SubmissionStatus
    reviewable: bool
    ready_at: datetime | None
    ready_key: float
    # the review service's own
    review: ReviewState


class Rating(TypedDict):
    question_id: str
    criterion_id: str
    score: int


class Review(TypedDict):
    """A reviewer's submitted review of one submission (collection `reviews`), written once."""

    _id: str  # tenant|invitation|reviewer: one review per reviewer
    tenant: str
    invitation_id: str
    position_id: str
    reviewer: str
    rubric_version: int
    ratings: list[Rating]
    recommendation: Recommendation
    summary: str | None
    submitted_at: datetime


class DecisionRecord(TypedDict):
    """One decision in the audit trail (collection `decisions`); erasure redacts the reason."""

    _id: str
    tenant: str
    invitation_id: str
    position_id: str
    previous: Outcome | None
    outcome: Outcome
    decided_by: str
    decided_at: datetime
    reason: str | None
    redacted: NotRequired[bool]


class PositionSettings(TypedDict, total=False):
    """A position's review settings (collection `review_settings`, id `tenant|position`): the panel,
    and the highest sort keys so far, where the first page of a list starts."""

    _id: str
    tenant: str
    position_id: str
    position_title: str | None
    question_set_id: str | None
    reviewers: list[str]
    per_candidate: int | None
    blind: bool | None
    updated_at: datetime
    updated_by: str
    top_score_key: float
    top_ready_key: float


class Assignment(TypedDict):
    """A submission in one reviewer's queue (collection `assignments`), numbered by `seq`."""

    _id: str
    tenant: str
    reviewer: str
    invitation_id: str
    position_id: str
    seq: int
    open: bool
    assigned_at: datetime
    closed_at: NotRequired[datetime]
    closed_because: NotRequired[CloseReason]


class Viewing(TypedDict):
    """One visit of a reviewer's page to a submission (collection `viewings`), its totals raised
    by each report (`review_time`)."""

    _id: str  # tenant|session
    tenant: str
    invitation_id: str
    position_id: str
    reviewer: str
    player_seconds: float
    wall_seconds: float
    started_at: datetime
    updated_at: datetime


def submissions(db: Db, name: str = SUBMISSIONS) -> AsyncCollection[Submission]:
    return cast("AsyncCollection[Submission]", db[name])


def reviews(db: Db) -> AsyncCollection[Review]:
    return cast("AsyncCollection[Review]", db.reviews)


def decisions(db: Db) -> AsyncCollection[DecisionRecord]:
    return cast("AsyncCollection[DecisionRecord]", db.decisions)


def position_settings(db: Db) -> AsyncCollection[PositionSettings]:
    return cast("AsyncCollection[PositionSettings]", db.review_settings)


def assignments(db: Db) -> AsyncCollection[Assignment]:
    return cast("AsyncCollection[Assignment]", db.assignments)


def viewings(db: Db) -> AsyncCollection[Viewing]:
    return cast("AsyncCollection[Viewing]", db.viewings)


async def ensure_submission_indexes(db: Db, name: str = SUBMISSIONS) -> None:
    """Every sortable order of a position's list ends with its key (see `paging`); the rebuild
    indexes its fresh collection with these before the swap."""
    s = db[name]
    await s.create_index([("tenant", 1), ("position_id", 1), ("review.score_key", -1)])
    await s.create_index(
        [("tenant", 1), ("position_id", 1), ("status", 1), ("review.score_key", -1)]
    )
    await s.create_index(
        [("tenant", 1), ("position_id", 1), ("review.outcome", 1), ("review.score_key", -1)]
    )
    await s.create_index(
        [("tenant", 1), ("position_id", 1), ("review.reviewed_by", 1), ("review.score_key", -1)]
    )
    await s.create_index([("tenant", 1), ("position_id", 1), ("ready_key", -1)])
    await s.create_index([("tenant", 1), ("position_id", 1), ("status", 1), ("ready_key", -1)])
    await s.create_index([("tenant", 1), ("position_id", 1), ("reviewable", 1)])


async def ensure_indexes(db: Db) -> None:
    await ensure_submission_indexes(db)
    await db.review_settings.create_index([("tenant", 1), ("position_id", 1)])
    await db.rubrics.create_index([("tenant", 1), ("question_set_id", 1), ("version", -1)])
    await db.assignments.create_index([("tenant", 1), ("reviewer", 1), ("open", 1), ("seq", 1)])
    await db.assignments.create_index([("tenant", 1), ("invitation_id", 1)])
    await db.assignments.create_index([("tenant", 1), ("position_id", 1), ("reviewer", 1)])
    await db.reviews.create_index([("tenant", 1), ("invitation_id", 1)])
    await db.reviews.create_index([("tenant", 1), ("position_id", 1)])
    await db.comments.create_index([("tenant", 1), ("invitation_id", 1), ("created_at", 1)])
    await db.decisions.create_index([("tenant", 1), ("invitation_id", 1), ("decided_at", 1)])
    await db.decisions.create_index([("tenant", 1), ("position_id", 1)])
    await db.viewings.create_index([("tenant", 1), ("position_id", 1)])
    await db.self_reports.create_index([("tenant", 1), ("position_id", 1)])
