"""Bulk invite figures on the whole system as `make run` starts it: time for 10,000 invitations
from the request to every `invitation.created` consumed, and the services' peak memory."""

from __future__ import annotations

import json
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import httpx
from aiokafka import AIOKafkaConsumer

from embedded import Endpoints, System
from tests.gateway.harness import QUESTION_SET
from tests.support import eventually, free_port, unique

ROWS = 10_000


def peak_rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def run(_: Endpoints) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        # The gateway waits as long as the bulk takes (its default 60 s would cut a slow run
        # short, and the figure is what this benchmark is for).
        env = {"GATEWAY_PORT": str(free_port()), "UPSTREAM_TIMEOUT_SECONDS": "600"}
        system = System(Path(tmp), extra_env=env)
        try:
            info = system.start()
            await _measure(info.gateway_url, info.api_key, info.endpoints, system)
        finally:
            system.stop()


async def _measure(url: str, key: str, endpoints: Endpoints, system: System) -> None:
    async with httpx.AsyncClient(
        base_url=url, timeout=300, headers={"Authorization": f"Bearer {key}"}
    ) as admin:
        qs = (await admin.post("/v1/question-sets", json=QUESTION_SET)).json()
        position = (
            await admin.post("/v1/positions", json={"title": "Bench", "question_set_id": qs["id"]})
        ).json()
        consumer = AIOKafkaConsumer(
            "invitations",
            bootstrap_servers=endpoints.kafka_bootstrap_servers,
            group_id=unique("bench"),
            auto_offset_reset="latest",
            session_timeout_ms=3000,
            heartbeat_interval_ms=600,
        )
        await consumer.start()
        await eventually(_assigned(consumer), what="the bench consumer's partitions")
        for tp in consumer.assignment():
            await consumer.position(tp)  # pin "latest" before the request
        prefix = unique("b")
        rows = [{"name": f"P {i}", "email": f"{prefix}-{i}@example.com"} for i in range(ROWS)]
        started = time.perf_counter()
        response = await admin.post(
            f"/v1/positions/{position['id']}/invitations/bulk",
            content=json.dumps(rows).encode(),
            headers={"content-type": "application/json"},
        )
        answered = time.perf_counter() - started
        assert response.status_code == 200, f"{response.status_code} {response.text[:500]}"
        assert response.json()["created"] == ROWS, response.text[:500]
        seen = 0
        while seen < ROWS:
            batch = await consumer.getmany(timeout_ms=1000)
            for records in batch.values():
                seen += sum(
                    1 for r in records if dict(r.headers).get("ce_type") == b"invitation.created"
                )
        consumed = time.perf_counter() - started
        await consumer.stop()
    print(f"bulk invite: {ROWS} rows answered in {answered:.2f} s ({ROWS / answered:,.0f} rows/s)")
    print(
        f"bulk invite: all {ROWS} invitation.created events consumed {consumed:.2f} s after the "
        f"request ({ROWS / consumed:,.0f} events/s)"
    )
    for proc in system.procs:
        if proc.name in ("invite", "gateway"):
            print(f"peak memory (VmHWM) of {proc.name}: {peak_rss_mib(proc.pid):.0f} MiB")


def _assigned(consumer: AIOKafkaConsumer) -> Callable[[], Awaitable[bool]]:
    async def check() -> bool:
        return bool(consumer.assignment())

    return check
