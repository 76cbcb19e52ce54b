"""The gateway and the invite service in-process on real ports, against the test stack (used by
the gateway's and the invite service's tests)."""

from __future__ import annotations

import email
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from email.message import Message
from pathlib import Path
from typing import Any

import httpx
import pytest

from embedded import Endpoints
from services.chassis.service import Service
from services.gateway.app import create as create_gateway
from services.gateway.settings import GatewaySettings
from services.invite.app import create as create_invite
from services.invite.settings import InviteSettings
from tests.support import eventually, serving, settings_for, unique

PLATFORM_KEY = "hlp_test-platform-key-0123456789"


@dataclass
class Api:
    """Clients of the gateway, one per tenant admin key, plus the running invite service."""

    url: str
    invite: Service
    maildir: Path
    gateway: Service | None = None

    def client(self, token: str | None = None) -> httpx.AsyncClient:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return httpx.AsyncClient(base_url=self.url, headers=headers, timeout=60)

    async def tenant(self, name: str | None = None) -> str:
        """A new tenant; returns its admin API key."""
        async with self.client(PLATFORM_KEY) as platform:
            response = await platform.post("/v1/tenants", json={"id": unique("t"), "name": "T"})
        assert response.status_code == 201, response.text
        return str(response.json()["api_key"])

    def mails_to(self, address: str) -> list[Message]:
        found = []
        for path in sorted(self.maildir.glob("*.eml")):
            message = email.message_from_bytes(path.read_bytes())
            if address in str(message["To"]):
                found.append(message)
        return found

    async def wait_mails(self, address: str, count: int) -> list[Message]:
        async def enough() -> list[Message]:
            mails = self.mails_to(address)
            return mails if len(mails) >= count else []

        return await eventually(enough, what=f"{count} mail(s) to {address}")


@asynccontextmanager
async def running_api(stack: Endpoints, **invite_settings: Any) -> AsyncIterator[Api]:
    """The invite service (with any of its settings given) and the gateway in this process, on
    the given stack."""
    suffix = unique("")
    smtp: dict[str, Any] = {"smtp_host": stack.smtp_host, "smtp_port": stack.smtp_port}
    invite = create_invite(
        settings_for(stack, f"invite{suffix}", InviteSettings, **smtp, **invite_settings),
        sweep=False,
    )
    async with serving(invite) as invite_url:
        gateway = create_gateway(
            settings_for(
                stack,
                f"gateway{suffix}",
                GatewaySettings,
                invite_url=invite_url,
                platform_admin_key=PLATFORM_KEY,
                rate_limit_burst=10_000,
            )
        )
        async with serving(gateway) as url:
            yield Api(url, invite, Path(stack.smtp_maildir), gateway)


@pytest.fixture(scope="package")
async def api(stack: Endpoints) -> AsyncIterator[Api]:
    async with running_api(stack) as running:
        yield running


QUESTION_SET = {
    "name": "Support engineer screen",
    "practice_question": {"prompt": "Tell us your name (practice).", "answer_seconds": 30},
    "questions": [
        {"prompt": "Why this role?", "think_seconds": 20, "answer_seconds": 90, "retakes": 1},
        {"prompt": "A hard ticket you solved.", "answer_seconds": 120, "retakes": 0},
        {
            "kind": "choice",
            "prompt": "Shift preference",
            "choices": ["early", "late"],
            "answer_seconds": 30,
        },
    ],
}


async def make_position(client: httpx.AsyncClient, **position: Any) -> dict[str, Any]:
    qs = await client.post("/v1/question-sets", json=QUESTION_SET)
    assert qs.status_code == 201, qs.text
    response = await client.post(
        "/v1/positions",
        json={"title": "Support engineer", "question_set_id": qs.json()["id"], **position},
    )
    assert response.status_code == 201, response.text
    return dict(response.json())
