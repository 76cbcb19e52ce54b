"""Ingest's periodic job: the sweep of abandoned uploads (open attempts past their expiry,
multipart uploads nobody will finish) and the retention of raw uploads that did not become answers."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

from pymongo.asynchronous.client_session import AsyncClientSession

from contracts.events.recordings import RecordingRejected
from services.chassis.jobs import Periodic
from services.chassis.service import Service
from services.ingest.attempts import Attempts
from services.ingest.metrics import REJECTED
from services.ingest.store import AttemptDoc
from services.ingest.uploads import source_key

log = logging.getLogger(__name__)


async def sweep_once(attempts: Attempts, now: datetime | None = None) -> dict[str, int]:
    """Abandon expired open attempts (their chunks deleted, their upload aborted, a
    recording.rejected with reason `abandoned`), then abort orphaned multipart uploads."""
    now = now or datetime.now(UTC)
    abandoned = 0
    expired = (
        await attempts.collection.find({"status": "open", "expires_at": {"$lt": now}})
        .limit(500)
        .to_list()
    )
    for doc in expired:
        if await _abandon(attempts, doc, now):
            abandoned += 1
    aborted = await _abort_orphans(attempts, now)
    removed = await _expire_raw(attempts, now)
    return {"abandoned": abandoned, "aborted": aborted, "raw_removed": removed}


async def _expire_raw(attempts: Attempts, now: datetime) -> int:
    """Delete the raw `source` of attempts that were rejected, abandoned or salvaged more than
    `raw_retention_days` ago. An answer's own media (the source of an uploaded attempt, or a
    salvaged copy) is never touched here: erasure removes it."""
    cutoff = now - timedelta(days=attempts.settings.raw_retention_days)
    due = (
        await attempts.collection.find(
            {
                "finished_at": {"$lt": cutoff},
                "raw_removed_at": {"$exists": False},
                "$or": [{"status": {"$in": ["rejected", "abandoned"]}}, {"salvaged": True}],
            },
            {"tenant": 1, "mode": 1, "upload_id": 1, "assembled_bytes": 1},
        )
        .limit(500)
        .to_list()
    )
    for doc in due:
        await attempts.uploads.discard_chunks(doc)
        await attempts.uploads.store.delete_keys([source_key(doc["tenant"], doc["_id"])])
        await attempts.collection.update_one(
            {"_id": doc["_id"], "tenant": doc["tenant"]}, {"$set": {"raw_removed_at": now}}
        )
    return len(due)


async def _abandon(attempts: Attempts, doc: AttemptDoc, now: datetime) -> bool:
    tenant = doc["tenant"]

    async def write(session: AsyncClientSession) -> bool:
        updated = await attempts.collection.update_one(
            {"_id": doc["_id"], "tenant": tenant, "status": "open"},
            {
                "$set": {
                    "status": "abandoned",
                    "reason": "abandoned",
                    "message": "The upload was not completed in time.",
                    "finished_at": now,
                }
            },
            session=session,
        )
        if updated.modified_count == 0:
            return False
        await attempts.service.outbox.add(
            session,
            tenant,
            RecordingRejected(
                attempt_id=doc["_id"],
                invitation_id=doc["invitation_id"],
                question_id=doc["question_id"],
                reason="abandoned",
                message="The upload was not completed in time.",
                rejected_at=now,
            ),
        )
        return True

    if not await attempts.service.transaction(write):
        return False
    REJECTED.labels(attempts.service.name, "abandoned").inc()
    await attempts.uploads.discard_chunks(doc)
    return True


async def _abort_orphans(attempts: Attempts, now: datetime) -> int:
    """Multipart uploads that belong to no open attempt (a crash mid-assembly, an attempt that
    was never recorded) and are older than `orphan_upload_seconds`."""
    store = attempts.uploads.store
    cutoff = now - timedelta(seconds=attempts.settings.orphan_upload_seconds)
    aborted = 0
    for upload in await store.pending_uploads("tenants/"):
        if upload.initiated is not None and upload.initiated > cutoff:
            continue
        owner = await attempts.collection.find_one(
            {"upload_id": upload.upload_id, "status": "open"}, {"_id": 1}
        )
        if owner is None:
            await store.abort_multipart(upload.key, upload.upload_id)
            aborted += 1
    return aborted


def declare(service: Service, attempts: Attempts, *, enabled: bool = True) -> Periodic:
    """Every replica may sweep (each step is guarded), so no lease is needed."""

    async def sweep() -> dict[str, int]:
        result = await sweep_once(attempts)
        if any(result.values()):
            log.info("upload sweep", extra=result)
        return result

    return service.every(
        attempts.settings.sweep_interval_seconds, "upload-sweep", sweep, enabled=enabled
    )
