"""Live-room events of the live service, on the interviews stream and keyed by the scheduling
request id, so they stay in order with the request's scheduling events. Every instant is UTC."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from contracts.events.base import EventSpec, Payload


class RoomOpened(Payload):
    """The booking's room exists on the media server: its panel and candidate may enter."""

    request_id: str
    booking_id: str
    start: datetime
    end: datetime
    closes_at: datetime
    opened_at: datetime


class RoomClosed(Payload):
    """The room is gone from the media server: over (its end and the grace passed), cancelled, or
    moved (it opens again at the booking's new time)."""

    request_id: str
    booking_id: str
    reason: Literal["over", "cancelled", "moved"]
    closed_at: datetime


class RoomParticipantJoined(Payload):
    """Someone entered the room's call: a feed appeared on the media server. `role` is read from
    the name the live service gave the participant's token (`Candidate`, a panel member's name,
    or that name with ` (screen)` for a shared screen)."""

    request_id: str
    booking_id: str
    participant_id: str  # the media server's id of the feed
    display: str
    role: Literal["candidate", "interviewer", "screen", "unknown"]
    interviewer_id: str | None = None
    joined_at: datetime


class RoomParticipantLeft(Payload):
    """Someone's feed left the room's call (they left, their connection was lost, or the room
    closed); `seconds` is how long it was there."""

    request_id: str
    booking_id: str
    participant_id: str
    display: str
    role: Literal["candidate", "interviewer", "screen", "unknown"]
    interviewer_id: str | None = None
    left_at: datetime
    seconds: float


class RoomNotePinned(Payload):
    """An interviewer pinned a private note to a moment of the call (`at`); the review workspace
    shows it at that moment of the recording, under the interview stage."""

    request_id: str
    booking_id: str
    invitation_id: str
    note_id: str
    interviewer_id: str
    author: str
    text: str
    at: datetime


class RoomRecordingStored(Payload):
    """A recorded room's call is one playable file in object storage (every participant's video
    side by side, their voices mixed), for the transcoding pipeline; the recording's id names
    its transcode."""

    request_id: str
    booking_id: str
    invitation_id: str
    recording_id: str
    object_key: str
    size_bytes: int
    duration_seconds: float
    participants: int
    started_at: datetime
    stored_at: datetime


def _spec(type_: str, model: type[Payload], description: str) -> EventSpec:
    return EventSpec(
        type_, "interviews", model, key="request_id", description=description, producer="live"
    )


SPECS: list[EventSpec] = [
    _spec("room.opened", RoomOpened, "A booking's live room opened on the media server."),
    _spec("room.closed", RoomClosed, "A booking's live room closed (over, cancelled or moved)."),
    _spec(
        "room.participant_joined",
        RoomParticipantJoined,
        "Someone entered a live room's call (a feed appeared on the media server).",
    ),
    _spec(
        "room.participant_left",
        RoomParticipantLeft,
        "Someone's feed left a live room's call (left, lost, or the room closed).",
    ),
    _spec(
        "room.note_pinned",
        RoomNotePinned,
        "An interviewer pinned a note to a moment of a live call.",
    ),
    _spec(
        "room.recording_stored",
        RoomRecordingStored,
        "A recorded room's call was stored as one file, for transcoding.",
    ),
]
