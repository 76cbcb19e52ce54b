"""Rooms: one per booking, kept from the scheduling events, opened on Janus a set time before the
interview and closed after its end plus a grace; who may enter, the lobby, and participants'
tokens.

The consumers only write the room's times, panel and status; the job (`sweep`) does what Janus
must do: create the VideoRoom of a room due to open, destroy that of a room that is over,
cancelled, or moved later than now. A token is minted only for the candidate of the booking's
request, once admitted, or for an interviewer on its panel, and only while the room is open; it
expires with the room at the latest, and is in the `allowed` list of that one VideoRoom."""

from __future__ import annotations

import logging
import secrets
import uuid
from datetime import datetime, timedelta
from typing import Annotated, Any, cast

from fastapi import Depends, Response
from pymongo import ReturnDocument
from pymongo.asynchronous.client_session import AsyncClientSession

from contracts.events.interviews import (
    InterviewCancelled,
    InterviewRescheduled,
    InterviewScheduled,
    PanelMember,
)
from contracts.events.rooms import RoomClosed, RoomOpened
from services.chassis.api import Api, Id, candidate, staff
from services.chassis.bus import Delivery
from services.chassis.errors import ProblemError
from services.chassis.identity import Identity, require_identity
from services.live import metrics, presence, recordings, turn
from services.live.janus import NO_SUCH_ROOM, JanusError, participant_token
from services.live.schemas import (
    CallReport,
    CandidateRoom,
    Join,
    Member,
    RecordingConsentIn,
    Room,
)
from services.live.store import Ctx, Live, MemberDoc, RoomDoc

log = logging.getLogger(__name__)
# The declaration has checked the caller's kind (a staff member, or a candidate's scheduling
# link whose principal is the request); the handlers check whose room it is.
Caller = Annotated[Identity, Depends(require_identity)]
api = Api("live", tags=["live"])
BATCH = 100

ROOM_NOT_FOUND = {404: "`room_not_found`: no live room for this booking in your tenant."}
NOT_OPEN = "`room_not_open`: the room is not open (it opens before the start, closes after the end)"
CONSENT_FIRST = (
    "`recording_consent_required`: the interview is recorded; consent first "
    "(POST /candidate/live/recording-consent)"
)
JANUS_DOWN = {503: "`media_unavailable`: the media server did not answer; retry."}


# -- the room's life, from the scheduling events ---------------------------------------------------


def _times(live: Live, start: datetime, end: datetime) -> dict[str, datetime]:
    s = live.settings
    return {
        "start": start,
        "end": end,
        "opens_at": start - timedelta(minutes=s.live_open_minutes_before),
        "closes_at": end + timedelta(minutes=s.live_close_minutes_after),
    }


def _panel(panel: list[PanelMember], ids: list[str]) -> list[MemberDoc]:
    named = {m.interviewer_id: m for m in panel}
    return [
        MemberDoc(
            interviewer_id=i,
            name=named[i].name if i in named else "Interviewer",
            user_id=named[i].user_id if i in named else None,
        )
        for i in ids
    ]


async def scheduled(live: Live, delivery: Delivery[InterviewScheduled]) -> None:
    event, tenant = delivery.payload, delivery.tenant
    now = live.now()
    await live.rooms.update_one(
        {"_id": event.booking_id, "tenant": tenant},
        {
            "$setOnInsert": {
                "request_id": event.request_id,
                "invitation_id": event.invitation_id,
                "interview_type_id": event.interview_type_id,
                # Recorded only where recording is configured: no notice for a call not recorded.
                "recording": event.recording and bool(live.settings.live_recordings_dir),
                "recording_consent": None,
                "recording_state": None,
                "recording_id": str(uuid.uuid4()),
                "janus_room": secrets.randbelow(2**52) + 1,
                "janus_secret": secrets.token_urlsafe(24),
                "present": {},
                "presence_version": 0,
                "status": "scheduled",
                "lobby": "away",
                "lobby_since": None,
                "opened_at": None,
                "closed_at": None,
                "closed_reason": None,
                "panel": _panel(event.panel, event.interviewer_ids),
                **_times(live, event.start, event.end),
                "updated_at": now,
            }
        },
        upsert=True,
        session=delivery.session,
    )


