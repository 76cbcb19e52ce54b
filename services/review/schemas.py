"""The review service's API models; the gateway imports them so that nothing is defined twice."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, Field

from contracts.events.interviews import Scorecard
from contracts.rubric import CriterionScore, Recommendation, Rubric, RubricRef
from services.chassis.paging import Page

SubmissionStatus = Literal["awaiting", "processing", "ready", "failed", "missing"]
Outcome = Literal["advance", "reject", "hold"]
Sex = Literal["female", "male", "another", "declined"]
RaceEthnicity = Literal[
    "hispanic_or_latino",
    "white",
    "black_or_african_american",
    "native_hawaiian_or_pacific_islander",
    "asian",
    "american_indian_or_alaska_native",
    "two_or_more_races",
    "declined",
]

# --- rubrics ------------------------------------------------------------------------------------


class RubricIn(Rubric):
    """A question set's rubric: the shared rubric model (`contracts.rubric`)."""


class RubricOut(RubricIn):
    question_set_id: str
    version: int
    versions: list[int]
    created_at: datetime


# --- position review settings -------------------------------------------------------------------


class ReviewSettingsIn(BaseModel):
    reviewer_ids: list[str] = Field(
        default=[], max_length=100, description="Principals of the panel, e.g. `user:<id>`."
    )
    per_candidate: int | None = Field(
        default=None, ge=1, le=20, description="Reviewers per candidate; null: every reviewer."
    )
    blind: bool | None = Field(
        default=None, description="Withhold identity until a decision; null: the invitation's."
    )


class ReviewSettingsOut(ReviewSettingsIn):
    position_id: str
    position_title: str | None = None
    question_set_id: str | None = None
    updated_at: datetime | None = None
    assigned: int = Field(default=0, description="Assignments created by this change.")


# --- submissions --------------------------------------------------------------------------------


class CandidateIdentity(BaseModel):
    name: str
    email: str


class Audio(BaseModel):
    has_audio: bool
    silent: bool
    near_silent: bool


class Answer(BaseModel):
    question_id: str
    position: int
    prompt: str
    kind: Literal["video", "text", "choice"] = "video"
    status: Literal["awaiting", "processing", "ready", "failed", "missing"]
    think_seconds_used: float | None = Field(
        default=None,
        description="From the question's reveal to the first take (video) or the answer.",
    )
    takes_used: int | None = Field(
        default=None, description="video: takes started, a missed first take included."
    )
    text: str | None = Field(default=None, description="kind text: the answer.")
    choices: list[int] | None = Field(
        default=None, description="kind choice: the chosen options (indexes of `choice_labels`)."
    )
    choice_labels: list[str] | None = Field(default=None, description="kind choice: the options.")
    attempt_id: str | None = None
    duration_seconds: float | None = None
    master_playlist_key: str | None = None
    renditions: list[dict[str, Any]] | None = None
    poster_key: str | None = None
    thumbnails: dict[str, Any] | None = None
    audio: Audio | None = None
    failure: str | None = None


class Scores(BaseModel):
    reviews: int
    mean: float | None
    spread: float | None = Field(description="Population standard deviation of reviewer means.")
    criteria: dict[str, float]
    recommendations: dict[str, int]


class InterviewStage(BaseModel):
    """The live interview (scheduling's `interview.completed`), scored on the interview type's
    rubric: a stage of its own, never mixed into the screening's scores."""

    request_id: str
    completed_at: datetime
    rubric: RubricRef
    scores: Scores = Field(description="As the screening's, with one interviewer per `reviews`.")
    scorecards: list[Scorecard]


class InterviewRecording(BaseModel):
    """A recorded live interview's call, transcoded like an answer: play it with
    GET /recordings/{recording_id}/playback."""

    booking_id: str
    recording_id: str
    status: Literal["transcoding", "ready", "failed"]
    playable: bool = Field(description="Its lowest rendition plays (before the transcode ends).")
    duration_seconds: float | None = None
    failure: str | None = None
    started_at: datetime | None = Field(
        default=None, description="When the recording began: notes' moments count from it."
    )


class InterviewNote(BaseModel):
    """A note an interviewer pinned to a moment of a live call."""

    id: str
    booking_id: str
    interviewer_id: str
    author: str
    text: str
    at: datetime
    at_seconds: float | None = Field(
        description="Where in the call's recording it points (null: the call is not recorded)."
    )


