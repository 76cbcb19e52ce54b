"""The live database: rooms (one per booking), the panel's notes, their indexes and typed
documents."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Annotated, Any, Literal, NotRequired, TypedDict

from fastapi import Depends, Request
from pymongo import ASCENDING
from pymongo.asynchronous.collection import AsyncCollection
from pymongo.asynchronous.database import AsyncDatabase

from services.chassis.service import Service
from services.live.janus import Janus
from services.live.settings import LiveSettings

# scheduled: waiting for its opening time; open: a VideoRoom on Janus; closing: cancelled or
# over while open, its VideoRoom still to destroy; closed: done for good.
RoomStatus = Literal["scheduled", "open", "closing", "closed"]
# A recorded room's recording: waiting for the room to close (None), to be composed, being
# composed (under a lease), stored, nothing to store, given up, or erased with the candidate.
RecordingState = Literal["pending", "composing", "stored", "empty", "failed", "erased"]
# Where the candidate is: not come yet, in the lobby, let in by an interviewer.
LobbyState = Literal["away", "waiting", "admitted"]


class MemberDoc(TypedDict):
    interviewer_id: str
    name: str
    user_id: str | None


class ConsentDoc(TypedDict):
    notice_version: str
    at: datetime


class PresentDoc(TypedDict):
    display: str
    since: datetime


class RoomDoc(TypedDict):
    _id: str  # the booking id
    tenant: str
    request_id: str
    interview_type_id: str
    janus_room: int
    janus_secret: str
    start: datetime
    end: datetime
    opens_at: datetime
    closes_at: datetime
    status: RoomStatus
    panel: list[MemberDoc]
    lobby: LobbyState
    lobby_since: datetime | None
    opened_at: datetime | None
    closed_at: datetime | None
    closed_reason: str | None
    updated_at: datetime
    janus_node: NotRequired[str]  # the Janus node's URL, once open
    # Who was in the call at the last round (by Janus feed id), and a counter of its changes.
    present: NotRequired[dict[str, PresentDoc]]
    presence_version: NotRequired[int]
    # Rooms booked before recordings existed have none of these.
    invitation_id: NotRequired[str]
    recording: NotRequired[bool]
    recording_consent: NotRequired[ConsentDoc | None]
    recording_state: NotRequired[RecordingState | None]
    recording_id: NotRequired[str]
    recording_key: NotRequired[str | None]
    recording_attempts: NotRequired[int]
    recording_lease: NotRequired[datetime]


class NoteDoc(TypedDict):
    _id: str
    tenant: str
    booking_id: str
    request_id: str
    invitation_id: str
    interviewer_id: str
    user_id: str  # the author's account: only they read the note back in the room
    author: str
    text: str
    at: datetime  # the moment of the call it is pinned to
    created_at: datetime


async def ensure_indexes(db: AsyncDatabase[Any]) -> None:
    """API queries name the tenant with the booking or the request; the job (across tenants by
    design) reads by status and time; Janus room numbers are unique."""
    await db.rooms.create_index([("tenant", ASCENDING), ("request_id", ASCENDING)])
    await db.rooms.create_index([("status", ASCENDING), ("opens_at", ASCENDING)])
    await db.rooms.create_index([("status", ASCENDING), ("closes_at", ASCENDING)])
    await db.rooms.create_index("janus_room", unique=True)
    await db.rooms.create_index([("tenant", ASCENDING), ("invitation_id", ASCENDING)])
    await db.rooms.create_index([("recording_state", ASCENDING), ("closed_at", ASCENDING)])
    await db.rooms.create_index([("status", ASCENDING), ("janus_node", ASCENDING)])
    await db.notes.create_index(
        [("tenant", ASCENDING), ("booking_id", ASCENDING), ("user_id", ASCENDING), ("at", 1)]
    )
    await db.notes.create_index([("tenant", ASCENDING), ("invitation_id", ASCENDING)])


Clock = Callable[[], datetime]


@dataclass
class Live:
    """What the live service's handlers share: the service, its settings, Janus and the clock."""

    service: Service
    settings: LiveSettings
    nodes: dict[str, Janus]  # by the node's URL (the service's), in the configured order
    clock: Clock
    down: set[str] = field(default_factory=set)  # nodes that did not answer at the last round

    @property
    def rooms(self) -> AsyncCollection[dict[str, Any]]:
        return self.service.db.rooms

    @property
    def notes(self) -> AsyncCollection[dict[str, Any]]:
        return self.service.db.notes

    def janus(self, room: RoomDoc) -> Janus:
        """The node the room is on (rooms from before several nodes: the first)."""
        node = room.get("janus_node")
        return self.nodes[node] if node in self.nodes else next(iter(self.nodes.values()))

    def node_of(self, room: RoomDoc) -> str:
        node = room.get("janus_node")
        return node if node in self.nodes else next(iter(self.nodes))

    def now(self) -> datetime:
        return self.clock()


def _live(request: Request) -> Live:
    live: Live = request.app.state.live
    return live


Ctx = Annotated[Live, Depends(_live)]
