"""What may be recorded: ingest's read model of invitations (questions with effective limits, deadline, status)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from contracts.events.invitations import (
    InvitationAccommodated,
    InvitationCreated,
    InvitationExpired,
    InvitationExtended,
    InvitationWithdrawn,
)
from services.chassis.bus import Delivery
from services.chassis.service import Service

COLLECTION = "invitations"


async def ensure_indexes(service: Service) -> None:
    await service.db[COLLECTION].create_index([("tenant", 1), ("_id", 1)])


async def find(service: Service, tenant: str, invitation_id: str) -> dict[str, Any] | None:
    doc: dict[str, Any] | None = await service.db[COLLECTION].find_one(
        {"_id": invitation_id, "tenant": tenant}
    )
    return doc


def question(invitation: dict[str, Any], question_id: str) -> dict[str, Any] | None:
    for q in invitation.get("questions", []):
        if q["question_id"] == question_id:
            found: dict[str, Any] = q
            return found
    return None


def closed_reason(invitation: dict[str, Any], now: datetime) -> str | None:
    """Why no new attempt may start, or None while the invitation is open."""
    if invitation.get("status") == "withdrawn":
        return "The invitation was withdrawn."
    if invitation.get("erased"):
        return "The candidate's data was erased."
    if invitation.get("status") == "expired" or invitation["deadline"] < now:
        return "The deadline has passed."
    return None


class _ReadModel:
    """Read-modify-write in a delivery's transaction. Events of one invitation may arrive out of
    order after a retry, so each handler guards what it overwrites."""

    def __init__(self, service: Service) -> None:
        self.collection = service.db[COLLECTION]

    async def get(self, delivery: Delivery[Any], invitation_id: str) -> dict[str, Any]:
        doc: dict[str, Any] | None = await self.collection.find_one(
            {"_id": invitation_id, "tenant": delivery.tenant}, session=delivery.session
        )
        return doc or {"_id": invitation_id, "tenant": delivery.tenant}

    async def merge(
        self, delivery: Delivery[Any], invitation_id: str, changes: dict[str, Any]
    ) -> None:
        current = await self.get(delivery, invitation_id)
        current.update(changes)
        await self.collection.replace_one(
            {"_id": invitation_id, "tenant": delivery.tenant},
            current,
            upsert=True,
            session=delivery.session,
        )


def register(service: Service) -> None:
    model = _ReadModel(service)

    @service.on("invitation.created")
    async def created(delivery: Delivery[InvitationCreated]) -> None:
        event = delivery.payload
        existing = await model.get(delivery, event.invitation_id)
        changes: dict[str, Any] = {"created_at": event.created_at}
        # A later accommodation or extension may have been applied first: keep it.
        if "questions" not in existing:
            changes["questions"] = [q.model_dump() for q in event.questions]
        if "deadline" not in existing:
            changes["deadline"] = event.deadline
        if "status" not in existing:
            changes["status"] = "active"
        await model.merge(delivery, event.invitation_id, changes)

    @service.on("invitation.accommodated")
    async def accommodated(delivery: Delivery[InvitationAccommodated]) -> None:
        event = delivery.payload
        questions = [q.model_dump() for q in event.questions]
        await model.merge(delivery, event.invitation_id, {"questions": questions})

    @service.on("invitation.extended")
    async def extended(delivery: Delivery[InvitationExtended]) -> None:
        event = delivery.payload
        existing = await model.get(delivery, event.invitation_id)
        changes: dict[str, Any] = {"deadline": event.deadline}
        if existing.get("status") == "expired" and event.deadline > datetime.now(UTC):
            changes["status"] = "active"
        await model.merge(delivery, event.invitation_id, changes)

    @service.on("invitation.withdrawn")
    async def withdrawn(delivery: Delivery[InvitationWithdrawn]) -> None:
        await model.merge(delivery, delivery.payload.invitation_id, {"status": "withdrawn"})

    @service.on("invitation.expired")
    async def expired(delivery: Delivery[InvitationExpired]) -> None:
        event = delivery.payload
        existing = await model.get(delivery, event.invitation_id)
        deadline = existing.get("deadline")
        moved_since = deadline is not None and deadline > event.expired_at
        if existing.get("status") != "withdrawn" and not moved_since:
            await model.merge(delivery, event.invitation_id, {"status": "expired"})
