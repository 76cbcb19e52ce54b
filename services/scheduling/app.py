"""Builds the scheduling service: its routes, its event handlers, and two background jobs (mail
delivery and reminders) that run while the service runs."""

from __future__ import annotations

import asyncio
from contextlib import suppress
from datetime import UTC, datetime

from services.chassis.mail import Mailer
from services.chassis.service import Service
from services.scheduling import candidate, feedback, intake, setup, staff
from services.scheduling.mailbox import Clock, Mailbox
from services.scheduling.reminders import Reminders
from services.scheduling.settings import SchedulingSettings
from services.scheduling.store import Scheduling


def _utc_now() -> datetime:
    return datetime.now(UTC)


def create(settings: SchedulingSettings | None = None, clock: Clock | None = None) -> Service:
    """`clock` lets tests move time (reminders, booking windows) without sleeping."""
    settings = settings or SchedulingSettings()
    clock = clock or _utc_now
    service = Service(settings, title="scheduling")
    mailbox = Mailbox(
        service.db,
        Mailer(settings),
        clock,
        poll_seconds=settings.mail_poll_seconds,
        retry_seconds=settings.mail_retry_seconds,
    )
    ctx = Scheduling(service, settings, mailbox, clock)
    reminders = Reminders(ctx)
    service.app.state.scheduling = ctx
    service.app.state.reminders = reminders
    intake.register(ctx)
    for module in (setup, staff, feedback, candidate):
        service.app.include_router(module.router)
    tasks: list[asyncio.Task[None]] = []

    @service.on_startup
    async def start() -> None:
        await ctx.ensure_indexes()
        tasks.append(asyncio.create_task(mailbox.run(), name="scheduling-mail"))
        tasks.append(
            asyncio.create_task(
                reminders.run(settings.reminder_poll_seconds), name="scheduling-reminders"
            )
        )

    @service.on_shutdown
    async def stop() -> None:
        for task in tasks:
            task.cancel()
        for task in tasks:
            with suppress(asyncio.CancelledError):
                await task
        tasks.clear()

    return service
