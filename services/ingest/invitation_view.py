"""What may be recorded: ingest's read model of the invitation events (questions with effective
limits, deadline, status)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, cast

from contracts.events.invitations import (
    InvitationAccommodated,
    InvitationCreated,
    InvitationExpired,
    InvitationExtended,
    InvitationWithdrawn,
    Question,
)
from services.chassis.bus import Delivery
from services.chassis.service import Service
from services.ingest import store
from services.ingest.store import InvitationDoc, InvitationFacts, QuestionDoc


async def find(service: Service, tenant: str, invitation_id: str) -> InvitationDoc | None:
    return await store.invitations(service.db).find_one({"_id": invitation_id, "tenant": tenant})


def question(invitation: InvitationDoc, question_id: str) -> QuestionDoc | None:
    return next(
        (q for q in invitation.get("questions", []) if q["question_id"] == question_id), None
    )


def closed_reason(invitation: InvitationDoc, now: datetime) -> str | None:
    """Why no new attempt may start, or None while the invitation is open."""
    if invitation.get("status") == "withdrawn":
        return "The invitation was withdrawn."
    if invitation.get("erased"):
        return "The candidate's data was erased."
    deadline = invitation.get("deadline")
    if invitation.get("status") == "expired" or (deadline is not None and deadline < now):
        return "The deadline has passed."
    return None


def _questions(questions: list[Question]) -> list[QuestionDoc]:
    return [cast(QuestionDoc, q.model_dump()) for q in questions]


class InvitationView:
    """The handlers that build the view, each a read-modify-write in its delivery's transaction.
    Events of one invitation may arrive out of order after a retry, so each one guards what it
    overwrites."""

    def __init__(self, service: Service) -> None:
        self.collection = store.invitations(service.db)

    async def _get(self, delivery: Delivery[Any], invitation_id: str) -> InvitationDoc:
        doc = await self.collection.find_one(
            {"_id": invitation_id, "tenant": delivery.tenant}, session=delivery.session
        )
        return doc or {"_id": invitation_id, "tenant": delivery.tenant}

    async def _merge(
        self, delivery: Delivery[Any], invitation_id: str, changes: InvitationFacts
    ) -> None:
        await self.collection.update_one(
            {"_id": invitation_id, "tenant": delivery.tenant},
            {"$set": changes},
            upsert=True,
            session=delivery.session,
        )

    async def created(self, delivery: Delivery[InvitationCreated]) -> None:
        event = delivery.payload
        existing = await self._get(delivery, event.invitation_id)
        changes: InvitationFacts = {"created_at": event.created_at}
        # A later accommodation or extension may have been applied first: keep it.
        if "questions" not in existing:
            changes["questions"] = _questions(event.questions)
        if "deadline" not in existing:
            changes["deadline"] = event.deadline
        if "status" not in existing:
            changes["status"] = "active"
        await self._merge(delivery, event.invitation_id, changes)

    async def accommodated(self, delivery: Delivery[InvitationAccommodated]) -> None:
        event = delivery.payload
        await self._merge(delivery, event.invitation_id, {"questions": _questions(event.questions)})

    async def extended(self, delivery: Delivery[InvitationExtended]) -> None:
        event = delivery.payload
        existing = await self._get(delivery, event.invitation_id)
        changes: InvitationFacts = {"deadline": event.deadline}
        if existing.get("status") == "expired" and event.deadline > datetime.now(UTC):
            changes["status"] = "active"
        await self._merge(delivery, event.invitation_id, changes)

    async def withdrawn(self, delivery: Delivery[InvitationWithdrawn]) -> None:
        await self._merge(delivery, delivery.payload.invitation_id, {"status": "withdrawn"})

    async def expired(self, delivery: Delivery[InvitationExpired]) -> None:
        event = delivery.payload
        existing = await self._get(delivery, event.invitation_id)
        deadline = existing.get("deadline")
        moved_since = deadline is not None and deadline > event.expired_at
        if existing.get("status") != "withdrawn" and not moved_since:
            await self._merge(delivery, event.invitation_id, {"status": "expired"})
