"""Transactional outbox: events are stored with the state change that causes them, then relayed to Kafka.

States: pending -> published. The relay holds a lease (one active relay per service, so events
leave in the order they were written) and marks an event published only after Kafka acknowledged
it (acks=all). A crash between the two republishes the event with the same id; consumers are
idempotent on that id, so the effect happens once.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from faststream.kafka import KafkaBroker
from pymongo import ASCENDING, ReturnDocument
from pymongo.asynchronous.client_session import AsyncClientSession
from pymongo.asynchronous.database import AsyncDatabase
from pymongo.errors import DuplicateKeyError

from contracts import Envelope, Payload, event_spec
from services.chassis.telemetry import continued_from, current_trace_headers, metrics

log = logging.getLogger(__name__)

OUTBOX = "outbox"
LEASES = "leases"
PUBLISHED_RETENTION = timedelta(days=7)


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
        """Write events in the caller's transaction, in order, in one round trip."""
        trace_headers = current_trace_headers()
        envelopes: list[Envelope] = []
        docs: list[dict[str, Any]] = []
        written_ns = time.time_ns()  # + position, so a batch keeps its order in the relay's sort
        for position, payload in enumerate(payloads):
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
            docs.append(
                {
                    "_id": envelope.id,
                    "tenant": tenant,
                    "type": spec.type,
                    "topic": spec.topic,
                    "key": envelope.subject,
                    "headers": envelope.headers(),
                    "trace": trace_headers,
                    "body": payload.model_dump_json(),
                    "status": "pending",
                    "created_ns": written_ns + position,
                    "attempts": 0,
                }
            )
        if docs:
            await self.collection.insert_many(docs, session=session)
            self.written.set()
        return envelopes


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
        batch_size: int = 200,
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

    async def publish_pending(self) -> int:
        """Relay one batch; returns how many events were published.

        The batch is handed to the producer at once (it keeps one request in flight per partition,
        so a partition's order holds) and acknowledgements are awaited together. Events whose
        publish failed stay pending and the failure is raised, so the relay backs off and retries
        them before anything newer."""
        docs = await (
            self.outbox.collection.find({"status": "pending"})
            .sort("created_ns", ASCENDING)
            .limit(self.batch_size)
            .to_list()
        )
        if not docs:
            return 0
        sends = []
        for doc in docs:
            with continued_from(doc.get("trace", {})):
                sends.append(
                    await self.broker.publish(
                        doc["body"].encode(),
                        doc["topic"],
                        key=doc["key"].encode(),
                        headers=dict(doc["headers"]),
                        no_confirm=True,
                    )
                )
        results = await asyncio.gather(*sends, return_exceptions=True)
        done = [d for d, r in zip(docs, results, strict=True) if not isinstance(r, BaseException)]
        failures = [r for r in results if isinstance(r, BaseException)]
        for doc in done:
            if self.after_publish is not None:
                await self.after_publish(doc)
        if done:
            await self.outbox.collection.update_many(
                {"_id": {"$in": [d["_id"] for d in done]}},
                {"$set": {"status": "published", "published_at": datetime.now(UTC)}},
            )
            for doc in done:
                metrics().outbox_published.labels(self.service, doc["type"]).inc()
        if failures:
            metrics().outbox_failures.labels(self.service).inc(len(failures))
            failed_ids = [d["_id"] for d, r in zip(docs, results, strict=True) if r in failures]
            await self.outbox.collection.update_many(
                {"_id": {"$in": failed_ids}},
                {"$inc": {"attempts": 1}, "$set": {"last_error": repr(failures[0])}},
            )
            raise failures[0]
        return len(done)

    async def observe(self) -> None:
        pending = self.outbox.collection
        count = await pending.count_documents({"status": "pending"})
        metrics().outbox_pending.labels(self.service).set(count)
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
                    if published == self.batch_size:
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
