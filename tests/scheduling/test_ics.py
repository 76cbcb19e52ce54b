"""iCalendar out (parsed back with the icalendar parser) and busy time in from feeds; API models
refusing bad availability."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar
from pydantic import ValidationError

from services.scheduling import ics
from services.scheduling.notices import Meeting, Reader, calendar_mails, when
from services.scheduling.schemas import InterviewerIn
from services.scheduling.settings import SchedulingSettings
from services.scheduling.slots import Span

BERLIN = ZoneInfo("Europe/Berlin")
START = datetime(2025, 3, 31, 7, 30, tzinfo=UTC)  # 09:30 in Berlin, the day after DST began


def meeting(sequence: int = 0) -> Meeting:
    return Meeting(
        booking_id="b-1",
        sequence=sequence,
        title="Technical interview with Ada",
        start=START,
        end=START + timedelta(hours=1),
        join_url="https://meet.example/room-b-1",
        candidate=Reader("Ada", "ada@example.com", "America/New_York"),
        interviewers=[Reader("Grace", "grace@example.com", "Europe/Berlin")],
    )


def parsed(data: bytes) -> tuple[Calendar, dict[str, object]]:
    cal = Calendar.from_ical(data)
    [event] = cal.walk("VEVENT")
    return cal, event


def test_invitation_update_and_cancel_parse_with_the_right_instants() -> None:
    settings = SchedulingSettings(internal_secret="x" * 16)
    now = datetime(2025, 3, 1, tzinfo=UTC)
    first = calendar_mails(settings, meeting(0), "REQUEST", now)
    update = calendar_mails(settings, meeting(1), "REQUEST", now)
    cancel = calendar_mails(settings, meeting(2), "CANCEL", now, reason="ill")
    assert [m.to for m in first] == ["ada@example.com", "grace@example.com"]
    uids = set()
    for mails, method, sequence in (
        (first, "REQUEST", 0),
        (update, "REQUEST", 1),
        (cancel, "CANCEL", 2),
    ):
        attachment = mails[0].attachments[0]
        assert (attachment.maintype, attachment.subtype) == ("text", "calendar")
        assert attachment.params["method"] == method
        cal, event = parsed(attachment.content)
        assert str(cal["METHOD"]) == method
        assert int(event["SEQUENCE"]) == sequence  # type: ignore[call-overload]
        assert event.decoded("DTSTART") == START  # type: ignore[attr-defined]
        assert event.decoded("DTEND") == START + timedelta(hours=1)  # type: ignore[attr-defined]
        assert b"DTSTART:20250331T073000Z" in attachment.content
        assert str(event["STATUS"]) == ("CANCELLED" if method == "CANCEL" else "CONFIRMED")
        uids.add(str(event["UID"]))
    assert uids == {"b-1@hireloop.local"}
    # Each reader sees the time in their own zone.
    assert "03:30 to 04:30 (America/New_York, UTC-04:00)" in first[0].text
    assert "09:30 to 10:30 (Europe/Berlin, UTC+02:00)" in first[1].text
    assert len({m.message_key for m in first + update + cancel}) == 6


def test_when_names_the_zone_and_offset_in_a_fold() -> None:
    start = datetime(2025, 11, 2, 6, 30, tzinfo=UTC)  # 01:30 EST, the second 01:30 that night
    text = when(start, start + timedelta(minutes=30), "America/New_York")
    assert text == "Sunday 2 November 2025, 01:30 to 02:00 (America/New_York, UTC-05:00)"


FEED = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//test//EN
BEGIN:VEVENT
UID:weekly
DTSTART;TZID=Europe/Berlin:20250324T090000
DTEND;TZID=Europe/Berlin:20250324T100000
RRULE:FREQ=WEEKLY;COUNT=4
EXDATE;TZID=Europe/Berlin:20250407T090000
END:VEVENT
BEGIN:VEVENT
UID:floating
DTSTART:20250325T140000
DTEND:20250325T150000
END:VEVENT
BEGIN:VEVENT
UID:free
DTSTART:20250326T140000Z
DTEND:20250326T150000Z
TRANSP:TRANSPARENT
END:VEVENT
BEGIN:VEVENT
UID:allday
DTSTART;VALUE=DATE:20250327
DTEND;VALUE=DATE:20250328
END:VEVENT
BEGIN:VFREEBUSY
UID:fb
FREEBUSY:20250328T080000Z/20250328T090000Z,20250328T100000Z/PT30M
FREEBUSY;FBTYPE=FREE:20250328T120000Z/20250328T130000Z
END:VFREEBUSY
END:VCALENDAR
"""


def test_busy_periods_from_a_feed() -> None:
    horizon = Span(datetime(2025, 3, 20, tzinfo=UTC), datetime(2025, 5, 1, tzinfo=UTC))
    spans = ics.busy_periods(FEED, BERLIN, horizon)

    def z(*a: int) -> datetime:
        return datetime(*a, tzinfo=UTC)  # type: ignore[arg-type,misc]

    assert spans == [
        Span(z(2025, 3, 24, 8), z(2025, 3, 24, 9)),  # 09:00 CET
        Span(z(2025, 3, 25, 13), z(2025, 3, 25, 14)),  # floating 14:00, read as Berlin time
        Span(z(2025, 3, 26, 23), z(2025, 3, 27, 23)),  # the all-day event, Berlin midnights
        Span(z(2025, 3, 28, 8), z(2025, 3, 28, 9)),
        Span(z(2025, 3, 28, 10), z(2025, 3, 28, 10, 30)),
        Span(z(2025, 3, 31, 7), z(2025, 3, 31, 8)),  # still 09:00 local, now CEST
        Span(z(2025, 4, 14, 7), z(2025, 4, 14, 8)),  # 7 April was excluded
    ]


def test_a_document_that_is_not_icalendar_is_refused() -> None:
    with pytest.raises(ics.CalendarError):
        ics.busy_periods(
            "hello", BERLIN, Span(datetime.now(UTC), datetime.now(UTC) + timedelta(days=1))
        )


def person(**changes: object) -> dict[str, object]:
    return {
        "name": "Grace",
        "email": "grace@example.com",
        "time_zone": "Europe/Berlin",
        "weekly": {
            "monday": [{"start": "09:00", "end": "12:00"}, {"start": "13:00", "end": "17:00"}]
        },
    } | changes


@pytest.mark.parametrize(
    "changes",
    [
        {
            "weekly": {
                "monday": [{"start": "09:00", "end": "12:00"}, {"start": "11:00", "end": "13:00"}]
            }
        },
        {
            "overrides": [
                {
                    "date": "2025-06-02",
                    "ranges": [
                        {"start": "08:00", "end": "10:00"},
                        {"start": "09:30", "end": "11:00"},
                    ],
                }
            ]
        },
        {"overrides": [{"date": "2025-06-02", "ranges": []}, {"date": "2025-06-02", "ranges": []}]},
        {"weekly": {"monday": [{"start": "12:00", "end": "09:00"}]}},
        {"weekly": {"monday": [{"start": "09:07", "end": "10:00"}]}},
        {"time_zone": "Mars/Olympus"},
        {"time_zone": "../../etc/passwd"},
        {"buffer_before_minutes": 7},
    ],
)
def test_bad_availability_is_refused(changes: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        InterviewerIn.model_validate(person(**changes))


def test_good_availability_is_accepted() -> None:
    model = InterviewerIn.model_validate(
        person(overrides=[{"date": "2025-06-02", "ranges": [{"start": "18:00", "end": "24:00"}]}])
    )
    assert model.overrides[0].ranges[0].end == "24:00"
