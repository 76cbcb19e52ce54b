"""The event bus: Kafka broker factory, topic creation, and consumer groups that are idempotent,
retry failed events with backoff through a retry topic, and park the last failure on a dead-letter
topic so that a poison message never blocks its partition."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
import traceback
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Generic, TypeVar

from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import TopicAlreadyExistsError
from faststream import AckPolicy
from faststream.kafka import KafkaBroker
from faststream.kafka.annotations import KafkaMessage
from faststream.kafka.opentelemetry import KafkaTelemetryMiddleware
from faststream.kafka.prometheus import KafkaPrometheusMiddleware
from opentelemetry.sdk.trace import TracerProvider
from prometheus_client import REGISTRY
from pydantic import ValidationError
from pymongo import AsyncMongoClient
from pymongo.asynchronous.client_session import AsyncClientSession
from pymongo.asynchronous.database import AsyncDatabase
from pymongo.errors import DuplicateKeyError

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
    """The event handlers of one service, consumed as one Kafka consumer group."""

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

    def on(self, event_type: str) -> Callable[[Handler], Handler]:
        if event_type not in EVENTS:
            raise KeyError(f"unknown event type {event_type!r}")

        def register(handler: Handler) -> Handler:
            if event_type in self.handlers:
                raise ValueError(
                    f"{self.name} already handles {event_type!r} "
                    f"({self.handlers[event_type].__qualname__}); one handler per event type"
                )
            self.handlers[event_type] = handler
            return handler

        return register

    @property
    def topics(self) -> list[str]:
        return sorted({EVENTS[t].topic for t in self.handlers})

    async def ensure_indexes(self) -> None:
        await self.inbox.create_index("processed_at", expireAfterSeconds=INBOX_RETENTION_SECONDS)

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
        if not self.handlers:
            return
        common: dict[str, Any] = {
            "ack_policy": AckPolicy.NACK_ON_ERROR,
            "auto_offset_reset": "earliest",
            "session_timeout_ms": self.settings.consumer_session_timeout_ms,
            "heartbeat_interval_ms": self.settings.consumer_heartbeat_interval_ms,
        }

        async def on_event(message: KafkaMessage) -> None:
            await self._dispatch(message, attempt=1)

        async def on_retry(message: KafkaMessage) -> None:
            not_before = float(message.headers.get(NOT_BEFORE, "0"))
            await asyncio.sleep(max(0.0, not_before - time.time()))
            await self._dispatch(message, attempt=int(message.headers.get(ATTEMPT, "2")))

        # The retry topic has its own group so that waiting out a backoff there never holds up
        # (or rebalances) the consumers of the main topics.
        self.broker.subscriber(*self.topics, group_id=self.name, **common)(on_event)
        self.broker.subscriber(retry_topic(self.name), group_id=retry_topic(self.name), **common)(
            on_retry
        )

    def backoff(self, attempt: int) -> float:
        base = self.settings.consumer_retry_backoff_seconds * 2 ** (attempt - 1)
        return float(min(base, self.settings.consumer_retry_backoff_max_seconds))

    async def _dispatch(self, message: KafkaMessage, attempt: int) -> None:
        headers: dict[str, str] = dict(message.headers)
        try:
            envelope = Envelope.from_headers(headers)
        except EnvelopeError as exc:
            await self._park(message, headers, attempt, exc)
            return
        handler = self.handlers.get(envelope.type)
        counter = metrics().events_handled
        if handler is None:
            counter.labels(self.settings.service_name, self.name, envelope.type, "ignored").inc()
            return
        try:
            payload = EVENTS[envelope.type].model.model_validate_json(message.body)
        except ValidationError as exc:
            await self._park(message, headers, attempt, exc)
            return
        started = time.perf_counter()
        try:
            processed = await self._process_once(envelope, payload, handler, attempt)
        except Exception as exc:
            permanent = isinstance(exc, PermanentError)
            if permanent or attempt >= self.settings.consumer_max_attempts:
                await self._park(message, headers, attempt, exc)
            else:
                await self._retry(message, headers, attempt, exc)
            return
        finally:
            metrics().event_duration.labels(
                self.settings.service_name, self.name, envelope.type
            ).observe(time.perf_counter() - started)
        outcome = "processed" if processed else "duplicate"
        counter.labels(self.settings.service_name, self.name, envelope.type, outcome).inc()

    async def _process_once(
        self, envelope: Envelope, payload: Payload, handler: Handler, attempt: int
    ) -> bool:
        """Run the handler in a transaction that also records the event id: once per event id."""

        async def transaction(session: AsyncClientSession) -> bool:
            if await self.inbox.find_one({"_id": envelope.id}, session=session):
                return False
            await self.inbox.insert_one(
                {
                    "_id": envelope.id,
                    "type": envelope.type,
                    "tenant": envelope.tenant,
                    "processed_at": datetime.now(UTC),
                },
                session=session,
            )
            await handler(Delivery(envelope, payload, session, attempt))
            return True

        try:
            async with self.client.start_session() as session:
                return bool(await session.with_transaction(transaction))
        except DuplicateKeyError:
            if await self.inbox.find_one({"_id": envelope.id}):
                return False
            raise

    def _failure_headers(
        self, message: KafkaMessage, headers: dict[str, str], attempt: int, exc: BaseException
    ) -> dict[str, str]:
        record = message.raw_message
        topic = headers.get(ORIGINAL_TOPIC) or str(getattr(record, "topic", ""))
        return {
            **headers,
            ORIGINAL_TOPIC: topic,
            ATTEMPT: str(attempt),
            ERROR: "".join(traceback.format_exception_only(exc)).strip()[:2000],
            ERROR_TYPE: type(exc).__name__,
            "x-failed-at": datetime.now(UTC).isoformat(),
            "x-consumer-group": self.name,
        }

    async def _retry(
        self, message: KafkaMessage, headers: dict[str, str], attempt: int, exc: BaseException
    ) -> None:
        delay = self.backoff(attempt)
        out = self._failure_headers(message, headers, attempt + 1, exc)
        out[NOT_BEFORE] = f"{time.time() + delay:.3f}"
        log.warning(
            "event handler failed; retrying",
            extra={"event_type": headers.get("ce_type"), "attempt": attempt, "error": out[ERROR]},
        )
        await self.broker.publish(
            message.body, retry_topic(self.name), key=_key(message), headers=out
        )
        metrics().events_handled.labels(
            self.settings.service_name, self.name, headers.get("ce_type", "unknown"), "retried"
        ).inc()

    async def _park(
        self, message: KafkaMessage, headers: dict[str, str], attempt: int, exc: BaseException
    ) -> None:
        out = self._failure_headers(message, headers, attempt, exc)
        log.error(
            "event dead-lettered",
            extra={"event_type": headers.get("ce_type"), "attempt": attempt, "error": out[ERROR]},
        )
        await self.broker.publish(
            message.body, dead_letter_topic(self.name), key=_key(message), headers=out
        )
        metrics().events_handled.labels(
            self.settings.service_name,
            self.name,
            headers.get("ce_type", "unknown"),
            "dead_lettered",
        ).inc()


def _key(message: KafkaMessage) -> bytes | None:
    key = getattr(message.raw_message, "key", None)
    return key if isinstance(key, bytes) or key is None else str(key).encode()
