"""The media pipeline in-process on real ports: gateway, ingest and transcoding on the test stack,
test clips made by ffmpeg. The ingest and transcoding tests share it (each package's conftest
imports its fixtures)."""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from faststream.kafka import KafkaBroker
from minio import Minio

from contracts import Envelope
from contracts.events import EVENTS
from contracts.events.invitations import Accommodations, InvitationCreated, Question
from embedded import Endpoints
from services.chassis.bus import make_broker
from services.chassis.service import Service
from services.chassis.telemetry import configure_tracing
from services.gateway.app import create as create_gateway
from services.gateway.settings import GatewaySettings
from services.ingest.app import create as create_ingest
from services.ingest.settings import IngestSettings
from services.transcoding.app import create as create_transcoding
from services.transcoding.settings import TranscodingSettings
from tests.ingest import clips
from tests.support import eventually, serving, settings_for, unique

PLATFORM_KEY = "hlp_media-platform-key-0123456789"
HLS_TIME = 2


@dataclass
class Media:
    """The running pipeline and what tests need to drive it."""

    url: str
    endpoints: Endpoints
    ingest: Service
    transcoding: Service
    gateway: Service
    broker: KafkaBroker
    s3: Minio

    def client(self, token: str | None = None) -> httpx.AsyncClient:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return httpx.AsyncClient(base_url=self.url, headers=headers, timeout=120)

    async def tenant(self) -> tuple[str, str]:
        """A new tenant; returns (tenant id, its admin API key)."""
        tenant = unique("t")
        async with self.client(PLATFORM_KEY) as platform:
            response = await platform.post("/v1/tenants", json={"id": tenant, "name": "T"})
        assert response.status_code == 201, response.text
        return tenant, str(response.json()["api_key"])

    async def publish(self, tenant: str, event_type: str, payload: Any, key: str) -> None:
        """Publish an event as its producer would (envelope headers, keyed by the aggregate)."""
        spec = EVENTS[event_type]
        envelope = Envelope(
            type=event_type, source="/tests", tenant=tenant, subject=key, schemaversion=spec.version
        )
        await self.broker.publish(
            payload.model_dump_json().encode(),
            spec.topic,
            key=key.encode(),
            headers=envelope.headers(),
        )

    async def invitation(
        self, tenant: str, questions: list[Question], *, retakes: int = 1
    ) -> tuple[str, str]:
        """Publish invitation.created; wait until the gateway accepts its link and ingest knows
        it. Returns (invitation id, link token)."""
        invitation_id = unique("inv")
        token = secrets.token_urlsafe(32)
        now = datetime.now(UTC)
        event = InvitationCreated(
            invitation_id=invitation_id,
            position_id="pos",
            position_title="Engineer",
            question_set_id="qs",
            question_set_version=1,
            candidate_name="Candidate",
            candidate_email="c@example.com",
            questions=questions,
            accommodations=Accommodations(),
            deadline=now + timedelta(days=3),
            token_hash=hashlib.sha256(token.encode()).hexdigest(),
            token_expires_at=now + timedelta(days=3),
            created_at=now,
        )
        await self.publish(tenant, "invitation.created", event, invitation_id)

        async def known() -> bool:
            async with self.client(token) as candidate:
                response = await candidate.get("/v1/candidate/attempts")
            read_model = await self.ingest.db.invitations.find_one(
                {"_id": invitation_id, "tenant": tenant}
            )
            return response.status_code == 200 and read_model is not None

        await eventually(known, what="the invitation at the gateway and ingest")
        return invitation_id, token

    async def outbox_events(self, service: Service, event_type: str, attempt_id: str) -> list[Any]:
        docs = await service.db.outbox.find({"type": event_type}).to_list()
        bodies = [json.loads(d["body"]) for d in docs]
        return [b for b in bodies if b.get("attempt_id") == attempt_id]


def question(
    question_id: str,
    position: int,
    *,
    answer_seconds: int = 30,
    retakes: int = 1,
    kind: str = "video",
    practice: bool = False,
) -> Question:
    return Question(
        question_id=question_id,
        position=position,
        kind=kind,  # type: ignore[arg-type]
        prompt=f"Question {position}",
        practice=practice,
        think_seconds=10,
        answer_seconds=answer_seconds,
        retakes=retakes,
    )


_CLIPS: dict[str, Path] = {}


@pytest.fixture(scope="session")
def clip_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    # Each package's conftest declares this fixture anew: the clips are made once per session.
    if not _CLIPS:
        _CLIPS.update(clips.make(tmp_path_factory.mktemp("clips")))
    return _CLIPS


# Package scope: the transcoding workers stop with the package's tests, so they never pick up the
# synthetic recording events other packages publish on the shared stack.
@pytest.fixture(scope="package")
async def media(stack: Endpoints, clip_files: dict[str, Path]) -> AsyncIterator[Media]:
    suffix = unique("")
    ingest = create_ingest(
        settings_for(
            stack,
            f"ingest{suffix}",
            IngestSettings,
            max_recording_bytes=64 * 1024 * 1024,
            sweep_interval_seconds=3600,
            # Tests take their time between takes; the pace tests move the clock past this.
            start_grace_seconds=60,
        )
    )
    transcoding = create_transcoding(
        settings_for(
            stack,
            f"transcoding{suffix}",
            TranscodingSettings,
            workers=2,
            job_lease_seconds=2.0,
            job_poll_seconds=0.1,
            job_retry_backoff_seconds=0.2,
            hls_time=HLS_TIME,
            x264_preset="ultrafast",
        )
    )
    async with serving(ingest) as ingest_url, serving(transcoding) as transcoding_url:
        gateway = create_gateway(
            settings_for(
                stack,
                f"gateway{suffix}",
                GatewaySettings,
                ingest_url=ingest_url,
                transcoding_url=transcoding_url,
                platform_admin_key=PLATFORM_KEY,
                rate_limit_burst=100_000,
                rate_limit_per_minute=1_000_000,
            )
        )
        broker = make_broker(settings_for(stack, unique("publisher")), configure_tracing("tests"))
        await broker.start()
        s3 = Minio(stack.s3_endpoint, stack.s3_access_key, stack.s3_secret_key, secure=False)
        try:
            async with serving(gateway) as url:
                yield Media(url, stack, ingest, transcoding, gateway, broker, s3)
        finally:
            await broker.stop()