class Decision(BaseModel):
    outcome: Outcome
    decided_by: str
    decided_at: datetime
    reason: str | None = None


class RatingIn(CriterionScore):
    """A score on one criterion for one answer."""

    question_id: str


class ReviewIn(BaseModel):
    ratings: list[RatingIn] = Field(min_length=1, max_length=1000)
    recommendation: Recommendation
    summary: str | None = Field(default=None, max_length=5000)


class ReviewOut(BaseModel):
    reviewer: str
    rubric_version: int
    ratings: list[RatingIn]
    recommendation: Recommendation
    summary: str | None = None
    submitted_at: datetime


class SubmissionOut(BaseModel):
    invitation_id: str
    position_id: str
    position_title: str | None = None
    blind: bool
    candidate: CandidateIdentity | None = Field(
        description="Withheld (null) under blind review until a decision is recorded."
    )
    invitation_state: str
    status: SubmissionStatus
    reviewable: bool
    ready_at: datetime | None = None
    answers: list[Answer]
    assigned_to_me: bool
    reviewed_by_me: bool
    ratings_hidden: bool = Field(
        description="True while you are a panel reviewer who has not submitted your own review."
    )
    scores: Scores | None = None
    reviews: list[ReviewOut] = []
    decision: Decision | None = None
    rubric_version: int | None = None
    interview: InterviewStage | None = Field(
        default=None,
        description="The latest completed live interview's scores; withheld like `scores`.",
    )
    interview_recordings: list[InterviewRecording] = Field(
        default=[], description="The recorded live interviews' calls, oldest first."
    )
    interview_notes: list[InterviewNote] = Field(
        default=[],
        description="The panel's notes pinned to moments of the live calls, by moment; "
        "withheld like `scores`.",
    )


class SubmissionRow(BaseModel):
    rank: int = Field(description="1-based position in this ordering and filter.")
    invitation_id: str
    candidate: CandidateIdentity | None
    status: SubmissionStatus
    invitation_state: str
    ready_at: datetime | None = None
    reviews: int
    mean: float | None = None
    spread: float | None = None
    decision: Outcome | None = None


class SubmissionPage(Page[SubmissionRow]):
    """A page of a position's submissions in the order asked for."""


class SideBySideItem(BaseModel):
    invitation_id: str
    candidate: CandidateIdentity | None
    answer: Answer | None
    mean: float | None = Field(description="This answer's mean score across reviewers.")
    criteria: dict[str, float] = Field(description="This answer's mean per criterion.")
    reviews: int


class SideBySide(BaseModel):
    position_id: str
    question_id: str
    items: list[SideBySideItem]


# --- comments -----------------------------------------------------------------------------------


class CommentIn(BaseModel):
    question_id: str
    at_seconds: float = Field(ge=0, description="Where in the answer the comment points.")
    text: str = Field(min_length=1, max_length=5000)


class CommentOut(CommentIn):
    id: str
    reviewer: str
    created_at: datetime


class CommentPage(Page[CommentOut]):
    """A page of comments, by question and answer time."""


# --- review time --------------------------------------------------------------------------------

MAX_SESSION_SECONDS = 24 * 3600


class ViewingIn(BaseModel):
    session_id: str = Field(
        pattern=r"^[A-Za-z0-9-]{8,64}$",
        description="One visit of the page to this submission (e.g. a random UUID per visit).",
    )
    player_seconds: float = Field(
        ge=0, le=MAX_SESSION_SECONDS, description="Real seconds the player played in this visit."
    )
    wall_seconds: float = Field(
        ge=0,
        le=MAX_SESSION_SECONDS,
        description="Seconds the submission was open and visible in this visit.",
    )


class ViewingOut(ViewingIn):
    pass


class Durations(BaseModel):
    count: int
    median_hours: float | None
    p90_hours: float | None


class ReviewerTime(BaseModel):
    reviewer: str
    candidates_reviewed: int
    candidates_viewed: int
    player_minutes_per_candidate: float | None
    wall_minutes_per_candidate: float | None
    median_hours_to_review: float | None = Field(
        description="From a candidate's completion to this reviewer's review of them."
    )


