"""Builds the webhooks service: its operations, what it consumes, its delivery and mail jobs."""

from __future__ import annotations

import httpx

from services.chassis.mail import Mailer, MailOutbox
from services.chassis.service import Service
from services.webhooks import consumers, jobs, routes, store
from services.webhooks.dispatcher import Clock, Dispatcher, utc_now
from services.webhooks.settings import WebhooksSettings


def create(
    settings: WebhooksSettings | None = None,
    *,
    deliver: bool = True,
    clock: Clock = utc_now,
    transport: httpx.AsyncBaseTransport | None = None,
) -> Service:
    """`deliver=False` declares the jobs without running them; `clock` and `transport` let tests
    move time and stand in for the network."""
    settings = settings or WebhooksSettings()
    service = Service(settings, title="webhooks")
    mail = MailOutbox(
        service.db, Mailer(settings), clock=clock, retry_seconds=settings.mail_retry_seconds
    )
    dispatcher = Dispatcher(service, mail, clock=clock, transport=transport)
    service.app.state.dispatcher = dispatcher
    service.app.state.mail = mail
    for api in routes.APIS:
        service.app.include_router(api.router)
    consumers.register(service, dispatcher)
    service.on_startup(lambda: store.ensure_indexes(service.db))
    service.on_startup(mail.ensure_indexes)
    service.on_startup(dispatcher.start)
    service.on_shutdown(dispatcher.stop)
    service.app.state.jobs = jobs.declare(service, dispatcher, mail, enabled=deliver)
    return service
