"""Transcoding settings: worker count, job leases and retries, HLS segment length, audio thresholds."""

from __future__ import annotations

import os

from pydantic import Field

from services.chassis.settings import Settings


class TranscodingSettings(Settings):
    service_name: str = "transcoding"
    # Concurrent jobs in this replica; 0 means one per core.
    workers: int = Field(default=0, ge=0)
    # A claimed job's lease; the worker renews it every third of it while ffmpeg runs.
    job_lease_seconds: float = 30.0
    job_poll_seconds: float = 0.5
    job_max_attempts: int = 3
    job_retry_backoff_seconds: float = 5.0
    hls_time: int = Field(default=4, ge=1, description="Target HLS segment length, seconds.")
    # superfast: a third less CPU than veryfast for about 30 % larger files (docs/adr/0029).
    x264_preset: str = "superfast"
    # Threads per ffmpeg run; 0 lets ffmpeg choose.
    ffmpeg_threads: int = 0
    playback_url_seconds: int = 900
    # Audio checks (dBFS): silent if nothing is louder than this...
    silent_max_volume_db: float = -45.0
    # ...near-silent if the average is below this.
    near_silent_mean_volume_db: float = -40.0

    @property
    def worker_count(self) -> int:
        return self.workers or os.cpu_count() or 1