async def rescheduled(live: Live, delivery: Delivery[InterviewRescheduled]) -> None:
    """The room moves with the booking (the job closes an open one moved later than now)."""
    event, tenant = delivery.payload, delivery.tenant
    await live.rooms.update_one(
        {"_id": event.booking_id, "tenant": tenant, "status": {"$in": ["scheduled", "open"]}},
        {
            "$set": {
                **_times(live, event.start, event.end),
                "panel": _panel(event.panel, event.interviewer_ids),
                "updated_at": live.now(),
            }
        },
        session=delivery.session,
    )


async def cancelled(live: Live, delivery: Delivery[InterviewCancelled]) -> None:
    """A room not yet open closes at once; an open one is closed on Janus by the job."""
    event, tenant = delivery.payload, delivery.tenant
    query: dict[str, Any] = {"tenant": tenant, "request_id": event.request_id}
    if event.booking_id:
        query["_id"] = event.booking_id
    now = live.now()
    reason = {"closed_reason": "cancelled", "updated_at": now}
    await live.rooms.update_many(
        {**query, "status": "scheduled"},
        {"$set": {"status": "closed", "closed_at": now, **reason}},
        session=delivery.session,
    )
    await live.rooms.update_many(
        {**query, "status": "open"},
        {"$set": {"status": "closing", **reason}},
        session=delivery.session,
    )


# -- the job: what Janus must do --------------------------------------------------------------------


async def sweep(live: Live) -> int:
    """One round: open the rooms due, close those over, cancelled or moved later; returns how
    many rooms changed. A Janus failure leaves the room as it was, for the next round."""
    now = live.now()
    changed = 0
    # Over before it ever opened (the service was down, or a short grace): nothing on Janus.
    missed = await live.rooms.update_many(
        {"status": "scheduled", "closes_at": {"$lte": now}},
        {"$set": {"status": "closed", "closed_at": now, "closed_reason": "over"}},
    )
    changed += missed.modified_count
    due = live.rooms.find(
        {"status": "scheduled", "opens_at": {"$lte": now}, "closes_at": {"$gt": now}}
    ).limit(BATCH)
    async for doc in due:
        changed += await _open(live, cast(RoomDoc, doc), now)
    ending = live.rooms.find(
        {
            "$or": [
                {"status": "closing"},
                {"status": "open", "closes_at": {"$lte": now}},
                {"status": "open", "opens_at": {"$gt": now}},
            ]
        }
    ).limit(BATCH)
    async for doc in ending:
        changed += await _close(live, cast(RoomDoc, doc), now)
    await _observe(live)
    return changed


async def _place(live: Live, leaving: str | None = None) -> str | None:
    """The answering node with the fewest rooms on it (the first configured on a tie)."""
    candidates = [n for n in live.nodes if n not in live.down and n != leaving]
    counts = {
        node: await live.rooms.count_documents(
            {"status": {"$in": ["open", "closing"]}, "janus_node": node}
        )
        for node in candidates
    }
    return min(candidates, key=lambda n: counts[n]) if candidates else None


async def _create(live: Live, room: RoomDoc, node: str) -> None:
    where = (
        recordings.folder(live, room["tenant"], room["_id"])
        if recordings.records(live, room)
        else None
    )
    await live.nodes[node].create_room(
        room["janus_room"],
        room["janus_secret"],
        f"{room['tenant']}/{room['_id']}",
        [],
        live.settings.live_max_participants,
        rec_dir=str(where) if where else None,
    )


