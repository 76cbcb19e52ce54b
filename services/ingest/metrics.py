"""Ingest's own metrics: accepted uploads by container, rejections by reason, and the candidates'
connection checks."""

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
CONNECTION_CHECKS = Counter(
    "candidate_connection_checks_total",
    "Connection checks the candidates' interview pages sent before recording.",
    ["service"],
)
