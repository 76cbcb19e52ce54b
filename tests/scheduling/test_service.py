"""The scheduling service on the real servers: requests from candidate.advanced with the link mailed,
self-scheduling in the candidate's zone, .ics invitations, updates and cancels, booking races decided
by the database, reminders on a moved clock, feedback, and refusals of bad input."""

from __future__ import annotations

import asyncio
import hashlib
import json
import re
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from faststream.kafka import KafkaBroker
from icalendar import Calendar

from contracts.events.interviews import InterviewCompleted
from contracts.events.privacy import CandidateErasureRequested
from contracts.rubric import RubricRef
from embedded import Endpoints
from services.chassis.identity import Identity, encode
from services.chassis.jobs import Periodic
from services.scheduling import bookings
from services.scheduling.app import create
from services.scheduling.settings import SchedulingSettings
from services.scheduling.store import interview_type
from tests.scheduling.harness import (
    T0,
    Clock,
    Harness,
    advanced,
    calendar_part,
    new_id,
    plain_text,
    rubric,
    scores,
)
from tests.support import INTERNAL_SECRET, eventually, serving, settings_for, unique

pytestmark = pytest.mark.integration
PUBLIC = "https://hire.example"


@pytest.fixture(scope="module")
async def h(stack: Endpoints) -> AsyncIterator[Harness]:
    clock = Clock(T0)
    settings = settings_for(
        stack,
        unique("scheduling"),
        SchedulingSettings,
        smtp_host=stack.smtp_host,
        smtp_port=stack.smtp_port,
        public_url=PUBLIC,
        mail_poll_seconds=0.05,
        reminder_poll_seconds=3600,  # the tests run rounds themselves
        reminder_offsets_minutes=[1440, 60],
    )
    service = create(settings, clock=clock)
    broker = KafkaBroker(stack.kafka_bootstrap_servers)
    await broker.start()
    async with serving(service) as url:
        harness = Harness(url, service, clock, Path(stack.smtp_maildir), broker)
        yield harness
        await harness.http.aclose()
    await broker.stop()


async def test_candidate_advanced_opens_a_request_and_mails_the_link_once(h: Harness) -> None:
    tenant = unique("t")
    grace = await h.interviewer(tenant)
    itype = await h.interview_type(tenant, [grace])
    email = f"{unique('ada')}@example.com"
    event = advanced(itype["position_id"], email)
    first, repeated = new_id(), new_id()
    await h.publish(tenant, event, first)
    await h.publish(tenant, event, first)  # a redelivery
    await h.publish(tenant, event, repeated)  # the same decision again, under a new event id
    [message] = await eventually(lambda: _mails(h, email), what="the link e-mail")
    token = re.search(rf"{PUBLIC}/schedule/(\S+)", message.get_content()).group(1)  # type: ignore[union-attr]

    response = await h.call(
        "GET", "/interview-requests", h.staff(tenant), params={"position_id": itype["position_id"]}
    )
    [request] = response.json()["items"]
    assert request["status"] == "open"
    assert request["invitation_id"] == event.invitation_id
    [requested] = await h.outbox(request["request_id"], "interview.requested")
    body = json.loads(requested["body"])
    assert body["token_hash"] == hashlib.sha256(token.encode()).hexdigest()
    assert token not in requested["body"]
    assert requested["headers"]["ce_tenant"] == tenant
    # The link's text left the database once it was sent.
    stored = await h.service.db.mails.find_one({"to": email})
    assert stored is not None and stored["status"] == "sent" and "text" not in stored

    # The other tenant sees nothing of it.
    other = await h.call(
        "GET", f"/interview-requests/{request['request_id']}", h.staff(unique("t"))
    )
    assert other.status_code == 404
    # One partition keeps the three in order: once the last is handled, all three were.
    await eventually(
        lambda: h.service.consumers.processed([repeated]), what="every delivery handled"
    )
    again = await h.call("GET", "/interview-requests", h.staff(tenant))
    assert len(again.json()["items"]) == 1
    assert len(h.mails(email)) == 1


