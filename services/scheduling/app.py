"""Builds the scheduling service."""

from __future__ import annotations

from datetime import UTC, datetime

from services.chassis.mail import Clock, Mailer, MailOutbox
from services.chassis.service import Service
from services.scheduling import consumers, jobs, routes
from services.scheduling.settings import SchedulingSettings
from services.scheduling.store import Scheduling


def _utc_now() -> datetime:
    return datetime.now(UTC)


def create(settings: SchedulingSettings | None = None, clock: Clock | None = None) -> Service:
    """`clock` lets tests move time (reminders, booking windows) without sleeping."""
    settings = settings or SchedulingSettings()
    clock = clock or _utc_now
    service = Service(settings, title="scheduling")
    mail = MailOutbox(
        service.db, Mailer(settings), clock=clock, retry_seconds=settings.mail_retry_seconds
    )
    ctx = Scheduling(service, settings, mail, clock)
    service.app.state.scheduling = ctx
    for api in routes.APIS:
        service.app.include_router(api.router)
    consumers.register(ctx)
    service.on_startup(ctx.ensure_indexes)
    jobs.declare(ctx)
    return service
