"""Webhook delivery figures with the webhooks service in its own process (as `make run` starts it)
and a real receiver on 127.0.0.1: the latency from an event's publication to its arrival at the
receiver (p50, p99) and deliveries per second to one fast endpoint and to 50 endpoints, while the
retry queue holds 10,000 deliveries of a failing endpoint, due later. It checks only that every
delivery arrived once at least, signed, and that the retry queue was left waiting."""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from pymongo import AsyncMongoClient

from contracts import Envelope
from contracts.events import EVENTS
from contracts.webhooks import message
from embedded import Endpoints
from services.webhooks.deliveries import lane
from services.webhooks.store import DeliveryDoc
from tests.support import eventually, unique
from tests.webhooks.harness import Harness, completed, running

QUEUED = 10_000  # deliveries of a failing endpoint, each due in the next hours
LATENCY_EVENTS = 50  # published one at a time, PACE apart
PACE = 0.05
BURST = 500  # events at once to one endpoint, over AGGREGATES lanes
AGGREGATES = 50
FAN_OUT = 50  # endpoints of one tenant
FAN_OUT_EVENTS = 20  # events at once, FAN_OUT_EVENTS * FAN_OUT deliveries
# Retries wait long enough for the queue to stay in the future; nothing is disabled.
SETTINGS: dict[str, Any] = {
    "webhooks_backoff_seconds": 3600.0,
    "webhooks_backoff_max_seconds": 86_400.0,
    "webhooks_disable_after_seconds": 86_400.0,
    "webhooks_attempt_timeout_seconds": 10.0,
}


async def run(endpoints: Endpoints) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        log = Path(tmp) / "webhooks.log"
        async with running(endpoints, process_log=log, **SETTINGS) as hooks:
            await _measure(hooks)


def _percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))]


async def _queue(hooks: Harness) -> Any:
    """The failing endpoint's retry queue, written as the service leaves deliveries after a
    failed first attempt: pending, each the head of its lane, due in the next two hours."""
    assert hooks.process is not None
    settings = hooks.process.settings
    client: AsyncMongoClient[dict[str, Any]] = AsyncMongoClient(settings.mongodb_url, tz_aware=True)
    db = client[settings.database_name]
    tenant, key = await hooks.tenant()
    endpoint, _ = await hooks.endpoint(key, answers=[500] * 10)
    now = datetime.now(UTC)
    docs = []
    for n in range(QUEUED):
        aggregate = unique("inv")
        envelope = Envelope(
            type="invitation.completed",
            source="/bench",
            tenant=tenant,
            subject=aggregate,
            schemaversion=EVENTS["invitation.completed"].version,
        )
        public = message(envelope, completed(aggregate))
        assert public is not None
        doc = DeliveryDoc(
            _id=f"{endpoint['id']}:{envelope.id}",
            tenant=tenant,
            endpoint_id=endpoint["id"],
            event_id=envelope.id,
            webhook_id=f"msg_{envelope.id}",
            event_type="invitation.completed",
            aggregate=aggregate,
            lane=lane(endpoint["id"], aggregate),
            seq=time.time_ns(),
            body=public.model_dump_json(),
            status="pending",
            attempts=1,
            due_at=now + timedelta(seconds=600 + n * 0.7),
            created_at=now,
            last_status=500,
            last_error="HTTP 500",
        )
        docs.append(doc)
    started = time.perf_counter()
    for start in range(0, QUEUED, 1_000):
        await db.deliveries.insert_many(docs[start : start + 1_000])
    print(
        f"retry queue: {QUEUED:,} pending deliveries of a failing endpoint, due from 10 min to "
        f"2 h (written in {time.perf_counter() - started:.1f} s)"
    )
    return client, db, endpoint["id"]


async def _arrived(hooks: Harness, wanted: dict[str, set[str]], what: str) -> float:
    """Wait until every path received each of its webhook ids; when the last one arrived."""
    receiver = hooks.receiver

    async def done() -> bool:
        seen: dict[str, set[str]] = {path: set() for path in wanted}
        for r in receiver.received:
            if r.path in seen:
                seen[r.path].add(r.webhook_id)
        return all(seen[path] >= ids for path, ids in wanted.items())

    await eventually(done, timeout=1_800, what=what)
    last = {}
    for r in receiver.received:
        if r.path in wanted and r.webhook_id in wanted[r.path]:
            last.setdefault((r.path, r.webhook_id), r.at)
    assert all(r.verified_by == [0] for r in receiver.received if r.path in wanted), "signed"
    return max(last.values())


async def _latency(hooks: Harness) -> None:
    tenant, key = await hooks.tenant()
    _, path = await hooks.endpoint(key)
    published: dict[str, float] = {}
    for _ in range(LATENCY_EVENTS):
        at = time.time()
        (event_id,) = await hooks.publish(tenant, completed())
        published[f"msg_{event_id}"] = at
        await asyncio.sleep(PACE)
    await _arrived(hooks, {path: set(published)}, "the latency events")
    first: dict[str, float] = {}
    for r in hooks.receiver.at(path):
        first.setdefault(r.webhook_id, r.at)
    waits = [(first[i] - at) * 1000 for i, at in published.items()]
    print(
        f"latency, event published to receiver: {LATENCY_EVENTS} events {PACE * 1000:.0f} ms "
        f"apart: p50 {statistics.median(waits):.0f} ms, p99 {_percentile(waits, 0.99):.0f} ms, "
        f"max {max(waits):.0f} ms"
    )


async def _burst(hooks: Harness, endpoints: int, events: int, aggregates: int) -> None:
    tenant, key = await hooks.tenant()
    paths = [(await hooks.endpoint(key))[1] for _ in range(endpoints)]
    lanes = [unique("inv") for _ in range(aggregates)]
    payloads = [completed(lanes[n % aggregates]) for n in range(events)]
    started = time.time()
    ids = []
    for start in range(0, events, 500):
        ids += await hooks.publish(tenant, *payloads[start : start + 500])
    wanted = {path: {f"msg_{i}" for i in ids} for path in paths}
    deliveries = endpoints * events
    last = await _arrived(hooks, wanted, f"{deliveries} deliveries")
    took = last - started
    print(
        f"throughput: {events:,} events over {aggregates} aggregates to {endpoints} "
        f"endpoint{'s' if endpoints > 1 else ''} = {deliveries:,} deliveries in {took:.1f} s "
        f"= {deliveries / took:,.0f} deliveries/s (from the first publication to the last arrival)"
    )


async def _measure(hooks: Harness) -> None:
    client, db, failing = await _queue(hooks)
    try:
        await _latency(hooks)
        await _burst(hooks, 1, BURST, AGGREGATES)
        await _burst(hooks, FAN_OUT, FAN_OUT_EVENTS, 10)
        waiting = await db.deliveries.count_documents(
            {"endpoint_id": failing, "status": "pending", "attempts": 1}
        )
        attempted = len([r for r in hooks.receiver.received if r.answered == 500])
    finally:
        await client.close()
    assert waiting == QUEUED, f"the retry queue was touched: {waiting} of {QUEUED} left"
    assert attempted == 0, "no retry was attempted before its due time"
    print(f"retry queue after the runs: {waiting:,} still pending, none attempted early")
