"""Live rooms on the real servers and a real Janus in a network namespace the fixture makes: a room
per booking from the scheduling events, opened and closed by the job on a moved clock, moved by a
reschedule and closed by a cancel; who may enter (the panel, the admitted candidate; not another
tenant, not before the room opens); and two aiortc participants with minted tokens receiving each
other's media, while a token of another room is refused by Janus itself."""

from __future__ import annotations

import asyncio
import json
import time
from datetime import timedelta

import pytest

from contracts.events.interviews import InterviewCancelled, InterviewRescheduled, PanelMember
from services.live.janus import NO_SUCH_ROOM, JanusError, participant_token
from tests.live import netns
from tests.live.harness import T0, TOKEN_SECRET, Booking, Harness
from tests.live.participant import Participant, Refused, pin_host_address
from tests.support import eventually, unique

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(netns.available() is not None, reason=str(netns.available())),
]


async def on_janus(h: Harness, booking: Booking) -> bool:
    """Whether the booking's VideoRoom exists on Janus now."""
    room = await h.room(booking)
    assert room is not None
    try:
        await h.service.app.state.live.janus(room).participants(
            room["janus_room"], room["janus_secret"]
        )
    except JanusError as exc:
        assert exc.code == NO_SUCH_ROOM
        return False
    return True


async def test_the_room_follows_the_booking(h: Harness) -> None:
    start = h.clock.now + timedelta(hours=2)
    booking = await h.book(start)
    who = h.staff(booking.tenant, booking.user_ids[0])
    room = (await h.call("GET", f"/live/rooms/{booking.booking_id}", who)).json()
    assert room["status"] == "scheduled"
    assert room["opens_at"].startswith((start - timedelta(minutes=10)).isoformat()[:19])
    assert [m["name"] for m in room["panel"]] == ["Grace 0"]

    # Not yet open: nothing on Janus, and nobody enters.
    await h.sweep()
    assert not await on_janus(h, booking)
    early = await h.call("POST", f"/live/rooms/{booking.booking_id}/join", who)
    assert early.status_code == 409 and early.json()["code"] == "room_not_open"

    h.clock.now = start - timedelta(minutes=10)
    await h.sweep()
    assert (await h.room(booking) or {}).get("status") == "open"
    assert await on_janus(h, booking)

    # Moved to tomorrow: the open room closes on Janus and waits for its new time.
    tomorrow = start + timedelta(days=1)
    await h.publish(
        booking.tenant,
        InterviewRescheduled(
            request_id=booking.request_id,
            booking_id=booking.booking_id,
            start=tomorrow,
            end=tomorrow + timedelta(minutes=45),
            previous_start=start,
            interviewer_ids=booking.interviewer_ids,
            panel=[PanelMember(interviewer_id=booking.interviewer_ids[0], name="Grace H")],
            sequence=1,
            rescheduled_by="staff",
            rescheduled_at=h.clock.now,
        ),
    )
    await h.until(booking, "the room to move", start=tomorrow)
    await h.sweep()
    moved = await h.room(booking)
    assert moved is not None and moved["status"] == "scheduled"
    assert moved["panel"][0]["name"] == "Grace H"
    assert not await on_janus(h, booking)

    h.clock.now = tomorrow - timedelta(minutes=5)
    await h.sweep()
    assert await on_janus(h, booking)
    # Over: closed after the end and the grace, and gone from Janus.
    h.clock.now = tomorrow + timedelta(minutes=45 + 15)
    await h.sweep()
    closed = await h.room(booking)
    assert closed is not None and closed["status"] == "closed"
    assert closed["closed_reason"] == "over"
    assert not await on_janus(h, booking)
    # Opened twice (before and after the move), closed as moved then as over.
    assert len(await h.events(booking, "room.opened")) == 2
    closings = await h.events(booking, "room.closed")
    assert sorted(json.loads(e["body"])["reason"] for e in closings) == ["moved", "over"]
    h.clock.now = T0


