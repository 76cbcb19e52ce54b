"""The candidates' text and multiple-choice answers as ingest reports them: kept here only so that
the candidate's data export (by e-mail, which only invite knows) includes them."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from contracts.events.recordings import AnswerSubmitted
from services.chassis.bus import Delivery
from services.chassis.service import Service


def recorder(service: Service) -> Callable[[Delivery[AnswerSubmitted]], Awaitable[None]]:
    """The answer.submitted handler (idempotent: one document per question, written once)."""

    async def record(delivery: Delivery[AnswerSubmitted]) -> None:
        event, tenant = delivery.payload, delivery.tenant
        invitation = await service.db.invitations.find_one(
            {"_id": event.invitation_id, "tenant": tenant}, {"erased": 1}, session=delivery.session
        )
        if invitation is None or invitation.get("erased"):
            return  # erased (or never ours): nothing about the candidate is kept again
        await service.db.written_answers.update_one(
            {"_id": f"{event.invitation_id}:{event.question_id}", "tenant": tenant},
            {
                "$setOnInsert": {
                    "invitation_id": event.invitation_id,
                    "question_id": event.question_id,
                    "kind": event.kind,
                    "text": event.text,
                    "choices": event.choices,
                    "submitted_at": event.submitted_at,
                }
            },
            upsert=True,
            session=delivery.session,
        )

    return record
