"""Transcoding's periodic job: counting the transcode queue for the gauges the autoscaler reads."""

from __future__ import annotations

from services.chassis.jobs import Periodic
from services.chassis.service import Service
from services.transcoding.metrics import JOBS_RUNNING, JOBS_WAITING
from services.transcoding.transcode_jobs import Jobs

# A few times per Prometheus scrape (15 s) and KEDA poll; two index counts each time.
BACKLOG_SECONDS = 5.0


def declare(service: Service, jobs: Jobs, seconds: float = BACKLOG_SECONDS) -> Periodic:
    """Every replica exports the queue: the consumer group's lag stays near 0 while jobs wait
    (the handler only records them), so the autoscaler adds replicas on these gauges instead."""

    async def count_backlog() -> tuple[int, int]:
        waiting, running = await jobs.backlog()
        JOBS_WAITING.labels(service.name).set(waiting)
        JOBS_RUNNING.labels(service.name).set(running)
        return waiting, running

    return service.every(seconds, "transcode-backlog", count_backlog)
