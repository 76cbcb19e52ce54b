"""Transcode jobs in MongoDB: created once per recording, claimed under a lease, finished exactly once (docs/adr/0012)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any, cast

from pymongo import ASCENDING
from pymongo.asynchronous.client_session import AsyncClientSession

from contracts.events.recordings import (
    RecordingTranscoded,
    RecordingTranscodeFailed,
    RecordingTranscoding,
    RecordingUploaded,
    Rendition,
)
from contracts.events.rooms import RoomRecordingStored
from services.chassis.claims import claim_one
from services.chassis.service import Service
from services.transcoding import store
from services.transcoding.metrics import TIME_TO_PLAYABLE, TRANSCODE_SECONDS, TRANSCODES
from services.transcoding.settings import TranscodingSettings
from services.transcoding.store import NEVER, JobDoc, RenditionDoc, ResultDoc

# queued -> running (owner + lease) -> done | failed, or back to queued with a backoff after a
# transient failure. A lease that is not renewed expires and the job is claimed again (a crash);
# every transition after the claim is guarded by the owner, so only the current holder publishes.


class LeaseLost(Exception):
    """Another worker holds the job now (this one's lease expired)."""


class Jobs:
    def __init__(self, service: Service, settings: TranscodingSettings) -> None:
        self.service = service
        self.settings = settings
        self.collection = store.jobs(service.db)

    async def create(
        self,
        session: AsyncClientSession,
        tenant: str,
        event: RecordingUploaded | RoomRecordingStored,
    ) -> None:
        """Idempotent: a redelivered event finds its job and changes nothing. A screening answer's
        job is keyed by its attempt; a live interview's by its recording (no question)."""
        now = datetime.now(UTC)
        if isinstance(event, RoomRecordingStored):
            job_id, question_id, uploaded_at = event.recording_id, "", event.stored_at
            stage: dict[str, Any] = {"stage": "interview", "booking_id": event.booking_id}
        else:
            job_id, question_id, uploaded_at = (
                event.attempt_id,
                event.question_id,
                event.uploaded_at,
            )
            stage = {}
        await self.collection.update_one(
            {"_id": job_id, "tenant": tenant},
            {
                "$setOnInsert": {
                    "invitation_id": event.invitation_id,
                    "question_id": question_id,
                    **stage,
                    "source_key": event.object_key,
                    "duration_hint": event.duration_seconds,
                    "status": "queued",
                    "attempts": 0,
                    "owner": None,
                    "lease_expires": NEVER,
                    "not_before": now,
                    "progress": 0.0,
                    "queued_at": now,
                    "uploaded_at": uploaded_at,
                }
            },
            upsert=True,
            session=session,
        )

    async def backlog(self) -> tuple[int, int]:
        """(waiting, running) over all tenants: jobs no worker holds (queued, or running under
        an expired lease) and jobs under a live lease. Both counts read the status index only
        (finished jobs are not scanned) and give up after a few seconds."""
        now = datetime.now(UTC)
        open_jobs = await self.collection.count_documents(
            {"status": {"$in": ["queued", "running"]}}, maxTimeMS=5000
        )
        running = await self.collection.count_documents(
            {"status": "running", "lease_expires": {"$gte": now}}, maxTimeMS=5000
        )
        return max(0, open_jobs - running), running

    async def get(self, tenant: str, attempt_id: str) -> JobDoc | None:
        return await self.collection.find_one({"_id": attempt_id, "tenant": tenant})

    def _lease(self, now: datetime) -> datetime:
        return now + timedelta(seconds=self.settings.job_lease_seconds)

    async def claim(self, owner: str) -> JobDoc | None:
        """Take the next due job (queued, or running under an expired lease). A job out of
        attempts is failed instead (recording.transcode_failed) and the next one is taken."""

        async def work(session: AsyncClientSession) -> tuple[JobDoc | None, bool]:
            """The claimed job, and whether it was out of attempts (and failed)."""
            now = datetime.now(UTC)
            job = await claim_one(
                self.collection,
                {
                    "status": {"$in": ["queued", "running"]},
                    "lease_expires": {"$lt": now},
                    "not_before": {"$lte": now},
                },
                {
                    "$set": {
                        "status": "running",
                        "owner": owner,
                        "lease_expires": self._lease(now),
                        "started_at": now,
                        "progress": 0.0,
                    },
                    "$inc": {"attempts": 1},
                },
                sort=[("lease_expires", ASCENDING)],
                session=session,
            )
            if job is None:
                return None, False
            if job["attempts"] > self.settings.job_max_attempts:
                await self._fail(
                    session,
                    job,
                    "retries_exhausted",
                    job.get("error") or "The transcode did not finish on any attempt.",
                    attempts=job["attempts"] - 1,
                )
                return None, True
            await self.service.outbox.add(
                session,
                job["tenant"],
                RecordingTranscoding(**recording_ids(job), job_attempt=job["attempts"], at=now),
            )
            return job, False

        while True:
            claimed, exhausted = await self.service.transaction(work)
            if not exhausted:
                return claimed
            TRANSCODES.labels(self.service.name, "failed").inc()

    async def renew(self, job: JobDoc, progress: float) -> None:
        now = datetime.now(UTC)
        updated = await self.collection.update_one(
            {
                "_id": job["_id"],
                "tenant": job["tenant"],
                "owner": job["owner"],
                "status": "running",
            },
            {"$set": {"lease_expires": self._lease(now), "progress": round(progress, 1)}},
        )
        if updated.matched_count == 0:
            raise LeaseLost(job["_id"])

    async def playable(
        self, job: JobDoc, rendition: str, renditions: list[Rendition], progress: float
    ) -> None:
        """The lowest rendition can be played: record when, and tell the others."""

        async def work(session: AsyncClientSession) -> None:
            now = datetime.now(UTC)
            updated = await self.collection.update_one(
                {
                    "_id": job["_id"],
                    "tenant": job["tenant"],
                    "owner": job["owner"],
                    "status": "running",
                },
                {
                    "$set": {
                        "first_playable_at": now,
                        "playable_rendition": rendition,
                        "renditions": _renditions(renditions),
                    }
                },
                session=session,
            )
            if updated.matched_count == 0:
                raise LeaseLost(job["_id"])
            await self.service.outbox.add(
                session,
                job["tenant"],
                RecordingTranscoding(
                    **recording_ids(job),
                    job_attempt=job["attempts"],
                    playable_rendition=rendition,
                    progress_percent=round(progress, 1),
                    at=now,
                ),
            )

        await self.service.transaction(work)
        since = job.get("uploaded_at") or job["queued_at"]
        waited = (datetime.now(UTC) - since).total_seconds()
        TIME_TO_PLAYABLE.labels(self.service.name).observe(waited)

    async def done(self, job: JobDoc, result: RecordingTranscoded) -> bool:
        """Mark the job done and publish its result, in one transaction; False if the lease was
        lost (the new holder will publish)."""

        async def work(session: AsyncClientSession) -> bool:
            updated = await self.collection.update_one(
                {
                    "_id": job["_id"],
                    "tenant": job["tenant"],
                    "owner": job["owner"],
                    "status": "running",
                },
                {
                    "$set": {
                        "status": "done",
                        "progress": 100.0,
                        "result": _result(result),
                        "finished_at": result.transcoded_at,
                        "lease_expires": NEVER,
                    }
                },
                session=session,
            )
            if updated.matched_count == 0:
                return False
            await self.service.outbox.add(session, job["tenant"], result)
            return True

        done: bool = await self.service.transaction(work)
        if done:
            TRANSCODES.labels(self.service.name, "succeeded").inc()
            TRANSCODE_SECONDS.labels(self.service.name).observe(result.transcode_seconds)
        return done

    async def failed(self, job: JobDoc, reason: str, message: str) -> bool:
        async def work(session: AsyncClientSession) -> bool:
            return await self._fail(session, job, reason, message, attempts=job["attempts"])

        failed: bool = await self.service.transaction(work)
        if failed:
            TRANSCODES.labels(self.service.name, "failed").inc()
        return failed

    async def _fail(
        self,
        session: AsyncClientSession,
        job: JobDoc,
        reason: str,
        message: str,
        *,
        attempts: int,
    ) -> bool:
        now = datetime.now(UTC)
        updated = await self.collection.update_one(
            {
                "_id": job["_id"],
                "tenant": job["tenant"],
                "owner": job["owner"],
                "status": "running",
            },
            {
                "$set": {
                    "status": "failed",
                    "failure_reason": reason,
                    "failure_message": message[:2000],
                    "finished_at": now,
                    "lease_expires": NEVER,
                }
            },
            session=session,
        )
        if updated.matched_count == 0:
            return False
        await self.service.outbox.add(
            session,
            job["tenant"],
            RecordingTranscodeFailed(
                **recording_ids(job),
                reason=reason,
                message=message[:2000],
                job_attempts=attempts,
                failed_at=now,
            ),
        )
        return True

    async def retry_later(self, job: JobDoc, error: str) -> None:
        """A transient failure: back to the queue after an exponential backoff; the claim fails
        the job once its attempts are used up."""
        delay = self.settings.job_retry_backoff_seconds * 2 ** (job["attempts"] - 1)
        now = datetime.now(UTC)
        await self.collection.update_one(
            {
                "_id": job["_id"],
                "tenant": job["tenant"],
                "owner": job["owner"],
                "status": "running",
            },
            {
                "$set": {
                    "status": "queued",
                    "owner": None,
                    "lease_expires": NEVER,
                    "not_before": now + timedelta(seconds=delay),
                    "error": error[:2000],
                }
            },
        )

    async def release(self, owner: str) -> None:
        """On an orderly stop: hand this owner's running jobs back at once (without a retry
        cost, the attempt is returned)."""
        await self.collection.update_many(
            {"owner": owner, "status": "running"},
            {
                "$set": {"status": "queued", "owner": None, "lease_expires": NEVER},
                "$inc": {"attempts": -1},
            },
        )


def _renditions(renditions: list[Rendition]) -> list[RenditionDoc]:
    return [cast(RenditionDoc, r.model_dump()) for r in renditions]


def _result(result: RecordingTranscoded) -> ResultDoc:
    return cast(ResultDoc, result.model_dump(mode="json"))


def recording_ids(job: JobDoc) -> dict[str, Any]:
    """What names the job's recording in every event it publishes."""
    return {
        "attempt_id": job["_id"],
        "invitation_id": job["invitation_id"],
        "question_id": job["question_id"],
        "stage": job.get("stage", "screening"),
        "booking_id": job.get("booking_id"),
    }
