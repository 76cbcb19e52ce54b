"""Who is in a room's call, from what the media server lists at each round of the rooms job: a
feed that appeared is `room.participant_joined`, one that went is `room.participant_left`, and
the room's closing lets everyone still listed leave. The room keeps the last list (`present`)
with a counter of its changes, so two replicas' rounds never announce the same change twice.

A feed's role is read from its display name, which the live service chose when it minted the
participant's token (`Candidate`, the panel member's name, that name with ` (screen)` for a
shared screen); the token is what lets a feed into the room at all."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any, Literal

from pymongo.asynchronous.client_session import AsyncClientSession

from contracts.events.rooms import RoomParticipantJoined, RoomParticipantLeft
from services.live.store import Live, PresentDoc, RoomDoc

log = logging.getLogger(__name__)

CANDIDATE = "Candidate"
SCREEN = " (screen)"
Role = Literal["candidate", "interviewer", "screen", "unknown"]


def role_of(room: RoomDoc, display: str) -> tuple[Role, str | None]:
    """The role of a feed by its display name, and the panel member's id where it is one's."""
    if display.endswith(SCREEN):
        person = display.removesuffix(SCREEN)
        member = next((m for m in room["panel"] if m["name"] == person), None)
        return "screen", member["interviewer_id"] if member else None
    if display == CANDIDATE:
        return "candidate", None
    member = next((m for m in room["panel"] if m["name"] == display), None)
    return ("interviewer", member["interviewer_id"]) if member else ("unknown", None)


def _left(room: RoomDoc, feed: str, was: PresentDoc, now: datetime) -> RoomParticipantLeft:
    role, interviewer = role_of(room, was["display"])
    return RoomParticipantLeft(
        request_id=room["request_id"],
        booking_id=room["_id"],
        participant_id=feed,
        display=was["display"],
        role=role,
        interviewer_id=interviewer,
        left_at=now,
        seconds=round(max(0.0, (now - was["since"]).total_seconds()), 3),
    )


def changes(
    room: RoomDoc, listed: dict[str, str], now: datetime
) -> tuple[dict[str, PresentDoc], list[RoomParticipantJoined | RoomParticipantLeft]]:
    """The new presence and the events of the change from the room's last one (pure)."""
    before = room.get("present") or {}
    after: dict[str, PresentDoc] = {}
    events: list[RoomParticipantJoined | RoomParticipantLeft] = []
    for feed, display in sorted(listed.items()):
        if feed in before and before[feed]["display"] == display:
            after[feed] = before[feed]
            continue
        after[feed] = PresentDoc(display=display, since=now)
        role, interviewer = role_of(room, display)
        events.append(
            RoomParticipantJoined(
                request_id=room["request_id"],
                booking_id=room["_id"],
                participant_id=feed,
                display=display,
                role=role,
                interviewer_id=interviewer,
                joined_at=now,
            )
        )
    events.extend(
        _left(room, feed, was, now) for feed, was in sorted(before.items()) if feed not in after
    )
    return after, events


async def observed(live: Live, room: RoomDoc, listed: dict[str, str]) -> None:
    """Record who the media server lists in an open room, announcing who came and went."""
    now = live.now()
    after, events = changes(room, listed, now)
    if not events:
        return
    version = room.get("presence_version", 0)

    async def write(session: AsyncClientSession) -> None:
        result = await live.rooms.update_one(
            {
                "_id": room["_id"],
                "tenant": room["tenant"],
                "status": "open",
                "presence_version": version if version else {"$in": [0, None]},
            },
            {"$set": {"present": after, "presence_version": version + 1}},
            session=session,
        )
        if result.modified_count:  # another replica's round did not record it first
            for event in events:
                await live.service.outbox.add(session, room["tenant"], event)

    await live.service.transaction(write)
    log.info(
        "live room presence changed",
        extra={"tenant": room["tenant"], "room": room["_id"], "present": len(after)},
    )


def everyone_leaves(room: RoomDoc, now: datetime) -> tuple[dict[str, Any], list[Any]]:
    """At the room's closing: the fields to set and the events of everyone still listed."""
    before = room.get("present") or {}
    events = [_left(room, feed, was, now) for feed, was in sorted(before.items())]
    return {"present": {}, "presence_version": room.get("presence_version", 0) + 1}, events
