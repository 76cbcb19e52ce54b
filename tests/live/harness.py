"""The live service in-process on the test stack with a clock the tests move, and a real Janus in
a network namespace the fixture makes (and removes); helpers to publish the scheduling events and
to call the service as an interviewer, another staff member or the candidate."""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from faststream.kafka import KafkaBroker

from contracts import Envelope, Payload, event_spec
from contracts.events.interviews import InterviewScheduled, PanelMember
from contracts.events.privacy import CandidateErasureRequested
from embedded.coturn import Coturn
from embedded.janus import Janus as JanusProcess
from services.chassis.identity import Identity, encode
from services.chassis.service import Service
from services.live.store import RoomDoc
from tests.live.netns import Namespace
from tests.support import INTERNAL_SECRET, eventually, unique

# Far enough ahead that real time never reaches it (Janus compares token expiries with real time).
T0 = datetime(2031, 3, 3, 9, 0, tzinfo=UTC)
TOKEN_SECRET = "test-janus-token-secret-" + secrets.token_hex(8)
ADMIN_KEY = "test-janus-admin-key-" + secrets.token_hex(8)
TURN_SECRET = "test-turn-secret-" + secrets.token_hex(8)


@dataclass
class Clock:
    now: datetime = T0

    def __call__(self) -> datetime:
        return self.now


@dataclass
class Booking:
    tenant: str
    request_id: str
    booking_id: str
    start: datetime
    end: datetime
    interviewer_ids: list[str]
    user_ids: list[str]
    invitation_id: str = ""


@dataclass
class Harness:
    url: str
    service: Service
    clock: Clock
    broker: KafkaBroker
    ns: Namespace
    janus: JanusProcess
    coturn: Coturn
    http: httpx.AsyncClient = field(default_factory=lambda: httpx.AsyncClient(timeout=30))

    @staticmethod
    def staff(tenant: str, user: str, roles: tuple[str, ...] = ("interviewer",)) -> dict[str, str]:
        identity = Identity(tenant=tenant, principal=user, kind="user", roles=roles)
        return {"x-identity": encode(identity, INTERNAL_SECRET)}

    @staticmethod
    def candidate(tenant: str, request_id: str) -> dict[str, str]:
        identity = Identity(
            tenant=tenant, principal=request_id, kind="candidate", scopes=("scheduling",)
        )
        return {"x-identity": encode(identity, INTERNAL_SECRET)}

    async def call(
        self, method: str, path: str, headers: dict[str, str], **kw: Any
    ) -> httpx.Response:
        return await self.http.request(method, f"{self.url}{path}", headers=headers, **kw)

    async def publish(self, tenant: str, payload: Payload) -> None:
        spec = event_spec(type(payload))
        envelope = Envelope(
            type=spec.type,
            source="/tests",
            tenant=tenant,
            subject=str(getattr(payload, spec.key)),
            schemaversion=spec.version,
            id=str(uuid.uuid4()),
        )
        await self.broker.publish(
            payload.model_dump_json().encode(),
            spec.topic,
            key=envelope.subject.encode(),
            headers=envelope.headers(),
        )

    async def room(self, booking: Booking) -> RoomDoc | None:
        doc = await self.service.db.rooms.find_one(
            {"_id": booking.booking_id, "tenant": booking.tenant}
        )
        return doc  # type: ignore[return-value]

    async def until(self, booking: Booking, what: str, **fields: Any) -> RoomDoc:
        async def matches() -> RoomDoc | None:
            doc = await self.room(booking)
            return doc if doc and all(doc.get(k) == v for k, v in fields.items()) else None

        return await eventually(matches, what=what)

    async def events(self, booking: Booking, event_type: str) -> list[dict[str, Any]]:
        """The events the service wrote to its outbox for the booking's request."""
        found: list[dict[str, Any]] = await self.service.db.outbox.find(
            {"key": booking.request_id, "type": event_type}
        ).to_list()
        return found

    async def erase(self, booking: Booking) -> None:
        """Publish the erasure of the booking's candidate."""
        await self.publish(
            booking.tenant,
            CandidateErasureRequested(
                erasure_id=str(uuid.uuid4()),
                candidate_email="someone@example.org",
                invitation_ids=[booking.invitation_id],
                requested_by="test",
                requested_at=self.clock.now,
            ),
        )

    async def sweep(self) -> int:
        changed: int = await self.service.app.state.jobs["rooms"].run_once()
        return changed

    async def book(
        self,
        start: datetime,
        *,
        panel: int = 1,
        tenant: str | None = None,
        recording: bool = False,
    ) -> Booking:
        """Publish interview.scheduled for a new booking and wait for its room."""
        booking = Booking(
            tenant=tenant or unique("t"),
            request_id=str(uuid.uuid4()),
            booking_id=str(uuid.uuid4()),
            start=start,
            end=start + timedelta(minutes=45),
            interviewer_ids=[unique("iv") for _ in range(panel)],
            user_ids=[unique("user") for _ in range(panel)],
            invitation_id=str(uuid.uuid4()),
        )
        await self.publish(
            booking.tenant,
            InterviewScheduled(
                request_id=booking.request_id,
                booking_id=booking.booking_id,
                invitation_id=booking.invitation_id,
                position_id=str(uuid.uuid4()),
                interview_type_id="type-1",
                start=booking.start,
                end=booking.end,
                interviewer_ids=booking.interviewer_ids,
                panel=[
                    PanelMember(interviewer_id=i, name=f"Grace {n}", user_id=u)
                    for n, (i, u) in enumerate(
                        zip(booking.interviewer_ids, booking.user_ids, strict=True)
                    )
                ],
                recording=recording,
                scheduled_by="candidate",
                scheduled_at=self.clock.now,
            ),
        )
        await self.until(booking, "the room of the booking", status="scheduled")
        return booking
