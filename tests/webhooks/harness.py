"""The webhooks service, the invite service and the gateway in-process on the test stack, and a
real HTTP receiver on 127.0.0.1 that verifies every request with the `standardwebhooks` library.
The webhooks service can run as its own process instead (`python -m services.webhooks`, as
`make run` starts it), to be killed and started again."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import jsonschema
import pytest
import uvicorn
from pymongo.asynchronous.client_session import AsyncClientSession
from standardwebhooks import Webhook
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from contracts.events.base import Payload
from contracts.generate import WEBHOOK_HISTORY_FILE, load_history
from embedded import Endpoints
from services.chassis.service import Service
from services.gateway.app import create as create_gateway
from services.gateway.settings import GatewaySettings
from services.invite.app import create as create_invite
from services.invite.settings import InviteSettings
from services.webhooks.app import create as create_webhooks
from services.webhooks.settings import WebhooksSettings
from tests.support import (
    ServiceProcess,
    eventually,
    free_port,
    serving,
    settings_for,
    unique,
)

COMMITTED = load_history(WEBHOOK_HISTORY_FILE)
PLATFORM_KEY = "hlp_test-platform-key-0123456789"
# Tests retry fast, and give up on an endpoint after two seconds of failures.
WEBHOOKS = {
    "webhooks_allow_http": True,
    "webhooks_allowed_networks": ["127.0.0.1/32"],
    "webhooks_backoff_seconds": 0.1,
    "webhooks_backoff_max_seconds": 0.8,
    "webhooks_max_attempts": 50,
    "webhooks_disable_after_seconds": 2.0,
    "webhooks_attempt_timeout_seconds": 2.0,
    "webhooks_poll_seconds": 1.0,
}


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes
    answered: int
    verified_by: list[int]  # which of the path's secrets verified the signature
    at: float = field(default_factory=time.time)  # when it arrived (wall clock)

    @property
    def webhook_id(self) -> str:
        return self.headers["webhook-id"]

    @property
    def message(self) -> dict[str, Any]:
        """The body, checked against the payload schema committed for its public type."""
        data: dict[str, Any] = json.loads(self.body)
        committed = COMMITTED[data["type"]]
        assert data["version"] == committed["version"]
        jsonschema.validate(data["data"], committed["revisions"][-1])
        return data


@dataclass
class Receiver:
    """Answers each path with its script of statuses (then 200), recording every request and
    which of the path's secrets verify its signature. `hold(after=n)` keeps every request after
    the n-th waiting for its answer until `release()`: requests in flight, on demand."""

    url: str
    scripts: dict[str, list[int]] = field(default_factory=dict)
    secrets: dict[str, list[str]] = field(default_factory=dict)
    received: list[Received] = field(default_factory=list)
    held_after: int | None = None
    released: asyncio.Event = field(default_factory=asyncio.Event)

    def hold(self, after: int) -> None:
        self.held_after = after
        self.released.clear()

    def release(self) -> None:
        self.held_after = None
        self.released.set()

    @property
    def held(self) -> int:
        """How many requests are waiting for their answer."""
        if self.held_after is None:
            return 0
        return max(0, len(self.received) - self.held_after)

    def path(self, answers: list[int] | None = None) -> str:
        name = "/" + unique("hook")
        self.scripts[name] = list(answers or [])
        return name

    def at(self, path: str) -> list[Received]:
        return [r for r in self.received if r.path == path]

    async def wait(self, path: str, count: int, *, ok_only: bool = True) -> list[Received]:
        async def enough() -> list[Received]:
            got = [r for r in self.at(path) if r.answered == 200 or not ok_only]
            return got if len(got) >= count else []

        return await eventually(enough, timeout=30, what=f"{count} request(s) at {path}")

    async def handle(self, request: Request) -> PlainTextResponse:
        body = await request.body()
        headers = {k.lower(): v for k, v in request.headers.items()}
        verified = []
        for number, secret in enumerate(self.secrets.get(request.url.path, [])):
            try:
                Webhook(secret).verify(body, headers)
                verified.append(number)
            except Exception:
                pass
        script = self.scripts.setdefault(request.url.path, [])
        status = script.pop(0) if script else 200
        self.received.append(Received(request.url.path, headers, body, status, verified))
        if self.held_after is not None and len(self.received) > self.held_after:
            await self.released.wait()
        return PlainTextResponse("ok" if status == 200 else "broken " * 400, status_code=status)


@asynccontextmanager
async def receiving() -> AsyncIterator[Receiver]:
    port = free_port()
    receiver = Receiver(f"http://127.0.0.1:{port}")
    app = Starlette(routes=[Route("/{path:path}", receiver.handle, methods=["POST", "PATCH"])])
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_config=None, access_log=False)
    )
    task = asyncio.create_task(server.serve())

    async def started() -> bool:
        return server.started

    await eventually(started, what="the receiver to start")
    try:
        yield receiver
    finally:
        server.should_exit = True
        await task


@dataclass
class Harness:
    url: str
    invite: Service
    receiver: Receiver
    maildir: Path
    service: Service | None = None  # the webhooks service in-process
    process: ServiceProcess | None = None  # or in its own process

    @property
    def webhooks(self) -> Service:
        assert self.service is not None, "the webhooks service runs in its own process"
        return self.service

    def client(self, token: str | None = None) -> httpx.AsyncClient:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return httpx.AsyncClient(base_url=self.url, headers=headers, timeout=60)

    async def tenant(self) -> tuple[str, str]:
        """A new tenant: its id and its admin API key."""
        tenant = unique("t")
        async with self.client(PLATFORM_KEY) as platform:
            response = await platform.post("/v1/tenants", json={"id": tenant, "name": "T"})
        assert response.status_code == 201, response.text
        return tenant, str(response.json()["api_key"])

    async def publish(self, tenant: str, *payloads: Payload) -> list[str]:
        """Publish events on Kafka through the invite service's outbox (as it publishes its own);
        their ids."""
        service = self.invite

        async def write(session: AsyncClientSession) -> list[str]:
            envelopes = await service.outbox.add_many(session, tenant, list(payloads))
            return [e.id for e in envelopes]

        ids: list[str] = await service.transaction(write)
        return ids

    async def endpoint(
        self, key: str, answers: list[int] | None = None, **fields: Any
    ) -> tuple[dict[str, Any], str]:
        """Register an endpoint at a new receiver path; the created endpoint and its path."""
        path = self.receiver.path(answers)
        body = {"url": self.receiver.url + path, "event_types": ["invitation.completed"], **fields}
        async with self.client(key) as client:
            response = await client.post("/v1/webhooks/endpoints", json=body)
        assert response.status_code == 201, response.text
        created = dict(response.json())
        self.receiver.secrets[path] = [created["secret"]]
        return created, path


@asynccontextmanager
async def webhooks_service(
    settings: WebhooksSettings, process_log: Path | None
) -> AsyncIterator[tuple[str, Service | None, ServiceProcess | None]]:
    """The webhooks service in-process, or in its own process logging to `process_log`."""
    if process_log is None:
        service = create_webhooks(settings)
        async with serving(service) as url:
            yield url, service, None
        return
    own = ServiceProcess("webhooks", settings, process_log)
    try:
        await own.start()
        yield own.url, None, own
    finally:
        own.stop()


@asynccontextmanager
async def running(
    stack: Endpoints, *, process_log: Path | None = None, **overrides: Any
) -> AsyncIterator[Harness]:
    """The harness; with `process_log` the webhooks service runs in its own process. `overrides`
    change the webhooks settings."""
    suffix = unique("")
    smtp: dict[str, Any] = {"smtp_host": stack.smtp_host, "smtp_port": stack.smtp_port}
    settings = settings_for(
        stack, f"webhooks{suffix}", WebhooksSettings, **smtp, **{**WEBHOOKS, **overrides}
    )
    invite = create_invite(
        settings_for(stack, f"invite{suffix}", InviteSettings, **smtp), sweep=False
    )
    async with (
        receiving() as receiver,
        webhooks_service(settings, process_log) as (webhooks_url, webhooks, own),
        serving(invite) as invite_url,
    ):
        gateway = create_gateway(
            settings_for(
                stack,
                f"gateway{suffix}",
                GatewaySettings,
                invite_url=invite_url,
                webhooks_url=webhooks_url,
                platform_admin_key=PLATFORM_KEY,
                rate_limit_burst=10_000,
            )
        )
        async with serving(gateway) as url:
            yield Harness(url, invite, receiver, Path(stack.smtp_maildir), webhooks, own)


@pytest.fixture(scope="package")
async def hooks(stack: Endpoints) -> AsyncIterator[Harness]:
    async with running(stack) as harness:
        yield harness


def completed(invitation_id: str | None = None) -> Payload:
    from contracts.events.invitations import InvitationCompleted

    return InvitationCompleted(
        invitation_id=invitation_id or unique("inv"), completed_at=datetime.now(UTC)
    )
