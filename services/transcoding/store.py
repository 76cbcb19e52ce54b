"""Transcoding's job collection, its indexes, the typed job document and where a recording's
outputs are stored (renditions, playlists, poster, thumbnails)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, Literal, NotRequired, TypedDict, cast

from pymongo import ASCENDING
from pymongo.asynchronous.collection import AsyncCollection
from pymongo.asynchronous.database import AsyncDatabase

from services.chassis.storage import tenant_key
from services.transcoding.schemas import JobStatus

JOBS = "jobs"
# The lease of a job nobody holds: always expired, so the job is claimable.
NEVER = datetime(1970, 1, 1, tzinfo=UTC)
CONTENT_TYPES = {
    ".ts": "video/mp2t",
    ".m3u8": "application/vnd.apple.mpegurl",
    ".jpg": "image/jpeg",
}


def recording_key(tenant: str, attempt_id: str, *parts: str) -> str:
    """`tenants/<t>/recordings/<attempt>/` + `hls/<rendition>/{index.m3u8,seg_NNNNN.ts}`,
    `hls/master.m3u8`, `poster.jpg`, `thumbnails.jpg`; one prefix per recording, so erasure
    deletes it whole."""
    return tenant_key(tenant, "recordings", attempt_id, *parts)


class RenditionDoc(TypedDict):
    """`contracts.events.recordings.Rendition` as stored."""

    name: str
    width: int
    height: int
    bandwidth: int
    playlist_key: str


class ThumbnailsDoc(TypedDict):
    key: str
    columns: int
    rows: int
    count: int
    interval_seconds: float
    tile_width: int
    tile_height: int


class AudioDoc(TypedDict):
    has_audio: bool
    mean_volume_db: float | None
    max_volume_db: float | None
    silent: bool
    near_silent: bool


class ResultDoc(TypedDict):
    """The published `recording.transcoded` (JSON mode), kept with the job for playback."""

    attempt_id: str
    invitation_id: str
    question_id: str
    master_playlist_key: str
    renditions: list[RenditionDoc]
    poster_key: str
    thumbnails: ThumbnailsDoc
    duration_seconds: float
    audio: AudioDoc
    first_playable_seconds: float | None
    transcode_seconds: float
    transcoded_at: str


class JobDoc(TypedDict):
    """One recording's transcode, keyed by its attempt. queued -> running (owner + lease) ->
    done | failed, or back to queued after a transient failure (docs/adr/0012)."""

    _id: str
    tenant: str
    invitation_id: str
    question_id: str  # "" for a live interview's recording
    stage: NotRequired[Literal["screening", "interview"]]  # absent: screening
    booking_id: NotRequired[str]  # a live interview's booking
    source_key: str
    duration_hint: float | None  # what ingest measured (recorded WebM declares no duration)
    status: JobStatus
    attempts: int
    owner: str | None
    lease_expires: datetime
    not_before: datetime
    progress: float
    queued_at: datetime
    uploaded_at: datetime
    started_at: NotRequired[datetime]
    error: NotRequired[str]  # the last transient failure
    # The lowest rendition is playable while the rest still runs.
    first_playable_at: NotRequired[datetime]
    playable_rendition: NotRequired[str]
    renditions: NotRequired[list[RenditionDoc]]
    result: NotRequired[ResultDoc]
    failure_reason: NotRequired[str]
    failure_message: NotRequired[str]
    finished_at: NotRequired[datetime]


def jobs(db: AsyncDatabase[dict[str, Any]]) -> AsyncCollection[JobDoc]:
    return cast("AsyncCollection[JobDoc]", db[JOBS])


async def ensure_indexes(db: AsyncDatabase[dict[str, Any]]) -> None:
    collection = db[JOBS]
    await collection.create_index([("tenant", ASCENDING), ("_id", ASCENDING)])
    await collection.create_index(
        [("status", ASCENDING), ("lease_expires", ASCENDING), ("not_before", ASCENDING)]
    )
    await collection.create_index([("owner", ASCENDING), ("status", ASCENDING)])
