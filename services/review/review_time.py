"""Review time made visible: how long a completed candidate waits for a first review and for a
decision, and how many minutes of reviewers' time a candidate takes, per position and per
reviewer. The figure the fast player and the transcripts exist to cut.

The reviewer's page reports each viewing of a submission (one page visit) as a session with its
running totals: the time the player played (real seconds, so 60 s watched at 1.5x count 40 s) and
the time the submission was open and visible. A report only ever raises a session's totals, so a
retried or late report changes nothing."""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterable
from datetime import UTC, datetime

from fastapi import Request
from pymongo.errors import DuplicateKeyError

from services.chassis.api import Api, Id, staff
from services.chassis.errors import ProblemError
from services.review.access import LEADS_ONLY, NOT_ON_PANEL, Lead, Staff
from services.review.metrics import REVIEW_WAIT
from services.review.schemas import (
    Durations,
    ReviewerTime,
    ReviewTime,
    ViewingIn,
    ViewingOut,
)
from services.review.store import Db, viewings
from services.review.submissions import FINAL, NOT_FOUND, readable

api = Api("review", tags=["review time"])
HOUR = 3600.0


@api.post(
    "/submissions/{invitation_id}/viewings",
    staff("reviews:read"),
    summary="Report the time you spent on a submission (one page visit, running totals)",
    response_model=ViewingOut,
    errors={
        403: NOT_ON_PANEL,
        **NOT_FOUND,
        409: "`viewing_mismatch`: this session id belongs to another reviewer or submission.",
    },
)
async def report_viewing(
    invitation_id: Id, body: ViewingIn, request: Request, identity: Staff
) -> ViewingOut:
    """Raise the session's totals to these (never lowers them): send the running totals of one
    visit as often as you like, the last one when the page is left."""
    db: Db = request.app.state.service.db
    doc, _ = await readable(db, identity, invitation_id)
    now = datetime.now(UTC)
    try:
        stored = await viewings(db).find_one_and_update(
            {
                "_id": f"{identity.tenant}|{body.session_id}",
                "tenant": identity.tenant,
                "invitation_id": invitation_id,
                "reviewer": identity.principal,
            },
            {
                "$setOnInsert": {"position_id": doc["position_id"], "started_at": now},
                "$max": {"player_seconds": body.player_seconds, "wall_seconds": body.wall_seconds},
                "$set": {"updated_at": now},
            },
            upsert=True,
            return_document=True,
        )
    except DuplicateKeyError:
        raise ProblemError(
            409, "viewing_mismatch", "This session id belongs to another reviewer or submission."
        ) from None
    assert stored is not None
    return ViewingOut(
        session_id=body.session_id,
        player_seconds=stored["player_seconds"],
        wall_seconds=stored["wall_seconds"],
    )


def durations(seconds: Iterable[float]) -> Durations:
    hours = sorted(s / HOUR for s in seconds)
    if not hours:
        return Durations(count=0, median_hours=None, p90_hours=None)
    p90 = statistics.quantiles(hours, n=10, method="inclusive")[-1] if len(hours) > 1 else hours[0]
    return Durations(
        count=len(hours), median_hours=round(statistics.median(hours), 3), p90_hours=round(p90, 3)
    )


def _mean_minutes(per_candidate: dict[str, float]) -> float | None:
    values = list(per_candidate.values())
    return round(statistics.fmean(values) / 60, 2) if values else None


@api.get(
    "/positions/{position_id}/review-time",
    staff("reviews:read"),
    summary="Time to first review and to decision, and reviewers' minutes per candidate",
    response_model=ReviewTime,
    errors={403: LEADS_ONLY},
)
async def position_review_time(position_id: Id, request: Request, identity: Lead) -> ReviewTime:
    """Over the position's completed candidates: the wait from completion to the first review and
    to the first advance or reject decision (median and 90th percentile, in hours), and the minutes of review a
    candidate took (player time and time on screen, all reviewers together), overall and per
    reviewer."""
    db: Db = request.app.state.service.db
    tenant = identity.tenant
    scope = {"tenant": tenant, "position_id": position_id}
    completed: dict[str, datetime] = {}
    cursor = db.submissions.find(
        {**scope, "times.completed": {"$exists": True}}, {"times.completed": 1}
    )
    async for s in cursor:
        completed[s["_id"]] = _aware(s["times"]["completed"])
    first_review: dict[str, datetime] = {}
    reviewed: dict[str, list[float]] = defaultdict(list)  # reviewer -> completion-to-review waits
    async for r in db.reviews.find(scope, {"invitation_id": 1, "reviewer": 1, "submitted_at": 1}):
        at, done = _aware(r["submitted_at"]), completed.get(r["invitation_id"])
        if done is None:
            continue
        first_review[r["invitation_id"]] = min(at, first_review.get(r["invitation_id"], at))
        reviewed[r["reviewer"]].append((at - done).total_seconds())
    first_decision: dict[str, datetime] = {}
    finals = {**scope, "outcome": {"$in": list(FINAL)}}
    async for d in db.decisions.find(finals, {"invitation_id": 1, "decided_at": 1}):
        at = _aware(d["decided_at"])
        first_decision[d["invitation_id"]] = min(at, first_decision.get(d["invitation_id"], at))
    player: dict[str, float] = defaultdict(float)  # candidate -> seconds, all reviewers
    wall: dict[str, float] = defaultdict(float)
    by_reviewer: dict[str, tuple[dict[str, float], dict[str, float]]] = {}
    async for v in viewings(db).find(scope):
        candidate = v["invitation_id"]
        player[candidate] += v["player_seconds"]
        wall[candidate] += v["wall_seconds"]
        mine = by_reviewer.setdefault(v["reviewer"], (defaultdict(float), defaultdict(float)))
        mine[0][candidate] += v["player_seconds"]
        mine[1][candidate] += v["wall_seconds"]
    reviewers = []
    for reviewer in sorted(set(reviewed) | set(by_reviewer)):
        played, seen = by_reviewer.get(reviewer, ({}, {}))
        waits = durations(reviewed.get(reviewer, []))
        reviewers.append(
            ReviewerTime(
                reviewer=reviewer,
                candidates_reviewed=waits.count,
                candidates_viewed=len(seen),
                player_minutes_per_candidate=_mean_minutes(played),
                wall_minutes_per_candidate=_mean_minutes(seen),
                median_hours_to_review=waits.median_hours,
            )
        )
    return ReviewTime(
        position_id=position_id,
        completed=len(completed),
        waiting_for_first_review=len(completed) - len(first_review),
        to_first_review=durations(
            (at - completed[c]).total_seconds() for c, at in first_review.items()
        ),
        to_decision=durations(
            (at - completed[c]).total_seconds()
            for c, at in first_decision.items()
            if c in completed
        ),
        player_minutes_per_candidate=_mean_minutes(player),
        wall_minutes_per_candidate=_mean_minutes(wall),
        reviewers=reviewers,
    )


def observe_first(kind: str, completed_at: datetime | None, at: datetime) -> None:
    """The wait from completion to a candidate's first review or first decision, for the
    dashboards (the same figure the report shows, as it happens)."""
    if completed_at is not None:
        REVIEW_WAIT.labels(service="review", step=kind).observe(
            max(0.0, (at - _aware(completed_at)).total_seconds())
        )


def _aware(at: datetime) -> datetime:
    """BSON dates come back naive (UTC)."""
    return at if at.tzinfo else at.replace(tzinfo=UTC)
