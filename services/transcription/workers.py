"""Transcription workers: asyncio tasks that claim jobs, fetch and decode the answer's audio, run
the model in a thread (never on the event loop), keep their lease and store the transcript."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pymongo.asynchronous.database import AsyncDatabase

from contracts.events.recordings import RecordingTranscoded
from services.chassis.bus import Delivery
from services.chassis.storage import ObjectStore
from services.transcription import audio, invitation_view
from services.transcription.engine import SAMPLE_RATE, Engine, Result
from services.transcription.metrics import REALTIME_FACTOR, TRANSCRIPTION_SECONDS
from services.transcription.settings import TranscriptionSettings
from services.transcription.store import JobDoc, SegmentDoc, TranscriptDoc
from services.transcription.transcription_jobs import Jobs, LeaseLost

log = logging.getLogger(__name__)


class InvitationUnknown(Exception):
    """invitation.created has not reached this service yet: try again later."""


class WorkerPool:
    def __init__(
        self,
        jobs: Jobs,
        engine: Engine,
        store: ObjectStore,
        db: AsyncDatabase[dict[str, Any]],
        settings: TranscriptionSettings,
        replica: str,
    ) -> None:
        self.jobs = jobs
        self.engine = engine
        self.store = store
        self.db = db
        self.settings = settings
        self.replica = replica
        self.wake = asyncio.Event()
        self.tasks: list[asyncio.Task[None]] = []
        self.owners: list[str] = []

    async def queue(self, delivery: Delivery[RecordingTranscoded]) -> None:
        """Only record the job and wake a worker: the consumer never waits for the model."""
        await self.jobs.create(delivery.session, delivery.tenant, delivery.payload)
        self.wake.set()

    def start(self) -> None:
        for _ in range(self.settings.workers):
            owner = f"{self.replica}-w{len(self.tasks)}-{uuid.uuid4().hex[:6]}"
            self.owners.append(owner)
            self.tasks.append(asyncio.create_task(self._loop(owner), name=owner))

    async def stop(self) -> None:
        for task in self.tasks:
            task.cancel()
        for task in self.tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        for owner in self.owners:
            await self.jobs.release(owner)

    async def _loop(self, owner: str) -> None:
        while True:
            try:
                job = await self.jobs.claim(owner)
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("claiming a transcription job failed")
                job = None
            if job is None:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self.wake.wait(), self.settings.job_poll_seconds)
                self.wake.clear()
                continue
            await self.process(job)

    async def process(self, job: JobDoc) -> None:
        work = asyncio.create_task(self.transcribe(job))
        lost = asyncio.Event()
        beat = asyncio.create_task(self._heartbeat(job, work, lost))
        try:
            transcript = await work
            if not await self.jobs.done(job, transcript):
                log.warning("transcription finished without its job", extra={"job": job["_id"]})
        except audio.Undecodable as exc:
            await self.jobs.failed(job, "undecodable", f"The answer's audio cannot be read: {exc}")
        except (LeaseLost, asyncio.CancelledError):
            current = asyncio.current_task()
            if not lost.is_set() or (current is not None and current.cancelling()):
                raise
            log.warning("transcription lease lost", extra={"job": job["_id"]})
        except Exception as exc:
            log.exception("transcription failed; retrying later", extra={"job": job["_id"]})
            with contextlib.suppress(Exception):
                await self.jobs.retry_later(job, f"{type(exc).__name__}: {exc}")
        finally:
            beat.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await beat

    async def _heartbeat(self, job: JobDoc, work: asyncio.Task[Any], lost: asyncio.Event) -> None:
        while True:
            await asyncio.sleep(self.settings.job_lease_seconds / 3)
            try:
                await self.jobs.renew(job)
            except LeaseLost:
                lost.set()
                work.cancel()
                return
            except Exception:
                log.exception("lease renewal failed", extra={"job": job["_id"]})

    async def transcribe(self, job: JobDoc) -> TranscriptDoc:
        """The transcript of one job: untranscribed when the model cannot handle the position's
        language (never decoded as another language), empty with the no-speech flag when the
        answer has no audio or voice activity detection finds no speech."""
        started = time.monotonic()
        view = await invitation_view.find(self.db, job["tenant"], job["invitation_id"])
        if view is None:
            raise InvitationUnknown(job["invitation_id"])
        language = view["language"]
        result = Result((), job["duration_seconds"], 0.0)
        reason = None
        if language not in self.engine.languages:
            reason = "unsupported_language"
        elif job["has_audio"]:
            samples = await self._samples(job)
            if samples.size:
                result = await asyncio.to_thread(
                    self.engine.transcribe, samples, language, self.settings.transcription_beam_size
                )
        seconds = time.monotonic() - started
        if reason is None and result.duration:
            TRANSCRIPTION_SECONDS.labels(self.jobs.service.name).observe(seconds)
            REALTIME_FACTOR.labels(self.jobs.service.name).observe(result.duration / seconds)
        return {
            "_id": job["_id"],
            "tenant": job["tenant"],
            "invitation_id": job["invitation_id"],
            "question_id": job["question_id"],
            "position_id": view["position_id"],
            "language": language,
            "transcribed": reason is None,
            "untranscribed_reason": reason,
            "no_speech": reason is None and result.no_speech,
            "segments": _segments(result),
            "duration_seconds": round(result.duration or job["duration_seconds"], 3),
            "model": self.engine.name,
            "transcribe_seconds": round(seconds, 3),
            "transcribed_at": datetime.now(UTC),
        }

    async def _samples(self, job: JobDoc) -> Any:
        with tempfile.TemporaryDirectory(prefix="transcribe-") as scratch:
            folder = Path(scratch)
            playlist = await audio.fetch_rendition(
                self.store, job["tenant"], job["playlist_key"], folder
            )
            samples = await audio.decode(playlist, folder / "audio.f32")
        return samples[: int(self.settings.max_audio_seconds * SAMPLE_RATE)]


def _segments(result: Result) -> list[SegmentDoc]:
    return [
        {
            "start": s.start,
            "end": s.end,
            "text": s.text,
            "words": [
                {"w": w.text, "s": w.start, "e": w.end, "p": round(w.probability, 3)}
                for w in s.words
            ],
        }
        for s in result.segments
    ]
