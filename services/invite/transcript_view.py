"""The transcripts of candidates' recorded answers as transcription reports them: kept here only so
that the candidate's data export (by e-mail, which only invite knows) includes what they said."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from contracts.events.recordings import RecordingTranscribed
from services.chassis.bus import Delivery
from services.chassis.service import Service


def recorder(service: Service) -> Callable[[Delivery[RecordingTranscribed]], Awaitable[None]]:
    """The recording.transcribed handler (idempotent: one document per attempt, the latest
    transcript replacing an earlier one)."""

    async def record(delivery: Delivery[RecordingTranscribed]) -> None:
        event, tenant = delivery.payload, delivery.tenant
        invitation = await service.db.invitations.find_one(
            {"_id": event.invitation_id, "tenant": tenant}, {"erased": 1}, session=delivery.session
        )
        if invitation is None or invitation.get("erased"):
            return  # erased (or never ours): nothing about the candidate is kept again
        await service.db.transcripts.update_one(
            {"_id": event.attempt_id, "tenant": tenant},
            {
                "$set": {
                    "invitation_id": event.invitation_id,
                    "question_id": event.question_id,
                    "language": event.language,
                    "transcribed": event.transcribed,
                    "text": event.text,
                    "transcribed_at": event.transcribed_at,
                }
            },
            upsert=True,
            session=delivery.session,
        )

    return record
