"""Request and response models of the ingest API (the gateway's recording routes reuse them)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, Field

from services.chassis.errors import Problem

UploadMode = Literal["stream", "file"]
AttemptStatus = Literal["open", "uploaded", "rejected", "abandoned"]


class OpenAttempt(BaseModel):
    question_id: str = Field(min_length=1, max_length=200)
    mode: UploadMode = Field(
        default="stream",
        description="stream: chunks of any size while recording (any chunk may be small); "
        "file: a finished recording in parts of at least 5 MiB except the last.",
    )
    content_type: str = Field(default="application/octet-stream", max_length=200)
    filename: str | None = Field(default=None, max_length=300)
    declared_bytes: int | None = Field(default=None, ge=0, description="Size of a finished file.")


class Attempt(BaseModel):
    attempt_id: str
    invitation_id: str
    question_id: str
    attempt_number: int
    mode: UploadMode
    status: AttemptStatus
    selected: bool
    opened_at: datetime
    expires_at: datetime = Field(description="An attempt still open then is abandoned.")
    part_bytes: int = Field(description="file mode: the size of every part but the last.")
    size_bytes: int | None = None
    container: str | None = None
    video_codec: str | None = None
    audio_codec: str | None = None
    width: int | None = None
    height: int | None = None
    duration_seconds: float | None = None
    salvaged: bool = Field(
        default=False, description="Interrupted: the part recorded before the cut was kept."
    )
    reason: str | None = Field(default=None, description="Why the media was rejected (a code).")
    message: str | None = Field(
        default=None, description="For the candidate: the rejection, or what a salvage kept."
    )


class AttemptList(BaseModel):
    attempts: list[Attempt]


class UploadUrlRequest(BaseModel):
    first: int = Field(
        default=0, ge=0, description="The first chunk (stream) or part (file), from 0."
    )
    count: int = Field(default=1, ge=1, le=100)


class UploadUrl(BaseModel):
    seq: int
    method: Literal["PUT"] = "PUT"
    url: str


class UploadUrls(BaseModel):
    urls: list[UploadUrl]
    expires_at: datetime


class StoredChunk(BaseModel):
    seq: int
    size: int
    etag: str


class StoredChunks(BaseModel):
    """What the server holds: resume by uploading from `next_seq`."""

    parts: list[StoredChunk]
    next_seq: int = Field(description="The first chunk or part missing from the stored prefix.")
    stored_bytes: int = Field(description="Bytes in the contiguous prefix 0..next_seq-1.")


class CompleteAttempt(BaseModel):
    parts: int = Field(ge=1, description="How many chunks or parts the recording has (0..n-1).")
    interrupted: bool = Field(
        default=False,
        description="The recording was cut short (the page was reloaded or closed mid-answer): "
        "if its end is incomplete, keep the whole clusters or fragments before it as the answer "
        "(`salvaged: true`) instead of rejecting it as `truncated`.",
    )


def _problems(**codes: str) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses` for problem details: status -> the codes that status carries."""
    return {
        int(status[1:]): {"model": Problem, "description": text} for status, text in codes.items()
    }


_COMMON = {
    "s401": "Missing or invalid credentials.",
    "s403": "`candidate_only` / `staff_only`: the route is not for this caller.",
    "s422": "`invalid_request`: the body or query does not match the schema.",
    "s503": "`service_unavailable`: an internal service did not answer.",
}
ATTEMPT_ERRORS = _problems(
    **_COMMON,
    s404="`attempt_not_found` (also for another tenant's or candidate's attempt), "
    "`invitation_not_found`.",
    s409="`attempt_not_uploaded`, `question_closed`, `invitation_closed`.",
)
OPEN_ERRORS = _problems(
    **_COMMON,
    s404="`invitation_not_found`, `question_not_found`.",
    s409="`invitation_closed` (withdrawn, expired, past the deadline), `question_out_of_order`, "
    "`question_closed`, `attempt_open` (resume it), `no_retakes_left`.",
    s413="`recording_too_large`: the declared size is over the cap.",
)
OPEN_ERRORS[422]["description"] += " `question_not_video`."
UPLOAD_ERRORS = _problems(
    **_COMMON,
    s404="`attempt_not_found`.",
    s409="`attempt_not_open`: the attempt was completed or abandoned.",
)
UPLOAD_ERRORS[422]["description"] += " `too_many_parts`."
COMPLETE_ERRORS = _problems(
    **_COMMON,
    s404="`attempt_not_found`, `invitation_not_found`.",
    s409="`parts_missing` (`errors` lists the missing seqs), `attempt_not_open`, "
    "`invitation_closed`.",
)
COMPLETE_ERRORS[422]["description"] += (
    " `part_too_small`: in file mode a part but the last is under 5 MiB."
)
