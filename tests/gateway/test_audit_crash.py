"""The audit log against a crash: the gateway (its own process) is killed with SIGKILL while
staff requests are in flight, then started again. Every request that was answered has exactly
one entry, and no request has two, before the crash or after it."""

from __future__ import annotations

import asyncio
import uuid
from pathlib import Path

import httpx
import pytest

from embedded import Endpoints
from services.gateway.settings import GatewaySettings
from services.invite.app import create as create_invite
from services.invite.settings import InviteSettings
from tests.gateway.harness import PLATFORM_KEY
from tests.support import ServiceProcess, free_port, serving, settings_for, unique

pytestmark = pytest.mark.integration
REQUESTS = 120
KILL_AFTER = 40  # answers before the SIGKILL


async def test_audit_entries_survive_a_killed_gateway_once_each(
    stack: Endpoints, tmp_path: Path
) -> None:
    invite = create_invite(settings_for(stack, unique("invite"), InviteSettings), sweep=False)
    async with serving(invite) as invite_url:
        settings = settings_for(
            stack,
            unique("gateway"),
            GatewaySettings,
            service_port=free_port(),
            invite_url=invite_url,
            platform_admin_key=PLATFORM_KEY,
            rate_limit_burst=10_000,
        )
        gateway = ServiceProcess("gateway", settings, tmp_path / "gateway.log")
        await gateway.start()
        try:
            async with httpx.AsyncClient(base_url=gateway.url, timeout=30) as client:
                made = await client.post(
                    "/v1/tenants",
                    json={"id": unique("t"), "name": "T"},
                    headers={"Authorization": f"Bearer {PLATFORM_KEY}"},
                )
                headers = {"Authorization": f"Bearer {made.json()['api_key']}"}
                # Each request names an id of its own, so its entry is found by that id.
                ids = [str(uuid.uuid4()) for _ in range(REQUESTS)]
                answered: set[str] = set()
                killed = asyncio.Event()

                async def read(position_id: str) -> None:
                    try:
                        got = await client.get(f"/v1/positions/{position_id}", headers=headers)
                    except httpx.HTTPError:
                        return  # in flight when the gateway died: no answer
                    assert got.status_code == 404, got.text
                    answered.add(position_id)
                    if len(answered) >= KILL_AFTER:
                        killed.set()

                async def crash() -> None:
                    await killed.wait()
                    await gateway.kill()

                limit = asyncio.Semaphore(16)

                async def paced(position_id: str) -> None:
                    async with limit:
                        await read(position_id)

                await asyncio.gather(crash(), *(paced(i) for i in ids))
                await gateway.start()
                unanswered = len(ids) - len(answered)
                print(f"\n{len(answered)} answered before the SIGKILL, {unanswered} not")
                assert KILL_AFTER <= len(answered) < REQUESTS

                counts = {}
                for position_id in ids:
                    page = await client.get(
                        "/v1/audit", params={"subject": position_id}, headers=headers
                    )
                    counts[position_id] = len(page.json()["items"])
        finally:
            gateway.stop()
    assert all(counts[i] == 1 for i in answered), {i: counts[i] for i in answered if counts[i] != 1}
    assert all(n <= 1 for n in counts.values()), {i: n for i, n in counts.items() if n > 1}
