"""The view of invitations transcription keeps (from invitation.created): each answer's position,
for search, and the position's language, for the model."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from pymongo.asynchronous.database import AsyncDatabase

from contracts.events.invitations import InvitationCreated
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


async def find(
    db: AsyncDatabase[dict[str, Any]], tenant: str, invitation_id: str
) -> InvitationViewDoc | None:
    return await store.invitations(db).find_one({"_id": invitation_id, "tenant": tenant})
