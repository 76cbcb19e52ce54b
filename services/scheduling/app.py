"""Builds the scheduling service (its domain arrives with its own issue; the chassis gives it health,
metrics, its consumer group and its outbox)."""

from __future__ import annotations

from services.chassis.service import Service
from services.chassis.settings import Settings


def create(settings: Settings | None = None) -> Service:
    settings = settings or Settings(service_name="scheduling")
    return Service(settings, title="scheduling")