async def _mails(h: Harness, to: str, count: int = 1) -> list[EmailMessage]:
    found = h.mails(to)
    return found if len(found) >= count else []


async def test_a_request_waits_for_its_positions_interview_type(h: Harness) -> None:
    tenant = unique("t")
    position = unique("pos")
    email = f"{unique('ada')}@example.com"
    await h.publish(tenant, advanced(position, email))

    async def waiting() -> list[Any]:
        response = await h.call(
            "GET", "/interview-requests", h.staff(tenant), params={"position_id": position}
        )
        return list(response.json()["items"])

    [request] = await eventually(waiting, what="the request")
    assert request["status"] == "awaiting_setup"
    assert h.mails(email) == []
    grace = await h.interviewer(tenant)
    await h.interview_type(tenant, [grace], position_id=position)
    await eventually(lambda: _mails(h, email), what="the link once the type exists")
    response = await h.call("GET", f"/interview-requests/{request['request_id']}", h.staff(tenant))
    assert response.json()["status"] == "open"


async def test_candidate_books_moves_and_cancels_with_calendar_mail(h: Harness) -> None:
    tenant = unique("t")
    grace = await h.interviewer(tenant, "Europe/London", buffer_after_minutes=15)
    itype = await h.interview_type(tenant, [grace])
    request = await h.request(tenant, itype["interview_type_id"])
    rid, ada = request["request_id"], request["candidate_email"]
    me = h.candidate(tenant, rid)

    slots = await h.slots(tenant, rid, "America/New_York")
    first = slots[0]
    assert first["start"] == "2031-03-04T09:00:00Z"  # Tuesday 09:00 in London (GMT)
    assert first["local_start"] == "2031-03-04T04:00:00-05:00"
    assert first["interviewer_ids"] is None

    response = await h.call(
        "POST",
        "/candidate/scheduling/booking",
        me,
        json={"start": first["start"], "time_zone": "America/New_York"},
    )
    assert response.status_code == 201, response.text
    booking = response.json()
    assert booking["interviewer_ids"] == [grace]
    assert booking["join_url"] is None  # no outside tool: the platform's own live room
    # The taken hour and its buffer are gone for the next candidate; 10:00 is inside the buffer.
    other = await h.request(tenant, itype["interview_type_id"])
    starts = [s["start"] for s in await h.slots(tenant, other["request_id"])]
    assert "2031-03-04T09:00:00Z" not in starts and "2031-03-04T10:00:00Z" not in starts
    assert "2031-03-04T10:30:00Z" in starts

    invite = await eventually(lambda: _mails(h, ada, 2), what="the invitation")
    cal = Calendar.from_ical(calendar_part(invite[-1]))
    [event] = cal.walk("VEVENT")
    assert str(cal["METHOD"]) == "REQUEST" and int(str(event["SEQUENCE"])) == 0
    assert event.decoded("DTSTART") == datetime(2031, 3, 4, 9, tzinfo=UTC)
    assert "04:00 to 05:00 (America/New_York, UTC-05:00)" in plain_text(invite[-1])
    # The call is in the platform's room: the candidate enters from their scheduling link's page
    # (no link in the mail, which anyone it is forwarded to could use).
    assert "Join in the interview room from the page where you booked" in plain_text(invite[-1])
    assert "LOCATION" not in event
    uid = str(event["UID"])

    moved = await h.call(
        "POST",
        "/candidate/scheduling/reschedule",
        me,
        json={"start": "2031-03-05T14:00:00Z", "reason": "a clash"},
    )
    assert moved.status_code == 200, moved.text
    assert moved.json()["sequence"] == 1
    starts = [s["start"] for s in await h.slots(tenant, other["request_id"])]
    assert "2031-03-04T09:00:00Z" in starts  # the freed slot reopened
    assert "2031-03-05T14:00:00Z" not in starts

    cancelled = await h.call(
        "POST", "/candidate/scheduling/cancel", me, json={"reason": "took another offer"}
    )
    assert cancelled.status_code == 200, cancelled.text
    assert cancelled.json()["status"] == "cancelled"
    starts = [s["start"] for s in await h.slots(tenant, other["request_id"])]
    assert "2031-03-05T14:00:00Z" in starts

    mails = await eventually(lambda: _mails(h, ada, 4), what="update and cancel")
    sequence = []
    for message in mails[1:]:
        cal = Calendar.from_ical(calendar_part(message))
        [event] = cal.walk("VEVENT")
        assert str(event["UID"]) == uid
        sequence.append((str(cal["METHOD"]), int(str(event["SEQUENCE"]))))
    assert sequence == [("REQUEST", 0), ("REQUEST", 1), ("CANCEL", 2)]
    cal = Calendar.from_ical(calendar_part(mails[2]))
    assert cal.walk("VEVENT")[0].decoded("DTSTART") == datetime(2031, 3, 5, 14, tzinfo=UTC)
    types = [d["type"] async for d in h.service.db.outbox.find({"key": rid}).sort("created_ns", 1)]
    assert types == [
        "interview.requested",
        "interview.scheduled",
        "interview.rescheduled",
        "interview.cancelled",
    ]
    grace_mail = await h.call("GET", f"/interviewers/{grace}", h.staff(tenant))
    panel_mails = await eventually(
        lambda: _mails(h, grace_mail.json()["email"], 3), what="panel mail"
    )
    assert len(panel_mails) == 3
    # The panel's mails name the booking's room page.
    assert "Interview room: https://" in plain_text(panel_mails[0])
    assert f"/room/{booking['booking_id']}" in plain_text(panel_mails[0])


