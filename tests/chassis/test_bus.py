"""The chassis against the real servers: outbox crash recovery, idempotent consumers, dead letters."""

from __future__ import annotations

import json
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import pytest
from aiokafka import AIOKafkaConsumer, TopicPartition
from faststream.kafka import KafkaBroker
from prometheus_client import REGISTRY
from pymongo import AsyncMongoClient
from pymongo.asynchronous.client_session import AsyncClientSession
from pymongo.asynchronous.database import AsyncDatabase

from contracts import Envelope, dead_letter_topic, retry_topic
from contracts.events.probes import ProbeRequested
from embedded import Endpoints
from services.chassis.bus import (
    ConsumerGroup,
    Delivery,
    PermanentError,
    all_topics,
    ensure_topics,
    group_topics,
    make_broker,
)
from services.chassis.outbox import Outbox, OutboxRelay
from services.chassis.settings import Settings
from services.chassis.telemetry import configure_tracing
from tests.support import eventually, settings_for, unique

pytestmark = pytest.mark.integration


class Harness:
    """A consumer group on the real broker whose handler counts effects in MongoDB per probe."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.client: AsyncMongoClient[dict[str, Any]] = AsyncMongoClient(
            settings.mongodb_url, tz_aware=True
        )
        self.db: AsyncDatabase[dict[str, Any]] = self.client[settings.database_name]
        self.broker: KafkaBroker = make_broker(settings, configure_tracing("tests"))
        self.group = ConsumerGroup(
            settings.service_name, self.broker, self.client, self.db, settings
        )
        self.fail_notes: set[str] = set()
        self.permanent_notes: set[str] = set()
        self.register()

    def register(self) -> None:
        self.group.on("probe.requested")(self.handle)

    async def handle(self, delivery: Delivery[ProbeRequested]) -> None:
        note = delivery.payload.note or ""
        if note in self.permanent_notes:
            raise PermanentError(f"cannot handle {note}")
        if note in self.fail_notes:
            raise RuntimeError(f"poison {note}")
        await self.db.effects.update_one(
            {"_id": delivery.payload.probe_id},
            {"$inc": {"count": 1}, "$set": {"note": note, "tenant": delivery.tenant}},
            upsert=True,
            session=delivery.session,
        )

    async def effects(self, probe_id: str) -> int:
        doc = await self.db.effects.find_one({"_id": probe_id})
        return int(doc["count"]) if doc else 0

    async def __aenter__(self) -> Harness:
        await ensure_topics(
            self.settings.kafka_bootstrap_servers,
            {**all_topics(), **group_topics(self.settings.service_name)},
        )
        await self.group.ensure_indexes()
        self.group.subscribe()
        await self.broker.start()
        return self

    async def __aexit__(self, *_: object) -> None:
        await self.broker.stop()
        await self.client.close()


@pytest.fixture
async def harness(stack: Endpoints) -> AsyncIterator[Harness]:
    async with Harness(settings_for(stack, unique("bus"))) as h:
        yield h


def probe(note: str) -> ProbeRequested:
    return ProbeRequested(probe_id=str(uuid.uuid4()), requested_at=datetime.now(UTC), note=note)


async def publish_direct(
    broker: KafkaBroker, tenant: str, event: ProbeRequested, key: str | None = None, **kw: Any
) -> str:
    """Publish as a producer would; `key` (default: the probe id) chooses the partition."""
    envelope = Envelope(
        type="probe.requested",
        source="/tests",
        tenant=tenant,
        subject=event.probe_id,
        schemaversion=1,
        **kw,
    )
    await broker.publish(
        event.model_dump_json().encode(),
        "probes",
        key=(key or event.probe_id).encode(),
        headers=envelope.headers(),
    )
    return envelope.id


async def read_topic(bootstrap: str, topic: str, match: str) -> list[Any]:
    """Every record currently on `topic` whose headers or body mention `match`."""
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False)
    await consumer.start()
    try:
        partitions = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic) or []]
        if not partitions:
            await consumer.force_metadata_update()  # type: ignore[attr-defined]
            partitions = [
                TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic) or []
            ]
        consumer.assign(partitions)
        await consumer.seek_to_beginning(*partitions)
        end = await consumer.end_offsets(partitions)
        records: list[Any] = []
        while any([await consumer.position(tp) < end[tp] for tp in partitions]):
            batch = await consumer.getmany(timeout_ms=500)
            for rs in batch.values():
                records += [
                    r
                    for r in rs
                    if match.encode() in (r.value or b"")
                    or any(match.encode() in v for _, v in r.headers)
                ]
        return records
    finally:
        await consumer.stop()


async def test_same_event_delivered_twice_has_one_effect(harness: Harness) -> None:
    tenant, event = unique("tenant"), probe("twice")
    event_id = str(uuid.uuid4())
    for _ in range(2):
        await publish_direct(harness.broker, tenant, event, id=event_id)
    other = probe("after")  # same key, so once this is handled both copies were taken
    await publish_direct(harness.broker, tenant, other, key=event.probe_id)
    await eventually(lambda: harness.effects(other.probe_id), what="the later event")
    assert await harness.effects(event.probe_id) == 1
    records = await read_topic(harness.settings.kafka_bootstrap_servers, "probes", event.probe_id)
    assert len(records) == 2  # it really was delivered twice


async def test_consumer_lag_is_exported_per_partition(harness: Harness) -> None:
    event = probe("lag")
    await publish_direct(harness.broker, unique("tenant"), event)
    await eventually(lambda: harness.effects(event.probe_id), what="the event")
    await harness.group.observe_lag()
    samples = [
        s
        for metric in REGISTRY.collect()
        if metric.name == "kafka_consumer_lag"
        for s in metric.samples
        if s.labels["group"] == harness.settings.service_name
    ]
    assert {s.labels["topic"] for s in samples} == {"probes"}
    assert all(s.value >= 0 for s in samples)


async def test_poison_message_is_dead_lettered_and_the_partition_moves_on(harness: Harness) -> None:
    tenant = unique("tenant")
    poison, later = probe(unique("poison")), probe("later")
    harness.fail_notes.add(poison.note or "")
    # Same key, so both land on the same partition, the later one behind the poison.
    await publish_direct(harness.broker, tenant, poison)
    await publish_direct(harness.broker, tenant, later, key=poison.probe_id)
    await eventually(lambda: harness.effects(later.probe_id), what="the later message")

    group = harness.settings.service_name
    bootstrap = harness.settings.kafka_bootstrap_servers

    async def parked() -> list[Any]:
        return await read_topic(bootstrap, dead_letter_topic(group), poison.probe_id)

    [dead] = await eventually(parked, timeout=60, what="the dead letter")
    headers = {k: v.decode() for k, v in dead.headers}
    assert headers["x-error-type"] == "RuntimeError"
    assert f"poison {poison.note}" in headers["x-error"]
    assert headers["x-attempt"] == str(harness.settings.consumer_max_attempts)
    assert headers["x-original-topic"] == "probes"
    assert json.loads(dead.value)["probe_id"] == poison.probe_id
    retries = await read_topic(bootstrap, retry_topic(group), poison.probe_id)
    assert len(retries) == harness.settings.consumer_max_attempts - 1
    assert await harness.effects(poison.probe_id) == 0


async def test_permanent_errors_and_malformed_payloads_skip_the_retries(harness: Harness) -> None:
    tenant = unique("tenant")
    group = harness.settings.service_name
    bootstrap = harness.settings.kafka_bootstrap_servers
    permanent = probe(unique("permanent"))
    harness.permanent_notes.add(permanent.note or "")
    await publish_direct(harness.broker, tenant, permanent)
    marker = unique("malformed")
    bad_headers = Envelope(
        type="probe.requested", source="/tests", tenant=tenant, subject=marker, schemaversion=1
    ).headers()
    await harness.broker.publish(
        json.dumps({"probe_id": marker}).encode(),
        "probes",
        key=marker.encode(),
        headers=bad_headers,
    )
    await harness.broker.publish(b"{}", "probes", key=marker.encode(), headers={"x-marker": marker})

    async def parked() -> list[Any]:
        found = await read_topic(bootstrap, dead_letter_topic(group), permanent.probe_id)
        found += await read_topic(bootstrap, dead_letter_topic(group), marker)
        return found if len(found) == 3 else []

    dead = await eventually(parked, timeout=60, what="three dead letters")
    types = sorted(dict(r.headers)["x-error-type"].decode() for r in dead)
    assert types == ["EnvelopeError", "PermanentError", "ValidationError"]
    assert all(dict(r.headers)["x-attempt"] == b"1" for r in dead)
    assert await read_topic(bootstrap, retry_topic(group), permanent.probe_id) == []


class Crash(Exception):
    """Stands for the process dying at the hook's point."""


