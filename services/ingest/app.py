"""Builds the recording-ingest service."""

from __future__ import annotations

from services.chassis.service import Service
from services.chassis.settings import Settings
from services.ingest import probes


def create(settings: Settings | None = None) -> Service:
    settings = settings or Settings(service_name="ingest")
    service = Service(settings, title="ingest", uses_storage=True)

    @service.on_startup
    async def indexes() -> None:
        await service.db.probes.create_index([("tenant", 1), ("_id", 1)])

    probes.register(service)
    service.app.include_router(probes.router)
    return service
