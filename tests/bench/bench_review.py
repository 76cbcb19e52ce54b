"""Review read-path figures with 10,000 submissions x 5 answers in the read model: p50/p99 of
"list a position's candidates, filtered and sorted, page 1" and of "next to review" through the
gateway at a steady request rate, and the same reads run directly against MongoDB (the ratio)."""

from __future__ import annotations

import asyncio
import copy
import random
import statistics
import time
import uuid
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

import httpx

from contracts import event_spec
from embedded import Endpoints
from services.chassis import identity as assertion
from services.chassis.identity import Identity
from services.gateway.app import create as create_gateway
from services.gateway.settings import GatewaySettings
from services.review import assignments, paging
from services.review import submission_projection as projection
from services.review.app import create as create_review
from services.review.settings import ReviewSettings
from services.review.submission_projection import score_key
from services.review.submissions import ROW_FIELDS, initial_review, settings_id
from tests.review.events import T0, Candidate
from tests.support import serving, settings_for, unique

SUBMISSIONS = 10_000
ANSWERS = 5
REVIEWERS = [f"user:r{i}" for i in range(5)]
RATE = 5  # requests per second, open loop (the embedded MongoDB server is one Python process)
SECONDS = 8
PLATFORM_KEY = "hlp_bench-platform-key-0123456789"


def template(position_id: str) -> dict[str, Any]:
    c = Candidate(position_id, n_questions=ANSWERS)
    doc: dict[str, Any] = {"_id": c.invitation_id, "tenant": "x"}
    for e in c.ready():
        projection.apply(doc, event_spec(type(e)).type, e, T0)
    return doc


def seed_docs(tenant: str, position_id: str) -> list[dict[str, Any]]:
    rng = random.Random(5)
    base = template(position_id)
    docs = []
    for i in range(SUBMISSIONS):
        doc = copy.deepcopy(base)
        doc.update(
            _id=str(uuid.uuid4()),
            tenant=tenant,
            candidate={"name": f"Candidate {i}", "email": f"c{i}@example.com"},
        )
        if i % 10 == 0:  # some still processing
            doc["times"].pop("completed", None)
            for a in list(doc["attempts"].values())[:1]:
                a.pop("transcoded", None)
        doc.update(projection.derive(doc))
        if doc["reviewable"]:
            doc["ready_at"] = T0 + timedelta(seconds=i)
            doc["ready_key"] = projection.ready_key(doc["ready_at"], doc["_id"])
        review = initial_review(doc["_id"])
        if rng.random() < 0.7:
            mean = round(rng.uniform(1, 5) * 4) / 4  # realistic ties
            review.update(
                {
                    "reviews": 2,
                    "mean": mean,
                    "spread": 0.5,
                    "score_key": score_key(mean, doc["_id"]),
                }
            )
            review["reviewed_by"] = rng.sample(REVIEWERS, 2)
        doc["review"] = review
        docs.append(doc)
    return docs


async def seed(db: Any, tenant: str, position_id: str) -> list[dict[str, Any]]:
    docs = seed_docs(tenant, position_id)
    for start in range(0, len(docs), 1000):
        await db.submissions.insert_many(docs[start : start + 1000])
    await db.review_settings.insert_one(
        {
            "_id": settings_id(tenant, position_id),
            "tenant": tenant,
            "position_id": position_id,
            "reviewers": REVIEWERS,
            "per_candidate": 2,
            "blind": True,
            "top_score_key": max(d["review"]["score_key"] for d in docs),
            "top_ready_key": max(d["ready_key"] for d in docs),
        }
    )
    return docs


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p99 = ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]
    return statistics.median(ordered) * 1000, p99 * 1000


async def steady(call: Callable[[], Awaitable[Any]], rate: int = RATE) -> list[float]:
    """Start one call every 1/rate seconds (open loop) for SECONDS; each call's latency."""
    latencies: list[float] = []

    async def timed() -> None:
        started = time.perf_counter()
        await call()
        latencies.append(time.perf_counter() - started)

    tasks = []
    start = time.perf_counter()
    for i in range(rate * SECONDS):
        await asyncio.sleep(max(0.0, start + i / rate - time.perf_counter()))
        tasks.append(asyncio.create_task(timed()))
    await asyncio.gather(*tasks)
    return latencies


async def run(endpoints: Endpoints) -> None:
    suffix = unique("")
    review = create_review(settings_for(endpoints, f"review{suffix}", ReviewSettings))
    async with serving(review) as review_url:
        gateway = create_gateway(
            settings_for(
                endpoints,
                f"gateway{suffix}",
                GatewaySettings,
                review_url=review_url,
                platform_admin_key=PLATFORM_KEY,
                rate_limit_burst=1_000_000,
                rate_limit_per_minute=1_000_000,
            )
        )
        async with serving(gateway) as url:
            await _measure(url, review, gateway.settings)  # type: ignore[arg-type]


