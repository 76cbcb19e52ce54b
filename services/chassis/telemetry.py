"""OpenTelemetry tracing (OTLP export when configured) and the Prometheus metrics every service exposes."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager

from opentelemetry import context, propagate, trace
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor
from prometheus_client import REGISTRY, CollectorRegistry, Counter, Gauge, Histogram

_provider: TracerProvider | None = None


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


_metrics: Metrics | None = None


def metrics() -> Metrics:
    global _metrics
    if _metrics is None:
        _metrics = Metrics()
    return _metrics
