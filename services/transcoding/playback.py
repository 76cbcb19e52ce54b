"""Recording status and playback: HLS playlists whose segment URIs are short-lived presigned URLs."""

from __future__ import annotations

import asyncio
import re
from datetime import UTC, datetime, timedelta
from typing import Annotated

from fastapi import Depends, Path, Request, Response
from minio.error import S3Error

from contracts.events.recordings import AudioLevel
from services.chassis import webvtt
from services.chassis.api import Api, Id, candidate, shared, staff
from services.chassis.errors import ProblemError
from services.chassis.identity import Identity, require_identity
from services.chassis.service import Service
from services.chassis.storage import ObjectStore
from services.transcoding import ffmpeg
from services.transcoding.schemas import Playback, Recording, RenditionInfo, Thumbnails
from services.transcoding.settings import TranscodingSettings
from services.transcoding.store import (
    CONTENT_TYPES,
    JobDoc,
    RenditionDoc,
    ThumbnailsDoc,
    recording_key,
)
from services.transcoding.transcode_jobs import Jobs

api = Api("transcoding", tags=["recordings"])
STAFF_KINDS = {"user", "api_key"}
_SEGMENT = re.compile(r"^seg_\d{5}\.ts$")
IdentityDep = Annotated[Identity, Depends(require_identity)]
# `master`, or a rendition named for the short side of its picture (`360p`, `720p`).
PlaylistName = Annotated[
    str, Path(pattern=r"^(master|[0-9]{1,5}p)$", max_length=16, examples=["master", "360p"])
]
_CANDIDATE = ["candidate recordings"]
_SHARED = ["shared"]  # a share link's holder plays the answers of the candidate it was made for
_RECORDING_NOT_FOUND = "`recording_not_found`: no such recording in your tenant (or not yours)."
_NOT_PLAYABLE = "`not_playable_yet`: the lowest rendition is not ready."


async def _job(request: Request, identity: Identity, attempt_id: str) -> JobDoc:
    """The job, if the caller may see it: staff of the tenant, or the holder of a link of the
    candidate who recorded it (their interview link, or a share link of their answers)."""
    jobs: Jobs = request.app.state.jobs
    job = await jobs.get(identity.tenant, attempt_id)
    allowed = job is not None and (
        identity.kind in STAFF_KINDS
        or (identity.kind == "candidate" and job["invitation_id"] == identity.principal)
    )
    if job is None or not allowed:
        raise ProblemError(404, "recording_not_found", "No such recording.")
    return job


def _renditions(job: JobDoc) -> list[RenditionDoc]:
    """What can be played now: every rendition once done, the lowest one while it runs."""
    if job["status"] == "done":
        return job["result"]["renditions"]
    if job["status"] == "running" and job.get("playable_rendition"):
        return [r for r in job.get("renditions", []) if r["name"] == job["playable_rendition"]]
    return []


def _info(renditions: list[RenditionDoc]) -> list[RenditionInfo]:
    return [
        RenditionInfo(
            name=r["name"], width=r["width"], height=r["height"], bandwidth=r["bandwidth"]
        )
        for r in renditions
    ]


def to_model(job: JobDoc) -> Recording:
    result = job.get("result")
    playable_at = job.get("first_playable_at")
    started_at = job.get("started_at")
    return Recording(
        attempt_id=job["_id"],
        invitation_id=job["invitation_id"],
        question_id=job["question_id"],
        status=job["status"],
        progress_percent=job.get("progress", 0.0),
        job_attempts=job.get("attempts", 0),
        playable=bool(_renditions(job)),
        first_playable_seconds=(result["first_playable_seconds"] if result else None)
        or ((playable_at - started_at).total_seconds() if playable_at and started_at else None),
        duration_seconds=result["duration_seconds"] if result else None,
        renditions=_info(_renditions(job)),
        audio=AudioLevel.model_validate(result["audio"]) if result else None,
        failure_reason=job.get("failure_reason"),
        failure_message=job.get("failure_message"),
        queued_at=job["queued_at"],
        finished_at=job.get("finished_at"),
    )


