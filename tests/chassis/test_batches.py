"""Batched consumption against the real servers: a poison event is isolated from its batch and the
others apply once; a whole batch redelivered after a crash applies nothing twice."""

from __future__ import annotations

from collections import Counter
from collections.abc import AsyncIterator, Sequence
from typing import Any

import pytest
from faststream.kafka import KafkaBroker
from prometheus_client import REGISTRY

from contracts import dead_letter_topic, retry_topic
from contracts.events.probes import ProbeRequested
from embedded import Endpoints
from services.chassis.bus import Delivery, make_broker
from services.chassis.settings import Settings
from services.chassis.telemetry import configure_tracing
from tests.chassis.test_bus import Crash, Harness, probe, publish_direct, read_topic
from tests.support import eventually, settings_for, unique

pytestmark = pytest.mark.integration


class Batches(Harness):
    """The chassis harness, with its handler registered per event or per batch, counting every
    call (a rolled-back call counts too) and every checkpoint of the batch transactions."""

    def __init__(self, settings: Settings, kind: str) -> None:
        self.kind = kind
        self.calls: Counter[str] = Counter()
        self.commits: list[set[str]] = []
        self.crash_at: str | None = None
        self.crash_on: set[str] = set()
        super().__init__(settings)
        self.group.checkpoint = self.checkpoint

    def register(self) -> None:
        if self.kind == "batch":
            self.group.on_batch("probe.requested")(self.handle_batch)
        else:
            self.group.on("probe.requested")(self.handle_one)

    async def handle_one(self, delivery: Delivery[ProbeRequested]) -> None:
        self.calls[delivery.payload.probe_id] += 1
        await self.handle(delivery)

    async def handle_batch(self, deliveries: Sequence[Delivery[ProbeRequested]]) -> None:
        for delivery in deliveries:
            await self.handle_one(delivery)

    async def checkpoint(self, point: str, event_ids: list[str]) -> None:
        if point == "after_commit":
            self.commits.append(set(event_ids))
        if point == self.crash_at and self.crash_on & set(event_ids):
            self.crash_at = None  # the restarted process does not crash again
            raise Crash


@pytest.fixture
async def publisher(stack: Endpoints) -> AsyncIterator[KafkaBroker]:
    broker = make_broker(settings_for(stack, unique("publisher")), configure_tracing("tests"))
    await broker.start()
    yield broker
    await broker.stop()


async def _events_in_one_partition(
    broker: KafkaBroker, tenant: str, notes: list[str]
) -> tuple[list[ProbeRequested], list[str]]:
    """Publish before the group starts, under one key: the group's first fetch takes them all."""
    events = [probe(n) for n in notes]
    ids = [await publish_direct(broker, tenant, e, key=events[0].probe_id) for e in events]
    return events, ids


@pytest.mark.parametrize("kind", ["per-event", "batch"])
async def test_a_poison_event_is_isolated_and_the_rest_of_its_batch_applies_once(
    stack: Endpoints, publisher: KafkaBroker, kind: str
) -> None:
    tenant, poison_note = unique("tenant"), unique("poison")
    events, ids = await _events_in_one_partition(
        publisher, tenant, ["first", poison_note, "second", "third"]
    )
    first, poison, second, third = events
    harness = Batches(settings_for(stack, unique("batches")), kind)
    harness.fail_notes.add(poison_note)
    async with harness:
        group, bootstrap = harness.settings.service_name, harness.settings.kafka_bootstrap_servers

        async def parked() -> list[Any]:
            return await read_topic(bootstrap, dead_letter_topic(group), poison.probe_id)

        await eventually(lambda: harness.effects(third.probe_id), what="the last event")
        [dead] = await eventually(parked, timeout=60, what="the dead letter")
        for event in (first, second, third):
            assert await harness.effects(event.probe_id) == 1
        assert await harness.effects(poison.probe_id) == 0
        assert await harness.group.processed(ids) == {ids[0], ids[2], ids[3]}
    # It went down the retry path alone, as an unbatched failure does.
    assert dict(dead.headers)["x-error-type"] == b"RuntimeError"
    retries = await read_topic(bootstrap, retry_topic(group), poison.probe_id)
    assert len(retries) == harness.settings.consumer_max_attempts - 1
    # The first event was in the poison's transaction (rolled back, then committed without it).
    assert harness.calls[first.probe_id] == 2
    assert not any(ids[1] in commit for commit in harness.commits)
    if kind == "per-event":
        # The events after the poison still went in one transaction together.
        assert any({ids[2], ids[3]} <= commit for commit in harness.commits)


def _duplicates(group: str) -> float:
    return sum(
        s.value
        for metric in REGISTRY.collect()
        if metric.name == "events_handled"
        for s in metric.samples
        if s.name == "events_handled_total"
        and s.labels["group"] == group
        and s.labels["outcome"] == "duplicate"
    )


@pytest.mark.parametrize("crash_at", ["before_commit", "after_commit"])
async def test_a_batch_redelivered_after_a_crash_applies_nothing_twice(
    stack: Endpoints, publisher: KafkaBroker, crash_at: str
) -> None:
    tenant = unique("tenant")
    events, ids = await _events_in_one_partition(publisher, tenant, [f"e{n}" for n in range(5)])
    harness = Batches(settings_for(stack, unique("batches")), "per-event")
    harness.crash_at, harness.crash_on = crash_at, set(ids)
    async with harness:

        async def crashed() -> bool:
            return harness.crash_at is None

        await eventually(crashed, what="the crash")
        sentinel = probe("sentinel")
        await publish_direct(publisher, tenant, sentinel, key=events[0].probe_id)
        # Same partition, published after the crash: once it is applied, the redelivered batch
        # was taken.
        await eventually(lambda: harness.effects(sentinel.probe_id), what="the sentinel")
        for event in events:
            assert await harness.effects(event.probe_id) == 1
        calls = {harness.calls[e.probe_id] for e in events}
        if crash_at == "before_commit":
            # Rolled back with the crash, then applied once on redelivery.
            assert calls == {2}
        else:
            # Committed before the crash; the redelivered copies were all found in the inbox.
            assert calls == {1}
            assert _duplicates(harness.settings.service_name) >= len(events)
        assert sum(1 for commit in harness.commits if set(ids) & commit) == 1
