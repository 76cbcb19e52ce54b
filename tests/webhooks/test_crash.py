"""At least once, in order, across a crash: the webhooks service runs as its own process, is
killed with SIGKILL in the middle of a burst of events (requests in flight, deliveries not yet
created) and started again; the receiver, verifying every signature with `standardwebhooks`,
still gets every event, a duplicate only with the same `webhook-id` and body, and each endpoint
gets each aggregate's events in the order they were published."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from embedded import Endpoints
from tests.support import eventually, unique
from tests.webhooks.harness import Received, running
from tests.webhooks.harness import completed as completed_event

ENDPOINTS = (2, 1)  # of each tenant
AGGREGATES = 5  # of each tenant
EVENTS = 100  # of each tenant: 200 events, 300 deliveries
HELD_AFTER = 60  # the receiver answers 60 requests, then holds the rest until the crash


def collapse(ids: list[str]) -> list[str]:
    """A lane's webhook ids as received, repeats in a row counted once (a retry after the
    crash of the request in flight)."""
    return [i for n, i in enumerate(ids) if n == 0 or ids[n - 1] != i]


async def test_a_burst_survives_a_killed_service_with_every_event_in_order(
    stack: Endpoints, tmp_path: Path
) -> None:
    async with running(stack, process_log=tmp_path / "webhooks.log") as hooks:
        own = hooks.process
        assert own is not None
        receiver = hooks.receiver
        # What each path must receive: per aggregate, the webhook ids in publication order.
        expected: dict[str, dict[str, list[str]]] = {}
        bursts = []
        for endpoints in ENDPOINTS:
            tenant, key = await hooks.tenant()
            paths = [(await hooks.endpoint(key))[1] for _ in range(endpoints)]
            aggregates = [unique("inv") for _ in range(AGGREGATES)]
            events = [completed_event(aggregates[n % AGGREGATES]) for n in range(EVENTS)]
            bursts.append((tenant, paths, aggregates, events))
        receiver.hold(after=HELD_AFTER)
        for tenant, paths, aggregates, events in bursts:
            ids = await hooks.publish(tenant, *events)
            lanes: dict[str, list[str]] = defaultdict(list)
            for n, event_id in enumerate(ids):
                lanes[aggregates[n % AGGREGATES]].append(f"msg_{event_id}")
            for path in paths:
                expected[path] = dict(lanes)
        total = sum(len(ids) for lanes in expected.values() for ids in lanes.values())

        async def in_flight() -> bool:
            return receiver.held > 0

        await eventually(in_flight, timeout=180, what="requests in flight at the receiver")
        await own.kill()
        before_crash = len(receiver.received)
        receiver.release()
        await own.start()

        def arrived() -> dict[str, set[str]]:
            seen: dict[str, set[str]] = defaultdict(set)
            for r in receiver.received:
                seen[r.path].add(r.webhook_id)
            return seen

        async def everything() -> bool:
            seen = arrived()
            return all(
                seen[path] >= {i for ids in lanes.values() for i in ids}
                for path, lanes in expected.items()
            )

        # A request in flight at the crash is retried once its claim lapses (the attempt's
        # timeout and a margin of 30 s).
        await eventually(everything, timeout=300, what=f"all {total} deliveries after the crash")

    assert HELD_AFTER < before_crash < total, "killed in the middle of the burst"
    assert own.starts == 2
    assert all(r.verified_by == [0] for r in receiver.received), "every request is signed"
    copies: dict[tuple[str, str], list[Received]] = defaultdict(list)
    for r in receiver.received:
        copies[(r.path, r.webhook_id)].append(r)
    wanted = {(path, i) for path, lanes in expected.items() for ids in lanes.values() for i in ids}
    assert set(copies) == wanted, "every event once at least, and nothing else"
    for same in copies.values():
        assert len({r.body for r in same}) == 1, "a duplicate is the same message"
    duplicates = sum(len(same) - 1 for same in copies.values())
    assert len(receiver.received) == total + duplicates
    for path, lanes in expected.items():
        got: dict[str, list[str]] = defaultdict(list)
        for r in receiver.at(path):
            got[json.loads(r.body)["data"]["invitation_id"]].append(r.webhook_id)
        for aggregate, ids in lanes.items():
            assert collapse(got[aggregate]) == ids, f"{path} {aggregate} out of order"
