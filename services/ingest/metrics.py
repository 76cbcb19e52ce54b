"""Ingest's own metrics: accepted uploads by container and rejections by reason."""

from __future__ import annotations

from prometheus_client import Counter

UPLOADED = Counter(
    "recordings_uploaded_total",
    "Recordings stored and validated, by container.",
    ["service", "container"],
)
REJECTED = Counter(
    "recordings_rejected_total", "Recordings refused, by reason code.", ["service", "reason"]
)