async def test_cancelling_closes_the_room(h: Harness) -> None:
    waiting = await h.book(h.clock.now + timedelta(days=3))
    opened = await h.book(h.clock.now + timedelta(minutes=5))
    await h.sweep()
    assert await on_janus(h, opened)
    for booking in (waiting, opened):
        await h.publish(
            booking.tenant,
            InterviewCancelled(
                request_id=booking.request_id,
                booking_id=booking.booking_id,
                cancelled_by="candidate",
                reason="Found another job",
                cancelled_at=h.clock.now,
            ),
        )
    await h.until(waiting, "the unopened room to close", status="closed")
    await h.until(opened, "the open room to be closing", status="closing")
    await h.sweep()
    closed = await h.room(opened)
    assert closed is not None and closed["status"] == "closed"
    assert closed["closed_reason"] == "cancelled"
    assert not await on_janus(h, opened)
    (event,) = await h.events(opened, "room.closed")
    assert json.loads(event["body"])["reason"] == "cancelled" and event["tenant"] == opened.tenant
    gone = await h.call(
        "GET", "/candidate/live/room", h.candidate(opened.tenant, opened.request_id)
    )
    assert gone.status_code == 404 and gone.json()["code"] == "room_not_found"


async def test_a_room_janus_lost_is_created_again(h: Harness) -> None:
    booking = await h.book(h.clock.now + timedelta(minutes=5))
    await h.sweep()
    room = await h.room(booking)
    assert room is not None and await on_janus(h, booking)
    # As after a Janus restart: the room is gone from Janus, the service still has it open.
    await h.service.app.state.live.janus(room).destroy_room(
        room["janus_room"], room["janus_secret"]
    )
    assert not await on_janus(h, booking)
    await h.sweep()
    assert await on_janus(h, booking)
    token = await h.call(
        "POST",
        f"/live/rooms/{booking.booking_id}/join",
        h.staff(booking.tenant, booking.user_ids[0]),
    )
    assert token.status_code == 200, token.text


async def test_only_the_panel_and_the_admitted_candidate_enter(h: Harness) -> None:
    booking = await h.book(h.clock.now + timedelta(minutes=30), panel=2)
    tenant, path = booking.tenant, f"/live/rooms/{booking.booking_id}"
    interviewer = h.staff(tenant, booking.user_ids[1])
    me = h.candidate(tenant, booking.request_id)

    lobby = await h.call("POST", "/candidate/live/lobby", me)
    assert lobby.status_code == 409 and lobby.json()["code"] == "room_not_open"
    h.clock.now += timedelta(minutes=25)
    await h.sweep()

    seen = (await h.call("GET", "/candidate/live/room", me)).json()
    assert seen["status"] == "open" and seen["interviewers"] == ["Grace 0", "Grace 1"]
    refusals = [
        (h.staff(tenant, "someone-else"), "POST", f"{path}/join", 403, "not_on_panel"),
        (h.staff(unique("t"), booking.user_ids[0]), "POST", f"{path}/join", 404, "room_not_found"),
        (h.staff(unique("t"), booking.user_ids[0]), "GET", path, 404, "room_not_found"),
        (h.candidate(tenant, "another-request"), "POST", "/candidate/live/join", 404, None),
        (me, "POST", "/candidate/live/join", 409, "not_admitted"),
        (interviewer, "POST", f"{path}/admit", 409, "candidate_away"),
        (h.staff(tenant, "someone-else"), "POST", f"{path}/admit", 403, "not_on_panel"),
        (me, "POST", f"{path}/join", 403, "forbidden"),
        (interviewer, "POST", "/candidate/live/join", 403, "forbidden"),
    ]
    for headers, method, url, status, code in refusals:
        response = await h.call(method, url, headers)
        assert response.status_code == status, (url, response.text)
        assert code is None or response.json()["code"] == code, (url, response.text)

    assert (await h.call("POST", "/candidate/live/lobby", me)).json()["lobby"] == "waiting"
    room = (await h.call("GET", path, interviewer)).json()
    assert room["lobby"] == "waiting" and room["lobby_since"] is not None
    assert (await h.call("POST", f"{path}/admit", interviewer)).json()["lobby"] == "admitted"

    mine = (await h.call("POST", "/candidate/live/join", me)).json()
    theirs = (await h.call("POST", f"{path}/join", interviewer)).json()
    assert mine["role"] == "candidate" and theirs["role"] == "interviewer"
    assert theirs["display"] == "Grace 1" and mine["room"] == theirs["room"]
    assert mine["token"] != theirs["token"]
    # The token lasts until the room closes at the latest.
    assert mine["expires_at"].startswith((booking.end + timedelta(minutes=15)).isoformat()[:19])
    h.clock.now = T0


