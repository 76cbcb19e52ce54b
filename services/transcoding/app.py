"""Builds the transcoding service: the recording.uploaded handler that queues a job, the worker pool, the API."""

from __future__ import annotations

from contracts.events.recordings import RecordingUploaded
from services.chassis.bus import Delivery
from services.chassis.service import Service
from services.chassis.settings import Settings
from services.transcoding import playback, privacy
from services.transcoding.jobs import Jobs
from services.transcoding.settings import TranscodingSettings
from services.transcoding.workers import WorkerPool


def create(settings: Settings | None = None) -> Service:
    if not isinstance(settings, TranscodingSettings):
        settings = TranscodingSettings(**(settings.model_dump() if settings else {}))
    service = Service(settings, title="transcoding", uses_storage=True)
    assert service.storage is not None
    jobs = Jobs(service, settings)
    pool = WorkerPool(jobs, service.storage, settings, replica=service.relay.owner)
    service.app.state.jobs = jobs
    service.app.state.workers = pool

    @service.on("recording.uploaded")
    async def queue(delivery: Delivery[RecordingUploaded]) -> None:
        # Only record the job: the poll loop is never held by ffmpeg (docs/adr/0012).
        await jobs.create(delivery.session, delivery.tenant, delivery.payload)
        pool.wake.set()

    privacy.register(service, jobs, service.storage)

    @service.on_startup
    async def start() -> None:
        await jobs.ensure_indexes()
        pool.start()

    @service.on_shutdown
    async def stop() -> None:
        await pool.stop()

    service.app.include_router(playback.router)
    return service
