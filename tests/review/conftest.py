"""The review service and the gateway in-process on real ports, against the test stack, with
helpers that publish invitation/recording events to the real broker, mint staff tokens and set up
a position with a rubric, a panel and reviewable candidates."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from aiokafka import AIOKafkaProducer

from contracts import Envelope, event_spec
from contracts.events.base import Payload
from embedded import Endpoints
from services.chassis import identity as assertion
from services.chassis.identity import Identity
from services.chassis.service import Service
from services.gateway.app import create as create_gateway
from services.gateway.settings import GatewaySettings
from services.review.app import create as create_review
from services.review.settings import ReviewSettings
from tests.review.events import Candidate
from tests.support import eventually, serving, settings_for, unique

PLATFORM_KEY = "hlp_test-platform-key-0123456789"

RUBRIC = {
    "scale_min": 1,
    "scale_max": 5,
    "criteria": [
        {
            "id": "clarity",
            "name": "Clarity",
            "anchors": {str(p): f"clarity level {p}" for p in range(1, 6)},
        },
        {
            "id": "depth",
            "name": "Depth",
            "question_ids": ["q1"],
            "anchors": {str(p): f"depth level {p}" for p in range(1, 6)},
        },
    ],
}


@dataclass
class Tenant:
    id: str
    key: str  # the tenant's admin API key


@dataclass
class Api:
    url: str
    review: Service
    gateway: Service
    producer: AIOKafkaProducer

    def client(self, token: str | None = None) -> httpx.AsyncClient:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return httpx.AsyncClient(base_url=self.url, headers=headers, timeout=60)

    async def tenant(self) -> Tenant:
        async with self.client(PLATFORM_KEY) as platform:
            tenant_id = unique("t")
            response = await platform.post("/v1/tenants", json={"id": tenant_id, "name": "T"})
        assert response.status_code == 201, response.text
        return Tenant(tenant_id, response.json()["api_key"])

    def token(self, tenant: Tenant, user: str, *roles: str) -> str:
        """A user token as `POST /v1/auth/login` issues it (principal `user:<user>`)."""
        settings: GatewaySettings = self.gateway.settings  # type: ignore[assignment]
        return assertion.encode(
            Identity(tenant=tenant.id, principal=f"user:{user}", kind="user", roles=roles),
            settings.token_secret,
        )

    async def publish(
        self, tenant: str, events: Sequence[Payload], event_id: str | None = None
    ) -> list[str]:
        ids = []
        for payload in events:
            spec = event_spec(type(payload))
            key = str(getattr(payload, spec.key))
            envelope = Envelope(
                type=spec.type,
                source="/tests",
                tenant=tenant,
                subject=key,
                schemaversion=1,
                **({"id": event_id} if event_id else {}),
            )
            headers = [(k, v.encode()) for k, v in envelope.headers().items()]
            await self.producer.send_and_wait(
                spec.topic, payload.model_dump_json().encode(), key=key.encode(), headers=headers
            )
            ids.append(envelope.id)
        return ids

    async def submission(self, invitation_id: str) -> dict[str, Any] | None:
        doc: dict[str, Any] | None = await self.review.db.submissions.find_one(
            {"_id": invitation_id}
        )
        return doc

    async def until(self, invitation_id: str, **expected: Any) -> dict[str, Any]:
        async def matches() -> dict[str, Any] | None:
            doc = await self.submission(invitation_id)
            if doc and all(doc.get(k) == v for k, v in expected.items()):
                return doc
            return None

        return await eventually(matches, what=f"{invitation_id} to have {expected}")


@pytest.fixture(scope="package")
async def api(stack: Endpoints) -> AsyncIterator[Api]:
    suffix = unique("")
    review = create_review(settings_for(stack, f"review{suffix}", ReviewSettings))
    producer = AIOKafkaProducer(bootstrap_servers=stack.kafka_bootstrap_servers, acks="all")
    await producer.start()
    async with serving(review) as review_url:
        gateway = create_gateway(
            settings_for(
                stack,
                f"gateway{suffix}",
                GatewaySettings,
                review_url=review_url,
                platform_admin_key=PLATFORM_KEY,
                rate_limit_burst=100_000,
            )
        )
        async with serving(gateway) as url:
            yield Api(url, review, gateway, producer)
    await producer.stop()


async def ready_candidates(api: Api, tenant: Tenant, candidates: Sequence[Any]) -> None:
    """Publish every event of these candidates and wait until each is reviewable."""
    await asyncio.gather(*(api.publish(tenant.id, c.ready()) for c in candidates))
    for c in candidates:
        await api.until(c.invitation_id, status="ready")


def dumps(response: httpx.Response) -> str:
    return json.dumps(response.json()) if response.content else ""


def ratings(scores: dict[str, int], depth: int | None = None) -> list[dict[str, Any]]:
    out = [{"question_id": q, "criterion_id": "clarity", "score": s} for q, s in scores.items()]
    if depth is not None:
        out.append({"question_id": "q1", "criterion_id": "depth", "score": depth})
    return out


async def setup(
    api: Api, n: int, reviewers: list[str], per_candidate: int | None = None, **kw: Any
) -> tuple[Tenant, str, list[Candidate]]:
    tenant = await api.tenant()
    position = unique("pos")
    async with api.client(tenant.key) as admin:
        assert (await admin.put("/v1/question-sets/qs-1/rubric", json=RUBRIC)).status_code == 200
        panel = {"reviewer_ids": [f"user:{r}" for r in reviewers], "per_candidate": per_candidate}
        settings = await admin.put(f"/v1/positions/{position}/review-settings", json=panel)
        assert settings.status_code == 200, settings.text
    people = {"name": "Person {i}", "email": "p{i}-" + position + "@example.com", **kw}
    candidates = [
        Candidate(
            position,
            **{**kw, "name": people["name"].format(i=i), "email": people["email"].format(i=i)},
        )
        for i in range(n)
    ]
    await ready_candidates(api, tenant, candidates)
    return tenant, position, candidates


async def next_in_queue(client: Any) -> dict[str, Any] | None:
    r = await client.get("/v1/review-queue/next")
    return r.json() if r.status_code == 200 else None
