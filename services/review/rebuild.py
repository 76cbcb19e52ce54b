"""Rebuild the submissions read model from the topics, from offset 0: `python -m services.review
rebuild`. Reads invitations, recordings and privacy up to their current end with a group-less
consumer, folds every event with the same `submission_projection.apply` as the live consumer, keeps the
review state (`review`: assignments, scores, decisions) of the live documents, writes a fresh
collection and swaps it in with one rename. Run it with the service stopped (or scaled to zero):
events the live consumer handles during the run would be missing from the swapped-in collection."""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass
from typing import Any

from aiokafka import AIOKafkaConsumer, TopicPartition
from pydantic import ValidationError
from pymongo import AsyncMongoClient

from contracts import EVENTS, Envelope
from contracts.envelope import EnvelopeError
from contracts.events.privacy import CandidateErasureRequested
from services.chassis.settings import Settings
from services.review import store, submission_projection
from services.review.settings import ReviewSettings
from services.review.submissions import initial_review

log = logging.getLogger(__name__)
TARGET = "submissions_rebuild"
BATCH = 1000


@dataclass(frozen=True)
class Rebuilt:
    events: int
    skipped: int
    submissions: int
    seconds: float


def fold_record(docs: dict[str, dict[str, Any]], headers: dict[str, str], body: bytes) -> bool:
    """Fold one Kafka record into the in-memory documents; False when it is not one we fold (or
    one the live consumer would have dead-lettered)."""
    try:
        envelope = Envelope.from_headers(headers)
    except EnvelopeError:
        return False
    if envelope.type not in submission_projection.EVENT_TYPES:
        return False
    try:
        payload = EVENTS[envelope.type].model.model_validate_json(body)
    except ValidationError:
        return False
    if isinstance(payload, CandidateErasureRequested):
        ids = payload.invitation_ids
    else:
        ids = [str(getattr(payload, "invitation_id"))]  # noqa: B009
    for invitation_id in ids:
        doc = docs.setdefault(invitation_id, {"_id": invitation_id, "tenant": envelope.tenant})
        if doc["tenant"] != envelope.tenant:
            return False
        try:
            submission_projection.apply(doc, envelope.type, payload, envelope.time)
        except ValueError:
            return False
    return True


async def read_topics(bootstrap: str) -> tuple[dict[str, dict[str, Any]], int, int]:
    consumer = AIOKafkaConsumer(
        bootstrap_servers=bootstrap, enable_auto_commit=False, group_id=None
    )
    await consumer.start()
    docs: dict[str, dict[str, Any]] = {}
    events = skipped = 0
    try:
        await consumer.topics()  # fetches the cluster's metadata
        partitions = []
        for topic in submission_projection.TOPICS:
            partitions += [
                TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic) or []
            ]
        consumer.assign(partitions)
        await consumer.seek_to_beginning(*partitions)
        end = await consumer.end_offsets(partitions)
        pending = {tp for tp in partitions if end[tp] > 0}
        while pending:
            batch = await consumer.getmany(*pending, timeout_ms=500)
            for tp, records in batch.items():
                for record in records:
                    if record.offset >= end[tp]:
                        continue
                    headers = {k: v.decode() for k, v in record.headers}
                    if fold_record(docs, headers, record.value or b""):
                        events += 1
                    else:
                        skipped += 1
            for tp in list(pending):
                if await consumer.position(tp) >= end[tp]:
                    pending.discard(tp)
    finally:
        await consumer.stop()
    return docs, events, skipped


async def rebuild(settings: Settings) -> Rebuilt:
    started = time.perf_counter()
    docs, events, skipped = await read_topics(settings.kafka_bootstrap_servers)
    client: AsyncMongoClient[dict[str, Any]] = AsyncMongoClient(settings.mongodb_url, tz_aware=True)
    try:
        db = client[settings.database_name]
        review = {
            d["_id"]: d["review"]
            async for d in db.submissions.find({}, {"review": 1})
            if "review" in d
        }
        out = [
            {
                **doc,
                **submission_projection.derive(doc),
                "review": review.get(i) or initial_review(i),
            }
            for i, doc in docs.items()
        ]
        await db[TARGET].drop()
        await store.ensure_submission_indexes(db, TARGET)
        for start in range(0, len(out), BATCH):
            await db[TARGET].insert_many(out[start : start + BATCH])
        if out:
            namespace = f"{settings.database_name}"
            await client.admin.command(
                "renameCollection",
                f"{namespace}.{TARGET}",
                to=f"{namespace}.submissions",
                dropTarget=True,
            )
        await store.ensure_submission_indexes(db)
    finally:
        await client.close()
    return Rebuilt(events, skipped, len(out), time.perf_counter() - started)


def main() -> int:
    logging.basicConfig(level=logging.INFO)
    result = asyncio.run(rebuild(ReviewSettings()))
    print(
        f"rebuilt {result.submissions} submissions from {result.events} events "
        f"({result.skipped} skipped) in {result.seconds:.1f} s",
        flush=True,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
