"""Transcode workers: asyncio tasks that claim jobs, run ffmpeg as a child process, keep their lease, publish the result."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import tempfile
import time
import uuid
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from contracts.events.recordings import (
    AudioLevel,
    RecordingTranscoded,
    RecordingUploaded,
    Rendition,
    ThumbnailStrip,
)
from contracts.events.rooms import RoomRecordingStored
from services.chassis.bus import Delivery
from services.chassis.storage import ObjectStore
from services.transcoding import ffmpeg
from services.transcoding.settings import TranscodingSettings
from services.transcoding.store import CONTENT_TYPES, JobDoc, recording_key
from services.transcoding.transcode_jobs import Jobs, LeaseLost, recording_ids

log = logging.getLogger(__name__)
_UPLOADS_AT_ONCE = 8
_FLOOR_DB = -120.0  # stands for -inf (digital silence) in events


@dataclass
class _Run:
    """What one job's run shares between its transcode, heartbeat and early publisher."""

    job: JobDoc
    claimed: float
    progress: float = 0.0
    first_playable: float | None = None
    lost: bool = False


class WorkerPool:
    def __init__(
        self,
        jobs: Jobs,
        store: ObjectStore,
        settings: TranscodingSettings,
        replica: str,
    ) -> None:
        self.jobs = jobs
        self.store = store
        self.settings = settings
        self.replica = replica
        self.wake = asyncio.Event()
        self.tasks: list[asyncio.Task[None]] = []
        self.owners: list[str] = []

    async def queue(self, delivery: Delivery[RecordingUploaded | RoomRecordingStored]) -> None:
        """Only record the job and wake a worker: the poll loop is never held by ffmpeg
        (docs/adr/0012)."""
        await self.jobs.create(delivery.session, delivery.tenant, delivery.payload)
        self.wake.set()

    def start(self) -> None:
        for _ in range(self.settings.worker_count):
            self.spawn()

    def spawn(self) -> asyncio.Task[None]:
        """Start one more worker, with an owner id of its own."""
        owner = f"{self.replica}-w{len(self.tasks)}-{uuid.uuid4().hex[:6]}"
        task = asyncio.create_task(self._loop(owner), name=owner)
        self.owners.append(owner)
        self.tasks.append(task)
        return task

    async def stop(self) -> None:
        """Orderly stop: kill the running ffmpeg processes and hand their jobs back at once."""
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
                log.exception("claiming a transcode job failed")
                job = None
            if job is None:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self.wake.wait(), self.settings.job_poll_seconds)
                self.wake.clear()
                continue
            await self._process(job)

    async def _process(self, job: JobDoc) -> None:
        run = _Run(job, claimed=time.monotonic())
        work = asyncio.create_task(self._transcode(run))
        beat = asyncio.create_task(self._heartbeat(run, work))
        try:
            result = await work
            if not await self.jobs.done(job, result):
                if await self.jobs.get(job["tenant"], job["_id"]) is None:  # erased meanwhile
                    await self.store.delete_prefix(recording_key(job["tenant"], job["_id"]) + "/")
                    return
                log.warning(
                    "transcode finished after its lease was lost", extra={"job": job["_id"]}
                )
        except ffmpeg.Undecodable as exc:
            await self.jobs.failed(job, "undecodable", f"The recording cannot be decoded: {exc}")
        except (LeaseLost, asyncio.CancelledError):
            current = asyncio.current_task()
            if not run.lost or (current is not None and current.cancelling()):
                raise  # this worker is stopping (or crashed): the lease decides what happens
            log.warning(
                "transcode lease lost; another worker has the job", extra={"job": job["_id"]}
            )
        except Exception as exc:
            log.exception("transcode failed; retrying later", extra={"job": job["_id"]})
            with contextlib.suppress(Exception):
                await self.jobs.retry_later(job, f"{type(exc).__name__}: {exc}")
        finally:
            beat.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await beat

    async def _heartbeat(self, run: _Run, work: asyncio.Task[RecordingTranscoded]) -> None:
        interval = self.settings.job_lease_seconds / 3
        while True:
            await asyncio.sleep(interval)
            try:
                await self.jobs.renew(run.job, run.progress)
            except LeaseLost:
                run.lost = True
                work.cancel()
                return
            except Exception:
                log.exception("lease renewal failed", extra={"job": run.job["_id"]})

    async def _transcode(self, run: _Run) -> RecordingTranscoded:
        job = run.job
        tenant, attempt_id = job["tenant"], job["_id"]
        with tempfile.TemporaryDirectory(prefix="transcode-") as scratch:
            source_path = str(Path(scratch) / "source")
            await self.store.download_file(job["source_key"], source_path)
            source = await ffmpeg.probe(source_path)
            if not source.duration:  # recorded WebM declares none; ingest measured it
                source = replace(source, duration=float(job.get("duration_hint") or 0))
            plan = ffmpeg.plan(
                source_path,
                source,
                Path(scratch) / "out",
                hls_time=self.settings.hls_time,
                preset=self.settings.x264_preset,
                threads=self.settings.ffmpeg_threads,
            )
            lowest = plan.renditions[0]
            renditions = [
                Rendition(
                    name=r.name,
                    width=r.width,
                    height=r.height,
                    bandwidth=r.bandwidth,
                    playlist_key=recording_key(tenant, attempt_id, "hls", r.name, "index.m3u8"),
                )
                for r in plan.renditions
            ]
            early = _EarlyPublisher(self, run, plan.playlist(lowest.name), lowest.name, renditions)
            publisher = asyncio.create_task(early.run())

            async def progress(seconds: float) -> None:
                if source.duration:
                    run.progress = min(99.0, 100.0 * seconds / source.duration)

            try:
                outcome = await ffmpeg.run(plan.argv, progress)
            finally:
                await early.stop(publisher)
            await self._upload_outputs(tenant, attempt_id, plan)
            master = ffmpeg.master_playlist(plan.renditions, source.has_audio)
            master_key = recording_key(tenant, attempt_id, "hls", "master.m3u8")
            await self.store.put_bytes(master_key, master.encode(), CONTENT_TYPES[".m3u8"])
        thumbs = plan.thumbs
        return RecordingTranscoded(
            **recording_ids(job),
            master_playlist_key=master_key,
            renditions=renditions,
            poster_key=recording_key(tenant, attempt_id, "poster.jpg"),
            thumbnails=ThumbnailStrip(
                key=recording_key(tenant, attempt_id, "thumbnails.jpg"),
                columns=thumbs.columns,
                rows=thumbs.rows,
                count=thumbs.count,
                interval_seconds=thumbs.interval,
                tile_width=thumbs.tile_width,
                tile_height=thumbs.tile_height,
            ),
            duration_seconds=round(source.duration, 3),
            audio=self._audio(source, outcome),
            first_playable_seconds=(
                round(run.first_playable - run.claimed, 3) if run.first_playable else None
            ),
            transcode_seconds=round(time.monotonic() - run.claimed, 3),
            transcoded_at=datetime.now(UTC),
        )

    def _audio(self, source: ffmpeg.Source, outcome: ffmpeg.Outcome) -> AudioLevel:
        def level(value: float | None) -> float | None:
            return None if value is None else max(_FLOOR_DB, value)

        mean, peak = level(outcome.mean_volume_db), level(outcome.max_volume_db)
        silent = not source.has_audio or peak is None or peak <= self.settings.silent_max_volume_db
        near = silent or (mean is not None and mean < self.settings.near_silent_mean_volume_db)
        return AudioLevel(
            has_audio=source.has_audio,
            mean_volume_db=mean,
            max_volume_db=peak,
            silent=silent,
            near_silent=near,
        )

    async def upload(self, key: str, path: Path) -> None:
        await self.store.upload_file(
            key, str(path), CONTENT_TYPES.get(path.suffix, "application/octet-stream")
        )

    async def _upload_outputs(self, tenant: str, attempt_id: str, plan: ffmpeg.Plan) -> None:
        """Every output under its deterministic key (a repeat overwrites); each playlist after
        its segments, so a listed segment always exists."""
        limit = asyncio.Semaphore(_UPLOADS_AT_ONCE)

        async def put(key: str, path: Path) -> None:
            async with limit:
                await self.upload(key, path)

        files = [
            (recording_key(tenant, attempt_id, "poster.jpg"), plan.poster),
            (recording_key(tenant, attempt_id, "thumbnails.jpg"), plan.thumbnails),
        ]
        for r in plan.renditions:
            folder = plan.playlist(r.name).parent
            files += [
                (recording_key(tenant, attempt_id, "hls", r.name, p.name), p)
                for p in sorted(folder.glob("*.ts"))
            ]
        await asyncio.gather(*(put(key, path) for key, path in files))
        await asyncio.gather(
            *(
                put(
                    recording_key(tenant, attempt_id, "hls", r.name, "index.m3u8"),
                    plan.playlist(r.name),
                )
                for r in plan.renditions
            )
        )


