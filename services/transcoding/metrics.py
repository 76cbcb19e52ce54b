"""Transcoding's own metrics: outcomes, work time and the time-to-playable SLO."""

from __future__ import annotations

from prometheus_client import Counter, Histogram

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