async def test_many_candidates_race_for_one_slot_and_exactly_one_wins(h: Harness) -> None:
    tenant = unique("t")
    panel = [
        await h.interviewer(tenant, "Asia/Kolkata"),
        await h.interviewer(tenant, "Europe/London"),
    ]
    itype = await h.interview_type(tenant, panel)
    requests = [await h.request(tenant, itype["interview_type_id"]) for _ in range(16)]
    slot = (await h.slots(tenant, requests[0]["request_id"]))[0]["start"]
    overlapping = (datetime.fromisoformat(slot) + timedelta(minutes=30)).isoformat()

    async def book(request: dict[str, Any], start: str) -> Any:
        rid = request["request_id"]
        return await h.call(
            "POST",
            "/candidate/scheduling/booking",
            h.candidate(tenant, rid),
            json={"start": start},
        )

    # Half want the slot, half an overlapping one half an hour later: still only one may win.
    results = await asyncio.gather(
        *(book(r, slot if i % 2 else overlapping) for i, r in enumerate(requests))
    )
    statuses = sorted(r.status_code for r in results)
    assert statuses == [201] + [409] * 15, [
        r.text for r in results if r.status_code not in (201, 409)
    ]
    for lost in (r for r in results if r.status_code == 409):
        problem = lost.json()
        assert problem["code"] == "slot_taken", problem
        fresh = [s["start"] for s in problem["slots"]]
        assert fresh and slot not in fresh and overlapping not in fresh
    count = await h.service.db.bookings.count_documents({"tenant": tenant, "status": "scheduled"})
    assert count == 1


async def test_an_interview_type_may_use_an_outside_tool_instead_of_the_room(h: Harness) -> None:
    tenant = unique("t")
    grace = await h.interviewer(tenant)
    outside = await h.interview_type(
        tenant, [grace], join_url_template="https://meet.example.com/{booking_id}"
    )
    in_room = await h.interview_type(tenant, [grace])
    got = {}
    for itype, start in ((outside, "2031-03-04T09:00:00Z"), (in_room, "2031-03-04T11:00:00Z")):
        rid = (await h.request(tenant, itype["interview_type_id"]))["request_id"]
        booked = await h.call(
            "POST", "/candidate/scheduling/booking", h.candidate(tenant, rid), json={"start": start}
        )
        assert booked.status_code == 201, booked.text
        got[itype["interview_type_id"]] = booked.json()
    link = got[outside["interview_type_id"]]
    assert link["join_url"] == f"https://meet.example.com/{link['booking_id']}"
    assert got[in_room["interview_type_id"]]["join_url"] is None
    refused = await h.call(
        "POST",
        "/interview-types",
        h.staff(tenant),
        json={
            "position_id": "p",
            "name": "x",
            "duration_minutes": 30,
            "interviewer_ids": [grace],
            "join_url_template": "https://meet.example.com/{candidate_email}",
        },
    )
    assert refused.status_code == 422, refused.text