async def _open(live: Live, room: RoomDoc, now: datetime) -> int:
    node = await _place(live)
    if node is None:
        log.warning("no Janus node answers; the room opens later", extra={"room": room["_id"]})
        return 0
    try:
        await _create(live, room, node)
    except JanusError as exc:
        metrics.JANUS_FAILURES.labels(live.service.name, "create").inc()
        log.warning("could not open a live room", extra={"room": room["_id"], "error": str(exc)})
        return 0

    async def write(session: AsyncClientSession) -> int:
        result = await live.rooms.update_one(
            {"_id": room["_id"], "tenant": room["tenant"], "status": "scheduled"},
            {"$set": {"status": "open", "opened_at": now, "updated_at": now, "janus_node": node}},
            session=session,
        )
        if result.modified_count:
            await live.service.outbox.add(
                session,
                room["tenant"],
                RoomOpened(
                    request_id=room["request_id"],
                    booking_id=room["_id"],
                    start=room["start"],
                    end=room["end"],
                    closes_at=room["closes_at"],
                    opened_at=now,
                ),
            )
        return result.modified_count

    changed = await live.service.transaction(write)
    log.info("live room opened", extra={"tenant": room["tenant"], "room": room["_id"]})
    return changed


async def _recreate(live: Live, room: RoomDoc) -> None:
    """An open room Janus no longer has is created again; people rejoin with new tokens."""
    try:
        await _create(live, room, live.node_of(room))
    except JanusError as exc:
        metrics.JANUS_FAILURES.labels(live.service.name, "create").inc()
        log.warning(
            "could not re-create a live room", extra={"room": room["_id"], "error": str(exc)}
        )
        return
    log.warning(
        "live room re-created on Janus", extra={"tenant": room["tenant"], "room": room["_id"]}
    )


async def _close(live: Live, room: RoomDoc, now: datetime) -> int:
    try:
        await live.janus(room).destroy_room(room["janus_room"], room["janus_secret"])
    except JanusError as exc:
        metrics.JANUS_FAILURES.labels(live.service.name, "destroy").inc()
        log.warning("could not close a live room", extra={"room": room["_id"], "error": str(exc)})
        if live.node_of(room) not in live.down:
            return 0
        # Its node is down: the room went with it (rooms live in Janus's memory).
    moved = room["status"] == "open" and room["opens_at"] > now and room["closes_at"] > now
    reason = "moved" if moved else room.get("closed_reason") or "over"
    update: dict[str, Any] = (
        {"status": "scheduled", "lobby": "away", "lobby_since": None}
        if moved
        else {"status": "closed", "closed_at": now, "closed_reason": reason}
    )
    if not moved and recordings.records(live, room):
        update["recording_state"] = "pending"  # the recordings job composes what was recorded
    emptied, left = presence.everyone_leaves(room, now)

    async def write(session: AsyncClientSession) -> int:
        result = await live.rooms.update_one(
            {"_id": room["_id"], "tenant": room["tenant"], "status": room["status"]},
            {"$set": {**update, **emptied, "updated_at": now}},
            session=session,
        )
        if result.modified_count:
            for event in left:
                await live.service.outbox.add(session, room["tenant"], event)
            await live.service.outbox.add(
                session,
                room["tenant"],
                RoomClosed(
                    request_id=room["request_id"],
                    booking_id=room["_id"],
                    reason="moved" if moved else "cancelled" if reason == "cancelled" else "over",
                    closed_at=now,
                ),
            )
        return result.modified_count

    changed = await live.service.transaction(write)
    log.info("live room closed", extra={"tenant": room["tenant"], "room": room["_id"]})
    return changed


async def _observe(live: Live) -> None:
    """Which nodes answer; each open room's participants; a room whose node is down is moved,
    one Janus lost (its rooms with it, as after a restart) is created again."""
    for node, janus in live.nodes.items():
        up = await janus.ping()
        metrics.JANUS_NODE_UP.labels(live.service.name, node).set(int(up))
        if up and node in live.down:
            log.warning("Janus node answers again", extra={"node": node})
        elif not up and node not in live.down:
            log.error("Janus node does not answer; its rooms move", extra={"node": node})
        (live.down.discard if up else live.down.add)(node)
    rooms = await live.rooms.find({"status": "open"}).limit(1000).to_list()
    metrics.ROOMS_OPEN.labels(live.service.name).set(len(rooms))
    people = 0
    for found in rooms:
        room = cast(RoomDoc, found)
        if live.node_of(room) in live.down:
            await _move(live, room)
            continue
        try:
            listed = await live.janus(room).participants(room["janus_room"], room["janus_secret"])
        except JanusError as exc:
            metrics.JANUS_FAILURES.labels(live.service.name, "count").inc()
            if exc.code == NO_SUCH_ROOM:  # Janus restarted (rooms live in its memory)
                await _recreate(live, room)
            continue
        people += len(listed)
        await presence.observed(live, room, listed)
    metrics.PARTICIPANTS.labels(live.service.name).set(people)


