"""Response models of the transcription API."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

TranscriptStatus = Literal["pending", "transcribed", "untranscribed", "failed"]


class WordOut(BaseModel):
    word: str
    start: float = Field(description="Seconds from the start of the answer.")
    end: float


class SegmentOut(BaseModel):
    start: float
    end: float
    text: str
    words: list[WordOut]


class TranscriptOut(BaseModel):
    """An answer's transcript, an aid for reviewers: words with their times for following the
    player and seeking. Nothing ranks or filters candidates by it."""

    attempt_id: str
    invitation_id: str
    question_id: str
    status: TranscriptStatus = Field(
        description="`pending` while queued or running; `untranscribed` with a reason when the "
        "configured model cannot handle the answer; `failed` when the audio could not be read."
    )
    reason: str | None = Field(
        default=None,
        description="`unsupported_language` when untranscribed; the failure reason when failed.",
    )
    language: str | None = None
    no_speech: bool = Field(
        default=False, description="Voice activity detection found no speech in the answer."
    )
    segments: list[SegmentOut] = []
    duration_seconds: float | None = None
    model: str | None = None
    transcribed_at: datetime | None = None


class SearchHit(BaseModel):
    invitation_id: str
    attempt_id: str
    question_id: str
    at: float = Field(description="Where to seek the player: the first matching word's start.")
    start: float = Field(description="The matching passage's start and end, seconds.")
    end: float
    text: str = Field(description="The passage as transcribed.")


class SearchResult(BaseModel):
    """Passages of a position's answers holding every term of the query, in the order of the
    answers (by invitation, question and time), never by any score of the candidate."""

    query: str
    terms: list[str]
    hits: list[SearchHit]
    truncated: bool = Field(description="More passages matched than are listed.")


class CandidateTranscriptsSetting(BaseModel):
    enabled: bool = Field(
        description="Whether candidates read their own answers' transcripts through their "
        "interview link once they have completed it. Off unless the tenant turns it on."
    )


class CandidateTranscript(BaseModel):
    """One of the candidate's kept answers as transcribed: what they said, sentence by sentence."""

    question_id: str
    attempt_id: str
    status: TranscriptStatus
    language: str | None = None
    no_speech: bool = False
    text: str | None = Field(default=None, description="The transcript's text, when transcribed.")
    segments: list[SegmentOut] = []


class CandidateTranscripts(BaseModel):
    items: list[CandidateTranscript] = Field(description="The kept answers, by question.")
