"""The scheduling API's request and response models, shared with the gateway's public routes."""

from __future__ import annotations

import itertools
import re
from datetime import date, datetime
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    EmailStr,
    Field,
    model_validator,
)

from contracts.events.interviews import InterviewScore
from contracts.rubric import Recommendation, Rubric
from services.chassis.errors import Problem
from services.chassis.i18n import Language
from services.chassis.paging import Page

Weekday = Literal["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
WEEKDAYS: tuple[Weekday, ...] = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)
_HHMM = re.compile(r"^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$")
_TEMPLATE_FIELDS = {"booking_id", "request_id"}


def zone(name: str) -> ZoneInfo:
    """An IANA zone by name; ValueError (a 422 in a model) for anything else, including paths."""
    if not name or name.startswith(("/", ".")) or ".." in name:
        raise ValueError(f"unknown time zone {name!r}")
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown time zone {name!r}") from None


def _zone_name(name: str) -> str:
    zone(name)
    return name


def _clock_time(value: str) -> str:
    if not _HHMM.match(value):
        raise ValueError("times are HH:MM, 00:00 to 24:00")
    if minutes(value) % 5:
        raise ValueError("times are multiples of 5 minutes")
    return value


# An http(s) URL whose only placeholders are {booking_id} and {request_id} (what _template checks).
JOIN_URL_PATTERN = r"^https?://[^{}\s]+(?:\{(?:booking_id|request_id)\}[^{}\s]*)*$"


def _template(value: str | None) -> str | None:
    if value is None:
        return None
    if not value.startswith(("https://", "http://")):
        raise ValueError("the join link must be an http(s) URL")
    unknown = set(re.findall(r"{(\w*)}", value)) - _TEMPLATE_FIELDS
    if unknown:
        raise ValueError(
            f"unknown placeholders {sorted(unknown)}; use {{booking_id}}, {{request_id}}"
        )
    return value


def _interview_rubric(rubric: Rubric | None) -> Rubric | None:
    if rubric is not None and any(c.question_ids is not None for c in rubric.criteria):
        raise ValueError("a live interview has no questions: leave out question_ids")
    return rubric


# IANA names ("Europe/Paris", "Etc/GMT+5", "America/Port-au-Prince"), checked against the zone data.
# IANA names ("Europe/Paris", "Etc/GMT+5"): the pattern shows their form; the zone data decides.
TimeZoneName = Annotated[
    str,
    Field(max_length=64, pattern=r"^[A-Za-z][A-Za-z0-9_+/-]*$", examples=["Europe/Paris"]),
    AfterValidator(_zone_name),
]
ClockTime = Annotated[
    str,
    Field(pattern=r"^(?:[01]\d|2[0-3]):[0-5][05]$|^24:00$", examples=["09:00"]),
    AfterValidator(_clock_time),
]
Minutes = Annotated[int, Field(multiple_of=5)]  # bounds added where used show in the schema
Reason = Annotated[str, Field(min_length=1, max_length=500)]


def minutes(clock: str) -> int:
    hours, mins = clock.split(":")
    return int(hours) * 60 + int(mins)


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class TimeRange(Model):
    """Wall-clock time in the interviewer's zone; `end` may be 24:00."""

    start: ClockTime
    end: ClockTime

    @model_validator(mode="after")
    def _ordered(self) -> TimeRange:
        if minutes(self.end) <= minutes(self.start):
            raise ValueError("a range ends after it starts")
        return self


def _no_overlaps(ranges: list[TimeRange], where: str) -> None:
    ordered = sorted(ranges, key=lambda r: minutes(r.start))
    for a, b in itertools.pairwise(ordered):
        if minutes(b.start) < minutes(a.end):
            raise ValueError(
                f"overlapping ranges on {where}: {a.start}-{a.end} and {b.start}-{b.end}"
            )


class DateOverride(Model):
    """Replaces the weekly rule on one date; no ranges means not available that day."""

    date: date
    ranges: list[TimeRange] = Field(default_factory=list, max_length=12)


class Period(Model):
    start: AwareDatetime
    end: AwareDatetime
    reason: str | None = Field(default=None, max_length=200)

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.end <= self.start:
            raise ValueError("a period ends after it starts")
        return self