async def _move(live: Live, room: RoomDoc) -> None:
    """Re-create an open room on another node; its people join again (their pages ask for a
    new token, which names the new node)."""
    leaving = live.node_of(room)
    node = await _place(live, leaving=leaving)
    if node is None:
        return
    try:
        await _create(live, room, node)
    except JanusError as exc:
        metrics.JANUS_FAILURES.labels(live.service.name, "create").inc()
        log.warning("could not move a live room", extra={"room": room["_id"], "error": str(exc)})
        return
    moved = await live.rooms.update_one(
        {"_id": room["_id"], "tenant": room["tenant"], "status": "open"},
        {"$set": {"janus_node": node, "updated_at": live.now()}},
    )
    if moved.modified_count:
        metrics.ROOMS_MOVED.labels(live.service.name).inc()
        log.warning(
            "live room moved to another Janus node",
            extra={"tenant": room["tenant"], "room": room["_id"], "from": leaving, "to": node},
        )


# -- who may enter --------------------------------------------------------------------------------


async def find_room(live: Live, tenant: str, booking_id: str) -> RoomDoc:
    doc = await live.rooms.find_one({"_id": booking_id, "tenant": tenant})
    if doc is None:
        raise ProblemError(404, "room_not_found", "No live room for this booking.")
    return cast(RoomDoc, doc)


async def _candidate_room(live: Live, who: Identity) -> RoomDoc:
    """The room of the booking the candidate's scheduling link (its request) holds."""
    doc = await live.rooms.find_one(
        {"tenant": who.tenant, "request_id": who.principal, "status": {"$ne": "closed"}},
        sort=[("start", 1)],
    )
    if doc is None:
        raise ProblemError(404, "room_not_found", "No live room for your interview.")
    return cast(RoomDoc, doc)


def must_be_open(room: RoomDoc) -> None:
    if room["status"] != "open":
        raise ProblemError(
            409,
            "room_not_open",
            f"The room opens at {room['opens_at'].isoformat()} and closes at "
            f"{room['closes_at'].isoformat()}.",
        )


def panel_member(room: RoomDoc, who: Identity) -> MemberDoc:
    member = next((m for m in room["panel"] if m["user_id"] == who.principal), None)
    if member is None:
        raise ProblemError(403, "not_on_panel", "Only the interview's panel enters its room.")
    return member


def room_view(room: RoomDoc, who: Identity) -> Room:
    me = next((m for m in room["panel"] if m["user_id"] == who.principal), None)
    return Room(
        booking_id=room["_id"],
        request_id=room["request_id"],
        interview_type_id=room.get("interview_type_id", ""),
        me=me["interviewer_id"] if me else None,
        status=room["status"],
        start=room["start"],
        end=room["end"],
        opens_at=room["opens_at"],
        closes_at=room["closes_at"],
        panel=[Member(interviewer_id=m["interviewer_id"], name=m["name"]) for m in room["panel"]],
        lobby=room["lobby"],
        lobby_since=room["lobby_since"],
        recording=bool(room.get("recording")),
        recording_state=room.get("recording_state"),
    )


def candidate_view(room: RoomDoc) -> CandidateRoom:
    return CandidateRoom(
        status=room["status"],
        start=room["start"],
        end=room["end"],
        opens_at=room["opens_at"],
        closes_at=room["closes_at"],
        interviewers=[m["name"] for m in room["panel"]],
        lobby=room["lobby"],
        recording=bool(room.get("recording")),
        recording_notice=recordings.notice() if room.get("recording") else None,
        recording_consented=bool(room.get("recording_consent")),
    )


