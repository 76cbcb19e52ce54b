"""Event path figures against the embedded servers: outbox writes (one transaction per event, and
one bulk write), relay throughput, and exactly-once consumption (batched inbox transactions) with a
per-event handler and with a batch handler, each beside the store's own `insert_many` rate
measured in the same run."""

from __future__ import annotations

import time
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from pymongo import AsyncMongoClient
from pymongo.asynchronous.client_session import AsyncClientSession
from pymongo.asynchronous.database import AsyncDatabase

from contracts.events.probes import ProbeRequested
from embedded import Endpoints
from services.chassis.bus import ConsumerGroup, Delivery, all_topics, ensure_topics, make_broker
from services.chassis.outbox import Outbox, OutboxRelay
from services.chassis.settings import Settings
from services.chassis.telemetry import configure_tracing
from tests.support import eventually, settings_for, unique

SINGLE = 2_000  # state+event transactions, one per event
BULK = 10_000  # events written, relayed and consumed in bulk
KINDS = ("per-event", "batch")


async def run(endpoints: Endpoints) -> None:
    settings = settings_for(endpoints, unique("bench"))
    client: AsyncMongoClient[dict[str, Any]] = AsyncMongoClient(settings.mongodb_url, tz_aware=True)
    db = client[settings.database_name]
    outbox = Outbox(db, source="/bench")
    await outbox.ensure_indexes()
    await ensure_topics(settings.kafka_bootstrap_servers, all_topics())

    store_rate = await _insert_many_rate(db)
    print(f"store: insert_many of {BULK} documents = {store_rate:,.0f} docs/s (the reference)")

    tenant = unique("tenant")
    started = time.perf_counter()
    async with client.start_session() as session:
        for _ in range(SINGLE):
            event = _probe()

            async def write(s: AsyncClientSession, event: ProbeRequested = event) -> None:
                await db.state.insert_one({"_id": event.probe_id}, session=s)
                await outbox.add(s, tenant, event)

            await session.with_transaction(write)
    written = time.perf_counter() - started
    print(f"outbox: {SINGLE} state+event transactions = {SINGLE / written:,.0f} /s")

    events = [_probe() for _ in range(BULK)]
    started = time.perf_counter()
    for start in range(0, BULK, 500):
        chunk = events[start : start + 500]

        async def bulk(s: AsyncClientSession, chunk: list[ProbeRequested] = chunk) -> None:
            await db.state.insert_many([{"_id": e.probe_id} for e in chunk], session=s)
            await outbox.add_many(s, tenant, list(chunk))

        async with client.start_session() as session:
            await session.with_transaction(bulk)
    written = time.perf_counter() - started
    rate = BULK / written
    print(
        f"outbox: {BULK} state+event rows in bulk (500 per transaction) = {rate:,.0f} /s "
        f"({rate / store_rate:.0%} of insert_many)"
    )

    broker = make_broker(settings, configure_tracing("bench"))
    await broker.start()
    relay = OutboxRelay(outbox, broker, service="bench")
    started = time.perf_counter()
    assert await relay.hold_lease()
    published = 0
    while n := await relay.publish_pending():
        published += n
        await relay.hold_lease()
    relayed = time.perf_counter() - started
    print(
        f"relay: {published} events published (acks=all) = {published / relayed:,.0f} /s "
        f"({published / relayed / store_rate:.0%} of insert_many)"
    )
    await broker.stop()

    ids = {e.probe_id for e in events}
    for kind in KINDS:
        await _consume(settings, client, tenant, ids, kind, store_rate)
    await client.close()


async def _consume(
    base: Settings,
    client: AsyncMongoClient[dict[str, Any]],
    tenant: str,
    ids: set[str],
    kind: str,
    store_rate: float,
) -> None:
    """A fresh consumer group reads every probe from the start; times the bulk events' effects.
    Each group has a database of its own, as each service has: the inbox is the database's, so a
    second group in the first one's database would find every event applied already."""
    settings = base.model_copy(update={"service_name": unique("bench")})
    own = client[settings.service_name]
    effects = own[unique("effects")]
    broker = make_broker(settings, configure_tracing("bench"))
    group = ConsumerGroup(settings.service_name, broker, client, own, settings)
    seen = 0  # every delivery takes its inbox entry; the bulk probes also get an effect
    applied = 0
    first = last = 0.0

    def count(deliveries: int, mine: int) -> None:
        nonlocal seen, applied, first, last
        first = first or time.perf_counter()
        last = time.perf_counter()
        seen += deliveries
        applied += mine

    async def one(delivery: Delivery[ProbeRequested]) -> None:
        mine = delivery.tenant == tenant and delivery.payload.probe_id in ids
        if mine:
            await effects.insert_one({"_id": delivery.payload.probe_id}, session=delivery.session)
        count(1, int(mine))

    async def many(deliveries: Sequence[Delivery[ProbeRequested]]) -> None:
        mine = [d.payload.probe_id for d in deliveries if d.tenant == tenant]
        mine = [i for i in mine if i in ids]
        if mine:
            await effects.insert_many([{"_id": i} for i in mine], session=deliveries[0].session)
        count(len(deliveries), len(mine))

    if kind == "batch":
        group.on_batch("probe.requested")(many)
    else:
        group.on("probe.requested")(one)
    await group.ensure_indexes()
    group.subscribe()
    await broker.start()
    await eventually(lambda: _true(applied >= len(ids)), timeout=600, what="every event handled")
    await broker.stop()
    assert await effects.count_documents({}) == len(ids)
    rate = seen / (last - first)
    print(
        f"consumer ({kind} handler): {seen} events applied exactly once (batched inbox "
        f"transactions, one effect each) = {rate:,.0f} /s ({rate / store_rate:.0%} of insert_many)"
    )


async def _insert_many_rate(db: AsyncDatabase[dict[str, Any]]) -> float:
    collection = db[unique("reference")]
    docs = [{"_id": str(uuid.uuid4()), "n": n} for n in range(BULK)]
    started = time.perf_counter()
    await collection.insert_many(docs)
    return BULK / (time.perf_counter() - started)


def _probe() -> ProbeRequested:
    return ProbeRequested(probe_id=str(uuid.uuid4()), requested_at=datetime.now(UTC))


async def _true(value: bool) -> bool:
    return value
