"""The event bus: Kafka broker factory, topic creation, and consumer groups that take events in
batches, apply each once (an inbox in the same transaction as the effects), retry a failed event
alone with backoff through a retry topic, and park its last failure on a dead-letter topic so that
a poison message never blocks its partition."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
import traceback
import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Generic, TypeVar

from aiokafka import AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import TopicAlreadyExistsError
from faststream import AckPolicy
from faststream.kafka import KafkaBroker
from faststream.kafka.annotations import KafkaMessage
from faststream.kafka.opentelemetry import KafkaTelemetryMiddleware
from faststream.kafka.prometheus import KafkaPrometheusMiddleware
from opentelemetry import propagate, trace
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.trace import Link, SpanKind
from prometheus_client import REGISTRY
from pydantic import ValidationError
from pymongo import AsyncMongoClient
from pymongo.asynchronous.client_session import AsyncClientSession
from pymongo.asynchronous.database import AsyncDatabase
from pymongo.errors import DuplicateKeyError, PyMongoError

from contracts import EVENTS, TOPICS, Envelope, Payload, dead_letter_topic, retry_topic
from contracts.envelope import EnvelopeError
from contracts.topics import DEAD_LETTER_PARTITIONS, RETRY_PARTITIONS
from services.chassis.settings import Settings
from services.chassis.telemetry import metrics

log = logging.getLogger(__name__)

P = TypeVar("P", bound=Payload)
INBOX = "inbox"
INBOX_RETENTION_SECONDS = 30 * 24 * 3600

# Headers the bus adds to retried and dead-lettered messages.
ATTEMPT = "x-attempt"
NOT_BEFORE = "x-not-before"
ORIGINAL_TOPIC = "x-original-topic"
ERROR = "x-error"
ERROR_TYPE = "x-error-type"


class PermanentError(Exception):
    """A failure that retrying cannot fix: the event goes to the dead-letter topic at once."""


@dataclass(frozen=True)
class Delivery(Generic[P]):
    """One event given to a handler, with the MongoDB session of the transaction that also records
    the event as processed: write through `session` and the effect happens exactly once."""

    envelope: Envelope
    payload: P
    session: AsyncClientSession
    attempt: int

    @property
    def tenant(self) -> str:
        return self.envelope.tenant


Handler = Callable[[Delivery[Any]], Awaitable[None]]
BatchHandler = Callable[[Sequence[Delivery[Any]]], Awaitable[None]]

_prometheus_middleware: KafkaPrometheusMiddleware | None = None


def make_broker(settings: Settings, tracer_provider: TracerProvider) -> KafkaBroker:
    """acks=all, no idempotent producer and no transactions (see docs/adr/0003)."""
    global _prometheus_middleware
    if _prometheus_middleware is None:
        _prometheus_middleware = KafkaPrometheusMiddleware(registry=REGISTRY)
    return KafkaBroker(
        settings.kafka_bootstrap_servers,
        client_id=settings.service_name,
        acks="all",
        enable_idempotence=False,
        middlewares=(
            KafkaTelemetryMiddleware(tracer_provider=tracer_provider),
            _prometheus_middleware,
        ),
        logger=logging.getLogger(f"{settings.service_name}.kafka"),
    )


def kafka_producer(broker: KafkaBroker) -> AIOKafkaProducer:
    """The started aiokafka producer inside the broker. The outbox relay sends through it: FastStream's
    publish runs its middlewares and a span per message, about five times the cost of the send."""
    state = getattr(getattr(broker.config, "producer", None), "_producer", None)
    producer = getattr(state, "producer", None)
    if not isinstance(producer, AIOKafkaProducer):
        raise RuntimeError("the broker is not started (or FastStream moved its producer)")
    return producer


async def ensure_topics(bootstrap: str, topics: dict[str, int]) -> None:
    """Create topics with explicit partition counts; existing topics are left as they are."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        existing = set(await admin.list_topics())
        missing = [
            NewTopic(name, partitions, 1)
            for name, partitions in topics.items()
            if name not in existing
        ]
        if missing:
            with contextlib.suppress(TopicAlreadyExistsError):
                await admin.create_topics(missing)
    finally:
        await admin.close()


