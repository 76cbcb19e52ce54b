"""Transcription's periodic job: counting the job queue for the gauges the autoscaler reads."""

from __future__ import annotations

from services.chassis.jobs import Periodic
from services.chassis.service import Service
from services.transcription.metrics import JOBS_RUNNING, JOBS_WAITING
from services.transcription.transcription_jobs import Jobs

BACKLOG_SECONDS = 5.0


def declare(service: Service, jobs: Jobs, seconds: float = BACKLOG_SECONDS) -> Periodic:
    """Every replica exports the queue: the consumer group's lag stays near 0 while jobs wait
    (the handler only records them), so the autoscaler adds replicas on these gauges."""

    async def count_backlog() -> tuple[int, int]:
        waiting, running = await jobs.backlog()
        JOBS_WAITING.labels(service.name).set(waiting)
        JOBS_RUNNING.labels(service.name).set(running)
        return waiting, running

    return service.every(seconds, "transcription-backlog", count_backlog)