class ReviewTime(BaseModel):
    position_id: str
    completed: int = Field(description="Candidates who completed the interview.")
    waiting_for_first_review: int
    to_first_review: Durations
    to_decision: Durations = Field(description="To the first advance or reject decision.")
    player_minutes_per_candidate: float | None = Field(
        description="Minutes the player played per candidate viewed, all reviewers together."
    )
    wall_minutes_per_candidate: float | None = Field(
        description="Minutes a candidate's submission was open on screen, all reviewers together."
    )
    reviewers: list[ReviewerTime]


# --- calibration --------------------------------------------------------------------------------


class ReviewerOffset(BaseModel):
    reviewer: str
    ratings: int
    mean_offset: float | None = Field(description="Mean of (score - unit's panel mean).")


class CriterionCalibration(BaseModel):
    criterion_id: str
    alpha: float | None = Field(description="Krippendorff's alpha, interval metric.")
    units: int
    pairable_values: int
    reviewers: list[ReviewerOffset]


class Calibration(BaseModel):
    position_id: str
    metric: Literal["interval"] = "interval"
    criteria: list[CriterionCalibration]


# --- decisions ----------------------------------------------------------------------------------


class DecisionIn(BaseModel):
    outcome: Outcome
    reason: str | None = Field(default=None, max_length=2000)


class DecisionOut(Decision):
    invitation_id: str
    changed: bool = Field(description="False when the same decision was already recorded.")
    previous: Outcome | None = None


class DecisionRecord(BaseModel):
    id: str
    invitation_id: str
    outcome: Outcome
    previous: Outcome | None
    decided_by: str
    decided_at: datetime
    reason: str | None


class DecisionPage(Page[DecisionRecord]):
    """A page of a candidate's decisions, oldest first."""


# --- selection-rate report ----------------------------------------------------------------------


class SelfReportIn(BaseModel):
    sex: Sex | None = None
    race_ethnicity: RaceEthnicity | None = None


class SelfReportOut(SelfReportIn):
    recorded_at: datetime | None = None


class SelectionSetting(BaseModel):
    enabled: bool


class SelectionRow(BaseModel):
    category: str
    applicants: int
    selected: int
    selection_rate: float | None
    impact_ratio: float | None
    below_four_fifths: bool
    small_sample: bool


class SelectionStage(BaseModel):
    stage: Literal["completion", "screen"]
    description: str
    dimensions: dict[str, list[SelectionRow]]


class SelectionReport(BaseModel):
    position_id: str
    candidates: int
    stages: list[SelectionStage]


# --- share links --------------------------------------------------------------------------------

SHARE_MAX_HOURS = 14 * 24  # the longest a share link may live


class ShareIn(BaseModel):
    expires_in_hours: int = Field(
        default=72, ge=1, le=SHARE_MAX_HOURS, description="How long the link works, in hours."
    )
    label: str | None = Field(
        default=None, max_length=200, description="Whom it is for, e.g. `Sam, hiring manager`."
    )


class ShareOut(BaseModel):
    id: str
    invitation_id: str
    label: str | None = None
    created_by: str
    created_at: datetime
    expires_at: datetime
    revoked_at: datetime | None = None
    revoked_by: str | None = None
    views: int = Field(default=0, description="Pages opened with the link.")
    last_viewed_at: datetime | None = None
    active: bool = Field(description="Neither revoked nor expired.")


class ShareCreated(ShareOut):
    token: str = Field(description="The link's secret: shown once, stored only as a hash.")
    path: str = Field(description="The shared page, e.g. `/shared/<token>`, at the gateway.")


class ShareList(BaseModel):
    items: list[ShareOut]


class SharedAnswer(BaseModel):
    question_id: str
    position: int
    prompt: str
    kind: Literal["video", "text", "choice"] = "video"
    status: Literal["awaiting", "processing", "ready", "failed", "missing"]
    text: str | None = None
    choices: list[int] | None = None
    choice_labels: list[str] | None = None
    attempt_id: str | None = Field(
        default=None, description="Play it with `/v1/shared/attempts/{attempt_id}/...`."
    )
    duration_seconds: float | None = None


class SharedSubmission(BaseModel):
    """What a share link shows: the candidate's answers, and nothing of the review."""

    invitation_id: str
    position_title: str | None = None
    blind: bool
    candidate: CandidateIdentity | None = Field(
        description="Withheld (null) under blind review until a decision is recorded."
    )
    label: str | None = None
    expires_at: datetime
    answers: list[SharedAnswer]
