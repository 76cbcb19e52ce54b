"""The walking skeleton in-process on the real servers: gateway -> invite (state + outbox) -> Kafka ->
ingest (idempotent consumer, S3 object, read model) -> gateway; one trace across all of it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from minio import Minio
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind

from embedded import Endpoints
from services.chassis.telemetry import configure_tracing
from services.gateway.app import create as create_gateway
from services.gateway.settings import GatewaySettings
from services.ingest.app import create as create_ingest
from services.invite.app import create as create_invite
from services.invite.settings import InviteSettings
from tests.support import eventually, serving, settings_for, unique

pytestmark = pytest.mark.integration
KEY = "hl_test-bootstrap-key-abcdefghijklmnop"


@dataclass
class System:
    gateway: httpx.AsyncClient
    spans: InMemorySpanExporter
    endpoints: Endpoints
    ingest_url: str


@pytest.fixture(scope="module")
async def system(stack: Endpoints) -> AsyncIterator[System]:
    exporter = InMemorySpanExporter()
    configure_tracing("tests").add_span_processor(SimpleSpanProcessor(exporter))
    suffix = unique("")
    invite = create_invite(settings_for(stack, f"invite{suffix}", InviteSettings), sweep=False)
    ingest = create_ingest(settings_for(stack, f"ingest{suffix}"))
    async with serving(invite) as invite_url, serving(ingest) as ingest_url:
        gateway = create_gateway(
            settings_for(
                stack,
                f"gateway{suffix}",
                GatewaySettings,
                invite_url=invite_url,
                ingest_url=ingest_url,
                bootstrap_api_key=KEY,
            )
        )
        async with (
            serving(gateway) as gateway_url,
            httpx.AsyncClient(
                base_url=gateway_url, headers={"Authorization": f"Bearer {KEY}"}
            ) as client,
        ):
            yield System(client, exporter, stack, ingest_url)


async def answered(client: httpx.AsyncClient, probe_id: str) -> dict[str, Any] | None:
    response = await client.get(f"/v1/probes/{probe_id}")
    return response.json() if response.status_code == 200 else None


async def test_a_probe_crosses_the_pipeline_in_one_trace(system: System) -> None:
    system.spans.clear()
    response = await system.gateway.post("/v1/probes", json={"note": "hello"})
    assert response.status_code == 202, response.text
    probe_id = response.json()["probe_id"]
    result = await eventually(lambda: answered(system.gateway, probe_id), what="the probe answer")
    assert result["status"] == "answered"
    assert result["deliveries"] == 1
    assert result["object_key"] == f"tenants/demo/probes/{probe_id}.json"

    ep = system.endpoints
    s3 = Minio(ep.s3_endpoint, ep.s3_access_key, ep.s3_secret_key, secure=False)
    stored = s3.get_object(ep.s3_bucket, result["object_key"]).read()
    assert probe_id.encode() in stored

    spans = system.spans.get_finished_spans()
    [post] = [s for s in spans if s.kind == SpanKind.SERVER and s.name == "POST /v1/probes"]
    trace_id = post.context.trace_id
    in_trace = [s for s in spans if s.context.trace_id == trace_id]
    names = {s.name for s in in_trace}
    assert "POST /probes" in names  # the invite service's request
    assert any(s.kind == SpanKind.PRODUCER and "probes" in s.name for s in in_trace), names
    assert any(s.kind == SpanKind.CONSUMER and "probes" in s.name for s in in_trace), names


async def test_gateway_refuses_missing_and_wrong_credentials(system: System) -> None:
    url = str(system.gateway.base_url)
    async with httpx.AsyncClient(base_url=url) as anonymous:
        missing = await anonymous.post("/v1/probes", json={})
        wrong = await anonymous.post(
            "/v1/probes", json={}, headers={"Authorization": "Bearer nope"}
        )
    for response, code in ((missing, "unauthenticated"), (wrong, "invalid_credentials")):
        assert response.status_code == 401
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["code"] == code


async def test_gateway_answers_bad_input_with_problem_details(system: System) -> None:
    malformed = await system.gateway.post(
        "/v1/probes", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert malformed.status_code == 422
    assert malformed.json()["code"] == "invalid_request"
    too_long = await system.gateway.post("/v1/probes", json={"note": "x" * 501})
    assert too_long.status_code == 422
    oversized = await system.gateway.post("/v1/probes", content=b"x" * 2_000_000)
    assert oversized.status_code == 413
    assert oversized.json()["code"] == "payload_too_large"
    unknown = await system.gateway.get("/v1/probes/does-not-exist")
    assert unknown.status_code == 404
    assert unknown.json()["code"] == "probe_not_found"


async def test_services_refuse_calls_that_bypass_the_gateway(system: System) -> None:
    async with httpx.AsyncClient(base_url=system.ingest_url) as direct:
        response = await direct.get("/probes/anything")
        forged = await direct.get("/probes/anything", headers={"x-identity": "e30.deadbeef"})
    assert response.status_code == 401
    assert response.json()["code"] == "identity_missing"
    assert forged.status_code == 401
    assert forged.json()["code"] == "identity_invalid"


async def test_service_health_and_metrics(system: System) -> None:
    ready = await system.gateway.get("/readyz")
    assert ready.status_code == 200
    assert ready.json()["checks"] == {"mongodb": True, "kafka": True}
    metrics = (await system.gateway.get("/metrics")).text
    assert "http_requests_total" in metrics
    assert "outbox_published_total" in metrics