class InterviewerIn(Model):
    name: str = Field(min_length=1, max_length=200)
    email: EmailStr
    time_zone: TimeZoneName
    # The gateway principal of this interviewer, so that they may give feedback as themselves.
    user_id: str | None = Field(default=None, max_length=200)
    weekly: dict[Weekday, list[TimeRange]] = Field(default_factory=dict)
    overrides: list[DateOverride] = Field(default_factory=list, max_length=400)
    blocked: list[Period] = Field(default_factory=list, max_length=400)
    buffer_before_minutes: Annotated[Minutes, Field(ge=0, le=240)] = 0
    buffer_after_minutes: Annotated[Minutes, Field(ge=0, le=240)] = 0
    max_per_day: int | None = Field(default=None, ge=1, le=24)

    @model_validator(mode="after")
    def _consistent(self) -> InterviewerIn:
        for day, ranges in self.weekly.items():
            _no_overlaps(ranges, day)
        seen: set[date] = set()
        for o in self.overrides:
            if o.date in seen:
                raise ValueError(f"two overrides for {o.date}")
            seen.add(o.date)
            _no_overlaps(o.ranges, o.date.isoformat())
        return self


class Interviewer(InterviewerIn):
    interviewer_id: str
    updated_at: datetime


class InterviewerPage(Page[Interviewer]):
    """A page of interviewers, by name."""


class BusyIn(Model):
    """Busy periods from elsewhere (another calendar), replacing those previously sent this way."""

    periods: list[Period] = Field(max_length=5000)


class CalendarFeedIn(Model):
    """An iCalendar document (VFREEBUSY or VEVENTs) whose busy time replaces the previous feed's."""

    calendar: str = Field(
        min_length=1,
        max_length=900_000,
        # The outline of an iCalendar document: content lines between BEGIN and END:VCALENDAR
        # (a folded line goes on after a space or a tab).
        pattern=r"^BEGIN:VCALENDAR\r?\n(?:(?:[A-Za-z][A-Za-z0-9-]*[:;]|[ \t])[^\r\n]*\r?\n)*"
        r"END:VCALENDAR\r?\n?$",
    )


class Busy(BaseModel):
    interviewer_id: str
    source: Literal["api", "ics"]
    periods: list[Period]
    updated_at: datetime


class InterviewTypeIn(Model):
    position_id: str = Field(min_length=1, max_length=200)
    name: str = Field(min_length=1, max_length=200)
    duration_minutes: Annotated[Minutes, Field(ge=10, le=480)]
    # panel: every interviewer must be free; round_robin: any one of them, the least loaded.
    mode: Literal["panel", "round_robin"] = "panel"
    interviewer_ids: list[str] = Field(
        min_length=1, max_length=20, json_schema_extra={"uniqueItems": True}
    )
    min_notice_minutes: Annotated[Minutes, Field(ge=0, le=30 * 1440)] = 1440
    booking_window_days: int = Field(default=14, ge=1, le=90)
    slot_step_minutes: Literal[5, 10, 15, 20, 30, 60] = 30
    # Limits for the candidate; staff are not held to them.
    max_reschedules: int = Field(default=2, ge=0, le=10)
    change_notice_minutes: Annotated[Minutes, Field(ge=0, le=30 * 1440)] = 1440
    rubric: Annotated[Rubric | None, AfterValidator(_interview_rubric)] = Field(
        default=None,
        description="What interviewers score (the shared rubric model, without question_ids). "
        "A different rubric is its next version; null or left out keeps the current one.",
    )
    join_url_template: Annotated[str | None, AfterValidator(_template)] = Field(
        default=None,
        max_length=500,
        pattern=JOIN_URL_PATTERN,
        description="An outside tool for this type's interviews: the join link "
        "({booking_id}, {request_id}). Null: the tenant's template if it has one, else the "
        "platform's live room.",
    )
    guide: list[Annotated[str, Field(min_length=1, max_length=1000)]] = Field(
        default=[],
        max_length=50,
        description="The interview guide: the questions to ask, in order, shown to the panel "
        "beside the video in the live room.",
    )
    recording: bool = Field(
        default=False,
        description="Record the live calls in the platform's room into the review workspace. "
        "The candidate is told and consents before joining; applies to bookings made after.",
    )

    @model_validator(mode="after")
    def _distinct(self) -> InterviewTypeIn:
        if len(set(self.interviewer_ids)) != len(self.interviewer_ids):
            raise ValueError("interviewer_ids repeat an interviewer")
        return self


