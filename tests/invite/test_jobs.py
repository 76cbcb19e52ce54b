"""Reminders and expiry, with the clock moved by the test instead of sleeping."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from prometheus_client import REGISTRY

from tests.gateway.harness import Api, make_position
from tests.support import eventually, unique

pytestmark = pytest.mark.integration


async def test_reminders_follow_the_schedule_once_each_then_the_invitation_expires(
    api: Api,
) -> None:
    sweeper = api.invite.app.state.sweeper
    now = datetime.now(UTC)
    deadline = now + timedelta(hours=50)
    address = f"{unique('rem')}@example.com"
    async with api.client(await api.tenant()) as admin:
        position = await make_position(admin, reminder_hours=[48, 24])
        created = await admin.post(
            f"/v1/positions/{position['id']}/invitations",
            json={"name": "Rem", "email": address, "deadline": deadline.isoformat()},
        )
        invitation_id = created.json()["id"]

        async def sweep_at(hours: float) -> None:
            await sweeper.sweep(now + timedelta(hours=hours))

        await sweep_at(1)  # before the 48-hours-before mark (at +2 h): nothing
        assert (await admin.get(f"/v1/invitations/{invitation_id}")).json()["reminders_sent"] == 0
        await sweep_at(3)
        await sweep_at(3.5)  # the same reminder is never sent twice
        assert (await admin.get(f"/v1/invitations/{invitation_id}")).json()["reminders_sent"] == 1
        await sweep_at(27)
        await sweep_at(49)  # no third reminder in the schedule
        after = (await admin.get(f"/v1/invitations/{invitation_id}")).json()
        assert after["reminders_sent"] == 2 and after["state"] == "created"
        await sweep_at(51)
        expired = (await admin.get(f"/v1/invitations/{invitation_id}")).json()
    assert expired["state"] == "expired"
    mails = await api.wait_mails(address, 3)  # the invitation and two reminders
    assert sum("Reminder" in str(m["Subject"]) for m in mails) == 2


async def test_a_late_invitation_gets_no_immediate_reminder(api: Api) -> None:
    now = datetime.now(UTC)
    async with api.client(await api.tenant()) as admin:
        position = await make_position(admin, reminder_hours=[48, 24])
        created = await admin.post(
            f"/v1/positions/{position['id']}/invitations",
            json={
                "name": "Late",
                "email": f"{unique('late')}@example.com",
                "deadline": (now + timedelta(hours=30)).isoformat(),
            },
        )
        await api.invite.app.state.sweeper.sweep(now + timedelta(minutes=1))
        fresh = await admin.get(f"/v1/invitations/{created.json()['id']}")
        await api.invite.app.state.sweeper.sweep(now + timedelta(hours=7))
        later = await admin.get(f"/v1/invitations/{created.json()['id']}")
    assert fresh.json()["reminders_sent"] == 0 and later.json()["reminders_sent"] == 1


async def test_sweeps_export_invitations_by_state(api: Api) -> None:
    await api.invite.app.state.sweeper.sweep()
    value = REGISTRY.get_sample_value(
        "invitations_by_state", {"service": api.invite.name, "state": "created"}
    )
    assert value is not None and value >= 1


async def test_an_expired_link_is_refused(api: Api) -> None:
    now = datetime.now(UTC)
    async with api.client(await api.tenant()) as admin:
        position = await make_position(admin)
        created = await admin.post(
            f"/v1/positions/{position['id']}/invitations",
            json={
                "name": "Exp",
                "email": f"{unique('exp')}@example.com",
                "deadline": (now + timedelta(minutes=5)).isoformat(),
            },
        )
    token = created.json()["link"].rsplit("/", 1)[1]

    async def usable() -> bool:
        async with api.client(token) as candidate:
            return (await candidate.get("/v1/candidate/progress")).status_code == 200

    await eventually(usable, what="the new link to work")
    await api.invite.app.state.sweeper.sweep(now + timedelta(minutes=10))

    async def refused() -> dict[str, object] | None:
        async with api.client(token) as candidate:
            response = await candidate.get("/v1/candidate/interview")
        return response.json() if response.status_code == 410 else None

    problem = await eventually(refused, what="the expired link to be refused")
    assert problem["code"] == "link_expired"