async def test_a_round_robin_gives_one_slot_to_each_free_member(h: Harness) -> None:
    tenant = unique("t")
    pool = [await h.interviewer(tenant), await h.interviewer(tenant)]
    itype = await h.interview_type(tenant, pool, mode="round_robin")
    requests = [await h.request(tenant, itype["interview_type_id"]) for _ in range(3)]
    start = "2031-03-04T09:00:00Z"
    got = []
    for request in requests:
        rid = request["request_id"]
        response = await h.call(
            "POST",
            "/candidate/scheduling/booking",
            h.candidate(tenant, rid),
            json={"start": start},
        )
        got.append((response.status_code, response.json()))
    assert [code for code, _ in got] == [201, 201, 409]
    assert sorted(got[0][1]["interviewer_ids"] + got[1][1]["interviewer_ids"]) == sorted(pool)
    assert got[2][1]["code"] == "slot_taken"


async def test_busy_time_from_a_feed_and_the_api_closes_slots(h: Harness) -> None:
    tenant = unique("t")
    grace = await h.interviewer(tenant)
    itype = await h.interview_type(tenant, [grace])
    rid = (await h.request(tenant, itype["interview_type_id"]))["request_id"]
    feed = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VEVENT\r\nUID:x\r\n"
        "DTSTART:20310304T090000Z\r\nDTEND:20310304T100000Z\r\nRRULE:FREQ=DAILY;COUNT=2\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    staff = h.staff(tenant)
    response = await h.call(
        "PUT", f"/interviewers/{grace}/busy/ics", staff, json={"calendar": feed}
    )
    assert response.status_code == 200, response.text
    assert len(response.json()["periods"]) == 2
    response = await h.call(
        "PUT",
        f"/interviewers/{grace}/busy",
        staff,
        json={"periods": [{"start": "2031-03-04T13:00:00Z", "end": "2031-03-04T14:00:00Z"}]},
    )
    assert response.status_code == 200, response.text
    starts = {s["start"] for s in await h.slots(tenant, rid)}
    for busy in ("2031-03-04T09:00:00Z", "2031-03-05T09:00:00Z", "2031-03-04T13:00:00Z"):
        assert busy not in starts
    assert "2031-03-04T10:00:00Z" in starts
    bad = await h.call("PUT", f"/interviewers/{grace}/busy/ics", staff, json={"calendar": "nope"})
    assert bad.status_code == 422 and bad.json()["code"] == "invalid_request"  # not iCalendar
    unreadable = "BEGIN:VCALENDAR\r\nN:\r\nEND:VCALENDAR\r\n"  # the outline, a broken line
    bad = await h.call(
        "PUT", f"/interviewers/{grace}/busy/ics", staff, json={"calendar": unreadable}
    )
    assert bad.status_code == 422 and bad.json()["code"] == "calendar_invalid"


