"""Transactional outbox: events are stored with the state change that causes them, then relayed to Kafka.

States: pending -> published. The relay holds a lease (one active relay per service, so events
leave in the order they were written) and marks an event published only after Kafka acknowledged
it (acks=all). A crash between the two republishes the event with the same id; consumers are
idempotent on that id, so the effect happens once.

A row holds one event (`add`), or several written together (`add_many`: a bulk write stores its
events in order in rows of up to `EVENTS_PER_ROW`, so the store maintains its indexes once per row
rather than once per event; see docs/adr/0026). The relay publishes a batch of rows at once and
marks them published with one update.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
import uuid
from collections import Counter
from collections.abc import Awaitable, Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

from faststream.kafka import KafkaBroker
from opentelemetry import propagate, trace
from opentelemetry.trace import SpanKind
from pymongo import ASCENDING, ReturnDocument
from pymongo.asynchronous.client_session import AsyncClientSession
from pymongo.asynchronous.database import AsyncDatabase
from pymongo.errors import DuplicateKeyError

from contracts import Envelope, Payload, event_spec
from services.chassis.bus import kafka_producer
from services.chassis.telemetry import current_trace_headers, metrics

log = logging.getLogger(__name__)

OUTBOX = "outbox"
LEASES = "leases"
PUBLISHED_RETENTION = timedelta(days=7)
# A row of a bulk write stays far below MongoDB's 16 MiB document limit (events are ~1-2 kB).
EVENTS_PER_ROW = 500


class Outbox:
    """Writes events into the service's outbox collection, inside the caller's transaction."""

    def __init__(self, db: AsyncDatabase[dict[str, Any]], source: str) -> None:
        self.collection = db[OUTBOX]
        self.source = source
        self.written = asyncio.Event()

    async def ensure_indexes(self) -> None:
        await self.collection.create_index([("status", ASCENDING), ("created_ns", ASCENDING)])
        await self.collection.create_index(
            "published_at", expireAfterSeconds=int(PUBLISHED_RETENTION.total_seconds())
        )

    async def add(self, session: AsyncClientSession, tenant: str, payload: Payload) -> Envelope:
        [envelope] = await self.add_many(session, tenant, [payload])
        return envelope

    async def add_many(
        self, session: AsyncClientSession, tenant: str, payloads: list[Payload]
    ) -> list[Envelope]:
        """Write events in the caller's transaction, in order, in one round trip: one event as
        its own row, several in rows of up to `EVENTS_PER_ROW`."""
        trace_headers = current_trace_headers()
        envelopes: list[Envelope] = []
        events: list[dict[str, Any]] = []
        for payload in payloads:
            spec = event_spec(type(payload))
            envelope = Envelope(
                type=spec.type,
                source=self.source,
                tenant=tenant,
                subject=str(getattr(payload, spec.key)),
                schemaversion=spec.version,
                traceparent=trace_headers.get("traceparent"),
            )
            envelopes.append(envelope)
            events.append(
                {
                    "_id": envelope.id,
                    "type": spec.type,
                    "topic": spec.topic,
                    "key": envelope.subject,
                    "headers": envelope.headers(),
                    "body": payload.model_dump_json(),
                }
            )
        if not events:
            return envelopes
        written_ns = time.time_ns()  # + position, so rows keep their order in the relay's sort
        pending = {"tenant": tenant, "status": "pending", "attempts": 0}
        if len(events) == 1:
            docs = [{**events[0], **pending, "created_ns": written_ns}]
        else:
            docs = [
                {
                    "_id": str(uuid.uuid4()),
                    **pending,
                    "events": events[start : start + EVENTS_PER_ROW],
                    "count": len(events[start : start + EVENTS_PER_ROW]),
                    "created_ns": written_ns + position,
                }
                for position, start in enumerate(range(0, len(events), EVENTS_PER_ROW))
            ]
        await self.collection.insert_many(docs, session=session)
        self.written.set()
        return envelopes


def row_events(doc: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The events of one outbox row, in the order they were written."""
    if "events" in doc:
        yield from doc["events"]
    else:
        yield doc