async def test_two_participants_see_and_hear_each_other(h: Harness) -> None:
    """Through Janus with minted tokens; another room's token and a forged one are refused by
    Janus. Prints the time from the join request to the first remote video frame."""
    pin_host_address(h.ns.outside)
    here = await h.book(h.clock.now + timedelta(minutes=5))
    other = await h.book(h.clock.now + timedelta(minutes=5))  # another tenant's room
    await h.sweep()
    path = f"/live/rooms/{here.booking_id}"
    interviewer = h.staff(here.tenant, here.user_ids[0])
    me = h.candidate(here.tenant, here.request_id)
    await h.call("POST", "/candidate/live/lobby", me)
    await h.call("POST", f"{path}/admit", interviewer)

    started = time.perf_counter()
    joins = [
        (await h.call("POST", f"{path}/join", interviewer)).json(),
        (await h.call("POST", "/candidate/live/join", me)).json(),
    ]
    people = [Participant(j["janus_url"], j["token"], j["room"], j["display"]) for j in joins]
    try:
        for p in people:
            await p.connect()
            await p.publish()
        a, b = people
        await b.subscribe(a.publisher_id)
        await a.subscribe(b.publisher_id)
        assert b.first_frame is not None
        first = await asyncio.wait_for(b.first_frame, 20)
        print(f"\njoin to first remote frame: {first - started:.3f} s")

        async def both_flowing() -> bool:
            return all(
                p.frames.get(q.publisher_id, 0) > 10 and p.audio.get(q.publisher_id, 0) > 10
                for p, q in ((a, b), (b, a))
            )

        await eventually(both_flowing, timeout=20, what="video and audio both ways")
        print(f"janus with two participants: {h.janus.rss_bytes() / 2**20:.1f} MiB")

        # The rooms job sees who is in the call: each feed joined once, with its role; one who
        # leaves is announced once, however many rounds pass.
        await h.sweep()
        await h.sweep()
        joined = [json.loads(e["body"]) for e in await h.events(here, "room.participant_joined")]
        roles = sorted((j["role"], j["interviewer_id"], j["display"]) for j in joined)
        assert roles == [
            ("candidate", None, "Candidate"),
            ("interviewer", here.interviewer_ids[0], "Grace 0"),
        ], roles
        await b.close()

        async def left_announced() -> list[dict[str, object]] | None:
            await h.sweep()
            return await h.events(here, "room.participant_left") or None

        await eventually(left_announced, what="the candidate's leaving announced")
        await h.sweep()
        (left,) = [json.loads(e["body"]) for e in await h.events(here, "room.participant_left")]
        assert left["role"] == "candidate" and left["participant_id"] == str(b.publisher_id)
        assert left["seconds"] >= 0

        # This room's token does not open the other tenant's room; a forged token opens nothing.
        room = await h.room(other)
        assert room is not None
        stranger = Participant(joins[1]["janus_url"], joins[1]["token"], room["janus_room"], "x")
        forged = Participant(
            joins[1]["janus_url"],
            participant_token("not-the-secret-0123456789", 2_000_000_000, room["janus_room"]),
            room["janus_room"],
            "y",
        )
        expired = Participant(
            joins[1]["janus_url"],
            participant_token(TOKEN_SECRET, int(time.time()) - 1, room["janus_room"]),
            room["janus_room"],
            "z",
        )
        people += [stranger, forged, expired]
        await stranger.connect()
        with pytest.raises(Refused) as refused:
            await stranger.publish()
        assert refused.value.code == 433  # VideoRoom: not in the allowed list
        with pytest.raises(Refused) as unauthorized:
            await forged.connect()
        assert unauthorized.value.code == 403  # Janus: wrong token
        with pytest.raises(Refused) as late:
            await expired.connect()
        assert late.value.code == 403  # Janus: expired token
    finally:
        for p in people:
            await p.close()


