"""The invite service's API models; the gateway imports them so that nothing is defined twice."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, EmailStr, Field, model_validator

from contracts.events.invitations import Accommodations, AnswerKind, Question
from services.chassis.api import ID_PATTERN
from services.chassis.paging import Page
from services.invite import addresses

# What the service stores and computes with must fit: ids as minted, counts and versions in
# 32 bits (MongoDB stores 64-bit integers; the schema says so rather than a storage error).
RefId = Annotated[str, Field(pattern=ID_PATTERN, max_length=128)]
Version = Annotated[int, Field(ge=1, le=2**31 - 1)]
# Reminders are sent this many hours before the deadline (at most the longest deadline).
ReminderHours = Annotated[int, Field(ge=1, le=90 * 24)]
# The longest text answer a question may allow (and the limit of one without `max_chars`).
MAX_TEXT_CHARS = 20_000
EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)
LONGEST_AHEAD = timedelta(days=5 * 366)


def _plausible(value: datetime) -> datetime:
    """Deadlines are computed with (reminders before, link grace after): keep them in range."""
    aware = value if value.tzinfo else value.replace(tzinfo=UTC)
    if not EARLIEST <= aware <= datetime.now(UTC) + LONGEST_AHEAD:
        raise ValueError("a deadline is after 2000 and at most five years ahead")
    return value


Deadline = Annotated[
    datetime,
    AfterValidator(_plausible),
    Field(description="ISO 8601; after 2000 and at most five years ahead."),
]
# The address in its canonical form (services/invite/addresses.py): the same address written
# another way (full-width letters, punycode or upper-case domain) is the same candidate.
CandidateEmail = Annotated[EmailStr, AfterValidator(addresses.canonical)]


def deadline_passed(deadline: datetime | None, now: datetime) -> bool:
    """A deadline that is already over (naive times are UTC): nobody could meet it."""
    if deadline is None:
        return False
    return (deadline if deadline.tzinfo else deadline.replace(tzinfo=UTC)) <= now


class AccommodationsIn(Accommodations):
    """Accommodations as a staff member sets them: the ranges the interview page supports."""

    time_multiplier: float = Field(default=1.0, ge=1.0, le=4.0)
    extra_retakes: int = Field(default=0, ge=0, le=10)
    note: str | None = Field(default=None, max_length=1000)


InvitationState = Literal[
    "created", "opened", "consented", "started", "completed", "expired", "withdrawn"
]


class QuestionIn(BaseModel):
    kind: AnswerKind = "video"
    prompt: str = Field(min_length=1, max_length=2000)
    think_seconds: int = Field(default=30, ge=0, le=600)
    answer_seconds: int = Field(default=120, ge=10, le=1800)
    retakes: int = Field(default=1, ge=0, le=10)
    choices: list[Annotated[str, Field(min_length=1, max_length=200)]] | None = Field(
        default=None, max_length=20
    )
    prompt_video_key: str | None = Field(
        default=None,
        max_length=300,
        description="The `key` of an uploaded prompt video of your tenant.",
    )
    multiple: bool = Field(
        default=False, description="kind choice: several options may be chosen (else one)."
    )
    max_chars: int | None = Field(
        default=None,
        ge=1,
        le=MAX_TEXT_CHARS,
        description=f"kind text: the longest answer in characters (default {MAX_TEXT_CHARS}).",
    )
    prompt_captions: str | None = Field(
        default=None,
        max_length=100_000,
        description="WebVTT captions of the video prompt (the text of a .vtt file); the page "
        "shows them on the video and the prompt text beside it.",
    )

    @model_validator(mode="after")
    def choices_match_kind(self) -> QuestionIn:
        if (self.kind == "choice") != bool(self.choices):
            raise ValueError("choices are required for, and only for, kind 'choice'")
        if self.multiple and self.kind != "choice":
            raise ValueError("multiple belongs to kind 'choice'")
        if self.max_chars is not None and self.kind != "text":
            raise ValueError("max_chars belongs to kind 'text'")
        if self.prompt_captions is not None:
            if not self.prompt_video_key:
                raise ValueError("prompt_captions belong to a prompt video: give prompt_video_key")
            if not self.prompt_captions.lstrip("\ufeff").startswith("WEBVTT"):
                raise ValueError("prompt_captions must be WebVTT: the text starts with 'WEBVTT'")
        return self


class QuestionSetIn(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    questions: list[QuestionIn] = Field(min_length=1, max_length=50)
    practice_question: QuestionIn | None = None


class PromptVideoIn(BaseModel):
    content_type: Literal["video/webm", "video/mp4"] = "video/webm"


class PromptVideoUpload(BaseModel):
    key: str = Field(description="Use as a question's `prompt_video_key` once uploaded.")
    upload_url: str = Field(description="PUT the video here (presigned, short-lived).")
    expires_at: datetime


class QuestionSetOut(BaseModel):
    id: str
    version: int
    name: str
    questions: list[Question]
    captions: dict[str, str] = Field(
        default={}, description="Question id -> the WebVTT captions of its video prompt."
    )
    created_at: datetime
    versions: list[int]


class PositionIn(BaseModel):
    title: str = Field(min_length=1, max_length=200)
    question_set_id: RefId
    question_set_version: Version | None = Field(default=None, description="Default: the latest.")
    deadline_days: int = Field(default=7, ge=1, le=90)
    reminder_hours: list[ReminderHours] = Field(default=[48, 24], max_length=5)
    reviewer_ids: list[RefId] = Field(default=[], max_length=100)
    reviewers_per_candidate: int | None = Field(default=None, ge=1, le=20)
    blind_review: bool = False
    language: str = Field(
        default="en",
        pattern=r"^[a-z]{2,3}$",
        description="The language candidates answer in (ISO 639-1, e.g. `en`, `de`); "
        "transcripts are made in it.",
    )


class PositionOut(PositionIn):
    id: str
    question_set_version: int | None = None
    created_at: datetime
    counts: dict[str, int] = Field(default={}, description="Invitations per state.")
    decisions: dict[str, int] = Field(
        default={}, description="Reviewed invitations per screening decision (advanced, ...)."
    )
    closed_at: datetime | None = Field(
        default=None, description="When it was closed to new invitations (open: null)."
    )
    erase_at: datetime | None = Field(
        default=None,
        description="When its candidates' data is erased: the close plus the tenant's retention "
        "period (open: null).",
    )
    erased_at: datetime | None = Field(
        default=None, description="When its candidates' data was erased by the retention sweep."
    )


class InvitationIn(BaseModel):
    name: str = Field(min_length=1, max_length=200)
    email: CandidateEmail
    deadline: Deadline | None = Field(default=None, description="Default: the position's days.")
    accommodations: AccommodationsIn | None = None


class Decision(BaseModel):
    outcome: Literal["advanced", "rejected", "held"]
    decided_at: datetime


class InvitationOut(BaseModel):
    id: str
    position_id: str
    name: str
    email: str
    state: InvitationState
    deadline: datetime
    accommodations: Accommodations
    question_set_id: str
    question_set_version: int
    created_at: datetime
    history: list[dict[str, datetime | str]]
    reminders_sent: int
    decision: Decision | None = Field(
        default=None, description="The screening decision, once reviewers made one."
    )


class InvitationCreatedOut(InvitationOut):
    link: str = Field(description="The candidate's link. Also e-mailed to the candidate.")


class BulkRow(BaseModel):
    row: int = Field(description="1-based data row number (the header is row 0).")
    status: Literal["created", "duplicate", "invalid"]
    invitation_id: str | None = None
    email: str | None = None
    reason: str | None = None


class BulkResult(BaseModel):
    created: int
    duplicate: int
    invalid: int
    rows: list[BulkRow]


class Extension(BaseModel):
    deadline: Deadline


class Withdrawal(BaseModel):
    reason: str | None = Field(default=None, max_length=500)


class TemplateIn(BaseModel):
    subject: str = Field(min_length=1, max_length=300)
    text: str = Field(min_length=1, max_length=20_000)


class TemplateOut(TemplateIn):
    kind: Literal["invitation", "reminder", "receipt"]
    custom: bool


class Notice(BaseModel):
    version: str
    text: str


class QuestionOutline(BaseModel):
    """A question as the candidate sees it before reaching it: its kind and limits. The prompt
    (and a choice question's options) come only with the practice question; every other one is
    revealed in order by `POST /candidate/questions/{question_id}/reveal`, which starts its clocks."""

    question_id: str
    position: int
    kind: AnswerKind
    practice: bool
    think_seconds: int
    answer_seconds: int
    retakes: int
    multiple: bool = False
    max_chars: int | None = None
    prompt: str | None = Field(default=None, description="The practice question's only.")
    choices: list[str] | None = Field(default=None, description="The practice question's only.")


class CandidateInterview(BaseModel):
    invitation_id: str
    position_title: str
    candidate_name: str
    state: InvitationState
    deadline: datetime
    notice: Notice
    consented_at: datetime | None
    questions: list[QuestionOutline]
    prompt_videos: dict[str, str] = Field(
        default={}, description="The practice question's video prompt: id -> a short-lived URL."
    )
    prompt_captions: dict[str, str] = Field(
        default={}, description="The practice question's video prompt: id -> WebVTT captions."
    )


class ConsentIn(BaseModel):
    notice_version: str = Field(max_length=100)
    accepted: Literal[True]


class Progress(BaseModel):
    invitation_id: str
    state: InvitationState
    deadline: datetime
    history: list[dict[str, datetime | str]]


class ErasureIn(BaseModel):
    email: CandidateEmail


class ErasureOut(BaseModel):
    erasure_id: str
    invitations: int


class WrittenAnswer(BaseModel):
    """A text or multiple-choice answer as the candidate gave it."""

    invitation_id: str
    question_id: str
    kind: AnswerKind
    text: str | None = None
    choices: list[int] | None = None
    submitted_at: datetime


class TranscriptExport(BaseModel):
    """What the candidate said in a recorded answer, as transcribed."""

    invitation_id: str
    question_id: str
    attempt_id: str
    language: str
    transcribed: bool
    text: str | None = None
    transcribed_at: datetime


class CandidateExport(BaseModel):
    email: str
    invitations: list[InvitationOut]
    consents: list[dict[str, datetime | str]]
    answers: list[WrittenAnswer] = Field(
        default=[], description="Text and multiple-choice answers (recordings: the attempts)."
    )
    transcripts: list[TranscriptExport] = Field(
        default=[], description="The transcripts of recorded answers (every attempt transcribed)."
    )


class PositionPage(Page[PositionOut]):
    """A page of positions, newest first."""


class QuestionSetPage(Page[QuestionSetOut]):
    """A page of question sets in id order, each in its latest version."""


class InvitationPage(Page[InvitationOut]):
    """A page of a position's invitations in id order."""
