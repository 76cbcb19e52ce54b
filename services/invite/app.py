"""Builds the invite service."""

from __future__ import annotations

from services.chassis.service import Service
from services.chassis.settings import Settings
from services.invite import probes


def create(settings: Settings | None = None) -> Service:
    settings = settings or Settings(service_name="invite")
    service = Service(settings, title="invite")

    @service.on_startup
    async def indexes() -> None:
        await service.db.probes.create_index([("tenant", 1), ("requested_at", -1)])

    service.app.include_router(probes.router)
    return service
