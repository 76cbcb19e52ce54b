"""Slot arithmetic without I/O: DST gaps and folds, panels across zones, buffers, daily maxima,
round-robin order; and property tests against a minute-by-minute reading of the wall clock."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from functools import cache
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from services.scheduling.notices import local_iso
from services.scheduling.slots import (
    CELL,
    Calendar,
    LocalRange,
    Rules,
    Span,
    cells,
    free_spans,
    panel_slots,
    pool_slots,
    ranges_on,
    working_spans,
)

NY = ZoneInfo("America/New_York")
H = timedelta(hours=1)
M = timedelta(minutes=1)
ZONES = [
    "America/New_York",
    "Europe/London",
    "Australia/Sydney",
    "Asia/Kolkata",
    "Australia/Lord_Howe",  # a 30-minute DST shift
    "America/Santiago",  # changes at local midnight
]


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)  # type: ignore[arg-type,misc]


def every_day(*ranges: tuple[int, int]) -> dict[int, list[LocalRange]]:
    return {d: [LocalRange(a * 60, b * 60) for a, b in ranges] for d in range(7)}


def calendar(
    zone: str = "UTC", ranges: tuple[tuple[int, int], ...] = ((9, 17),), **kw: object
) -> Calendar:
    busy = kw.pop("busy", ())
    booked = kw.pop("booked", ())
    ident = str(kw.pop("ident", "i1"))
    return Calendar(
        ident,
        Rules(ZoneInfo(zone), every_day(*ranges), **kw),  # type: ignore[arg-type]
        busy=busy,  # type: ignore[arg-type]
        booked=booked,  # type: ignore[arg-type]
    )


def test_a_range_starting_in_the_spring_gap_starts_when_the_gap_ends() -> None:
    rules = Rules(NY, {6: [LocalRange(2 * 60 + 30, 5 * 60)]})  # Sunday 02:30-05:00
    spans = working_spans(rules, Span(utc(2025, 3, 9), utc(2025, 3, 10)))
    # 02:00 EST jumps to 03:00 EDT at 07:00Z; 05:00 EDT is 09:00Z.
    assert spans == [Span(utc(2025, 3, 9, 7), utc(2025, 3, 9, 9))]


def test_a_range_over_the_repeated_autumn_hour_covers_both_occurrences() -> None:
    rules = Rules(NY, {6: [LocalRange(60, 120)]})  # Sunday 01:00-02:00, which happens twice
    window = Span(utc(2025, 11, 2), utc(2025, 11, 3))
    assert working_spans(rules, window) == [Span(utc(2025, 11, 2, 5), utc(2025, 11, 2, 7))]
    cal = Calendar("i", rules)
    starts = [s.start for s in panel_slots([cal], H, window, timedelta(minutes=30))]
    assert starts == [utc(2025, 11, 2, 5), utc(2025, 11, 2, 5, 30), utc(2025, 11, 2, 6)]


def test_a_panel_needs_everyone_free_in_their_own_zone() -> None:
    kolkata = calendar("Asia/Kolkata", ident="k")  # 09:00-17:00 IST = 03:30-11:30Z
    london = calendar("Europe/London", ident="l")  # 09:00-17:00 BST = 08:00-16:00Z in June
    window = Span(utc(2025, 6, 2), utc(2025, 6, 3))  # a Monday
    found = panel_slots([kolkata, london], H, window, timedelta(minutes=30))
    assert found[0].start == utc(2025, 6, 2, 8)
    assert found[-1].end == utc(2025, 6, 2, 11, 30)
    assert all(s.interviewer_ids == ("k", "l") for s in found)


def test_buffers_keep_interviews_apart_and_away_from_other_meetings() -> None:
    booked = [Span(utc(2025, 6, 2, 12), utc(2025, 6, 2, 13))]
    busy = [Span(utc(2025, 6, 2, 15), utc(2025, 6, 2, 16))]
    cal = calendar(
        buffer_before=timedelta(minutes=15),
        buffer_after=timedelta(minutes=10),
        booked=booked,
        busy=busy,
    )
    free = free_spans(cal, Span(utc(2025, 6, 2, 9), utc(2025, 6, 2, 17)))
    assert free == [
        # an interview ending here still has 10 min after it and the booking's 15 before it
        Span(utc(2025, 6, 2, 9), utc(2025, 6, 2, 11, 35)),
        # 13:00 + 10 min after the booking + 15 min before the next; ends 10 min before 15:00
        Span(utc(2025, 6, 2, 13, 25), utc(2025, 6, 2, 14, 50)),
        Span(utc(2025, 6, 2, 16, 15), utc(2025, 6, 2, 17)),
    ]


def test_daily_maximum_is_counted_on_the_interviewers_local_day() -> None:
    # Sydney 09:00-17:00; one booking on Tuesday local (Monday UTC) and a maximum of one a day.
    booked = [Span(utc(2025, 6, 2, 23), utc(2025, 6, 3))]  # 09:00 AEST Tuesday 3 June
    cal = calendar("Australia/Sydney", booked=booked, max_per_day=1)
    window = Span(utc(2025, 6, 2, 22), utc(2025, 6, 4, 8))  # all of Tue and Wed, local
    found = panel_slots([cal], H, window, H)
    days = {s.start.astimezone(ZoneInfo("Australia/Sydney")).date() for s in found}
    assert days == {date(2025, 6, 4)}


def test_overrides_replace_the_weekly_rule_and_an_empty_one_is_a_day_off() -> None:
    rules = Rules(
        ZoneInfo("UTC"),
        every_day((9, 17)),
        overrides={date(2025, 6, 2): [], date(2025, 6, 3): [LocalRange(13 * 60, 14 * 60)]},
    )
    assert ranges_on(rules, date(2025, 6, 2)) == []
    spans = working_spans(rules, Span(utc(2025, 6, 2), utc(2025, 6, 4)))
    assert spans == [Span(utc(2025, 6, 3, 13), utc(2025, 6, 3, 14))]


def test_a_round_robin_offers_the_least_loaded_free_member_first() -> None:
    a, b = calendar(ident="a"), calendar(ident="b", ranges=((12, 17),))
    window = Span(utc(2025, 6, 2, 9), utc(2025, 6, 2, 17))
    found = {s.start: s.interviewer_ids for s in pool_slots([a, b], H, window, H, {"a": 3})}
    assert found[utc(2025, 6, 2, 9)] == ("a",)
    assert found[utc(2025, 6, 2, 12)] == ("b", "a")


def test_busy_time_and_the_window_bound_the_slots() -> None:
    cal = calendar(busy=[Span(utc(2025, 6, 2, 10), utc(2025, 6, 2, 16))])
    found = panel_slots([cal], H, Span(utc(2025, 6, 2, 9, 10), utc(2025, 6, 2, 17)), H)
    assert [s.start for s in found] == [utc(2025, 6, 2, 16)]  # 09:10 is not on the hour grid


def test_cells_cover_a_padded_booking_exactly() -> None:
    span = Span(utc(2025, 6, 2, 9, 55), utc(2025, 6, 2, 10, 15))
    assert cells(span) == [
        utc(2025, 6, 2, 9, 55),
        utc(2025, 6, 2, 10),
        utc(2025, 6, 2, 10, 5),
        utc(2025, 6, 2, 10, 10),
    ]


# -- properties ---------------------------------------------------------------------------------


@cache
def transitions(zone: str) -> list[datetime]:
    """Offset changes in 2024-2028, found by an hourly scan (independent of the code under test)."""
    tz = ZoneInfo(zone)
    t, end = utc(2024, 1, 1), utc(2029, 1, 1)
    out: list[datetime] = []
    offset = t.astimezone(tz).utcoffset()
    while t < end:
        t += H
        now = t.astimezone(tz).utcoffset()
        if now != offset:
            out.append(t)
            offset = now
    return out or [utc(2026, 3, 29)]


def working_at(rules: Rules, instant: datetime) -> bool:
    wall = instant.astimezone(rules.zone)
    minute = wall.hour * 60 + wall.minute
    return any(r.start <= minute < r.end for r in ranges_on(rules, wall.date()))


@st.composite
def weekly_rules(draw: st.DrawFn) -> dict[int, list[LocalRange]]:
    weekly: dict[int, list[LocalRange]] = {}
    for day in range(7):
        # Half-hour boundaries, dense around the small hours where clocks change.
        points = draw(
            st.lists(st.one_of(st.integers(0, 8), st.integers(0, 48)), max_size=4, unique=True).map(
                sorted
            )
        )
        weekly[day] = [
            LocalRange(a * 30, b * 30) for a, b in zip(points[::2], points[1::2], strict=False)
        ]
    return weekly


@st.composite
def scenarios(draw: st.DrawFn) -> tuple[Rules, Span, timedelta, timedelta]:
    zone = draw(st.sampled_from(ZONES))
    anchor = draw(st.sampled_from(transitions(zone)))
    start = anchor + timedelta(minutes=5 * draw(st.integers(-40 * 12, 12 * 12)))
    window = Span(start, start + timedelta(hours=draw(st.integers(6, 60))))
    duration = timedelta(minutes=draw(st.sampled_from([15, 30, 45, 60, 90])))
    step = timedelta(minutes=draw(st.sampled_from([5, 15, 30, 60])))
    return Rules(ZoneInfo(zone), draw(weekly_rules())), window, duration, step


PROPERTIES = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTIES
@given(scenarios())
def test_slots_are_exactly_the_grid_starts_inside_local_working_hours(
    scenario: tuple[Rules, Span, timedelta, timedelta],
) -> None:
    """No slot has a minute outside working hours; none is skipped or repeated at a transition."""
    rules, window, duration, step = scenario
    found = [s.start for s in panel_slots([Calendar("i", rules)], duration, window, step)]
    assert found == sorted(set(found))
    expected = []
    start = window.start + (-(window.start - datetime(1970, 1, 1, tzinfo=UTC)) % step)
    while start + duration <= window.end:
        minutes = [start + CELL * k for k in range(duration // CELL)]
        if all(working_at(rules, t) for t in minutes):
            expected.append(start)
        start += step
    assert found == expected


@PROPERTIES
@given(scenarios(), st.sampled_from(ZONES))
def test_every_displayed_time_round_trips_to_the_same_instant(
    scenario: tuple[Rules, Span, timedelta, timedelta], viewer: str
) -> None:
    rules, window, duration, step = scenario
    tz = ZoneInfo(viewer)
    for slot in panel_slots([Calendar("i", rules)], duration, window, step):
        for instant in (slot.start, slot.end):
            shown = local_iso(instant, viewer)
            assert datetime.fromisoformat(shown) == instant
            # The wall time and zone alone (with the fold a repeated hour needs) name it too.
            wall = instant.astimezone(tz)
            again = wall.replace(tzinfo=None).replace(tzinfo=tz, fold=wall.fold)
            assert again.astimezone(UTC) == instant