async def test_reminders_feedback_and_completion_on_a_moved_clock(h: Harness) -> None:
    tenant = unique("t")
    panel = [await h.interviewer(tenant, user_id="u-grace"), await h.interviewer(tenant)]
    itype = await h.interview_type(tenant, panel, rubric=rubric("problem_solving"))
    request = await h.request(tenant, itype["interview_type_id"], self_scheduling=False)
    rid, ada = request["request_id"], request["candidate_email"]
    start = (h.clock.now + timedelta(days=3)).replace(hour=10, minute=0)
    refused = await h.call(
        "POST",
        "/candidate/scheduling/booking",
        h.candidate(tenant, rid),
        json={"start": start.isoformat()},
    )
    assert refused.status_code == 403 and refused.json()["code"] == "self_scheduling_off"
    booked = await h.call(
        "POST",
        f"/interview-requests/{rid}/booking",
        h.staff(tenant),
        json={"start": start.isoformat()},
    )
    assert booked.status_code == 201, booked.text

    reminders: Periodic = h.service.jobs["reminders"]
    await reminders.run_once()
    assert await h.outbox(rid, "interview.reminded") == []  # three days ahead: not yet
    h.clock.now = start - timedelta(hours=23)
    await reminders.run_once()
    assert await reminders.run_once() == 0  # nothing sent twice
    h.clock.now = start - timedelta(minutes=30)
    await reminders.run_once()
    sent = [
        json.loads(d["body"])["minutes_before"] for d in await h.outbox(rid, "interview.reminded")
    ]
    assert sorted(sent) == [60, 1440]
    mails = await eventually(lambda: _mails(h, ada, 3), what="invitation and two reminders")
    assert [m["Subject"].split(":")[0] for m in mails] == ["Invitation", "Reminder", "Reminder"]

    url = f"/interview-requests/{rid}/feedback"
    rating = scores(problem_solving=4)
    early = await h.call("POST", url, h.staff(tenant), json={"interviewer_id": panel[0], **rating})
    assert early.status_code == 409 and early.json()["code"] == "interview_not_started"
    h.clock.now = start + timedelta(minutes=70)
    as_grace = h.staff(tenant, ("interviewer",), principal="u-grace")
    not_hers = await h.call("POST", url, as_grace, json={"interviewer_id": panel[1], **rating})
    assert not_hers.status_code == 403
    first = await h.call("POST", url, as_grace, json={"interviewer_id": panel[0], **rating})
    assert first.json() == {
        "request_id": rid,
        "received": [panel[0]],
        "completed": False,
        "rubric_version": 1,
    }
    second = await h.call("POST", url, h.staff(tenant), json={"interviewer_id": panel[1], **rating})
    assert second.json()["completed"] is True
    [completed] = await h.outbox(rid, "interview.completed")
    assert len(json.loads(completed["body"])["scorecards"]) == 2