async def test_the_panel_pins_private_notes_to_moments_of_the_call(h: Harness) -> None:
    """Notes while the room is open, each the author's own, each one `room.note_pinned`;
    refused before the room opens, off the panel, out of the call's time or empty; erased with
    the candidate."""
    start = h.clock.now + timedelta(hours=1)
    booking = await h.book(start, panel=2)
    path = f"/live/rooms/{booking.booking_id}/notes"
    grace, ada = (h.staff(booking.tenant, u) for u in booking.user_ids)
    early = await h.call("POST", path, grace, json={"text": "too soon"})
    assert early.status_code == 409 and early.json()["code"] == "room_not_open"

    h.clock.now = start - timedelta(minutes=5)
    await h.sweep()
    opened = (await h.room(booking) or {}).get("opened_at")
    assert opened is not None
    h.clock.now += timedelta(minutes=4)  # four minutes into the call
    now_note = await h.call("POST", path, grace, json={"text": "Clear on the trade-offs"})
    assert now_note.status_code == 201, now_note.text
    assert now_note.json()["at"].startswith(h.clock.now.isoformat()[:19])
    moment = h.clock.now - timedelta(minutes=2)
    earlier = await h.call(
        "POST", path, grace, json={"text": "Asked about on-call", "at": moment.isoformat()}
    )
    assert earlier.status_code == 201, earlier.text
    await h.call("POST", path, ada, json={"text": "Ada's own"})

    mine = (await h.call("GET", path, grace)).json()
    assert [n["text"] for n in mine["items"]] == ["Asked about on-call", "Clear on the trade-offs"]
    assert [n["text"] for n in (await h.call("GET", path, ada)).json()["items"]] == ["Ada's own"]
    pinned = [json.loads(e["body"]) for e in await h.events(booking, "room.note_pinned")]
    assert sorted(p["text"] for p in pinned) == [
        "Ada's own",
        "Asked about on-call",
        "Clear on the trade-offs",
    ]
    assert {p["invitation_id"] for p in pinned} == {booking.invitation_id}
    assert {p["author"] for p in pinned} == {"Grace 0", "Grace 1"}

    stranger = h.staff(booking.tenant, "someone-else")
    other_tenant = h.staff(unique("t"), booking.user_ids[0])
    refusals = [
        (await h.call("POST", path, stranger, json={"text": "x"}), 403, "not_on_panel"),
        (await h.call("GET", path, other_tenant), 404, "room_not_found"),
        (await h.call("POST", path, grace, json={"text": "   "}), 422, "invalid_request"),
        (
            await h.call(
                "POST",
                path,
                grace,
                json={"text": "x", "at": (opened - timedelta(minutes=1)).isoformat()},
            ),
            422,
            "time_out_of_range",
        ),
        (
            await h.call(
                "POST", path, grace, json={"text": "x", "at": "2026-12-01T10:00:00"}
            ),  # no offset: which moment is it?
            422,
            "invalid_request",
        ),
    ]
    for response, status, code in refusals:
        assert (response.status_code, response.json()["code"]) == (status, code), response.text
    assert len((await h.call("GET", path, grace)).json()["items"]) == 2

    await h.erase(booking)

    async def erased() -> bool:
        return not (await h.call("GET", path, grace)).json()["items"]

    await eventually(erased, what="the notes erased with the candidate")
    h.clock.now = T0