async def _measure(url: str, review: Any, gateway_settings: GatewaySettings) -> None:
    async with httpx.AsyncClient(base_url=url, timeout=60) as anonymous:
        created = await anonymous.post(
            "/v1/tenants",
            json={"id": unique("bench"), "name": "Bench"},
            headers={"Authorization": f"Bearer {PLATFORM_KEY}"},
        )
    tenant: str = created.json()["id"]
    db = review.db
    position = unique("pos")
    started = time.perf_counter()
    docs = await seed(db, tenant, position)
    settings = await db.review_settings.find_one({"_id": settings_id(tenant, position)})
    assigned = await assignments.backfill(review, tenant, position, settings)
    seeded = time.perf_counter() - started
    print(
        f"seeded {SUBMISSIONS} submissions x {ANSWERS} answers and {assigned} assignments "
        f"in {seeded:.1f} s",
        flush=True,
    )

    def token(principal: str, role: str) -> str:
        identity = Identity(
            tenant=tenant,
            principal=principal,
            kind="user",
            roles=(role,),
            expires=time.time() + 3600,
        )
        return assertion.encode(identity, gateway_settings.token_secret)

    lead = httpx.AsyncClient(
        base_url=url,
        timeout=60,
        headers={"Authorization": f"Bearer {token('user:lead', 'recruiter')}"},
    )
    reviewer = httpx.AsyncClient(
        base_url=url,
        timeout=60,
        headers={"Authorization": f"Bearer {token(REVIEWERS[0], 'reviewer')}"},
    )
    list_params = {"status": "ready", "sort": "score", "min_score": 2, "limit": 50}

    async def list_http() -> None:
        r = await lead.get(f"/v1/positions/{position}/submissions", params=list_params)
        assert r.status_code == 200 and len(r.json()["items"]) == 50, r.text

    async def next_http() -> None:
        r = await reviewer.get("/v1/review-queue/next")
        assert r.status_code == 200, r.text

    base = {"tenant": tenant, "position_id": position, "status": "ready"}

    async def list_direct() -> None:
        async def fetch(lo: float, hi: float) -> list[dict[str, Any]]:
            found: list[dict[str, Any]] = await db.submissions.find(
                {**base, "review.score_key": {"$gt": lo, "$lte": hi}}, ROW_FIELDS
            ).to_list()
            for d in found:
                d["_key"] = d["review"]["score_key"]
            return found

        settings = await db.review_settings.find_one({"_id": settings_id(tenant, position)})
        page = await paging.descending(
            fetch,
            "_key",
            top=settings["top_score_key"],
            floor=2 - 1e-9,
            width=0.05,
            limit=51,
            after=None,
        )
        assert len(page) == 51

    async def list_naive() -> None:
        query = {**base, "review.score_key": {"$gte": 2}}
        cursor = db.submissions.find(query, ROW_FIELDS).sort("review.score_key", -1).limit(51)
        assert len(await cursor.to_list()) == 51

    async def next_direct() -> None:
        assert await assignments.next_for(db, tenant, REVIEWERS[0], None) is not None

    try:
        for call in (list_http, next_http, list_direct, next_direct):
            await call()  # warm up
        results = {}
        for name, call in (
            ("list page 1, HTTP via gateway", list_http),
            ("list page 1, MongoDB direct (same windowed reads)", list_direct),
            ("next to review, HTTP via gateway", next_http),
            ("next to review, MongoDB direct (same reads)", next_direct),
        ):
            results[name] = percentiles(await steady(call))
            p50, p99 = results[name]
            print(
                f"{name:55s} p50 {p50:7.1f} ms  p99 {p99:7.1f} ms  ({RATE}/s x {SECONDS} s)",
                flush=True,
            )
        naive = percentiles(await steady(list_naive, rate=2))
        print(
            f"{'list page 1, MongoDB one find+sort+limit (for scale)':55s} p50 {naive[0]:7.1f} ms  "
            f"p99 {naive[1]:7.1f} ms  (2/s x {SECONDS} s)",
            flush=True,
        )
        for what in ("list page 1", "next to review"):
            http = results[f"{what}, HTTP via gateway"][0]
            direct = next(v[0] for k, v in results.items() if k.startswith(f"{what}, MongoDB"))
            print(f"ratio HTTP/direct p50, {what}: {http / direct:.2f}", flush=True)
    finally:
        await lead.aclose()
        await reviewer.aclose()
    assert len(docs) == SUBMISSIONS


if __name__ == "__main__":
    import sys
    import tempfile
    from pathlib import Path

    from embedded import Stack

    with tempfile.TemporaryDirectory() as tmp:
        stack = Stack(Path(tmp), persistent=False)
        try:
            asyncio.run(run(stack.start()))
        finally:
            stack.stop()
    sys.exit(0)
