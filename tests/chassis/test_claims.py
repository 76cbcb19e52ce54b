"""Claims on the embedded MongoDB-protocol server: claimers racing for the same documents each take
a different one, in the filter's order, and the claimed document comes back as updated."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import pytest
from pymongo import ASCENDING, AsyncMongoClient
from pymongo.asynchronous.collection import AsyncCollection

from embedded import Endpoints
from services.chassis.claims import applied, claim_one
from tests.support import unique

pytestmark = pytest.mark.integration


@pytest.fixture
async def jobs(stack: Endpoints) -> AsyncIterator[AsyncCollection[Any]]:
    client: AsyncMongoClient[dict[str, Any]] = AsyncMongoClient(stack.mongodb_url)
    collection = client[unique("claims")].jobs
    await collection.create_index([("status", ASCENDING), ("due", ASCENDING)])
    yield collection
    await client.close()


async def test_racing_claimers_take_each_document_once_in_order(
    jobs: AsyncCollection[Any],
) -> None:
    await jobs.insert_many(
        [{"_id": f"j{n:02}", "status": "queued", "due": n, "attempts": 0} for n in range(10)]
    )
    await jobs.insert_one({"_id": "done", "status": "done", "due": -1, "attempts": 1})

    async def claimer(owner: str) -> list[dict[str, Any]]:
        taken = []
        while job := await claim_one(
            jobs,
            {"status": "queued", "due": {"$lte": 100}},
            {"$set": {"status": "running", "owner": owner}, "$inc": {"attempts": 1}},
            sort=[("due", ASCENDING)],
        ):
            taken.append(job)
        return taken

    results = await asyncio.gather(*(claimer(f"worker-{n}") for n in range(4)))
    claimed = [job for taken in results for job in taken]
    assert sorted(job["_id"] for job in claimed) == [f"j{n:02}" for n in range(10)]
    for taken in results:  # each claimer got its jobs in due order
        assert [job["due"] for job in taken] == sorted(job["due"] for job in taken)
    for job in claimed:  # what came back is what was stored
        assert job == await jobs.find_one({"_id": job["_id"]})
        assert job["status"] == "running" and job["attempts"] == 1
    assert await jobs.find_one({"_id": "done"}) == {
        "_id": "done",
        "status": "done",
        "due": -1,
        "attempts": 1,
    }


async def test_nothing_due_is_none_and_unsupported_claims_are_refused(
    jobs: AsyncCollection[Any],
) -> None:
    assert await claim_one(jobs, {"status": "queued"}, {"$set": {"x": 1}}, sort=[]) is None
    with pytest.raises(ValueError, match="top-level operator"):
        await claim_one(jobs, {"$or": [{"a": 1}]}, {"$set": {"x": 1}}, sort=[])
    with pytest.raises(ValueError, match="top-level fields"):
        await claim_one(jobs, {"a": 1}, {"$push": {"x": 1}}, sort=[])
    with pytest.raises(ValueError, match="top-level fields"):
        await claim_one(jobs, {"a": 1}, {"$set": {"x.y": 1}}, sort=[])


def test_the_claimed_document_is_computed_from_the_update() -> None:
    doc = {"_id": 1, "a": 1, "n": 2, "gone": True}
    update = {"$set": {"a": 5}, "$inc": {"n": 1, "m": 2}, "$unset": {"gone": ""}}
    assert applied(doc, update) == {"_id": 1, "a": 5, "n": 3, "m": 2}
