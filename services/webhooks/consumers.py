"""What the webhooks service consumes, in one list: every internal event that the public
catalogue (`contracts.webhooks`) publishes as a webhook."""

from __future__ import annotations

from contracts.webhooks import BY_SOURCE
from services.chassis.service import Service
from services.webhooks.deliveries import fan_out
from services.webhooks.dispatcher import Dispatcher


def register(service: Service, dispatcher: Dispatcher) -> None:
    handler = fan_out(service, dispatcher)
    for event_type in sorted(BY_SOURCE):
        service.on(event_type)(handler)
