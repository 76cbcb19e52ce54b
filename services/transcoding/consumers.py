"""What transcoding consumes: uploaded recordings to transcode, and erasure."""

from __future__ import annotations

from services.chassis.service import Service
from services.chassis.storage import ObjectStore
from services.transcoding import privacy
from services.transcoding.workers import WorkerPool


def register(service: Service, pool: WorkerPool, store: ObjectStore) -> None:
    service.on("recording.uploaded")(pool.queue)
    service.on("candidate.erasure_requested")(privacy.eraser(pool.jobs, store))
