"""Ingest settings: upload URL lifetime, part sizes, media limits and the abandoned-upload sweep."""

from __future__ import annotations

from pydantic import Field

from services.chassis.settings import Settings
from services.ingest.schemas import MAX_RECORDING_BYTES

MIB = 1024 * 1024


class IngestSettings(Settings):
    service_name: str = "ingest"
    # Presigned upload URLs are short-lived and scoped to one chunk or part of one attempt.
    upload_url_seconds: int = 300
    # Parts of the final object (S3 refuses parts under 5 MiB except the last).
    part_bytes: int = Field(default=8 * MIB, ge=5 * MIB)
    max_parts: int = Field(default=10_000, le=10_000)
    max_recording_bytes: int = Field(default=MAX_RECORDING_BYTES, le=MAX_RECORDING_BYTES)
    # Recordings may run this much past the question's answer limit (already accommodated).
    duration_grace_seconds: float = 3.0
    validation_timeout_seconds: float = 120.0
    # Paced questions: a take may start this long after its think time ends, and a text or choice
    # answer arrive this long after its time limit (the network's delay, not more time to think).
    start_grace_seconds: float = Field(default=5.0, ge=0, le=60)
    # An attempt not completed this long after its answer time ends is abandoned by the sweep.
    upload_window_seconds: int = 2 * 3600
    # Multipart uploads of no open attempt older than this are aborted by the sweep.
    orphan_upload_seconds: int = 3600
    sweep_interval_seconds: float = 60.0
    # The raw upload of an attempt that did not become an answer as received (rejected,
    # abandoned, or the cut-off original of a salvaged one) is kept this long for support.
    raw_retention_days: float = Field(default=30.0, ge=0)
