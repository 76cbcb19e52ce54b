"""Transcription jobs in MongoDB: created once per transcoded answer, claimed under a lease,
finished exactly once with the transcript and its event in one transaction."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from pymongo import ASCENDING
from pymongo.asynchronous.client_session import AsyncClientSession

from contracts.events.recordings import (
    RecordingTranscoded,
    RecordingTranscribed,
    RecordingTranscriptionFailed,
)
from services.chassis.claims import claim_one
from services.chassis.service import Service
from services.transcription import store, transcripts
from services.transcription.metrics import TRANSCRIPTIONS
from services.transcription.settings import TranscriptionSettings
from services.transcription.store import NEVER, JobDoc, TranscriptDoc


class LeaseLost(Exception):
    """Another worker holds the job now (this one's lease expired)."""


class Jobs:
    def __init__(self, service: Service, settings: TranscriptionSettings) -> None:
        self.service = service
        self.settings = settings
        self.collection = store.jobs(service.db)

    async def create(
        self, session: AsyncClientSession, tenant: str, event: RecordingTranscoded
    ) -> None:
        """Idempotent: a redelivered recording.transcoded finds its job and changes nothing.
        The lowest rendition carries the same audio as the others, in the fewest bytes."""
        lowest = min(event.renditions, key=lambda r: r.bandwidth)
        now = datetime.now(UTC)
        await self.collection.update_one(
            {"_id": event.attempt_id, "tenant": tenant},
            {
                "$setOnInsert": {
                    "invitation_id": event.invitation_id,
                    "question_id": event.question_id,
                    "playlist_key": lowest.playlist_key,
                    "has_audio": event.audio.has_audio,
                    "duration_seconds": event.duration_seconds,
                    "status": "queued",
                    "attempts": 0,
                    "owner": None,
                    "lease_expires": NEVER,
                    "not_before": now,
                    "queued_at": now,
                }
            },
            upsert=True,
            session=session,
        )

    async def get(self, tenant: str, attempt_id: str) -> JobDoc | None:
        return await self.collection.find_one({"_id": attempt_id, "tenant": tenant})

    async def backlog(self) -> tuple[int, int]:
        """(waiting, running) over all tenants, from the status index only."""
        now = datetime.now(UTC)
        open_jobs = await self.collection.count_documents(
            {"status": {"$in": ["queued", "running"]}}, maxTimeMS=5000
        )
        running = await self.collection.count_documents(
            {"status": "running", "lease_expires": {"$gte": now}}, maxTimeMS=5000
        )
        return max(0, open_jobs - running), running

    def _lease(self, now: datetime) -> datetime:
        return now + timedelta(seconds=self.settings.job_lease_seconds)

    def _held(self, job: JobDoc) -> dict[str, object]:
        """The filter of a job still held by the worker that claimed it."""
        return {
            "_id": job["_id"],
            "tenant": job["tenant"],
            "owner": job["owner"],
            "status": "running",
        }

    async def claim(self, owner: str) -> JobDoc | None:
        """Take the next due job (queued, or running under an expired lease); a job out of
        attempts is failed instead and the next one is taken."""

        async def work(session: AsyncClientSession) -> tuple[JobDoc | None, bool]:
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
                    },
                    "$inc": {"attempts": 1},
                },
                sort=[("lease_expires", ASCENDING)],
                session=session,
            )
            if job is None:
                return None, False
            if job["attempts"] > self.settings.job_max_attempts:
                message = job.get("error") or "The transcription did not finish on any attempt."
                await self._fail(
                    session, job, "retries_exhausted", message, attempts=job["attempts"] - 1
                )
                return None, True
            return job, False

        while True:
            claimed, exhausted = await self.service.transaction(work)
            if not exhausted:
                return claimed
            TRANSCRIPTIONS.labels(self.service.name, "failed").inc()

    async def renew(self, job: JobDoc) -> None:
        updated = await self.collection.update_one(
            self._held(job), {"$set": {"lease_expires": self._lease(datetime.now(UTC))}}
        )
        if updated.matched_count == 0:
            raise LeaseLost(job["_id"])

    async def done(self, job: JobDoc, transcript: TranscriptDoc) -> bool:
        """Store the transcript and publish recording.transcribed, if this worker still holds
        the job (else nothing: another worker, or an erasure, has it)."""

        async def work(session: AsyncClientSession) -> bool:
            updated = await self.collection.update_one(
                self._held(job),
                {
                    "$set": {
                        "status": "done",
                        "finished_at": transcript["transcribed_at"],
                        "lease_expires": NEVER,
                    }
                },
                session=session,
            )
            if updated.matched_count == 0:
                return False
            await transcripts.save(self.service.db, session, transcript)
            await self.service.outbox.add(session, job["tenant"], _transcribed(transcript))
            return True

        finished: bool = await self.service.transaction(work)
        if finished:
            outcome = "transcribed" if transcript["transcribed"] else "untranscribed"
            TRANSCRIPTIONS.labels(self.service.name, outcome).inc()
        return finished

    async def failed(self, job: JobDoc, reason: str, message: str) -> bool:
        async def work(session: AsyncClientSession) -> bool:
            return await self._fail(session, job, reason, message, attempts=job["attempts"])

        failed: bool = await self.service.transaction(work)
        if failed:
            TRANSCRIPTIONS.labels(self.service.name, "failed").inc()
        return failed

    async def _fail(
        self, session: AsyncClientSession, job: JobDoc, reason: str, message: str, *, attempts: int
    ) -> bool:
        now = datetime.now(UTC)
        updated = await self.collection.update_one(
            self._held(job),
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
        event = RecordingTranscriptionFailed(
            attempt_id=job["_id"],
            invitation_id=job["invitation_id"],
            question_id=job["question_id"],
            reason=reason,
            message=message[:2000],
            job_attempts=attempts,
            failed_at=now,
        )
        await self.service.outbox.add(session, job["tenant"], event)
        return True

    async def retry_later(self, job: JobDoc, error: str) -> None:
        """A transient failure: back to the queue after an exponential backoff."""
        delay = self.settings.job_retry_backoff_seconds * 2 ** (job["attempts"] - 1)
        now = datetime.now(UTC)
        await self.collection.update_one(
            self._held(job),
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
        """On an orderly stop: hand this owner's running jobs back at once, attempt returned."""
        await self.collection.update_many(
            {"owner": owner, "status": "running"},
            {
                "$set": {"status": "queued", "owner": None, "lease_expires": NEVER},
                "$inc": {"attempts": -1},
            },
        )


def _transcribed(doc: TranscriptDoc) -> RecordingTranscribed:
    return RecordingTranscribed(
        attempt_id=doc["_id"],
        invitation_id=doc["invitation_id"],
        question_id=doc["question_id"],
        position_id=doc["position_id"],
        language=doc["language"],
        transcribed=doc["transcribed"],
        untranscribed_reason=doc["untranscribed_reason"],
        no_speech=doc["no_speech"],
        word_count=sum(len(s["words"]) for s in doc["segments"]),
        duration_seconds=doc["duration_seconds"],
        model=doc["model"],
        transcribe_seconds=doc["transcribe_seconds"],
        transcribed_at=doc["transcribed_at"],
        text=" ".join(s["text"].strip() for s in doc["segments"]).strip() or None,
    )
