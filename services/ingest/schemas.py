"""Request and response models of the ingest API."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

# The largest recording accepted (an installation may lower it with `max_recording_bytes`).
MAX_RECORDING_BYTES = 512 * 1024**2
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
    declared_bytes: int | None = Field(
        default=None, ge=0, le=MAX_RECORDING_BYTES, description="Size of a finished file."
    )


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
    parts: int = Field(
        ge=1, le=10_000, description="How many chunks or parts the recording has (0..n-1)."
    )
    interrupted: bool = Field(
        default=False,
        description="The recording was cut short (the page was reloaded or closed mid-answer): "
        "if its end is incomplete, keep the whole clusters or fragments before it as the answer "
        "(`salvaged: true`) instead of rejecting it as `truncated`.",
    )


# The longest text answer (a question's `max_chars` is at most this).
MAX_TEXT_CHARS = 20_000


class RevealedQuestion(BaseModel):
    """A question the candidate has reached, with its clocks as the server keeps them: the page
    counts down from `now` (the server's time) to `start_by` and `answer_by`, so a reload or a
    second device resumes where the clocks are, never from the start."""

    question_id: str
    position: int
    kind: Literal["video", "text", "choice"]
    prompt: str
    choices: list[str] | None = None
    multiple: bool = False
    max_chars: int | None = None
    prompt_video_url: str | None = Field(default=None, description="Short-lived URL.")
    prompt_captions_url: str | None = Field(
        default=None, description="Short-lived URL of the video prompt's WebVTT captions."
    )
    think_seconds: int
    answer_seconds: int
    retakes: int
    revealed_at: datetime
    start_by: datetime = Field(
        description="video: the next take must start by then (think time plus grace); the "
        "first take not started by then is counted as used."
    )
    answer_by: datetime | None = Field(
        default=None, description="text and choice: the answer must be submitted by then."
    )
    takes_used: int = Field(description="video: takes started, plus a first take missed.")
    takes_left: int
    answered: bool
    closed: bool = Field(description="A later question was revealed: no more takes.")
    now: datetime = Field(description="The server's time when this was read.")


class RevealedQuestions(BaseModel):
    questions: list[RevealedQuestion]


class TextAnswer(BaseModel):
    """The answer to a text question."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=MAX_TEXT_CHARS)


class ChoiceAnswer(BaseModel):
    """The answer to a multiple-choice question: the chosen options, as 0-based indexes."""

    model_config = ConfigDict(extra="forbid")

    choices: list[Annotated[int, Field(ge=0, le=19)]] = Field(min_length=1, max_length=20)


# One or the other: the schema says so (a body with both, or neither, is refused by it).
AnswerIn = TextAnswer | ChoiceAnswer


class WrittenAnswer(BaseModel):
    invitation_id: str
    question_id: str
    kind: Literal["text", "choice"]
    text: str | None = None
    choices: list[int] | None = None
    revealed_at: datetime
    submitted_at: datetime


class WrittenAnswers(BaseModel):
    answers: list[WrittenAnswer]
