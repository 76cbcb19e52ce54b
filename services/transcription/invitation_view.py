"""The view of invitations transcription keeps (from invitation.created): each answer's position,
for search, and the position's language, for the model; and when the candidate completed and which
attempt they kept for each question (invitation.completed, recording.selected), for their own
reading of their transcripts."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from pymongo.asynchronous.database import AsyncDatabase

from contracts.events.invitations import InvitationCompleted, InvitationCreated
from contracts.events.recordings import RecordingSelected
from services.chassis.bus import Delivery
from services.transcription import store
from services.transcription.store import InvitationViewDoc


def recorder(
    db: AsyncDatabase[dict[str, Any]],
) -> Callable[[Delivery[InvitationCreated]], Awaitable[None]]:
    async def created(delivery: Delivery[InvitationCreated]) -> None:
        event = delivery.payload
        await store.invitations(db).update_one(
            {"_id": event.invitation_id, "tenant": delivery.tenant},
            {"$set": {"position_id": event.position_id, "language": event.language}},
            upsert=True,
            session=delivery.session,
        )

    return created


def completer(
    db: AsyncDatabase[dict[str, Any]],
) -> Callable[[Delivery[InvitationCompleted]], Awaitable[None]]:
    async def completed(delivery: Delivery[InvitationCompleted]) -> None:
        event = delivery.payload
        await store.invitations(db).update_one(
            {"_id": event.invitation_id, "tenant": delivery.tenant},
            {"$set": {"completed_at": event.completed_at}},
            upsert=True,
            session=delivery.session,
        )

    return completed


def selector(
    db: AsyncDatabase[dict[str, Any]],
) -> Callable[[Delivery[RecordingSelected]], Awaitable[None]]:
    """The latest selection of a question replaces an earlier one (the event's own rule)."""

    async def selected(delivery: Delivery[RecordingSelected]) -> None:
        event = delivery.payload
        await store.invitations(db).update_one(
            {"_id": event.invitation_id, "tenant": delivery.tenant},
            {"$set": {f"selected.{event.question_id}": event.attempt_id}},
            upsert=True,
            session=delivery.session,
        )

    return selected


async def find(
    db: AsyncDatabase[dict[str, Any]], tenant: str, invitation_id: str
) -> InvitationViewDoc | None:
    """The invitation once invitation.created is here (a selection or the completion may come
    first, from another topic, and leave a view without a position or language yet)."""
    return await store.invitations(db).find_one(
        {"_id": invitation_id, "tenant": tenant, "language": {"$exists": True}}
    )
