"""The webhooks service's periodic jobs: the delivery rounds, the backlog gauges, and the mail
outbox that tells a tenant of a disabled endpoint (the chassis' job)."""

from __future__ import annotations

from services.chassis.jobs import Periodic
from services.chassis.mail import MailOutbox
from services.chassis.service import Service
from services.webhooks.dispatcher import BACKLOG_SECONDS, Dispatcher
from services.webhooks.settings import WebhooksSettings


def declare(
    service: Service, dispatcher: Dispatcher, mail: MailOutbox, *, enabled: bool = True
) -> dict[str, Periodic]:
    """`enabled=False` declares the jobs without running them (tests drive `run_once`)."""
    settings = service.settings_as(WebhooksSettings)
    deliveries = service.every(
        settings.webhooks_poll_seconds, "deliveries", dispatcher.deliver_due, enabled=enabled
    )
    dispatcher.wake = deliveries.wake
    return {
        "deliveries": deliveries,
        "backlog": service.every(BACKLOG_SECONDS, "backlog", dispatcher.observe, enabled=enabled),
        "mail": mail.deliver_every(service, settings.mail_poll_seconds, enabled=enabled),
    }
