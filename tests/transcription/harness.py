"""The transcription service in-process on the test stack with the real model, and helpers that
store an answer's rendition in S3 and publish the events transcoding and invite would."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from faststream.kafka import KafkaBroker

from contracts import Envelope, Payload, event_spec
from contracts.events.invitations import Accommodations, InvitationCreated
from contracts.events.privacy import CandidateErasureRequested
from contracts.events.recordings import AudioLevel, RecordingTranscoded, Rendition, ThumbnailStrip
from embedded import Endpoints
from services.chassis.bus import make_broker
from services.chassis.identity import Identity, encode
from services.chassis.service import Service
from services.chassis.storage import tenant_key
from services.chassis.telemetry import configure_tracing
from services.transcription.app import create
from services.transcription.settings import TranscriptionSettings
from tests.support import INTERNAL_SECRET, eventually, serving, settings_for, unique
from tests.transcription.speech import Answer


@dataclass
class Harness:
    url: str
    service: Service
    broker: KafkaBroker
    http: httpx.AsyncClient = field(default_factory=lambda: httpx.AsyncClient(timeout=60))

    def staff(self, tenant: str) -> dict[str, str]:
        identity = Identity(
            tenant=tenant, principal="user:reviewer", kind="user", roles=("reviewer",)
        )
        return {"x-identity": encode(identity, INTERNAL_SECRET)}

    async def get(self, tenant: str, path: str, **kw: Any) -> httpx.Response:
        return await self.http.get(f"{self.url}{path}", headers=self.staff(tenant), **kw)

    async def publish(self, tenant: str, payload: Payload) -> None:
        spec = event_spec(type(payload))
        key = str(getattr(payload, spec.key))
        envelope = Envelope(
            type=spec.type, source="/tests", tenant=tenant, subject=key, schemaversion=spec.version
        )
        await self.broker.publish(
            payload.model_dump_json().encode(),
            spec.topic,
            key=key.encode(),
            headers=envelope.headers(),
        )

    async def invitation(self, tenant: str, position_id: str, language: str = "en") -> str:
        invitation_id = unique("inv")
        now = datetime.now(UTC)
        await self.publish(
            tenant,
            InvitationCreated(
                invitation_id=invitation_id,
                position_id=position_id,
                position_title="Engineer",
                question_set_id="qs",
                question_set_version=1,
                candidate_name="Candidate",
                candidate_email=f"{invitation_id}@example.com",
                questions=[],
                accommodations=Accommodations(),
                deadline=now + timedelta(days=3),
                token_hash="0" * 64,
                token_expires_at=now + timedelta(days=3),
                language=language,
                created_at=now,
            ),
        )
        return invitation_id

    async def transcoded(
        self, tenant: str, invitation_id: str, answer: Answer, question_id: str = "q1"
    ) -> str:
        """Store the answer's rendition where transcoding would, then publish recording.transcoded."""
        attempt_id = str(uuid.uuid4())
        storage = self.service.storage
        assert storage is not None
        prefix = tenant_key(tenant, "recordings", attempt_id, "hls", "360p")
        for path in sorted(answer.hls.iterdir()):
            kind = "application/vnd.apple.mpegurl" if path.suffix == ".m3u8" else "video/mp2t"
            await storage.upload_file(f"{prefix}/{path.name}", str(path), kind)
        base = tenant_key(tenant, "recordings", attempt_id)
        await self.publish(
            tenant,
            RecordingTranscoded(
                attempt_id=attempt_id,
                invitation_id=invitation_id,
                question_id=question_id,
                master_playlist_key=f"{base}/hls/master.m3u8",
                renditions=[
                    Rendition(
                        name="360p",
                        width=160,
                        height=120,
                        bandwidth=896_000,
                        playlist_key=f"{prefix}/index.m3u8",
                    )
                ],
                poster_key=f"{base}/poster.jpg",
                thumbnails=ThumbnailStrip(
                    key=f"{base}/thumbnails.jpg",
                    columns=1,
                    rows=1,
                    count=1,
                    interval_seconds=1.0,
                    tile_width=160,
                    tile_height=120,
                ),
                duration_seconds=round(answer.duration, 3),
                audio=AudioLevel(has_audio=True, silent=False, near_silent=False),
                transcode_seconds=1.0,
                transcoded_at=datetime.now(UTC),
            ),
        )
        return attempt_id

    async def transcript(
        self, tenant: str, attempt_id: str, timeout: float = 120
    ) -> dict[str, Any]:
        """The transcript once its job is finished (transcribed, untranscribed or failed)."""

        async def finished() -> dict[str, Any] | None:
            response = await self.get(tenant, f"/transcripts/{attempt_id}")
            if response.status_code == 200 and response.json()["status"] != "pending":
                return dict(response.json())
            return None

        return await eventually(finished, timeout=timeout, what=f"the transcript of {attempt_id}")

    async def erase(self, tenant: str, invitation_ids: list[str]) -> None:
        await self.publish(
            tenant,
            CandidateErasureRequested(
                erasure_id=unique("erasure"),
                candidate_email="c@example.com",
                invitation_ids=invitation_ids,
                requested_by="user:admin",
                requested_at=datetime.now(UTC),
            ),
        )

    async def events(self, event_type: str, attempt_id: str) -> list[dict[str, Any]]:
        import json

        docs = await self.service.db.outbox.find({"type": event_type}).to_list()
        bodies = [json.loads(d["body"]) for d in docs]
        return [b for b in bodies if b.get("attempt_id") == attempt_id]


@pytest.fixture(scope="package")
async def transcription(stack: Endpoints) -> AsyncIterator[Harness]:
    settings = settings_for(
        stack,
        unique("transcription"),
        TranscriptionSettings,
        job_lease_seconds=30.0,
        job_poll_seconds=0.1,
        job_retry_backoff_seconds=0.2,
    )
    service = create(settings)
    broker = make_broker(settings_for(stack, unique("publisher")), configure_tracing("tests"))
    await broker.start()
    try:
        async with serving(service) as url:
            yield Harness(url, service, broker)
    finally:
        await broker.stop()
