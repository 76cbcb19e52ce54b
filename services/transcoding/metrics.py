"""Transcoding's own metrics: outcomes, work time, the time-to-playable SLO and the job queue."""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

TRANSCODES = Counter(
    "transcodes_total",
    "Transcode jobs finished, by outcome (succeeded, failed).",
    ["service", "outcome"],
)
TRANSCODE_SECONDS = Histogram(
    "transcode_duration_seconds",
    "Wall time of one successful transcode.",
    ["service"],
    buckets=(5, 10, 20, 30, 45, 60, 90, 120, 180, 300, 600),
)
TIME_TO_PLAYABLE = Histogram(
    "recording_time_to_playable_seconds",
    "From the upload being accepted to its lowest rendition being playable (the SLO).",
    ["service"],
    buckets=(5, 10, 15, 30, 60, 120, 180, 300, 600, 1800, 3600),
)
# The job queue in MongoDB, all tenants together (every replica counts the same collection, so
# aggregate with max, not sum). KEDA scales the workers on it (k8s/overlays/production).
JOBS_WAITING = Gauge(
    "transcode_jobs_waiting",
    "Transcode jobs no worker holds: queued (due or backing off after a failure), or running "
    "under an expired lease.",
    ["service"],
)
JOBS_RUNNING = Gauge(
    "transcode_jobs_running",
    "Transcode jobs a worker holds under a live lease.",
    ["service"],
)
