"""Builds the transcription service: the model, its consumers, the worker pool, the queue gauges,
the API."""

from __future__ import annotations

import asyncio

from services.chassis.service import Service
from services.chassis.settings import Settings
from services.transcription import consumers, jobs, routes, store
from services.transcription.engine import Engine
from services.transcription.settings import TranscriptionSettings
from services.transcription.transcription_jobs import Jobs
from services.transcription.workers import WorkerPool


def create(settings: TranscriptionSettings | Settings | None = None) -> Service:
    if not isinstance(settings, TranscriptionSettings):
        settings = TranscriptionSettings(**(settings.model_dump() if settings else {}))
    service = Service(settings, title="transcription", uses_storage=True)
    assert service.storage is not None
    engine = Engine(
        settings.transcription_model,
        sha256=settings.transcription_model_sha256,
        cpu_threads=settings.transcription_cpu_threads,
    )
    transcriptions = Jobs(service, settings)
    pool = WorkerPool(
        transcriptions, engine, service.storage, service.db, settings, replica=service.relay.owner
    )
    service.app.state.engine = engine
    service.app.state.jobs = transcriptions
    service.app.state.workers = pool

    @service.on_startup
    async def start() -> None:
        # The checksum and the load fail the start: a replica without its model never serves.
        await asyncio.to_thread(engine.load)
        await store.ensure_indexes(service.db)
        pool.start()

    @service.on_shutdown
    async def stop() -> None:
        await pool.stop()

    for api in routes.APIS:
        service.app.include_router(api.router)
    consumers.register(service, pool)
    jobs.declare(service, transcriptions)
    return service