def group_topics(group: str) -> dict[str, int]:
    return {retry_topic(group): RETRY_PARTITIONS, dead_letter_topic(group): DEAD_LETTER_PARTITIONS}


def all_topics() -> dict[str, int]:
    return {name: topic.partitions for name, topic in TOPICS.items()}


class ConsumerGroup:
    """The event handlers of one service, consumed as one Kafka consumer group.

    Main topics are consumed in batches: one MongoDB transaction records a batch's inbox entries
    and runs its handlers, so each event is applied once and the batch costs one commit. A handler
    that fails isolates its event: the events before it are committed, the failed one goes down
    the retry/dead-letter path alone, and the rest of the batch continues (docs/adr/0026).

    One group per database: the inbox is the database's (each service has its own), so a second
    group in the same database would take every event the first applied as applied already."""

    def __init__(
        self,
        name: str,
        broker: KafkaBroker,
        client: AsyncMongoClient[dict[str, Any]],
        db: AsyncDatabase[dict[str, Any]],
        settings: Settings,
    ) -> None:
        self.name = name
        self.broker = broker
        self.client = client
        self.inbox = db[INBOX]
        self.settings = settings
        self.handlers: dict[str, Handler] = {}
        self.batch_handlers: dict[str, BatchHandler] = {}
        # A hook for tests: called with ("before_commit", ids) inside a batch's transaction and
        # ("after_commit", ids) once it committed, before the offsets are; raising there stands
        # for the process dying at that point.
        self.checkpoint: Callable[[str, list[str]], Awaitable[None]] | None = None

    def _claim(self, event_type: str) -> None:
        if event_type not in EVENTS:
            raise KeyError(f"unknown event type {event_type!r}")
        earlier = self.handlers.get(event_type) or self.batch_handlers.get(event_type)
        if earlier is not None:
            raise ValueError(
                f"{self.name} already handles {event_type!r} "
                f"({earlier.__qualname__}); one handler per event type"
            )

    def on(self, event_type: str) -> Callable[[Handler], Handler]:
        """Register a handler that takes one delivery at a time (in its batch's transaction)."""
        self._claim(event_type)

        def register(handler: Handler) -> Handler:
            self._claim(event_type)
            self.handlers[event_type] = handler
            return handler

        return register

    def on_batch(self, event_type: str) -> Callable[[BatchHandler], BatchHandler]:
        """Register a handler that takes consecutive deliveries of one type at once (all with the
        same session), so that it can write their effects with one bulk command."""
        self._claim(event_type)

        def register(handler: BatchHandler) -> BatchHandler:
            self._claim(event_type)
            self.batch_handlers[event_type] = handler
            return handler

        return register

    @property
    def topics(self) -> list[str]:
        return sorted({EVENTS[t].topic for t in (*self.handlers, *self.batch_handlers)})

    async def ensure_indexes(self) -> None:
        await self.inbox.create_index("processed_at", expireAfterSeconds=INBOX_RETENTION_SECONDS)
        # One inbox row per batch and tenant lists its event ids; the unique index makes two
        # consumers that raced on the same event conflict, so only one of them commits.
        # Sparse, not partial: rows of the earlier one-per-event layout have no `ids`, and the
        # embedded server uses a partial index only for queries that repeat its filter.
        await self.inbox.create_index("ids", unique=True, sparse=True)

    async def observe_lag(self) -> None:
        """Export each assigned partition's lag; called periodically by the service."""
        for subscriber in self.broker.subscribers:
            consumer = getattr(subscriber, "consumer", None)
            if consumer is None:
                continue
            group = getattr(consumer, "_group_id", None) or self.name
            for tp in consumer.assignment():
                highwater = consumer.highwater(tp)
                if highwater is None:
                    continue
                position = await consumer.position(tp)
                metrics().consumer_lag.labels(
                    self.settings.service_name, group, tp.topic, str(tp.partition)
                ).set(max(0, highwater - position))

    def subscribe(self) -> None:
        if not self.topics:
            return
        common: dict[str, Any] = {
            "ack_policy": AckPolicy.NACK_ON_ERROR,
            "auto_offset_reset": "earliest",
            "session_timeout_ms": self.settings.consumer_session_timeout_ms,
            "heartbeat_interval_ms": self.settings.consumer_heartbeat_interval_ms,
        }

        async def on_batch(message: KafkaMessage) -> None:
            raw = message.raw_message
            records = raw if isinstance(raw, tuple) else (raw,)
            await self._dispatch([_Record.of(r) for r in records], attempt=1)

        async def on_retry(message: KafkaMessage) -> None:
            not_before = float(message.headers.get(NOT_BEFORE, "0"))
            await asyncio.sleep(max(0.0, not_before - time.time()))
            attempt = int(message.headers.get(ATTEMPT, "2"))
            await self._dispatch([_Record.of(message.raw_message)], attempt=attempt)

        # The retry topic has its own group so that waiting out a backoff there never holds up
        # (or rebalances) the consumers of the main topics; it takes one message at a time.
        self.broker.subscriber(
            *self.topics,
            group_id=self.name,
            batch=True,
            max_records=self.settings.consumer_batch_max_records,
            batch_timeout_ms=self.settings.consumer_batch_timeout_ms,
            **common,
        )(on_batch)
        self.broker.subscriber(retry_topic(self.name), group_id=retry_topic(self.name), **common)(
            on_retry
        )

    def backoff(self, attempt: int) -> float:
        base = self.settings.consumer_retry_backoff_seconds * 2 ** (attempt - 1)
        return float(min(base, self.settings.consumer_retry_backoff_max_seconds))

    async def processed(self, event_ids: Sequence[str]) -> set[str]:
        """Which of these events this group has applied (as far back as the inbox keeps)."""
        return await self._seen(list(event_ids), None)

    # -- taking a batch ---------------------------------------------------------------------------

    async def _dispatch(self, records: Sequence[_Record], attempt: int) -> None:
        events: list[_Event] = []
        counter = metrics().events_handled
        for record in records:
            try:
                envelope = Envelope.from_headers(record.headers)
            except EnvelopeError as exc:
                await self._park(record, attempt, exc)
                continue
            spec = EVENTS.get(envelope.type)
            if spec is None or not self._handles(envelope.type):
                counter.labels(
                    self.settings.service_name, self.name, envelope.type, "ignored"
                ).inc()
                continue
            try:
                payload = spec.model.model_validate_json(record.body)
            except ValidationError as exc:
                await self._park(record, attempt, exc)
                continue
            events.append(_Event(record, envelope, payload))
        if events:
            await self._apply(self._units(events), attempt)

    def _handles(self, event_type: str) -> bool:
        return event_type in self.handlers or event_type in self.batch_handlers

    def _units(self, events: list[_Event]) -> list[_Unit]:
        """The handler calls of a batch, in offset order: a per-event handler takes one event; a
        batch handler takes each run of consecutive events of its type."""
        units: list[_Unit] = []
        for event in events:
            kind = event.envelope.type
            batch = self.batch_handlers.get(kind)
            if batch is None:
                units.append(_Unit(_one(self.handlers[kind]), [event]))
            elif units and units[-1].kind == kind and units[-1].handler is batch:
                units[-1].events.append(event)
            else:
                units.append(_Unit(batch, [event]))
        return units

    async def _apply(self, units: list[_Unit], attempt: int) -> None:
        """Commit the units in one transaction; when a handler fails, commit the units before it,
        isolate its event(s), and go on with the rest, so that the offset order holds."""
        pending = units
        while pending:
            try:
                await self._commit(pending, attempt)
                return
            except _HandlerFailed as failed:
                head, bad = pending[: failed.index], pending[failed.index]
                pending = pending[failed.index + 1 :]
                if head:
                    await self._apply(head, attempt)
                if len(bad.events) == 1:
                    await self._failed(bad.events[0], attempt, failed.error)
                else:  # a batch handler failed: find which of its events it cannot take
                    for event in bad.events:
                        await self._apply([_Unit(bad.handler, [event])], attempt)

    async def _commit(self, units: list[_Unit], attempt: int) -> None:
        ids = [e.envelope.id for unit in units for e in unit.events]
        started = time.perf_counter()
        for tries in range(3):
            try:
                async with self.client.start_session() as session:

                    async def transaction(session: AsyncClientSession) -> _Outcome:
                        return await self._transaction(session, units, ids, attempt)

                    outcome: _Outcome = await session.with_transaction(transaction)
                break
            except DuplicateKeyError:
                # A concurrent consumer recorded one of these events first: look again.
                if tries == 2:
                    raise
        elapsed = time.perf_counter() - started
        if self.checkpoint is not None and outcome.fresh:
            await self.checkpoint("after_commit", outcome.fresh)
        m, service = metrics(), self.settings.service_name
        for kind in outcome.duplicates:
            m.events_handled.labels(service, self.name, kind, "duplicate").inc()
        overhead = (elapsed - sum(s for _, _, s in outcome.timings)) / max(1, len(outcome.fresh))
        for kind, count, seconds in outcome.timings:
            m.events_handled.labels(service, self.name, kind, "processed").inc(count)
            histogram = m.event_duration.labels(service, self.name, kind)
            for _ in range(count):
                histogram.observe(seconds / count + overhead)

    async def _transaction(
        self, session: AsyncClientSession, units: list[_Unit], ids: list[str], attempt: int
    ) -> _Outcome:
        seen = await self._seen(ids, session)
        outcome = _Outcome()
        fresh_units: list[list[_Event]] = []
        entries: dict[str, list[str]] = {}
        for unit in units:
            fresh: list[_Event] = []
            for event in unit.events:
                if event.envelope.id in seen:
                    outcome.duplicates.append(event.envelope.type)
                    continue
                seen.add(event.envelope.id)
                fresh.append(event)
                entries.setdefault(event.envelope.tenant, []).append(event.envelope.id)
                outcome.fresh.append(event.envelope.id)
            fresh_units.append(fresh)
        if entries:
            now = datetime.now(UTC)
            await self.inbox.insert_many(
                [
                    {
                        "_id": str(uuid.uuid4()),
                        "tenant": tenant,
                        "ids": event_ids,
                        "processed_at": now,
                    }
                    for tenant, event_ids in entries.items()
                ],
                session=session,
            )
        for index, (unit, fresh) in enumerate(zip(units, fresh_units, strict=True)):
            if not fresh:
                continue
            deliveries = [Delivery(e.envelope, e.payload, session, attempt) for e in fresh]
            started = time.perf_counter()
            try:
                with _span(fresh):
                    await unit.handler(deliveries)
            except PyMongoError as exc:
                if exc.has_error_label("TransientTransactionError"):
                    raise  # with_transaction runs the whole batch again
                raise _HandlerFailed(index, exc) from exc
            except Exception as exc:
                raise _HandlerFailed(index, exc) from exc
            outcome.timings.append((unit.kind, len(fresh), time.perf_counter() - started))
        if self.checkpoint is not None and outcome.fresh:
            await self.checkpoint("before_commit", outcome.fresh)
        return outcome

    async def _seen(self, ids: list[str], session: AsyncClientSession | None) -> set[str]:
        found: set[str] = set()
        async for doc in self.inbox.find({"ids": {"$in": ids}}, {"ids": 1}, session=session):
            found.update(doc["ids"])
        # Rows of the earlier layout, one per event (kept until they expire).
        async for doc in self.inbox.find({"_id": {"$in": ids}}, {"_id": 1}, session=session):
            found.add(doc["_id"])
        return found & set(ids)

    # -- failures ---------------------------------------------------------------------------------

    async def _failed(self, event: _Event, attempt: int, exc: Exception) -> None:
        if isinstance(exc, PermanentError) or attempt >= self.settings.consumer_max_attempts:
            await self._park(event.record, attempt, exc)
        else:
            await self._retry(event.record, attempt, exc)

    def _failure_headers(self, record: _Record, attempt: int, exc: BaseException) -> dict[str, str]:
        return {
            **record.headers,
            ORIGINAL_TOPIC: record.headers.get(ORIGINAL_TOPIC) or record.topic,
            ATTEMPT: str(attempt),
            ERROR: "".join(traceback.format_exception_only(exc)).strip()[:2000],
            ERROR_TYPE: type(exc).__name__,
            "x-failed-at": datetime.now(UTC).isoformat(),
            "x-consumer-group": self.name,
        }

    async def _retry(self, record: _Record, attempt: int, exc: BaseException) -> None:
        delay = self.backoff(attempt)
        out = self._failure_headers(record, attempt + 1, exc)
        out[NOT_BEFORE] = f"{time.time() + delay:.3f}"
        log.warning(
            "event handler failed; retrying",
            extra={"event_type": out.get("ce_type"), "attempt": attempt, "error": out[ERROR]},
        )
        await self.broker.publish(record.body, retry_topic(self.name), key=record.key, headers=out)
        metrics().events_handled.labels(
            self.settings.service_name, self.name, out.get("ce_type", "unknown"), "retried"
        ).inc()

    async def _park(self, record: _Record, attempt: int, exc: BaseException) -> None:
        out = self._failure_headers(record, attempt, exc)
        log.error(
            "event dead-lettered",
            extra={"event_type": out.get("ce_type"), "attempt": attempt, "error": out[ERROR]},
        )
        await self.broker.publish(
            record.body, dead_letter_topic(self.name), key=record.key, headers=out
        )
        metrics().events_handled.labels(
            self.settings.service_name,
            self.name,
            out.get("ce_type", "unknown"),
            "dead_lettered",
        ).inc()