async def _mint(live: Live, room: RoomDoc, display: str, role: str) -> Join:
    now = live.now()
    expires = min(room["closes_at"], now + timedelta(seconds=live.settings.live_token_seconds))
    token = participant_token(
        live.settings.janus_token_secret, int(expires.timestamp()), room["janus_room"]
    )
    try:
        await live.janus(room).allow(room["janus_room"], room["janus_secret"], [token])
    except JanusError as exc:
        metrics.JANUS_FAILURES.labels(live.service.name, "allow").inc()
        metrics.JOINS.labels(live.service.name, role, "failed").inc()
        log.warning("could not admit a token", extra={"room": room["_id"], "error": str(exc)})
        raise ProblemError(503, "media_unavailable", "The media server did not answer.") from None
    metrics.JOINS.labels(live.service.name, role, "ok").inc()
    settings = live.settings
    return Join(
        janus_url=settings.janus_nodes.get(live.node_of(room), live.node_of(room)),
        room=room["janus_room"],
        token=token,
        expires_at=expires,
        display=display,
        role="candidate" if role == "candidate" else "interviewer",
        ice_servers=turn.ice_servers(
            settings.turn_relays,
            settings.turn_secret,
            int(expires.timestamp()),
            f"room{room['janus_room']}",
        ),
        ice_transport_policy=settings.ice_transport_policy,
    )


def _refused(live: Live, role: str) -> None:
    metrics.JOINS.labels(live.service.name, role, "refused").inc()


@api.get(
    "/candidate/live/room",
    candidate("scheduling"),
    summary="The candidate's live room: when it opens, who will be there, the lobby",
    response_model=CandidateRoom,
    errors=ROOM_NOT_FOUND,
)
async def candidate_room(ctx: Ctx, who: Caller) -> CandidateRoom:
    return candidate_view(await _candidate_room(ctx, who))


@api.post(
    "/candidate/live/lobby",
    candidate("scheduling"),
    summary="Wait in the lobby of the open room until an interviewer admits you",
    response_model=CandidateRoom,
    errors={**ROOM_NOT_FOUND, 409: NOT_OPEN + "; " + CONSENT_FIRST + "."},
)
async def enter_lobby(ctx: Ctx, who: Caller) -> CandidateRoom:
    room = await _candidate_room(ctx, who)
    must_be_open(room)
    recordings.must_have_consent(room)
    now = ctx.now()
    updated = await ctx.rooms.find_one_and_update(
        {"_id": room["_id"], "tenant": who.tenant, "status": "open", "lobby": "away"},
        {"$set": {"lobby": "waiting", "lobby_since": now, "updated_at": now}},
        return_document=ReturnDocument.AFTER,
    )
    return candidate_view(cast(RoomDoc, updated) if updated else room)


@api.post(
    "/candidate/live/recording-consent",
    candidate("scheduling"),
    summary="Consent to the recording of a recorded interview, naming the notice you read",
    status_code=204,
    errors={
        **ROOM_NOT_FOUND,
        409: "`not_recorded`: this interview is not recorded; `notice_outdated`: the notice "
        "changed since you read it (read it again: GET /candidate/live/room).",
    },
)
async def recording_consent(body: RecordingConsentIn, ctx: Ctx, who: Caller) -> Response:
    room = await _candidate_room(ctx, who)
    if not room.get("recording"):
        raise ProblemError(409, "not_recorded", "This interview is not recorded.")
    if body.notice_version != recordings.NOTICE_VERSION:
        raise ProblemError(409, "notice_outdated", "The recording notice has changed.")
    await ctx.rooms.update_one(
        {"_id": room["_id"], "tenant": who.tenant, "recording_consent": None},
        {
            "$set": {
                "recording_consent": {
                    "notice_version": recordings.NOTICE_VERSION,
                    "at": ctx.now(),
                }
            }
        },
    )
    return Response(status_code=204)


@api.post(
    "/candidate/live/join",
    candidate("scheduling"),
    summary="Enter the room once admitted: a token of your own for the room on the media server",
    response_model=Join,
    errors={
        **ROOM_NOT_FOUND,
        409: NOT_OPEN
        + "; `not_admitted`: wait in the lobby until an interviewer admits you; "
        + CONSENT_FIRST
        + ".",
        **JANUS_DOWN,
    },
)
async def candidate_join(ctx: Ctx, who: Caller) -> Join:
    room = await _candidate_room(ctx, who)
    try:
        must_be_open(room)
    except ProblemError:
        _refused(ctx, "candidate")
        raise
    if room["lobby"] != "admitted":
        _refused(ctx, "candidate")
        raise ProblemError(409, "not_admitted", "An interviewer has not admitted you yet.")
    recordings.must_have_consent(room)
    return await _mint(ctx, room, "Candidate", "candidate")