async def test_feedback_is_scored_on_the_rubric_version_the_interview_pinned(h: Harness) -> None:
    tenant = unique("t")
    staff = h.staff(tenant)
    panel = [await h.interviewer(tenant), await h.interviewer(tenant)]
    asked = rubric("coding")
    asked["criteria"][0]["question_ids"] = ["q1"]
    no_questions = await h.call(
        "POST",
        "/interview-types",
        staff,
        json={"position_id": "p", "name": "Live", "duration_minutes": 60, "interviewer_ids": panel}
        | {"rubric": asked},
    )
    assert no_questions.status_code == 422, no_questions.text
    itype = await h.interview_type(tenant, panel)
    assert itype["rubric"] is None and itype["rubric_version"] is None
    tid = itype["interview_type_id"]

    async def edit(**changes: Any) -> dict[str, Any]:
        fixed = ("interview_type_id", "created_at", "rubric_version")
        body = {k: v for k, v in itype.items() if k not in fixed} | changes
        response = await h.call("PUT", f"/interview-types/{tid}", staff, json=body)
        assert response.status_code == 200, response.text
        return dict(response.json())

    async def interview_under_way() -> str:
        rid = str((await h.request(tenant, tid, self_scheduling=False))["request_id"])
        [first, *_] = (await h.call("GET", f"/interview-requests/{rid}/slots", staff)).json()[
            "slots"
        ]
        booked = await h.call(
            "POST", f"/interview-requests/{rid}/booking", staff, json={"start": first["start"]}
        )
        assert booked.status_code == 201, booked.text
        h.clock.now = datetime.fromisoformat(first["start"]) + timedelta(minutes=70)
        return rid

    async def give(rid: str, who: str, body: dict[str, Any]) -> Any:
        return await h.call(
            "POST",
            f"/interview-requests/{rid}/feedback",
            staff,
            json={"interviewer_id": who, **body},
        )

    rid = await interview_under_way()
    unscored = await give(rid, panel[0], scores(coding=4))
    assert unscored.status_code == 409 and unscored.json()["code"] == "rubric_missing"
    v1 = rubric("coding", "communication")
    assert (await edit(rubric=v1))["rubric_version"] == 1
    assert (await edit(rubric=v1))["rubric_version"] == 1  # the same rubric: no new version
    kept = await edit(name="Live coding")  # no rubric given: the current one stays
    assert kept["rubric_version"] == 1 and kept["rubric"]["criteria"][1]["id"] == "communication"

    refusals = {
        "incomplete_feedback": scores(coding=4),
        "score_out_of_scale": scores(coding=6, communication=3),
        "unknown_criterion": scores(coding=4, communication=3, charisma=5),
    }
    for code, body in refusals.items():
        refused = await give(rid, panel[0], body)
        assert refused.status_code == 422, refused.text
        problem = refused.json()
        assert problem["code"] == code and problem["type"] == f"urn:problem:{code}", problem
        assert refused.headers["content-type"] == "application/problem+json"
    [missing] = (await give(rid, panel[0], scores(coding=4))).json()["errors"]
    assert missing["msg"] == "communication"
    [unknown] = (await give(rid, panel[0], refusals["unknown_criterion"])).json()["errors"]
    assert unknown["loc"] == ["body", "scores", 2] and "charisma" in unknown["msg"]
    old_shape = {"ratings": [{"criterion": "coding", "score": 4}], "recommendation": "yes"}
    assert (await give(rid, panel[0], old_shape)).status_code == 422
    assert (
        await give(rid, panel[0], scores("maybe", coding=4, communication=3))
    ).status_code == 422

    commented = scores("strong_yes", coding=5, communication=4)
    commented["scores"][0]["comment"] = "Clean recursion, tested the edges."
    first = await give(rid, panel[0], commented)
    assert first.status_code == 200, first.text
    assert first.json()["rubric_version"] == 1 and first.json()["completed"] is False
    v2 = rubric("coding", "communication", "system_design", scale=(1, 4))
    assert (await edit(rubric=v2))["rubric_version"] == 2
    # The interview already being scored keeps version 1 for the whole panel.
    newer = await give(rid, panel[1], scores(coding=3, communication=3, system_design=3))
    assert newer.status_code == 422 and newer.json()["code"] == "unknown_criterion"
    second = await give(rid, panel[1], scores("no", coding=2, communication=5))
    assert second.json() == {
        "request_id": rid,
        "received": sorted(panel),
        "completed": True,
        "rubric_version": 1,
    }

    [event] = await h.outbox(rid, "interview.completed")
    assert event["headers"]["ce_schemaversion"] == "2"
    completed = InterviewCompleted.model_validate_json(event["body"])
    assert completed.stage == "interview"
    assert completed.rubric == RubricRef(
        version=1, scale_min=1, scale_max=5, criterion_ids=["coding", "communication"]
    )
    grace, alan = completed.scorecards
    assert (grace.interviewer_id, grace.recommendation, alan.recommendation) == (
        panel[0],
        "strong_yes",
        "no",
    )
    assert [(s.criterion_id, s.score, s.comment) for s in grace.scores] == [
        ("coding", 5, "Clean recursion, tested the edges."),
        ("communication", 4, None),
    ]
    assert completed.feedback[0].ratings[0].criterion == "coding"  # version 1's shape, still filled
    assert completed.feedback[0].ratings[0].note == "Clean recursion, tested the edges."

    later = await interview_under_way()
    on_v1 = await give(later, panel[0], scores(coding=4, communication=4))
    assert on_v1.status_code == 422 and on_v1.json()["code"] == "incomplete_feedback"
    too_high = await give(later, panel[0], scores(coding=5, communication=4, system_design=4))
    assert too_high.status_code == 422 and too_high.json()["code"] == "score_out_of_scale"
    on_v2 = await give(later, panel[0], scores(coding=4, communication=4, system_design=4))
    assert on_v2.status_code == 200 and on_v2.json()["rubric_version"] == 2


