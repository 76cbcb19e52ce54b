"""Builds the invite service: its operations, what it consumes, its sweep and its mail."""

from __future__ import annotations

from services.chassis.mail import outbox_for
from services.chassis.service import Service
from services.invite import consumers, jobs, probes, routes, store
from services.invite.settings import InviteSettings


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
    service.app.state.mail = outbox = outbox_for(service)
    consumers.register(service, outbox)
    service.app.state.sweeper = jobs.declare(service, enabled=sweep)
    service.on_startup(lambda: store.ensure_indexes(service.db))
    return service