class InterviewType(InterviewTypeIn):
    interview_type_id: str
    created_at: datetime
    rubric_version: int | None = Field(
        default=None, description="1 for the first rubric, one more for every change."
    )


class InterviewTypePage(Page[InterviewType]):
    """A page of interview types, newest first."""


class Conferencing(Model):
    """The tenant's join link for live sessions; None uses the installation's default."""

    join_url_template: Annotated[str | None, AfterValidator(_template)] = Field(
        default=None, max_length=500, pattern=JOIN_URL_PATTERN
    )


class JoinUrlIn(Model):
    """A join link an integration created for one booking."""

    join_url: Annotated[str, AfterValidator(_template)] = Field(
        max_length=1000, pattern=JOIN_URL_PATTERN
    )


class Slot(BaseModel):
    start: datetime  # UTC
    end: datetime
    # The same instants in the viewer's zone, ISO 8601 with the offset: they round-trip exactly.
    local_start: str
    local_end: str
    # Staff see who would interview; candidates do not.
    interviewer_ids: list[str] | None = None


class SlotList(BaseModel):
    time_zone: str
    duration_minutes: int
    slots: list[Slot] = Field(
        default=[], description="The open slots now (for `slot_taken` and `slot_unavailable`)."
    )


class CandidateBookIn(Model):
    start: AwareDatetime
    # The candidate's zone, for the times in their e-mails.
    time_zone: TimeZoneName | None = None


class BookIn(CandidateBookIn):
    # Round-robin types only: who of the free members interviews (default: the least loaded).
    interviewer_id: str | None = Field(default=None, max_length=200)


class CandidateRescheduleIn(CandidateBookIn):
    reason: str | None = Field(default=None, max_length=500)


class RescheduleIn(BookIn):
    reason: str | None = Field(default=None, max_length=500)


class CancelIn(Model):
    reason: Reason


class Booking(BaseModel):
    booking_id: str
    start: datetime
    end: datetime
    local_start: str
    local_end: str
    time_zone: str
    interviewer_ids: list[str]
    join_url: str | None
    sequence: int


RequestStatus = Literal["awaiting_setup", "open", "scheduled", "cancelled", "completed"]


class RequestIn(Model):
    """A recruiter asks for an interview directly (without a screening decision)."""

    invitation_id: str = Field(min_length=1, max_length=200)
    interview_type_id: str
    candidate_name: str = Field(min_length=1, max_length=200)
    candidate_email: EmailStr
    # False: the recruiter books the slot; the candidate gets only the calendar invitation.
    self_scheduling: bool = True
    language: Language | None = Field(
        default=None,
        description="The candidate's language for the scheduling e-mail and page (default: "
        "English; the candidate may choose another on the page).",
    )


class SchedulingRequest(BaseModel):
    request_id: str
    invitation_id: str
    position_id: str
    interview_type_id: str | None
    candidate_name: str
    candidate_email: str
    status: RequestStatus
    self_scheduling: bool
    reschedules: int
    token_expires_at: datetime | None
    booking: Booking | None
    created_at: datetime


class RequestPage(Page[SchedulingRequest]):
    """A page of interview requests, newest first."""


class CandidateRequest(BaseModel):
    """What the candidate's page shows: no other candidate's or interviewer's data."""

    request_id: str
    candidate_name: str
    interview_name: str | None
    duration_minutes: int | None
    language: Language | None = Field(
        default=None, description="The language to show unless the candidate chose one."
    )
    status: RequestStatus
    booking: Booking | None
    can_reschedule: bool
    can_cancel: bool


class ScoreIn(InterviewScore):
    """A score on one criterion of the interview type's rubric, with an optional comment."""

    model_config = ConfigDict(extra="forbid")


class FeedbackIn(Model):
    """An interviewer's scores on every criterion of the rubric, and an overall recommendation."""

    interviewer_id: str
    scores: list[ScoreIn] = Field(min_length=1, max_length=30)
    recommendation: Recommendation
    summary: str | None = Field(default=None, max_length=5000)


class FeedbackAccepted(BaseModel):
    request_id: str
    received: list[str]  # interviewer ids who gave feedback so far
    completed: bool
    rubric_version: int = Field(description="The rubric version the feedback was scored against.")


class SlotTaken(Problem):
    """409 slot_taken / slot_unavailable: the slot is gone; here are the open ones now."""

    slots: list[Slot] = Field(
        default=[], description="The open slots now (for `slot_taken` and `slot_unavailable`)."
    )
