"""Recording events: answer attempts and uploads (ingest), transcodes (transcoding), transcripts
(transcription); keyed by invitation id."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from contracts.events.base import EventSpec, Payload

# Reason codes are plain strings (documented here) so that adding a code stays compatible.
# recording.rejected reasons: what a candidate's page can explain.
REJECTION_REASONS = (
    "empty",  # zero bytes
    "too_large",  # over the size cap
    "unreadable",  # not a media file ffprobe can read
    "unsupported_container",  # a readable file in a container not on the allow-list
    "unsupported_codec",  # a video or audio codec not on the allow-list
    "no_video",  # no video stream (audio only, or a still image)
    "too_long",  # longer than the answer limit (with accommodations) plus grace
    "truncated",  # the file ends before its media does
    "corrupt",  # the media does not decode
    "abandoned",  # the upload was never completed
)

# recording.transcode_failed reasons.
TRANSCODE_FAILURES = (
    "undecodable",  # ffmpeg cannot decode the source: retrying cannot help
    "retries_exhausted",  # transient failures on every allowed attempt
)

# recording.transcribed reasons for an answer left untranscribed (`transcribed` false).
UNTRANSCRIBED_REASONS = (
    "unsupported_language",  # the configured model cannot transcribe the position's language
)

# recording.transcription_failed reasons.
TRANSCRIPTION_FAILURES = (
    "undecodable",  # ffmpeg cannot read the rendition's audio: retrying cannot help
    "retries_exhausted",  # transient failures on every allowed attempt
)


class _Part(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class RecordingStarted(Payload):
    """A candidate opened an answer attempt for a video question."""

    attempt_id: str
    invitation_id: str
    question_id: str
    attempt_number: int  # 1 for the first take of the question, 2 for the first retake...
    upload_mode: str  # "stream" (chunks while recording) or "file" (a finished recording)
    started_at: datetime
    # When the question was revealed (its think time began); None before paced interviews.
    revealed_at: datetime | None = None


class QuestionRevealed(Payload):
    """A candidate reached a question: its prompt was shown and its clocks started. The first
    take must start by `start_by` (think time plus grace), else the question counts as started."""

    invitation_id: str
    question_id: str
    revealed_at: datetime
    start_by: datetime


class AnswerSubmitted(Payload):
    """A candidate's answer to a text or choice question (final: one per question)."""

    invitation_id: str
    question_id: str
    kind: str  # "text" or "choice"
    text: str | None = None
    choices: list[int] | None = Field(
        default=None, description="kind choice: the chosen options, as 0-based indexes."
    )
    revealed_at: datetime
    submitted_at: datetime


class RecordingUploaded(Payload):
    """An attempt's media was stored and passed validation; `object_key` is the raw upload."""

    attempt_id: str
    invitation_id: str
    question_id: str
    attempt_number: int
    object_key: str
    size_bytes: int
    container: str  # "webm" or "mp4", as detected from the bytes
    video_codec: str
    audio_codec: str | None = None
    width: int
    height: int
    duration_seconds: float
    uploaded_at: datetime
    salvaged: bool = Field(
        default=False,
        description="The recording was interrupted; `object_key` holds the part kept before "
        "the interruption, remuxed without re-encoding.",
    )


class RecordingRejected(Payload):
    """An attempt's media failed validation (or its upload was abandoned); the raw upload is kept."""

    attempt_id: str
    invitation_id: str
    question_id: str
    reason: str = Field(description="One of REJECTION_REASONS.")
    message: str = Field(description="A sentence the candidate's page can show.")
    object_key: str | None = None
    rejected_at: datetime


class RecordingSelected(Payload):
    """The attempt the candidate keeps as the answer to a question: the one reviewers see. The
    latest selection of a question replaces earlier ones."""

    attempt_id: str
    invitation_id: str
    question_id: str
    selected_at: datetime


class RecordingTranscoding(Payload):
    """A transcode job was claimed by a worker, or its lowest rendition became playable."""

    attempt_id: str
    invitation_id: str
    question_id: str
    job_attempt: int
    progress_percent: float | None = None
    playable_rendition: str | None = None
    at: datetime
    stage: Literal["screening", "interview"] = Field(
        default="screening",
        description="`interview`: the recording of a live interview (`booking_id`; no question).",
    )
    booking_id: str | None = None


class Rendition(_Part):
    name: str  # "360p", "720p": the short side of the picture
    width: int
    height: int
    bandwidth: int  # bits per second, as announced in the master playlist
    playlist_key: str


