"""Builds the recording-ingest service."""

from __future__ import annotations

from services.chassis.service import Service
from services.chassis.settings import Settings
from services.ingest import attempts, consumers, jobs, probes, reveals, routes, store
from services.ingest.settings import IngestSettings


def create(settings: Settings | None = None) -> Service:
    if not isinstance(settings, IngestSettings):
        settings = IngestSettings(**(settings.model_dump() if settings else {}))
    service = Service(settings, title="ingest", uses_storage=True)
    pace = reveals.Pace(service, settings)
    state = attempts.Attempts(service, settings, pace)
    service.app.state.pace = pace
    service.app.state.attempts = state

    @service.on_startup
    async def indexes() -> None:
        await store.ensure_indexes(service.db)

    for api in routes.APIS:
        service.app.include_router(api.router)
    service.app.include_router(probes.router)
    consumers.register(service, state)
    jobs.declare(service, state)
    return service
