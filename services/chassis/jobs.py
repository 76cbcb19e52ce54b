"""Periodic background jobs (sweeps, reminders, mail delivery): one loop, one failure policy and
one set of metrics for every service. A failed round is logged and counted, never fatal; the next
round comes after the interval (or sooner when something `wake()`s the job)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from prometheus_client import Counter, Histogram

log = logging.getLogger(__name__)

JOB_RUNS = Counter(
    "job_runs_total", "Rounds of a periodic job, by outcome.", ["service", "job", "outcome"]
)
JOB_DURATION = Histogram(
    "job_duration_seconds", "Duration of one round of a periodic job.", ["service", "job"]
)

Round = Callable[[], Awaitable[Any]]


@dataclass
class Periodic:
    """Run `round` every `seconds`; `wake()` starts the next round at once (e.g. mail queued)."""

    service: str
    name: str
    round: Round
    seconds: float
    _wake: asyncio.Event = field(default_factory=asyncio.Event)
    _task: asyncio.Task[None] | None = None

    def wake(self) -> None:
        self._wake.set()

    async def run_once(self) -> Any:
        started = time.perf_counter()
        try:
            result = await self.round()
        except asyncio.CancelledError:
            raise
        except Exception:
            JOB_RUNS.labels(self.service, self.name, "failed").inc()
            log.exception("periodic job failed", extra={"job": self.name})
            return None
        finally:
            JOB_DURATION.labels(self.service, self.name).observe(time.perf_counter() - started)
        JOB_RUNS.labels(self.service, self.name, "ok").inc()
        return result

    async def run(self) -> None:
        while True:
            self._wake.clear()
            await self.run_once()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=self.seconds)

    def start(self) -> None:
        self._task = asyncio.create_task(self.run(), name=f"{self.service}-{self.name}")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