class _EarlyPublisher:
    """Uploads the lowest rendition's segments and playlist while ffmpeg still runs, so it can be
    played (as an HLS EVENT playlist) long before the transcode ends."""

    def __init__(
        self,
        pool: WorkerPool,
        run: _Run,
        playlist: Path,
        rendition: str,
        renditions: list[Rendition],
    ) -> None:
        self.pool = pool
        self.run_state = run
        self.playlist = playlist
        self.rendition = rendition
        self.renditions = renditions
        self.stopping = asyncio.Event()
        self.uploaded: set[str] = set()

    async def run(self) -> None:
        while not self.stopping.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.stopping.wait(), 0.25)
            if self.stopping.is_set():
                return
            try:
                await self._publish()
            except LeaseLost:
                self.run_state.lost = True
                return
            except Exception:
                log.exception("early publish failed", extra={"job": self.run_state.job["_id"]})

    async def _publish(self) -> None:
        if not self.playlist.exists():
            return
        text = self.playlist.read_text()
        new = [s for s in ffmpeg.playlist_segments(text) if s not in self.uploaded]
        if not new:
            return
        job = self.run_state.job
        folder = ("hls", self.rendition)
        for name in new:
            await self.pool.upload(
                recording_key(job["tenant"], job["_id"], *folder, name), self.playlist.parent / name
            )
            self.uploaded.add(name)
        key = recording_key(job["tenant"], job["_id"], *folder, "index.m3u8")
        await self.pool.store.put_bytes(key, text.encode(), CONTENT_TYPES[".m3u8"])
        if self.run_state.first_playable is None:
            self.run_state.first_playable = time.monotonic()
            await self.pool.jobs.playable(
                job, self.rendition, self.renditions, self.run_state.progress
            )

    async def stop(self, task: asyncio.Task[None]) -> None:
        """Let an upload in flight finish (a cancelled one could land after the final playlist)."""
        self.stopping.set()
        with contextlib.suppress(Exception):
            await task