async def test_bad_input_is_refused_with_problem_details(h: Harness) -> None:
    tenant = unique("t")
    grace = await h.interviewer(tenant)
    itype = await h.interview_type(tenant, [grace])
    rid = (await h.request(tenant, itype["interview_type_id"]))["request_id"]
    other = (await h.request(tenant, itype["interview_type_id"]))["request_id"]
    me = h.candidate(tenant, rid)
    now = h.clock.now

    async def book(start: datetime, headers: dict[str, str] = me) -> Any:
        return await h.call(
            "POST",
            "/candidate/scheduling/booking",
            headers,
            json={"start": start.isoformat()},
        )

    too_soon = await book(now + timedelta(hours=2))
    too_late = await book(now + timedelta(days=30))
    assert too_soon.status_code == too_late.status_code == 409
    assert too_soon.json()["code"] == too_late.json()["code"] == "slot_outside_window"
    saturday = (now + timedelta(days=(5 - now.weekday()) % 7 + 7)).replace(hour=10, minute=0)
    closed = await book(saturday)
    assert closed.status_code == 409 and closed.json()["code"] == "slot_unavailable"
    assert closed.json()["slots"]
    naive = await h.call(
        "POST", "/candidate/scheduling/booking", me, json={"start": "2031-03-10T10:00:00"}
    )
    assert naive.status_code == 422

    # The link opens the request it names (the gateway asserts it): another's is not reachable.
    other_link = h.candidate(tenant, other)
    assert (await h.call("GET", "/candidate/scheduling", other_link)).json()["request_id"] == other
    interview_link = Identity(tenant, rid, "candidate", scopes=("interview",))
    wrong = await h.call(
        "GET",
        "/candidate/scheduling/slots",
        {"x-identity": encode(interview_link, INTERNAL_SECRET)},
    )
    assert wrong.status_code == 403 and wrong.json()["code"] == "forbidden"
    as_staff = await h.call("GET", "/candidate/scheduling/slots", h.staff(tenant))
    assert as_staff.status_code == 403
    as_candidate = await h.call("GET", "/interview-requests", me)
    assert as_candidate.status_code == 403
    reader = await h.call("POST", "/interviewers", h.staff(tenant, ("interviewer",)), json={})
    assert reader.status_code == 403
    zone = await h.call("GET", "/candidate/scheduling/slots", me, params={"time_zone": "Mars/Base"})
    assert zone.status_code == 422
    overlapping = await h.call(
        "PUT",
        f"/interviewers/{grace}",
        h.staff(tenant),
        json={
            "name": "Grace",
            "email": "g@example.com",
            "time_zone": "Europe/London",
            "overrides": [
                {
                    "date": "2031-03-05",
                    "ranges": [
                        {"start": "09:00", "end": "12:00"},
                        {"start": "11:00", "end": "14:00"},
                    ],
                }
            ],
        },
    )
    assert overlapping.status_code == 422 and overlapping.json()["code"] == "invalid_request"
    unknown = await h.call(
        "POST",
        "/interview-types",
        h.staff(tenant),
        json={
            "position_id": unique("p"),
            "name": "x",
            "duration_minutes": 30,
            "interviewer_ids": ["nobody"],
        },
    )
    assert unknown.status_code == 422 and unknown.json()["code"] == "interviewer_not_found"
    bypass = await h.http.get(f"{h.url}/interview-requests")
    assert bypass.status_code == 401


