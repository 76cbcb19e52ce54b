"""OpenTelemetry tracing (OTLP export when configured) and the Prometheus metrics every service exposes."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager

from opentelemetry import context, propagate, trace
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor
from prometheus_client import REGISTRY, CollectorRegistry, Counter, Gauge, Histogram
from pymongo import monitoring

_provider: TracerProvider | None = None
# MongoDB commands mostly take a millisecond or two; S3 requests carry media (up to minutes).
MONGODB_BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
S3_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120)


def configure_tracing(service: str, otlp_endpoint: str = "") -> TracerProvider:
    """Install the process's tracer provider once; later calls return the same provider."""
    global _provider
    if _provider is None:
        _provider = TracerProvider(resource=Resource.create({"service.name": service}))
        if otlp_endpoint:
            from opentelemetry.exporter.otlp.proto.http.trace_exporter import (
                OTLPSpanExporter,
            )

            exporter = OTLPSpanExporter(endpoint=f"{otlp_endpoint.rstrip('/')}/v1/traces")
            _provider.add_span_processor(BatchSpanProcessor(exporter))
        trace.set_tracer_provider(_provider)
    return _provider


def current_trace_headers() -> dict[str, str]:
    """The W3C trace headers of the current context, to carry it across HTTP or a stored event."""
    headers: dict[str, str] = {}
    propagate.inject(headers)
    return headers


@contextmanager
def continued_from(headers: Mapping[str, str]) -> Iterator[None]:
    """Run a block in the trace context carried by `headers` (e.g. an outbox row's traceparent)."""
    token = context.attach(propagate.extract(dict(headers)))
    try:
        yield
    finally:
        context.detach(token)


class Metrics:
    """The chassis metrics, registered once per registry (the process registry in production)."""

    def __init__(self, registry: CollectorRegistry = REGISTRY) -> None:
        self.registry = registry
        self.http_requests = Counter(
            "http_requests_total",
            "HTTP requests served.",
            ["service", "method", "route", "status"],
            registry=registry,
        )
        self.http_duration = Histogram(
            "http_request_duration_seconds",
            "HTTP request latency.",
            ["service", "method", "route"],
            registry=registry,
        )
        self.events_handled = Counter(
            "events_handled_total",
            "Events taken by a consumer, by outcome "
            "(processed, duplicate, ignored, retried, dead_lettered).",
            ["service", "group", "type", "outcome"],
            registry=registry,
        )
        self.event_duration = Histogram(
            "event_handler_duration_seconds",
            "Event handler latency, including its idempotency transaction.",
            ["service", "group", "type"],
            registry=registry,
        )
        self.outbox_published = Counter(
            "outbox_published_total",
            "Outbox events relayed to Kafka.",
            ["service", "type"],
            registry=registry,
        )
        self.outbox_failures = Counter(
            "outbox_publish_failures_total",
            "Failed attempts to relay an outbox event.",
            ["service"],
            registry=registry,
        )
        self.outbox_publish_seconds = Histogram(
            "outbox_publish_batch_duration_seconds",
            "Time for the broker to acknowledge one relay batch (every event of it, acks=all).",
            ["service"],
            buckets=MONGODB_BUCKETS,
            registry=registry,
        )
        self.outbox_pending = Gauge(
            "outbox_pending_events",
            "Outbox events not yet relayed.",
            ["service"],
            registry=registry,
        )
        self.consumer_lag = Gauge(
            "kafka_consumer_lag",
            "Messages not yet consumed, per consumer group and partition (high water - position).",
            ["service", "group", "topic", "partition"],
            registry=registry,
        )
        self.outbox_oldest_age = Gauge(
            "outbox_oldest_pending_age_seconds",
            "Age of the oldest outbox event not yet relayed.",
            ["service"],
            registry=registry,
        )
        self.mongodb_duration = Histogram(
            "mongodb_command_duration_seconds",
            "MongoDB command latency as the driver measures it, by command name and outcome "
            "(succeeded, failed).",
            ["service", "command", "outcome"],
            buckets=MONGODB_BUCKETS,
            registry=registry,
        )
        self.s3_duration = Histogram(
            "s3_request_duration_seconds",
            "Object storage request latency, by client operation and outcome (succeeded, failed).",
            ["service", "operation", "outcome"],
            buckets=S3_BUCKETS,
            registry=registry,
        )


class MongoCommandMetrics(monitoring.CommandListener):
    """Times every MongoDB command of the client it is given to (`event_listeners=[...]`).

    Labelled by command name only (find, insert, update, aggregate, commitTransaction, ...): a
    set the driver bounds, unlike collection names or filters."""

    def __init__(self, service: str) -> None:
        self.service = service

    def started(self, event: monitoring.CommandStartedEvent) -> None:
        pass  # the driver reports the duration with the outcome

    def succeeded(self, event: monitoring.CommandSucceededEvent) -> None:
        self._observe(event.command_name, "succeeded", event.duration_micros)

    def failed(self, event: monitoring.CommandFailedEvent) -> None:
        self._observe(event.command_name, "failed", event.duration_micros)

    def _observe(self, command: str, outcome: str, micros: int) -> None:
        metrics().mongodb_duration.labels(self.service, command, outcome).observe(micros / 1e6)


_metrics: Metrics | None = None


def metrics() -> Metrics:
    global _metrics
    if _metrics is None:
        _metrics = Metrics()
    return _metrics
