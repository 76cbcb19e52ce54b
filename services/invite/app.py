"""Builds the invite service."""

from __future__ import annotations

import asyncio
import contextlib

from services.chassis.service import Service
from services.invite import decisions, mail, probes, routes
from services.invite.settings import InviteSettings
from services.invite.sweeper import Sweeper


def create(settings: InviteSettings | None = None, *, sweep: bool = True) -> Service:
    settings = settings or InviteSettings()
    service = Service(
        settings,
        title="invite",
        uses_storage=True,
        body_limits={"/invitations/bulk": 50 * 1024 * 1024},
    )
    for api in routes.APIS:
        service.app.include_router(api.router)
    service.app.include_router(probes.router)
    mail.register(service)
    decisions.register(service)
    sweeper = Sweeper(service)
    service.app.state.sweeper = sweeper
    db = service.db

    @service.on_startup
    async def indexes() -> None:
        await db.probes.create_index([("tenant", 1), ("requested_at", -1)])
        await db.question_set_versions.create_index([("tenant", 1), ("set_id", 1), ("version", -1)])
        await db.positions.create_index([("tenant", 1), ("created_at", -1)])
        await db.invitations.create_index(
            [("tenant", 1), ("position_id", 1), ("email_key", 1)], unique=True
        )
        await db.invitations.create_index([("tenant", 1), ("position_id", 1), ("_id", 1)])
        await db.invitations.create_index([("tenant", 1), ("position_id", 1), ("state", 1)])
        await db.invitations.create_index([("tenant", 1), ("email_key", 1)])
        await db.invitations.create_index([("state", 1), ("deadline", 1)])
        await db.invitations.create_index([("state", 1), ("next_reminder_at", 1)])

    if sweep:
        task: asyncio.Task[None] | None = None

        @service.on_startup
        async def start_sweeper() -> None:
            nonlocal task
            task = asyncio.create_task(sweeper.run(settings.sweep_seconds))

        @service.on_shutdown
        async def stop_sweeper() -> None:
            if task:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task

    return service