@api.get(
    "/recordings/{attempt_id}",
    staff("media:read"),
    summary="Transcoding status, progress, renditions and audio check of a recording",
    response_model=Recording,
    errors={404: _RECORDING_NOT_FOUND},
)
@api.get(
    "/candidate/attempts/{attempt_id}/recording",
    candidate("interview"),
    summary="Transcoding status and progress of my take",
    response_model=Recording,
    tags=_CANDIDATE,
    name="my_recording",
    errors={404: _RECORDING_NOT_FOUND},
)
async def recording(attempt_id: Id, request: Request, identity: IdentityDep) -> Recording:
    return to_model(await _job(request, identity, attempt_id))


@api.get(
    "/recordings/{attempt_id}/playback",
    staff("media:read"),
    summary="Play a recording: playlists, presigned poster and thumbnail strip",
    response_model=Playback,
    errors={404: _RECORDING_NOT_FOUND, 409: _NOT_PLAYABLE},
)
@api.get(
    "/candidate/attempts/{attempt_id}/playback",
    candidate("interview"),
    summary="Play back my take (playlist paths are relative to this URL)",
    response_model=Playback,
    tags=_CANDIDATE,
    name="my_playback",
    errors={404: _RECORDING_NOT_FOUND, 409: _NOT_PLAYABLE},
)
@api.get(
    "/shared/attempts/{attempt_id}/playback",
    shared(),
    summary="Play a shared answer (playlist paths are relative to this URL)",
    response_model=Playback,
    tags=_SHARED,
    name="shared_playback",
    errors={404: _RECORDING_NOT_FOUND, 409: _NOT_PLAYABLE},
)
async def playback(attempt_id: Id, request: Request, identity: IdentityDep) -> Playback:
    job = await _job(request, identity, attempt_id)
    renditions = _renditions(job)
    if not renditions:
        raise ProblemError(409, "not_playable_yet", "The recording is not playable yet.")
    settings: TranscodingSettings = request.app.state.settings
    store = _store(request)
    expires = timedelta(seconds=settings.playback_url_seconds)
    result = job.get("result")
    poster_url = thumbnails = None
    if result:
        poster_url = await store.presigned_get(result["poster_key"], expires)
        strip = result["thumbnails"]
        thumbnails = Thumbnails(
            url=await store.presigned_get(strip["key"], expires),
            columns=strip["columns"],
            rows=strip["rows"],
            count=strip["count"],
            interval_seconds=strip["interval_seconds"],
            tile_width=strip["tile_width"],
            tile_height=strip["tile_height"],
        )
    return Playback(
        attempt_id=attempt_id,
        master_playlist="hls/master.m3u8",
        renditions=_info(renditions),
        complete=job["status"] == "done",
        poster_url=poster_url,
        thumbnails=thumbnails,
        expires_at=datetime.now(UTC) + expires,
    )


@api.get(
    "/recordings/{attempt_id}/storyboard.vtt",
    staff("media:read"),
    summary="The thumbnails as a WebVTT storyboard: a preview for each moment when scrubbing",
    media_type="text/vtt",
    errors={404: _RECORDING_NOT_FOUND, 409: "`not_playable_yet`: the recording is not done."},
    description="One cue per thumbnail: its time span and the sprite's presigned URL with the "
    "tile's `#xywh=x,y,w,h` fragment (the WebVTT thumbnails convention players read). The URLs "
    "expire like the playback's.",
)
@api.get(
    "/shared/attempts/{attempt_id}/storyboard.vtt",
    shared(),
    summary="The storyboard of a shared answer (WebVTT thumbnails)",
    media_type="text/vtt",
    tags=_SHARED,
    name="shared_storyboard",
    errors={404: _RECORDING_NOT_FOUND, 409: "`not_playable_yet`: the recording is not done."},
)
async def storyboard(attempt_id: Id, request: Request, identity: IdentityDep) -> Response:
    job = await _job(request, identity, attempt_id)
    result = job.get("result")
    if job["status"] != "done" or not result:
        raise ProblemError(409, "not_playable_yet", "The recording is not done.")
    settings: TranscodingSettings = request.app.state.settings
    expires = timedelta(seconds=settings.playback_url_seconds)
    strip = result["thumbnails"]
    url = await _store(request).presigned_get(strip["key"], expires)
    return Response(
        webvtt.document(storyboard_cues(strip, url, result["duration_seconds"])),
        media_type="text/vtt",
        headers={"Cache-Control": "private, max-age=60"},
    )


