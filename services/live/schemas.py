"""HTTP response models of the live service (its operations take no bodies)."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from services.live.store import LobbyState, RoomStatus


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


class CandidateRoom(BaseModel):
    """The candidate's room: when it opens, who will be there, where they are in the lobby."""

    status: RoomStatus
    start: datetime
    end: datetime
    opens_at: datetime
    closes_at: datetime
    interviewers: list[str] = Field(description="The names of the panel.")
    lobby: LobbyState


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
