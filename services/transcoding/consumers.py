"""What transcoding consumes: uploaded answers and stored live calls to transcode, and erasure."""

from __future__ import annotations

from services.chassis.service import Service
from services.chassis.storage import ObjectStore
from services.transcoding import privacy
from services.transcoding.workers import WorkerPool


def register(service: Service, pool: WorkerPool, store: ObjectStore) -> None:
    service.on("recording.uploaded")(pool.queue)
    service.on("room.recording_stored")(pool.queue)  # a live interview's call, the same pipeline
    service.on("candidate.erasure_requested")(privacy.eraser(pool.jobs, store))