def storyboard_cues(
    strip: ThumbnailsDoc, url: str, duration: float
) -> list[tuple[float, float, str]]:
    """Tile n (row-major in the sprite) shows the moment n * interval; its cue lasts until the
    next one, the last until the end."""
    interval, width, height = strip["interval_seconds"], strip["tile_width"], strip["tile_height"]
    cues = []
    for n in range(strip["count"]):
        start = n * interval
        if start >= duration and n:
            break
        end = duration if n == strip["count"] - 1 else min((n + 1) * interval, duration)
        x, y = (n % strip["columns"]) * width, (n // strip["columns"]) * height
        cues.append((start, max(end, start + 0.001), f"{url}#xywh={x},{y},{width},{height}"))
    return cues


_PLAYLIST_ERRORS = {
    404: "`recording_not_found`, `rendition_not_found`: no such recording (or not yours), or no "
    "such rendition of it.",
    409: "`not_playable_yet`: the recording, or this rendition, is not ready.",
}


@api.get(
    "/recordings/{attempt_id}/hls/{name}.m3u8",
    staff("media:read"),
    summary="HLS playlist: `master`, or a rendition with presigned segment URLs",
    media_type=CONTENT_TYPES[".m3u8"],
    errors=_PLAYLIST_ERRORS,
)
@api.get(
    "/candidate/attempts/{attempt_id}/hls/{name}.m3u8",
    candidate("interview"),
    summary="HLS playlist of my take (master, or a rendition with presigned segment URLs)",
    media_type=CONTENT_TYPES[".m3u8"],
    tags=_CANDIDATE,
    name="my_playlist",
    errors=_PLAYLIST_ERRORS,
)
@api.get(
    "/shared/attempts/{attempt_id}/hls/{name}.m3u8",
    shared(),
    summary="HLS playlist of a shared answer (master, or a rendition with presigned segments)",
    media_type=CONTENT_TYPES[".m3u8"],
    tags=_SHARED,
    name="shared_playlist",
    errors=_PLAYLIST_ERRORS,
)
async def playlist(
    attempt_id: Id, name: PlaylistName, request: Request, identity: IdentityDep
) -> Response:
    """`master.m3u8` lists the playable renditions; `<rendition>.m3u8` is that rendition's media
    playlist with presigned segment URLs (players reload it while an EVENT playlist grows)."""
    job = await _job(request, identity, attempt_id)
    renditions = _renditions(job)
    if name == "master":
        if not renditions:
            raise ProblemError(409, "not_playable_yet", "The recording is not playable yet.")
        text = ffmpeg.master_playlist(
            [
                ffmpeg.PlannedRendition(r["name"], r["width"], r["height"], r["bandwidth"], 0)
                for r in renditions
            ],
            has_audio=_has_audio(job),
        )
        return Response(text, media_type=CONTENT_TYPES[".m3u8"])
    if name not in {r["name"] for r in renditions}:
        if name in {r["name"] for r in job.get("renditions", [])}:
            raise ProblemError(409, "not_playable_yet", "This rendition is not ready yet.")
        raise ProblemError(404, "rendition_not_found", "No such rendition.")
    settings: TranscodingSettings = request.app.state.settings
    text = await _signed_playlist(
        _store(request),
        job["tenant"],
        attempt_id,
        name,
        timedelta(seconds=settings.playback_url_seconds),
    )
    return Response(text, media_type=CONTENT_TYPES[".m3u8"], headers={"Cache-Control": "no-store"})


def _has_audio(job: JobDoc) -> bool:
    """Whether the master playlist announces audio; assumed while only the lowest rendition is
    out (the audio check comes with the result)."""
    result = job.get("result")
    return result["audio"]["has_audio"] if result else True


async def _signed_playlist(
    store: ObjectStore, tenant: str, attempt_id: str, rendition: str, expires: timedelta
) -> str:
    try:
        stored = await store.get_bytes(
            recording_key(tenant, attempt_id, "hls", rendition, "index.m3u8")
        )
    except S3Error as exc:
        raise ProblemError(409, "not_playable_yet", "This rendition is not ready yet.") from exc

    def sign() -> str:
        lines = []
        for line in stored.decode().splitlines():
            if _SEGMENT.match(line.strip()):
                key = recording_key(tenant, attempt_id, "hls", rendition, line.strip())
                line = store.client.presigned_get_object(store.bucket, key, expires)
            lines.append(line)
        return "\n".join(lines) + "\n"

    return await asyncio.to_thread(sign)


def _store(request: Request) -> ObjectStore:
    service: Service = request.app.state.service
    assert service.storage is not None
    return service.storage
