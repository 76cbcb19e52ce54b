"""iCalendar in and out: invitations (METHOD:REQUEST, updated with SEQUENCE, METHOD:CANCEL) for a
booking, and busy periods read from an interviewer's feed (VFREEBUSY, or VEVENTs with RRULE)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any, Literal
from zoneinfo import ZoneInfo

from dateutil.rrule import rrulestr
from icalendar import Calendar, Event

from services.scheduling.slots import Span, merge

PRODID = "-//Hireloop//Scheduling//EN"
# Occurrences of one recurring event read from a feed: a bound on work, not on correctness
# (the horizon bounds it first for anything but sub-daily rules).
MAX_OCCURRENCES = 2000


class CalendarError(ValueError):
    """The document is not iCalendar we can read."""


@dataclass(frozen=True)
class Person:
    name: str
    email: str


@dataclass(frozen=True)
class Invitation:
    uid: str  # stable per booking: every update and the cancel name the same event
    sequence: int
    start: datetime
    end: datetime
    summary: str
    description: str
    join_url: str | None
    organizer: Person
    attendees: Sequence[Person]
    stamp: datetime


def uid_for(booking_id: str, domain: str) -> str:
    return f"{booking_id}@{domain}"


def render(invitation: Invitation, method: Literal["REQUEST", "CANCEL"]) -> bytes:
    """One VEVENT with DTSTART/DTEND in UTC, so no client has to know our zones."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", method)
    event = Event()
    event.add("uid", invitation.uid)
    event.add("sequence", invitation.sequence)
    event.add("dtstamp", invitation.stamp.astimezone(UTC))
    event.add("dtstart", invitation.start.astimezone(UTC))
    event.add("dtend", invitation.end.astimezone(UTC))
    event.add("summary", invitation.summary)
    event.add("description", invitation.description)
    event.add("status", "CANCELLED" if method == "CANCEL" else "CONFIRMED")
    event.add("transp", "OPAQUE")
    if invitation.join_url:
        event.add("location", invitation.join_url)
        event.add("url", invitation.join_url)
    event.add(
        "organizer",
        f"mailto:{invitation.organizer.email}",
        parameters={"CN": invitation.organizer.name},
    )
    for person in invitation.attendees:
        event.add(
            "attendee",
            f"mailto:{person.email}",
            parameters={
                "CN": person.name,
                "ROLE": "REQ-PARTICIPANT",
                "PARTSTAT": "NEEDS-ACTION",
                "RSVP": "TRUE",
            },
        )
    cal.add_component(event)
    data: bytes = cal.to_ical()
    return data


def busy_periods(document: str, zone: ZoneInfo, horizon: Span) -> list[Span]:
    """Busy time inside `horizon`. Floating and all-day times are read in the interviewer's zone;
    transparent, cancelled and FBTYPE=FREE entries are not busy. A modified occurrence
    (RECURRENCE-ID) counts in addition to its original: a feed errs on the side of busy."""
    try:
        cal = Calendar.from_ical(document)
    except Exception as exc:
        raise CalendarError(f"not an iCalendar document: {exc}") from None
    spans: list[Span] = []
    try:
        for fb in cal.walk("VFREEBUSY"):
            spans += _free_busy(fb, zone)
        for event in cal.walk("VEVENT"):
            if str(event.get("transp", "OPAQUE")).upper() == "TRANSPARENT":
                continue
            if str(event.get("status", "")).upper() == "CANCELLED":
                continue
            spans += _occurrences(event, zone, horizon)
    except CalendarError:
        raise
    except Exception as exc:
        raise CalendarError(f"unreadable calendar entry: {exc}") from None
    return [
        Span(max(s.start, horizon.start), min(s.end, horizon.end))
        for s in merge(spans)
        if s.end > horizon.start and s.start < horizon.end
    ]


def _instant(value: Any, zone: ZoneInfo) -> datetime:
    if isinstance(value, datetime):
        local = value if value.tzinfo is not None else value.replace(tzinfo=zone)
        return local.astimezone(UTC)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=zone).astimezone(UTC)
    raise CalendarError(f"not a date or time: {value!r}")


def _free_busy(component: Any, zone: ZoneInfo) -> list[Span]:
    props = component.get("freebusy")
    if props is None:
        return []
    out: list[Span] = []
    for prop in props if isinstance(props, list) else [props]:
        if str(prop.params.get("FBTYPE", "BUSY")).upper() == "FREE":
            continue
        periods = prop.dt if isinstance(prop.dt, list) else [prop.dt]
        for start, end_or_duration in periods:
            begin = _instant(start, zone)
            end = (
                begin + end_or_duration
                if isinstance(end_or_duration, timedelta)
                else _instant(end_or_duration, zone)
            )
            out.append(Span(begin, end))
    return out


def _occurrences(event: Any, zone: ZoneInfo, horizon: Span) -> list[Span]:
    raw_start = event.decoded("dtstart")
    start = _instant(raw_start, zone)
    if "dtend" in event:
        length = _instant(event.decoded("dtend"), zone) - start
    elif "duration" in event:
        length = event.decoded("duration")
    else:
        length = timedelta(days=1) if not isinstance(raw_start, datetime) else timedelta()
    if length <= timedelta():
        return []
    if "rrule" not in event:
        return [Span(start, start + length)]
    # Expand in local wall time, so that a weekly 09:00 meeting stays at 09:00 across DST.
    tz = raw_start.tzinfo if isinstance(raw_start, datetime) and raw_start.tzinfo else zone
    local_start = start.astimezone(tz).replace(tzinfo=None)
    rule_text = event["rrule"].to_ical().decode()
    rule = rrulestr(rule_text, dtstart=local_start, ignoretz=True)
    excluded = {_instant(d, zone) for d in _exdates(event)}
    out: list[Span] = []
    after = (horizon.start - length).astimezone(tz).replace(tzinfo=None)
    until = horizon.end.astimezone(tz).replace(tzinfo=None)
    for occurrence in rule.xafter(after, count=MAX_OCCURRENCES, inc=True):
        if occurrence >= until:
            break
        begin = occurrence.replace(tzinfo=tz).astimezone(UTC)
        if begin not in excluded:
            out.append(Span(begin, begin + length))
    return out


def _exdates(event: Any) -> list[Any]:
    props = event.get("exdate")
    if props is None:
        return []
    out: list[Any] = []
    for prop in props if isinstance(props, list) else [props]:
        out += [d.dt for d in prop.dts]
    return out
