"""Slot arithmetic without I/O: working hours in an interviewer's IANA zone turned into UTC spans,
busy time and buffers taken out, and bookable starts enumerated for a panel or a round-robin pool.

Every instant is an aware UTC datetime. A local working range covers exactly the instants whose
wall-clock time in the zone falls inside it: a range starting in a spring-forward gap starts when
the gap ends, and a range covering a fall-back hour covers both occurrences of that hour.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

# Starts, durations and buffers are multiples of one grid cell, so that the database can hold a
# booking as the set of cells it covers (see bookings.py) and two overlapping bookings collide.
CELL = timedelta(minutes=5)
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
# Real zones change offset at most once in far more than this; changes are bisected to the second.
_SAMPLE_SECONDS = 3 * 3600
DAY_MINUTES = 24 * 60


@dataclass(frozen=True, order=True)
class Span:
    """A half-open UTC interval [start, end)."""

    start: datetime
    end: datetime


@dataclass(frozen=True)
class LocalRange:
    """Wall-clock minutes after local midnight, [start, end); end may be 1440 (midnight)."""

    start: int
    end: int


@dataclass(frozen=True)
class Rules:
    """One interviewer's availability as they think of it: in their own zone."""

    zone: ZoneInfo
    weekly: Mapping[int, Sequence[LocalRange]]  # 0 = Monday
    overrides: Mapping[date, Sequence[LocalRange]] = field(default_factory=dict)
    buffer_before: timedelta = timedelta()
    buffer_after: timedelta = timedelta()
    max_per_day: int | None = None


@dataclass(frozen=True)
class Calendar:
    """What slot computation knows of one interviewer: rules, outside busy time, our bookings."""

    interviewer_id: str
    rules: Rules
    busy: Sequence[Span] = ()  # meetings elsewhere and blocked periods
    booked: Sequence[Span] = ()  # interviews already booked here, without buffers


@dataclass(frozen=True)
class Slot:
    start: datetime
    end: datetime
    # For a panel, everyone; for a pool, the free members, least loaded first.
    interviewer_ids: tuple[str, ...]


def merge(spans: Iterable[Span]) -> list[Span]:
    out: list[Span] = []
    for span in sorted(spans):
        if span.end <= span.start:
            continue
        if out and span.start <= out[-1].end:
            if span.end > out[-1].end:
                out[-1] = Span(out[-1].start, span.end)
        else:
            out.append(span)
    return out


def subtract(spans: Sequence[Span], holes: Iterable[Span]) -> list[Span]:
    """One sweep over both sorted lists."""
    gaps = merge(holes)
    out: list[Span] = []
    first = 0
    for span in merge(spans):
        while first < len(gaps) and gaps[first].end <= span.start:
            first += 1
        start = span.start
        k = first
        while k < len(gaps) and gaps[k].start < span.end:
            if gaps[k].start > start:
                out.append(Span(start, gaps[k].start))
            start = max(start, gaps[k].end)
            k += 1
        if start < span.end:
            out.append(Span(start, span.end))
    return out


def intersect(a: Sequence[Span], b: Sequence[Span]) -> list[Span]:
    out: list[Span] = []
    i = j = 0
    a, b = merge(a), merge(b)
    while i < len(a) and j < len(b):
        start, end = max(a[i].start, b[j].start), min(a[i].end, b[j].end)
        if start < end:
            out.append(Span(start, end))
        if a[i].end < b[j].end:
            i += 1
        else:
            j += 1
    return out


def _offset(zone: ZoneInfo, seconds: int) -> timedelta:
    offset = datetime.fromtimestamp(seconds, UTC).astimezone(zone).utcoffset()
    assert offset is not None
    return offset


def offset_spans(zone: ZoneInfo, window: Span) -> list[tuple[Span, timedelta]]:
    """The pieces of `window` over which the zone's UTC offset is constant, with that offset."""
    begin, finish = int(window.start.timestamp()), int(window.end.timestamp())
    pieces: list[tuple[Span, timedelta]] = []
    cursor, offset = begin, _offset(zone, begin)
    probe = begin
    while probe < finish:
        following = min(probe + _SAMPLE_SECONDS, finish)
        if _offset(zone, following) != offset:
            lo, hi = probe, following
            while hi - lo > 1:
                mid = (lo + hi) // 2
                lo, hi = (mid, hi) if _offset(zone, mid) == offset else (lo, mid)
            pieces.append((Span(_at(cursor), _at(hi)), offset))
            cursor, offset = hi, _offset(zone, hi)
        probe = following
    pieces.append((Span(_at(cursor), _at(finish)), offset))
    return pieces


def _at(seconds: int) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


def wall_to_utc(
    wall_start: datetime, wall_end: datetime, offsets: Sequence[tuple[Span, timedelta]]
) -> list[Span]:
    """Every instant whose wall-clock time is in [wall_start, wall_end) (naive datetimes)."""
    out: list[Span] = []
    for piece, offset in offsets:
        start = max(piece.start, (wall_start - offset).replace(tzinfo=UTC))
        end = min(piece.end, (wall_end - offset).replace(tzinfo=UTC))
        if start < end:
            out.append(Span(start, end))
    return merge(out)


