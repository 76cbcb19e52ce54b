"""Event path figures: outbox writes per second, relay throughput, and end-to-end consumer
throughput with the idempotency transaction, against the embedded servers."""

from __future__ import annotations

import time
import uuid
from datetime import UTC, datetime
from typing import Any

from pymongo import AsyncMongoClient
from pymongo.asynchronous.client_session import AsyncClientSession

from contracts.events.probes import ProbeRequested
from embedded import Endpoints
from services.chassis.bus import ConsumerGroup, Delivery, all_topics, ensure_topics, make_broker
from services.chassis.outbox import Outbox, OutboxRelay
from services.chassis.telemetry import configure_tracing
from tests.support import eventually, settings_for, unique

EVENTS = 2000


async def run(endpoints: Endpoints) -> None:
    settings = settings_for(endpoints, unique("bench"))
    client: AsyncMongoClient[dict[str, Any]] = AsyncMongoClient(settings.mongodb_url, tz_aware=True)
    db = client[settings.database_name]
    outbox = Outbox(db, source="/bench")
    await outbox.ensure_indexes()
    await ensure_topics(settings.kafka_bootstrap_servers, all_topics())
    tenant = unique("tenant")

    started = time.perf_counter()
    async with client.start_session() as session:
        for _ in range(EVENTS):
            event = ProbeRequested(probe_id=str(uuid.uuid4()), requested_at=datetime.now(UTC))

            async def write(s: AsyncClientSession, event: ProbeRequested = event) -> None:
                await db.state.insert_one({"_id": event.probe_id}, session=s)
                await outbox.add(s, tenant, event)

            await session.with_transaction(write)
    written = time.perf_counter() - started
    print(
        f"outbox: {EVENTS} state+event transactions in {written:.2f} s = {EVENTS / written:,.0f} /s"
    )

    broker = make_broker(settings, configure_tracing("bench"))
    handled = 0
    done_at = 0.0

    async def handle(delivery: Delivery[ProbeRequested]) -> None:
        nonlocal handled, done_at
        if delivery.tenant != tenant:
            return
        await db.effects.insert_one({"_id": delivery.payload.probe_id}, session=delivery.session)
        handled += 1
        done_at = time.perf_counter()

    group = ConsumerGroup(settings.service_name, broker, client, db, settings)
    group.on("probe.requested")(handle)
    await group.ensure_indexes()
    group.subscribe()
    await broker.start()
    relay = OutboxRelay(outbox, broker, service="bench", batch_size=500)
    started = time.perf_counter()
    assert await relay.hold_lease()
    while await relay.publish_pending():
        await relay.hold_lease()
    relayed = time.perf_counter() - started
    print(
        f"relay: {EVENTS} events published (acks=all) in {relayed:.2f} s "
        f"= {EVENTS / relayed:,.0f} /s"
    )
    await eventually(lambda: _true(handled >= EVENTS), timeout=300, what="every event handled")
    total = done_at - started
    print(
        f"consumer: {handled}/{EVENTS} events handled exactly once (inbox transaction) "
        f"{total:.2f} s after the relay began = {handled / total:,.0f} /s"
    )
    await broker.stop()
    await client.close()


async def _true(value: bool) -> bool:
    return value