async def test_erasure_cancels_and_anonymises_the_candidates_requests(h: Harness) -> None:
    tenant = unique("t")
    grace = await h.interviewer(tenant)
    itype = await h.interview_type(tenant, [grace])
    request = await h.request(tenant, itype["interview_type_id"])
    rid = request["request_id"]
    start = (await h.slots(tenant, rid))[0]["start"]
    booked = await h.call(
        "POST",
        "/candidate/scheduling/booking",
        h.candidate(tenant, rid),
        json={"start": start},
    )
    assert booked.status_code == 201
    await h.publish(
        tenant,
        CandidateErasureRequested(
            erasure_id=new_id(),
            candidate_email=request["candidate_email"],
            invitation_ids=[request["invitation_id"]],
            requested_by="dpo",
            requested_at=datetime.now(UTC),
        ),
    )

    async def erased() -> dict[str, Any]:
        doc = dict((await h.call("GET", f"/interview-requests/{rid}", h.staff(tenant))).json())
        return doc if doc["candidate_name"] == "erased" else {}

    doc = await eventually(erased, what="the erasure")
    assert doc["status"] == "cancelled"
    assert start in [
        s["start"]
        for s in await h.slots(
            tenant, (await h.request(tenant, itype["interview_type_id"]))["request_id"]
        )
    ]


async def test_a_retention_erasure_reaches_only_the_listed_applications(h: Harness) -> None:
    """The same candidate in two positions; the closed one's retention ends: only that
    invitation's request is anonymised, the other one stays as it was."""
    tenant = unique("t")
    itype = await h.interview_type(tenant, [await h.interviewer(tenant)])
    email = f"{unique('ada')}@example.com"
    closed = await h.request(tenant, itype["interview_type_id"], candidate_email=email)
    other = await h.request(tenant, itype["interview_type_id"], candidate_email=email)
    await h.publish(
        tenant,
        CandidateErasureRequested(
            erasure_id=new_id(),
            candidate_email=email,
            invitation_ids=[closed["invitation_id"]],
            requested_by="retention-policy",
            requested_at=datetime.now(UTC),
            reason="retention",
        ),
    )

    async def erased() -> dict[str, Any]:
        path = f"/interview-requests/{closed['request_id']}"
        doc = dict((await h.call("GET", path, h.staff(tenant))).json())
        return doc if doc["candidate_name"] == "erased" else {}

    assert (await eventually(erased, what="the retention erasure"))["status"] == "cancelled"
    path = f"/interview-requests/{other['request_id']}"
    kept = (await h.call("GET", path, h.staff(tenant))).json()
    assert kept["candidate_email"] == email and kept["status"] == other["status"], kept


async def test_the_unique_index_decides_even_when_every_racer_saw_the_slot_open(
    h: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every racer reads the slots before anyone commits (a stale read): only the database's
    unique holds stop the double booking."""
    tenant = unique("t")
    panel = [await h.interviewer(tenant), await h.interviewer(tenant, "America/New_York")]
    itype = await h.interview_type(tenant, panel)
    requests = [await h.request(tenant, itype["interview_type_id"]) for _ in range(12)]
    ctx = h.service.app.state.scheduling
    stale = await bookings.offer_with_calendars(
        ctx, tenant, await interview_type(ctx, tenant, itype["interview_type_id"])
    )

    async def seen_before_anyone_booked(*_: Any, **__: Any) -> Any:
        return stale

    monkeypatch.setattr(bookings, "offer_with_calendars", seen_before_anyone_booked)
    start = stale[0][0].start.isoformat()
    results = await asyncio.gather(
        *(
            h.call(
                "POST",
                "/candidate/scheduling/booking",
                h.candidate(tenant, r["request_id"]),
                json={"start": start},
            )
            for r in requests
        )
    )
    answers = [(r.status_code, r.text[:300]) for r in results]
    assert sorted(r.status_code for r in results) == [201] + [409] * 11, answers
    assert {r.json()["code"] for r in results if r.status_code == 409} == {"slot_taken"}
    assert await h.service.db.bookings.count_documents({"tenant": tenant}) == 1
    holds = await h.service.db.holds.count_documents({"tenant": tenant})
    assert holds == 2 * 60 // 5  # two interviewers, one hour of 5-minute cells