def ranges_on(rules: Rules, day: date) -> Sequence[LocalRange]:
    """An override replaces the weekly rule for its date; an empty override is a day off."""
    if day in rules.overrides:
        return rules.overrides[day]
    return rules.weekly.get(day.weekday(), ())


def working_spans(rules: Rules, window: Span) -> list[Span]:
    # A day before and after: a zone's local dates run up to 14 hours either side of UTC's.
    padded = Span(window.start - timedelta(days=1), window.end + timedelta(days=1))
    offsets = offset_spans(rules.zone, padded)
    day = window.start.astimezone(rules.zone).date() - timedelta(days=1)
    last = window.end.astimezone(rules.zone).date() + timedelta(days=1)
    spans: list[Span] = []
    while day <= last:
        midnight = datetime(day.year, day.month, day.day)
        for r in ranges_on(rules, day):
            wall_start = midnight + timedelta(minutes=r.start)
            wall_end = midnight + timedelta(minutes=r.end)
            spans.extend(wall_to_utc(wall_start, wall_end, offsets))
        day += timedelta(days=1)
    return intersect(merge(spans), [window])


def free_spans(calendar: Calendar, window: Span) -> list[Span]:
    """Where an interview may lie: working time minus what its buffers may not touch.

    Buffers pad an interview on both sides. A padded interview may not overlap a meeting held
    elsewhere, nor another padded interview."""
    rules = calendar.rules
    before, after = rules.buffer_before, rules.buffer_after
    holes = [Span(b.start - after, b.end + before) for b in calendar.busy]
    holes += [Span(b.start - after - before, b.end + before + after) for b in calendar.booked]
    return subtract(working_spans(rules, window), holes)


def ceil_to(instant: datetime, step: timedelta) -> datetime:
    remainder = (instant - EPOCH) % step
    return instant if not remainder else instant + (step - remainder)


def starts_within(spans: Sequence[Span], duration: timedelta, step: timedelta) -> list[datetime]:
    """Starts on the UTC `step` grid whose [start, start + duration) fits inside one span."""
    out: list[datetime] = []
    for span in merge(spans):
        start = ceil_to(span.start, step)
        while start + duration <= span.end:
            out.append(start)
            start += step
    return out


def local_day(calendar: Calendar, instant: datetime) -> date:
    return instant.astimezone(calendar.rules.zone).date()


def _has_room(calendar: Calendar, day: date, counts: dict[tuple[str, date], int]) -> bool:
    limit = calendar.rules.max_per_day
    return limit is None or counts.get((calendar.interviewer_id, day), 0) < limit


def _day_counts(calendars: Sequence[Calendar]) -> dict[tuple[str, date], int]:
    counts: dict[tuple[str, date], int] = {}
    for c in calendars:
        for b in c.booked:
            key = (c.interviewer_id, local_day(c, b.start))
            counts[key] = counts.get(key, 0) + 1
    return counts


def panel_slots(
    calendars: Sequence[Calendar], duration: timedelta, window: Span, step: timedelta
) -> list[Slot]:
    """Slots in which every member of the panel is free and under their daily maximum."""
    if not calendars:
        return []
    common = free_spans(calendars[0], window)
    for c in calendars[1:]:
        common = intersect(common, free_spans(c, window))
    counts = _day_counts(calendars)
    ids = tuple(c.interviewer_id for c in calendars)
    return [
        Slot(start, start + duration, ids)
        for start in starts_within(common, duration, step)
        if all(_has_room(c, local_day(c, start), counts) for c in calendars)
    ]


def pool_slots(
    calendars: Sequence[Calendar],
    duration: timedelta,
    window: Span,
    step: timedelta,
    load: Mapping[str, int],
) -> list[Slot]:
    """Slots in which at least one member of the pool is free; the least loaded is offered first
    (ties by id, so the choice is reproducible)."""
    counts = _day_counts(calendars)
    free: dict[datetime, list[Calendar]] = {}
    for c in calendars:
        for start in starts_within(free_spans(c, window), duration, step):
            if _has_room(c, local_day(c, start), counts):
                free.setdefault(start, []).append(c)
    return [
        Slot(
            start,
            start + duration,
            tuple(
                sorted(
                    (c.interviewer_id for c in members),
                    key=lambda i: (load.get(i, 0), i),
                )
            ),
        )
        for start, members in sorted(free.items())
    ]


def cells(span: Span) -> list[datetime]:
    """The grid cells a (padded) booking covers: the keys of its rows in the holds collection."""
    start = span.start - (span.start - EPOCH) % CELL
    out: list[datetime] = []
    while start < span.end:
        out.append(start)
        start += CELL
    return out
