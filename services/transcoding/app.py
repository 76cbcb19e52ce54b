"""Builds the transcoding service: its consumers, the worker pool, the queue gauges, the API."""

from __future__ import annotations

from services.chassis.service import Service
from services.chassis.settings import Settings
from services.transcoding import consumers, jobs, routes, store
from services.transcoding.settings import TranscodingSettings
from services.transcoding.transcode_jobs import Jobs
from services.transcoding.workers import WorkerPool


def create(settings: Settings | None = None) -> Service:
    if not isinstance(settings, TranscodingSettings):
        settings = TranscodingSettings(**(settings.model_dump() if settings else {}))
    service = Service(settings, title="transcoding", uses_storage=True)
    assert service.storage is not None
    transcodes = Jobs(service, settings)
    pool = WorkerPool(transcodes, service.storage, settings, replica=service.relay.owner)
    service.app.state.jobs = transcodes
    service.app.state.workers = pool

    @service.on_startup
    async def start() -> None:
        await store.ensure_indexes(service.db)
        pool.start()

    @service.on_shutdown
    async def stop() -> None:
        await pool.stop()

    for api in routes.APIS:
        service.app.include_router(api.router)
    consumers.register(service, pool, service.storage)
    jobs.declare(service, transcodes)
    return service
