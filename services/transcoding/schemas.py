"""Request and response models of the transcoding API."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from contracts.events.recordings import AudioLevel

JobStatus = Literal["queued", "running", "done", "failed"]


class RenditionInfo(BaseModel):
    name: str
    width: int
    height: int
    bandwidth: int


class Recording(BaseModel):
    """A recording's transcode: progress while it runs, what exists once it is done."""

    attempt_id: str
    invitation_id: str
    question_id: str
    status: JobStatus
    progress_percent: float = Field(description="0-100, from ffmpeg's -progress.")
    job_attempts: int
    playable: bool = Field(description="At least the lowest rendition can be played.")
    first_playable_seconds: float | None = None
    duration_seconds: float | None = None
    renditions: list[RenditionInfo] = []
    audio: AudioLevel | None = None
    failure_reason: str | None = None
    failure_message: str | None = None
    queued_at: datetime
    finished_at: datetime | None = None


class Thumbnails(BaseModel):
    url: str
    columns: int
    rows: int
    count: int
    interval_seconds: float
    tile_width: int
    tile_height: int


class Playback(BaseModel):
    """Where to play a recording from. `master_playlist` and each rendition's `playlist` are
    paths relative to this resource's URL (their segment URLs are presigned and short-lived);
    poster and thumbnails are presigned URLs."""

    attempt_id: str
    master_playlist: str
    renditions: list[RenditionInfo]
    complete: bool = Field(description="False while only the lowest rendition is (partly) ready.")
    poster_url: str | None = None
    thumbnails: Thumbnails | None = None
    expires_at: datetime