class ThumbnailStrip(_Part):
    """A sprite of `count` thumbnails, `columns` per row, one every `interval_seconds`."""

    key: str
    columns: int
    rows: int
    count: int
    interval_seconds: float
    tile_width: int
    tile_height: int


class AudioLevel(_Part):
    has_audio: bool
    mean_volume_db: float | None = None
    max_volume_db: float | None = None
    silent: bool
    near_silent: bool


class RecordingTranscoded(Payload):
    """Renditions, poster, thumbnails and the audio check of an attempt are stored."""

    attempt_id: str
    invitation_id: str
    question_id: str
    master_playlist_key: str
    renditions: list[Rendition]
    poster_key: str
    thumbnails: ThumbnailStrip
    duration_seconds: float
    audio: AudioLevel
    first_playable_seconds: float | None = None  # from the job's claim to the lowest rendition
    transcode_seconds: float
    transcoded_at: datetime
    stage: Literal["screening", "interview"] = Field(
        default="screening",
        description="`interview`: the recording of a live interview (`booking_id`; no question).",
    )
    booking_id: str | None = None


class RecordingTranscodeFailed(Payload):
    attempt_id: str
    invitation_id: str
    question_id: str
    reason: str = Field(description="One of TRANSCODE_FAILURES.")
    message: str
    job_attempts: int
    failed_at: datetime
    stage: Literal["screening", "interview"] = Field(
        default="screening",
        description="`interview`: the recording of a live interview (`booking_id`; no question).",
    )
    booking_id: str | None = None


class RecordingTranscribed(Payload):
    """An answer's transcript is stored (words with their times), or the answer was left
    untranscribed with a reason. A transcript is an aid to reviewers, never a score."""

    attempt_id: str
    invitation_id: str
    question_id: str
    position_id: str
    language: str = Field(description="The position's language (ISO 639-1), e.g. `en`.")
    transcribed: bool = Field(description="False: see `untranscribed_reason`.")
    untranscribed_reason: str | None = Field(
        default=None, description="One of UNTRANSCRIBED_REASONS when `transcribed` is false."
    )
    no_speech: bool = Field(description="Voice activity detection found no speech.")
    word_count: int
    duration_seconds: float
    model: str = Field(description="The model's name (its folder), e.g. `tiny.en`.")
    transcribe_seconds: float
    transcribed_at: datetime
    text: str | None = Field(
        default=None,
        description="What the candidate said (the segments' text), for their data export; "
        "null when nothing was transcribed.",
    )


class RecordingTranscriptionFailed(Payload):
    attempt_id: str
    invitation_id: str
    question_id: str
    reason: str = Field(description="One of TRANSCRIPTION_FAILURES.")
    message: str
    job_attempts: int
    failed_at: datetime


def _spec(type_: str, model: type[Payload], description: str, producer: str) -> EventSpec:
    return EventSpec(
        type_, "recordings", model, key="invitation_id", description=description, producer=producer
    )


SPECS = [
    _spec(
        "question.revealed",
        QuestionRevealed,
        "A candidate reached a question: its prompt was shown and its clocks started.",
        "ingest",
    ),
    _spec(
        "answer.submitted",
        AnswerSubmitted,
        "A candidate answered a text or multiple-choice question.",
        "ingest",
    ),
    _spec("recording.started", RecordingStarted, "A candidate opened an answer attempt.", "ingest"),
    _spec(
        "recording.uploaded",
        RecordingUploaded,
        "An attempt's media was stored and validated.",
        "ingest",
    ),
    _spec(
        "recording.rejected",
        RecordingRejected,
        "An attempt's media was refused, with a reason.",
        "ingest",
    ),
    _spec(
        "recording.selected",
        RecordingSelected,
        "The candidate's final attempt for a question.",
        "ingest",
    ),
    _spec(
        "recording.transcoding",
        RecordingTranscoding,
        "A transcode started or became playable.",
        "transcoding",
    ),
    _spec(
        "recording.transcoded",
        RecordingTranscoded,
        "An attempt's renditions are ready.",
        "transcoding",
    ),
    _spec(
        "recording.transcode_failed",
        RecordingTranscodeFailed,
        "An attempt could not be transcoded.",
        "transcoding",
    ),
    _spec(
        "recording.transcribed",
        RecordingTranscribed,
        "An attempt's transcript is stored, or it was left untranscribed with a reason.",
        "transcription",
    ),
    _spec(
        "recording.transcription_failed",
        RecordingTranscriptionFailed,
        "An attempt could not be transcribed.",
        "transcription",
    ),
]