@dataclass(frozen=True)
class _Record:
    """One Kafka record, as the bus reads, retries and parks it."""

    body: bytes
    key: bytes | None
    topic: str
    headers: dict[str, str]

    @classmethod
    def of(cls, record: Any) -> _Record:
        key = getattr(record, "key", None)
        return cls(
            body=record.value or b"",
            key=key if isinstance(key, bytes) or key is None else str(key).encode(),
            topic=str(getattr(record, "topic", "")),
            headers={k: v.decode(errors="replace") for k, v in record.headers or ()},
        )


@dataclass(frozen=True)
class _Event:
    record: _Record
    envelope: Envelope
    payload: Payload


@dataclass
class _Unit:
    """One handler call of a batch."""

    handler: BatchHandler
    events: list[_Event]

    @property
    def kind(self) -> str:
        return self.events[0].envelope.type


@dataclass
class _Outcome:
    fresh: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    timings: list[tuple[str, int, float]] = field(default_factory=list)


class _HandlerFailed(Exception):
    """The handler of unit `index` raised `error`; the transaction was rolled back."""

    def __init__(self, index: int, error: Exception) -> None:
        super().__init__(f"handler of unit {index} failed: {error!r}")
        self.index = index
        self.error = error


def _one(handler: Handler) -> BatchHandler:
    async def each(deliveries: Sequence[Delivery[Any]]) -> None:
        for delivery in deliveries:
            await handler(delivery)

    each.__qualname__ = handler.__qualname__
    return each


_tracer = trace.get_tracer("hireloop.bus")


def _span(events: list[_Event]) -> Any:
    """A consumer span per handler call: the child of the event's trace for one event, linked to
    each event's trace for a batch handler's run."""
    contexts = [propagate.extract(e.record.headers) for e in events]
    # Named by the messaging conventions (`<destination> process`), with the event type.
    name = f"{events[0].record.topic} process"
    attributes: dict[str, str | int] = {
        "messaging.system": "kafka",
        "messaging.destination.name": events[0].record.topic,
        "messaging.batch.message_count": len(events),
        "cloudevents.event_type": events[0].envelope.type,
    }
    if len(events) == 1:
        return _tracer.start_as_current_span(
            name, context=contexts[0], kind=SpanKind.CONSUMER, attributes=attributes
        )
    links = [Link(trace.get_current_span(c).get_span_context()) for c in contexts]
    return _tracer.start_as_current_span(
        name, kind=SpanKind.CONSUMER, links=links, attributes=attributes
    )
