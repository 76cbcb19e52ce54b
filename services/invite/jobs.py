"""The invite service's periodic job: expire invitations past their deadline, send the
reminders that are due and erase closed positions' data whose retention period is over. The clock is a parameter, so tests move time instead of sleeping."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from prometheus_client import Gauge
from pymongo.asynchronous.client_session import AsyncClientSession

from contracts.events.invitations import InvitationExpired, InvitationReminded
from services.chassis.service import Service
from services.invite import greenhouse
from services.invite.invitations import ACTIVE, next_reminder_at, transition
from services.invite.retention import Retention
from services.invite.settings import InviteSettings

STATES = ("created", "opened", "consented", "started", "completed", "expired", "withdrawn")
BY_STATE = Gauge(
    "invitations_by_state", "Invitations in each state (all tenants).", ["service", "state"]
)
Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


class Sweeper:
    def __init__(self, service: Service, clock: Clock = utc_now) -> None:
        self.service = service
        self.clock = clock
        self.retention = Retention(service)

    async def sweep(self, now: datetime | None = None) -> dict[str, int]:
        """One pass; returns how many invitations expired, how many reminders were sent and how
        many candidates' data of closed positions was erased."""
        now = now or self.clock()
        db = self.service.db
        expired = 0
        async for doc in db.invitations.find(
            {"state": {"$in": list(ACTIVE)}, "deadline": {"$lte": now}}, {"tenant": 1}
        ):
            event = InvitationExpired(invitation_id=doc["_id"], expired_at=now)
            expired += await transition(
                self.service, doc["tenant"], doc["_id"], ACTIVE, "expired", event, now
            )
        reminded = 0
        async for doc in db.invitations.find(
            {
                "state": {"$in": list(ACTIVE)},
                "next_reminder_at": {"$lte": now},
                "deadline": {"$gt": now},
            }
        ):
            reminded += await self._remind(doc, now)
        erased = await self.retention.sweep(now)
        for state in STATES:
            count = await db.invitations.count_documents({"state": state})
            BY_STATE.labels(self.service.name, state).set(count)
        return {"expired": expired, "reminded": reminded, "erased": erased}

    async def _remind(self, doc: dict[str, Any], now: datetime) -> int:
        position = await self.service.db.positions.find_one(
            {"_id": doc["position_id"], "tenant": doc["tenant"]}
        )
        hours = position["reminder_hours"] if position else []
        number = doc["reminders_sent"] + 1
        event = InvitationReminded(
            invitation_id=doc["_id"], reminded_at=now, reminder_number=number
        )

        async def work(session: AsyncClientSession) -> int:
            # Guarded on the count read, so two sweepers never send the same reminder twice.
            result = await self.service.db.invitations.update_one(
                {
                    "_id": doc["_id"],
                    "tenant": doc["tenant"],
                    "reminders_sent": doc["reminders_sent"],
                },
                {
                    "$set": {
                        "reminders_sent": number,
                        "next_reminder_at": next_reminder_at(doc["deadline"], hours, now),
                    }
                },
                session=session,
            )
            if result.modified_count:
                await self.service.outbox.add(session, doc["tenant"], event)
            return result.modified_count

        return await self.service.transaction(work)


def declare(service: Service, *, enabled: bool = True) -> Sweeper:
    """The sweep, every `sweep_seconds`, and the Greenhouse callbacks, every
    `greenhouse_callback_seconds`; tests declare them disabled and call `sweep(now)` and
    `app.state.greenhouse_callbacks.run_once()`."""
    settings = service.settings_as(InviteSettings)
    sweeper = Sweeper(service)
    service.every(settings.sweep_seconds, "invitation-sweep", sweeper.sweep, enabled=enabled)
    callbacks = greenhouse.Callbacks(service, utc_now)
    service.app.state.greenhouse_callbacks = callbacks
    service.every(
        settings.greenhouse_callback_seconds,
        "greenhouse-callbacks",
        callbacks.run_once,
        enabled=enabled,
    )
    service.on_shutdown(callbacks.close)
    return sweeper