class OutboxRelay:
    """Publishes pending outbox events in order, while this process holds the relay lease."""

    def __init__(
        self,
        outbox: Outbox,
        broker: KafkaBroker,
        *,
        service: str,
        lease_seconds: float = 10.0,
        poll_seconds: float = 0.2,
        batch_size: int = 2000,
        after_publish: Callable[[dict[str, Any]], Awaitable[None]] | None = None,
    ) -> None:
        self.outbox = outbox
        self.broker = broker
        self.service = service
        self.owner = f"{service}-{uuid.uuid4().hex[:12]}"
        self.lease_seconds = lease_seconds
        self.poll_seconds = poll_seconds
        self.batch_size = batch_size
        # A hook between "Kafka acknowledged" and "marked published"; tests use it to crash there.
        self.after_publish = after_publish
        self.leases = outbox.collection.database[LEASES]

    async def hold_lease(self) -> bool:
        now = datetime.now(UTC)
        try:
            doc = await self.leases.find_one_and_update(
                {
                    "_id": "outbox-relay",
                    "$or": [{"owner": self.owner}, {"expires_at": {"$lt": now}}],
                },
                {
                    "$set": {
                        "owner": self.owner,
                        "expires_at": now + timedelta(seconds=self.lease_seconds),
                    }
                },
                upsert=True,
                return_document=ReturnDocument.AFTER,
            )
        except DuplicateKeyError:
            return False
        return doc is not None and doc["owner"] == self.owner

    async def release_lease(self) -> None:
        await self.leases.delete_one({"_id": "outbox-relay", "owner": self.owner})

    async def _pending_rows(self) -> list[dict[str, Any]]:
        """The oldest pending rows, up to about `batch_size` events (at least one row)."""
        rows: list[dict[str, Any]] = []
        events = 0
        cursor = (
            self.outbox.collection.find({"status": "pending"})
            .sort("created_ns", ASCENDING)
            .limit(self.batch_size)
        )
        async with cursor:
            async for doc in cursor:
                rows.append(doc)
                events += int(doc.get("count", 1))
                if events >= self.batch_size:
                    break
        return rows

    async def publish_pending(self) -> int:
        """Relay one batch; returns how many events were published.

        Every event of the batch is handed to the producer at once (it groups them into one
        request per partition and keeps one request in flight per partition, so a partition's
        order holds) and the acknowledgements are awaited together. A row whose events did not
        all publish stays pending and the failure is raised, so the relay backs off and retries
        it before anything newer (its events that did go out go again, with the same ids)."""
        rows = await self._pending_rows()
        if not rows:
            return 0
        producer = kafka_producer(self.broker)
        started = time.perf_counter()
        sends: list[asyncio.Future[Any]] = []
        owners: list[int] = []
        for n, row in enumerate(rows):
            for event in row_events(row):
                sends.append(await _send(producer, event))
                owners.append(n)
        results = await asyncio.gather(*sends, return_exceptions=True)
        failures = [r for r in results if isinstance(r, BaseException)]
        failed_rows = {
            n for n, r in zip(owners, results, strict=True) if isinstance(r, BaseException)
        }
        done = [row for n, row in enumerate(rows) if n not in failed_rows]
        metrics().outbox_publish_seconds.labels(self.service).observe(time.perf_counter() - started)
        for row in done:
            if self.after_publish is not None:
                await self.after_publish(row)
        published = 0
        if done:
            await self.outbox.collection.update_many(
                {"_id": {"$in": [row["_id"] for row in done]}},
                {"$set": {"status": "published", "published_at": datetime.now(UTC)}},
            )
            types = Counter(event["type"] for row in done for event in row_events(row))
            for event_type, count in types.items():
                metrics().outbox_published.labels(self.service, event_type).inc(count)
            published = sum(types.values())
        if failures:
            metrics().outbox_failures.labels(self.service).inc(len(failures))
            await self.outbox.collection.update_many(
                {"_id": {"$in": [rows[n]["_id"] for n in failed_rows]}},
                {"$inc": {"attempts": 1}, "$set": {"last_error": repr(failures[0])}},
            )
            raise failures[0]
        return published

    async def observe(self) -> None:
        pending = self.outbox.collection
        counted = await pending.aggregate(
            [
                {"$match": {"status": "pending"}},
                {"$group": {"_id": None, "events": {"$sum": {"$ifNull": ["$count", 1]}}}},
            ]
        )
        totals = await counted.to_list()
        metrics().outbox_pending.labels(self.service).set(totals[0]["events"] if totals else 0)
        oldest = await pending.find_one({"status": "pending"}, sort=[("created_ns", ASCENDING)])
        age = (time.time_ns() - oldest["created_ns"]) / 1e9 if oldest else 0.0
        metrics().outbox_oldest_age.labels(self.service).set(age)

    async def run(self) -> None:
        backoff = self.poll_seconds
        last_observed = 0.0
        while True:
            self.outbox.written.clear()
            try:
                if await self.hold_lease():
                    published = await self.publish_pending()
                    backoff = self.poll_seconds
                    if published >= self.batch_size:
                        continue
                if time.monotonic() - last_observed > 5:
                    await self.observe()
                    last_observed = time.monotonic()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("outbox relay iteration failed")
                backoff = min(backoff * 2, 5.0)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.outbox.written.wait(), timeout=backoff)


_tracer = trace.get_tracer("hireloop.outbox")


async def _send(producer: Any, event: dict[str, Any]) -> asyncio.Future[Any]:
    """Hand one event to the producer inside a producer span, the child of the trace the event
    was written in; the span's context goes in the headers, so the consumer's span follows it."""
    topic = event["topic"]
    with _tracer.start_as_current_span(
        f"{topic} publish",
        context=propagate.extract(event["headers"]),
        kind=SpanKind.PRODUCER,
        attributes={"messaging.system": "kafka", "messaging.destination.name": topic},
    ):
        headers = dict(event["headers"])
        propagate.inject(headers)
        future: asyncio.Future[Any] = await producer.send(
            topic,
            event["body"].encode(),
            key=event["key"].encode(),
            headers=[(k, v.encode()) for k, v in headers.items()],
        )
        return future
