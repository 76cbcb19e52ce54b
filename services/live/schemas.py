"""HTTP request and response models of the live service."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from services.chassis.paging import Page
from services.live.store import LobbyState, RecordingState, RoomStatus


class Member(BaseModel):
    interviewer_id: str
    name: str


class Room(BaseModel):
    """A booking's room as the panel sees it."""

    booking_id: str
    request_id: str
    interview_type_id: str = Field(description="Its guide and rubric: GET /interview-types/{id}.")
    me: str | None = Field(description="The caller's interviewer id, when on the panel.")
    status: RoomStatus
    start: datetime
    end: datetime
    opens_at: datetime
    closes_at: datetime
    panel: list[Member]
    lobby: LobbyState = Field(description="Whether the candidate is away, waiting or admitted.")
    lobby_since: datetime | None
    recording: bool = Field(default=False, description="The call is recorded.")
    recording_state: RecordingState | None = Field(
        default=None,
        description="After the close: `pending`/`composing`, then `stored` (it goes to "
        "transcoding and the review workspace), `empty`, `failed` or `erased`.",
    )


class RecordingNotice(BaseModel):
    version: str
    text: str


class CandidateRoom(BaseModel):
    """The candidate's room: when it opens, who will be there, where they are in the lobby."""

    status: RoomStatus
    start: datetime
    end: datetime
    opens_at: datetime
    closes_at: datetime
    interviewers: list[str] = Field(description="The names of the panel.")
    lobby: LobbyState
    recording: bool = Field(default=False, description="The call is recorded.")
    recording_notice: RecordingNotice | None = Field(
        default=None, description="What the candidate reads before consenting to the recording."
    )
    recording_consented: bool = False


class RecordingConsentIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    notice_version: str = Field(
        min_length=1,
        max_length=40,
        pattern=r"^[0-9A-Za-z._-]+$",
        description="The version of the notice the candidate read.",
    )


class IceServer(BaseModel):
    """An `RTCIceServer`: a TURN relay and credentials that expire with the room token."""

    urls: list[str]
    username: str
    credential: str


class Join(BaseModel):
    """How to enter the room on Janus: its HTTP API, the VideoRoom room and a token of one's own
    (for Janus's `token` on every request and the VideoRoom `join`)."""

    janus_url: str
    room: int
    token: str
    expires_at: datetime
    display: str
    role: Literal["candidate", "interviewer"]
    ice_servers: list[IceServer] = Field(
        default=[], description="TURN relays for `RTCPeerConnection` (`iceServers`)."
    )
    ice_transport_policy: Literal["all", "relay"] = Field(
        default="all", description="`relay`: connect through the TURN relays only."
    )


class CallReport(BaseModel):
    """What a participant's browser measured of the media it receives since its last report."""

    first_frame_seconds: float | None = Field(
        default=None,
        ge=0,
        le=600,
        description="From entering the room to the first remote video frame (the first report).",
    )
    loss_ratio: float = Field(ge=0, le=1, description="Packets lost / packets sent to it.")
    kbps: float = Field(ge=0, le=100_000, description="Bitrate received, kbit/s.")


class NoteIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=4000, pattern=r"\S")
    at: AwareDatetime | None = Field(
        default=None,
        description="The moment of the call the note is pinned to (default: now); between the "
        "room's opening and now.",
    )


class Note(BaseModel):
    """A private note of the caller's, pinned to a moment of the call."""

    id: str
    booking_id: str
    text: str
    at: datetime
    created_at: datetime


class NotePage(Page[Note]):
    """A page of the caller's notes of one call, by their moment."""
