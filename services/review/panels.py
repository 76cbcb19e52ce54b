"""Review settings per position: the panel of reviewers, how many review each candidate, and blind
review (defaulting to what the invitation said)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter, Request

from services.chassis.service import Service
from services.review import assignment
from services.review.access import Lead, Staff, check_position
from services.review.schemas import ReviewSettingsIn, ReviewSettingsOut
from services.review.submissions import load_settings, settings_id

router = APIRouter()


def settings_out(
    position_id: str, doc: dict[str, Any] | None, assigned: int = 0
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


@router.put("/positions/{position_id}/review-settings", response_model=ReviewSettingsOut)
async def put_settings(
    position_id: str, body: ReviewSettingsIn, request: Request, identity: Lead
) -> ReviewSettingsOut:
    """Set the panel; candidates already reviewable are assigned (or re-assigned) at once."""
    service: Service = request.app.state.service
    reviewers = list(dict.fromkeys(body.reviewer_ids))
    doc = await service.db.review_settings.find_one_and_update(
        {"_id": settings_id(identity.tenant, position_id)},
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
        upsert=True,
        return_document=True,
    )
    assert doc is not None
    assigned = await assignment.backfill(service, identity.tenant, position_id, doc)
    return settings_out(position_id, doc, assigned)


@router.get("/positions/{position_id}/review-settings", response_model=ReviewSettingsOut)
async def get_settings(position_id: str, request: Request, identity: Staff) -> ReviewSettingsOut:
    doc = await load_settings(request.app.state.service.db, identity.tenant, position_id)
    check_position(identity, doc)
    return settings_out(position_id, doc)
