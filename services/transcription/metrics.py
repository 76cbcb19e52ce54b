"""Transcription's own metrics: outcomes, work time against audio time, and the job queue."""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram

TRANSCRIPTIONS = Counter(
    "transcriptions_total",
    "Transcription jobs finished, by outcome (transcribed, untranscribed, failed).",
    ["service", "outcome"],
)
TRANSCRIPTION_SECONDS = Histogram(
    "transcription_duration_seconds",
    "Wall time of one transcription (fetch, decode, model).",
    ["service"],
    buckets=(1, 2, 5, 10, 20, 30, 60, 120, 300, 600),
)
REALTIME_FACTOR = Histogram(
    "transcription_realtime_factor",
    "Seconds of audio transcribed per second of work (higher is faster).",
    ["service"],
    buckets=(1, 2, 5, 10, 15, 20, 30, 50, 100),
)
# All tenants together (every replica counts the same collection: aggregate with max). KEDA
# scales the workers on it (k8s/overlays/production).
JOBS_WAITING = Gauge(
    "transcription_jobs_waiting",
    "Transcription jobs no worker holds: queued (due or backing off), or running under an "
    "expired lease.",
    ["service"],
)
JOBS_RUNNING = Gauge(
    "transcription_jobs_running",
    "Transcription jobs a worker holds under a live lease.",
    ["service"],
)
