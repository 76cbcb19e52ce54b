"""Transcription's collections, their indexes and typed documents: jobs (claimed under a lease),
transcripts (segments with words and times), the search index of segment terms, and the view of
invitations (position and language)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, Literal, NotRequired, TypedDict, cast

from pymongo import ASCENDING
from pymongo.asynchronous.collection import AsyncCollection
from pymongo.asynchronous.database import AsyncDatabase

JOBS = "jobs"
TRANSCRIPTS = "transcripts"
SEGMENTS = "segments"
INVITATIONS = "invitations"
TENANT_SETTINGS = "tenant_settings"
# The lease of a job nobody holds: always expired, so the job is claimable.
NEVER = datetime(1970, 1, 1, tzinfo=UTC)

JobStatus = Literal["queued", "running", "done", "failed"]


class JobDoc(TypedDict):
    """One answer's transcription, keyed by its attempt: queued -> running (owner + lease) ->
    done | failed, or back to queued after a transient failure (the transcoding pattern)."""

    _id: str
    tenant: str
    invitation_id: str
    question_id: str
    playlist_key: str  # the lowest rendition's media playlist (its audio is what is transcribed)
    has_audio: bool
    duration_seconds: float
    status: JobStatus
    attempts: int
    owner: str | None
    lease_expires: datetime
    not_before: datetime
    queued_at: datetime
    started_at: NotRequired[datetime]
    error: NotRequired[str]
    failure_reason: NotRequired[str]
    failure_message: NotRequired[str]
    finished_at: NotRequired[datetime]


class WordDoc(TypedDict):
    w: str
    s: float  # start, seconds from the answer's start
    e: float  # end
    p: float  # the model's probability for the word


class SegmentDoc(TypedDict):
    start: float
    end: float
    text: str
    words: list[WordDoc]


class TranscriptDoc(TypedDict):
    _id: str  # the attempt id
    tenant: str
    invitation_id: str
    question_id: str
    position_id: str
    language: str
    transcribed: bool
    untranscribed_reason: str | None
    no_speech: bool
    segments: list[SegmentDoc]
    duration_seconds: float
    model: str
    transcribe_seconds: float
    transcribed_at: datetime


class SearchSegmentDoc(TypedDict):
    """One transcript segment in the position's search index: its terms (lowercased, stemmed for
    English) in a multikey index prefixed by tenant and position, and each term's first moment."""

    _id: str  # "<attempt>:<n>"
    tenant: str
    position_id: str
    invitation_id: str
    attempt_id: str
    question_id: str
    start: float
    end: float
    text: str
    terms: list[str]
    moments: dict[str, float]  # term -> the start of its first word in the segment


class InvitationViewDoc(TypedDict):
    """What transcription needs of an invitation (from invitation.created): its position and
    language; and, for the candidate's own reading, when it was completed (invitation.completed)
    and the attempt kept for each question (recording.selected)."""

    _id: str
    tenant: str
    position_id: str
    language: str
    completed_at: NotRequired[datetime]
    selected: NotRequired[dict[str, str]]  # question id -> the kept attempt


def jobs(db: AsyncDatabase[dict[str, Any]]) -> AsyncCollection[JobDoc]:
    return cast("AsyncCollection[JobDoc]", db[JOBS])


def transcripts(db: AsyncDatabase[dict[str, Any]]) -> AsyncCollection[TranscriptDoc]:
    return cast("AsyncCollection[TranscriptDoc]", db[TRANSCRIPTS])


def segments(db: AsyncDatabase[dict[str, Any]]) -> AsyncCollection[SearchSegmentDoc]:
    return cast("AsyncCollection[SearchSegmentDoc]", db[SEGMENTS])


def invitations(db: AsyncDatabase[dict[str, Any]]) -> AsyncCollection[InvitationViewDoc]:
    return cast("AsyncCollection[InvitationViewDoc]", db[INVITATIONS])


async def ensure_indexes(db: AsyncDatabase[dict[str, Any]]) -> None:
    await db[JOBS].create_index([("tenant", ASCENDING), ("_id", ASCENDING)])
    await db[JOBS].create_index(
        [("status", ASCENDING), ("lease_expires", ASCENDING), ("not_before", ASCENDING)]
    )
    await db[JOBS].create_index([("tenant", ASCENDING), ("invitation_id", ASCENDING)])
    await db[TRANSCRIPTS].create_index([("tenant", ASCENDING), ("_id", ASCENDING)])
    await db[TRANSCRIPTS].create_index([("tenant", ASCENDING), ("invitation_id", ASCENDING)])
    # The search index: every query carries the tenant and the position (docs/adr/0017).
    await db[SEGMENTS].create_index(
        [("tenant", ASCENDING), ("position_id", ASCENDING), ("terms", ASCENDING)]
    )
    await db[SEGMENTS].create_index([("tenant", ASCENDING), ("invitation_id", ASCENDING)])
    await db[INVITATIONS].create_index([("tenant", ASCENDING), ("_id", ASCENDING)])
    await db[INVITATIONS].create_index([("tenant", ASCENDING), ("position_id", ASCENDING)])
