"""The candidate's data export includes what they said in their recorded answers (the transcripts
transcription reports), and erasure deletes it here too; a transcript reported after the erasure
is not kept."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

import pytest
from faststream.kafka import KafkaBroker

from contracts import Envelope
from contracts.events.recordings import RecordingTranscribed
from tests.gateway.harness import Api, make_position
from tests.support import eventually, unique

pytestmark = pytest.mark.integration


def _transcribed(invitation_id: str, position_id: str, text: str) -> RecordingTranscribed:
    return RecordingTranscribed(
        attempt_id=str(uuid.uuid4()),
        invitation_id=invitation_id,
        question_id="q1",
        position_id=position_id,
        language="en",
        transcribed=True,
        no_speech=False,
        word_count=len(text.split()),
        duration_seconds=4.0,
        model="tiny.en",
        transcribe_seconds=0.5,
        transcribed_at=datetime.now(UTC),
        text=text,
    )


async def test_transcripts_are_exported_and_erased(api: Api) -> None:
    admin_key = await api.tenant()
    address = f"{unique('cy')}@example.com"
    async with api.client(admin_key) as admin:
        tenant = (await admin.get("/v1/me")).json()["tenant"]
        position = await make_position(admin)
        created = await admin.post(
            f"/v1/positions/{position['id']}/invitations", json={"name": "Cy", "email": address}
        )
        invitation_id = created.json()["id"]
    broker = KafkaBroker(api.invite.settings.kafka_bootstrap_servers)
    await broker.start()

    async def publish(payload: RecordingTranscribed, owner: str = tenant) -> str:
        envelope = Envelope(
            type="recording.transcribed",
            source="/tests",
            tenant=owner,
            subject=payload.invitation_id,
            schemaversion=1,
        )
        await broker.publish(
            payload.model_dump_json().encode(),
            "recordings",
            key=payload.invitation_id.encode(),
            headers=envelope.headers(),
        )
        return envelope.id

    try:
        said = _transcribed(invitation_id, position["id"], "I enjoy helping customers every day.")
        await publish(said)
        foreign = await publish(_transcribed(invitation_id, position["id"], "Not theirs."), "x")
        async with api.client(admin_key) as admin:

            async def exported() -> dict[str, Any] | None:
                r = await admin.get("/v1/candidates/export", params={"email": address})
                body: dict[str, Any] = r.json()
                return body if body["transcripts"] else None

            body = await eventually(exported, what="the transcript in the export")

            async def handled() -> bool:
                return len(await api.invite.consumers.processed([foreign])) == 1

            await eventually(handled, what="another tenant's transcript to be handled")
            assert body["transcripts"] == [
                {
                    "invitation_id": invitation_id,
                    "question_id": "q1",
                    "attempt_id": said.attempt_id,
                    "language": "en",
                    "transcribed": True,
                    "text": "I enjoy helping customers every day.",
                    "transcribed_at": body["transcripts"][0]["transcribed_at"],
                }
            ]
            again = await admin.get("/v1/candidates/export", params={"email": address})
            assert len(again.json()["transcripts"]) == 1  # another tenant's event added nothing

            erased = await admin.post("/v1/candidates/erase", json={"email": address})
            assert erased.status_code == 202
            assert (
                await api.invite.db.transcripts.count_documents({"invitation_id": invitation_id})
                == 0
            )
            late = await publish(_transcribed(invitation_id, position["id"], "After erasure."))

            async def late_handled() -> bool:
                return len(await api.invite.consumers.processed([late])) == 1

            await eventually(late_handled, what="the late transcript to be handled")
            assert (
                await api.invite.db.transcripts.count_documents({"invitation_id": invitation_id})
                == 0
            )
    finally:
        await broker.stop()