async def _write_probe(
    outbox: Outbox, client: AsyncMongoClient[dict[str, Any]], tenant: str, event: ProbeRequested
) -> None:
    async def work(session: AsyncClientSession) -> None:
        await outbox.collection.database.probes.insert_one(
            {"_id": event.probe_id, "tenant": tenant}, session=session
        )
        await outbox.add(session, tenant, event)

    async with client.start_session() as session:
        await session.with_transaction(work)


@pytest.mark.parametrize("crash_point", ["before_publish", "after_publish_before_mark"])
async def test_outbox_survives_a_relay_crash_with_one_effect(
    harness: Harness, stack: Endpoints, crash_point: str
) -> None:
    settings = settings_for(stack, unique("producer"))
    client: AsyncMongoClient[dict[str, Any]] = AsyncMongoClient(settings.mongodb_url, tz_aware=True)
    db = client[settings.database_name]
    outbox = Outbox(db, source="/tests")
    await outbox.ensure_indexes()
    broker = make_broker(settings, configure_tracing("tests"))
    await broker.start()
    tenant, event = unique("tenant"), probe("outbox")
    try:
        await _write_probe(outbox, client, tenant, event)
        assert await db.outbox.count_documents({"status": "pending"}) == 1

        async def crash(_: dict[str, Any]) -> None:
            raise Crash

        first = OutboxRelay(outbox, broker, service="producer", lease_seconds=0.5)
        if crash_point == "before_publish":
            # The state and the event are committed; the relay dies before it publishes.
            assert await first.hold_lease()
        else:
            first.after_publish = crash
            assert await first.hold_lease()
            with pytest.raises(Crash):
                await first.publish_pending()
        # A second relay (a restarted process) takes over once the dead one's lease expires.
        second = OutboxRelay(outbox, broker, service="producer", lease_seconds=5)
        await eventually(second.hold_lease, what="the lease to expire")
        assert await second.publish_pending() == 1
        assert await second.publish_pending() == 0
        assert await db.outbox.count_documents({"status": "pending"}) == 0

        await eventually(lambda: harness.effects(event.probe_id), what="the consumer's effect")
        copies = 2 if crash_point == "after_publish_before_mark" else 1
        records = await read_topic(settings.kafka_bootstrap_servers, "probes", event.probe_id)
        assert len(records) == copies
        assert len({dict(r.headers)["ce_id"] for r in records}) == 1
        sentinel = probe("sentinel")
        await publish_direct(harness.broker, tenant, sentinel, key=event.probe_id)
        # Same partition as the copies: once the sentinel is handled, every copy was taken.
        await eventually(lambda: harness.effects(sentinel.probe_id), what="a later event")
        assert await harness.effects(event.probe_id) == 1
    finally:
        await broker.stop()
        await client.close()