@api.get(
    "/live/rooms/{booking_id}",
    staff("scheduling:read"),
    summary="Read a booking's live room: its times, status, panel and lobby",
    response_model=Room,
    errors=ROOM_NOT_FOUND,
)
async def get_room(booking_id: Id, ctx: Ctx, who: Caller) -> Room:
    return room_view(await find_room(ctx, who.tenant, booking_id), who)


@api.post(
    "/live/rooms/{booking_id}/admit",
    staff("interviews:write"),
    summary="Let the waiting candidate into the room (the panel only)",
    response_model=Room,
    errors={
        **ROOM_NOT_FOUND,
        403: "`not_on_panel`: only the interview's panel admits its candidate.",
        409: NOT_OPEN + "; `candidate_away`: the candidate is not in the lobby.",
    },
)
async def admit(booking_id: Id, ctx: Ctx, who: Caller) -> Room:
    room = await find_room(ctx, who.tenant, booking_id)
    panel_member(room, who)
    must_be_open(room)
    now = ctx.now()
    updated = await ctx.rooms.find_one_and_update(
        {"_id": booking_id, "tenant": who.tenant, "status": "open", "lobby": {"$ne": "away"}},
        {"$set": {"lobby": "admitted", "updated_at": now}},
        return_document=ReturnDocument.AFTER,
    )
    if updated is None:
        raise ProblemError(409, "candidate_away", "The candidate is not in the lobby.")
    return room_view(cast(RoomDoc, updated), who)


@api.post(
    "/live/rooms/{booking_id}/join",
    staff("interviews:write"),
    summary="Enter the room as one of its interviewers: a token of your own for the media server",
    response_model=Join,
    errors={
        **ROOM_NOT_FOUND,
        403: "`not_on_panel`: only the interview's panel enters its room.",
        409: NOT_OPEN + ".",
        **JANUS_DOWN,
    },
)
async def interviewer_join(booking_id: Id, ctx: Ctx, who: Caller) -> Join:
    room = await find_room(ctx, who.tenant, booking_id)
    try:
        member = panel_member(room, who)
        must_be_open(room)
    except ProblemError:
        _refused(ctx, "interviewer")
        raise
    return await _mint(ctx, room, member["name"], "interviewer")


# -- call quality, as the browsers measure it ------------------------------------------------------


def _record(live: Live, role: str, report: CallReport) -> None:
    if report.first_frame_seconds is not None:
        metrics.FIRST_FRAME.labels(live.service.name, role).observe(report.first_frame_seconds)
    metrics.INBOUND_LOSS.labels(live.service.name, role).observe(report.loss_ratio)
    metrics.INBOUND_BITRATE.labels(live.service.name, role).observe(report.kbps)


@api.post(
    "/candidate/live/reports",
    candidate("scheduling"),
    summary="Report the call's quality as the candidate's browser measures it",
    status_code=204,
    errors=ROOM_NOT_FOUND,
)
async def candidate_report(body: CallReport, ctx: Ctx, who: Caller) -> Response:
    await _candidate_room(ctx, who)
    _record(ctx, "candidate", body)
    return Response(status_code=204)


@api.post(
    "/live/rooms/{booking_id}/reports",
    staff("interviews:write"),
    summary="Report the call's quality as an interviewer's browser measures it",
    status_code=204,
    errors={**ROOM_NOT_FOUND, 403: "`not_on_panel`: only the interview's panel reports."},
)
async def interviewer_report(booking_id: Id, body: CallReport, ctx: Ctx, who: Caller) -> Response:
    panel_member(await find_room(ctx, who.tenant, booking_id), who)
    _record(ctx, "interviewer", body)
    return Response(status_code=204)
