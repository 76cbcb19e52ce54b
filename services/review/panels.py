"""Review settings per position: the panel of reviewers, how many review each candidate, and blind
review (defaulting to what the invitation said)."""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi import Request, Response

from services.chassis import preconditions
from services.chassis.api import Api, Id, staff
from services.chassis.service import Service
from services.review import assignments, store
from services.review.access import LEADS_ONLY, NOT_ON_PANEL, Lead, Staff, check_position
from services.review.schemas import ReviewSettingsIn, ReviewSettingsOut
from services.review.store import PositionSettings
from services.review.submissions import load_settings, settings_id

api = Api("review", tags=["reviews"])


def settings_out(
    position_id: str, doc: PositionSettings | None, assigned: int = 0
) -> ReviewSettingsOut:
    doc = doc or {}
    return ReviewSettingsOut(
        position_id=position_id,
        position_title=doc.get("position_title"),
        question_set_id=doc.get("question_set_id"),
        reviewer_ids=doc.get("reviewers", []),
        per_candidate=doc.get("per_candidate"),
        blind=doc.get("blind"),
        updated_at=doc.get("updated_at"),
        assigned=assigned,
    )


@api.put(
    "/positions/{position_id}/review-settings",
    staff("positions:write"),
    summary="Set the position's review panel, reviewers per candidate and blind review",
    response_model=ReviewSettingsOut,
    errors={403: LEADS_ONLY, **preconditions.ERRORS},
)
async def put_settings(
    position_id: Id,
    body: ReviewSettingsIn,
    request: Request,
    identity: Lead,
    response: Response,
    if_match: preconditions.IfMatch = None,
) -> ReviewSettingsOut:
    """Set the panel; candidates already reviewable are assigned (or re-assigned) at once."""
    service: Service = request.app.state.service
    reviewers = list(dict.fromkeys(body.reviewer_ids))
    settings = store.position_settings(service.db)
    key = {"_id": settings_id(identity.tenant, position_id)}
    current = await settings.find_one(key, {"revision": 1})
    doc = await preconditions.write(
        settings,
        key,
        {
            "$set": {
                "tenant": identity.tenant,
                "position_id": position_id,
                "reviewers": reviewers,
                "per_candidate": body.per_candidate,
                "blind": body.blind,
                "updated_at": datetime.now(UTC),
                "updated_by": identity.principal,
            }
        },
        if_match=if_match,
        revision=preconditions.revision_of(current),
        upsert=True,
    )
    assert doc is not None
    preconditions.tagged(response, preconditions.revision_of(doc))
    assigned = await assignments.backfill(service, identity.tenant, position_id, doc)
    return settings_out(position_id, doc, assigned)


@api.get(
    "/positions/{position_id}/review-settings",
    staff("reviews:read"),
    summary="Read the position's review settings",
    response_model=ReviewSettingsOut,
    errors={403: NOT_ON_PANEL},
)
async def get_settings(
    position_id: Id, request: Request, identity: Staff, response: Response
) -> ReviewSettingsOut:
    doc = await load_settings(request.app.state.service.db, identity.tenant, position_id)
    check_position(identity, doc)
    preconditions.tagged(response, preconditions.revision_of(doc))
    return settings_out(position_id, doc)
