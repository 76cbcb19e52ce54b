"""Builds the recording-ingest service."""

from __future__ import annotations

import asyncio
import contextlib

from services.chassis.service import Service
from services.chassis.settings import Settings
from services.ingest import attempts, invitations, privacy, probes, sweep
from services.ingest.settings import IngestSettings


def create(settings: Settings | None = None) -> Service:
    if not isinstance(settings, IngestSettings):
        settings = IngestSettings(**(settings.model_dump() if settings else {}))
    service = Service(settings, title="ingest", uses_storage=True)
    state = attempts.Attempts(service, settings)
    service.app.state.attempts = state
    tasks: list[asyncio.Task[None]] = []

    @service.on_startup
    async def indexes() -> None:
        await service.db.probes.create_index([("tenant", 1), ("_id", 1)])
        await invitations.ensure_indexes(service)
        await attempts.ensure_indexes(service)
        tasks.append(asyncio.create_task(sweep.run(state), name="ingest-upload-sweep"))

    @service.on_shutdown
    async def stop() -> None:
        for task in tasks:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    probes.register(service)
    invitations.register(service)
    privacy.register(service, state)
    service.app.include_router(probes.router)
    service.app.include_router(attempts.router)
    return service
