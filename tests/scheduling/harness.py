"""The scheduling service in-process on the real servers, with a clock the tests move, and helpers
to act as staff or as a candidate, publish events and read the mail the SMTP server received."""

from __future__ import annotations

import email
import email.policy
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import httpx
from faststream.kafka import KafkaBroker

from contracts import Envelope, Payload, event_spec
from contracts.events.reviews import CandidateAdvanced
from services.chassis.identity import Identity, encode
from services.chassis.service import Service
from tests.support import INTERNAL_SECRET, unique

# A Monday, far enough ahead that real time never reaches it.
T0 = datetime(2031, 3, 3, 0, 0, tzinfo=UTC)
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday"]


@dataclass
class Clock:
    now: datetime = T0

    def __call__(self) -> datetime:
        return self.now


@dataclass
class Harness:
    url: str
    service: Service
    clock: Clock
    maildir: Path
    broker: KafkaBroker
    http: httpx.AsyncClient = field(default_factory=lambda: httpx.AsyncClient(timeout=30))

    def staff(
        self, tenant: str, roles: tuple[str, ...] = ("recruiter",), **kw: Any
    ) -> dict[str, str]:
        identity = Identity(
            tenant=tenant, principal=kw.get("principal", "rec-1"), kind="user", roles=roles
        )
        return {"x-identity": encode(identity, INTERNAL_SECRET)}

    def candidate(self, tenant: str, request_id: str) -> dict[str, str]:
        identity = Identity(
            tenant=tenant, principal=request_id, kind="candidate", scopes=("scheduling",)
        )
        return {"x-identity": encode(identity, INTERNAL_SECRET)}

    async def call(
        self, method: str, path: str, headers: dict[str, str], **kw: Any
    ) -> httpx.Response:
        return await self.http.request(method, f"{self.url}{path}", headers=headers, **kw)

    async def interviewer(self, tenant: str, zone: str = "Europe/London", **changes: Any) -> str:
        body = {
            "name": unique("Grace"),
            "email": f"{unique('grace')}@example.com",
            "time_zone": zone,
            "weekly": {d: [{"start": "09:00", "end": "17:00"}] for d in WEEKDAYS},
        } | changes
        response = await self.call("POST", "/interviewers", self.staff(tenant), json=body)
        assert response.status_code == 201, response.text
        return str(response.json()["interviewer_id"])

    async def interview_type(
        self, tenant: str, interviewer_ids: list[str], **changes: Any
    ) -> dict[str, Any]:
        body = {
            "position_id": unique("pos"),
            "name": "Technical interview",
            "duration_minutes": 60,
            "interviewer_ids": interviewer_ids,
            "min_notice_minutes": 1440,
            "booking_window_days": 14,
        } | changes
        response = await self.call("POST", "/interview-types", self.staff(tenant), json=body)
        assert response.status_code == 201, response.text
        return dict(response.json())

    async def request(self, tenant: str, type_id: str, **changes: Any) -> dict[str, Any]:
        body = {
            "invitation_id": unique("inv"),
            "interview_type_id": type_id,
            "candidate_name": "Ada Lovelace",
            "candidate_email": f"{unique('ada')}@example.com",
        } | changes
        response = await self.call("POST", "/interview-requests", self.staff(tenant), json=body)
        assert response.status_code == 201, response.text
        return dict(response.json())

    async def publish(self, tenant: str, payload: Payload, event_id: str | None = None) -> None:
        spec = event_spec(type(payload))
        envelope = Envelope(
            type=spec.type,
            source="/tests",
            tenant=tenant,
            subject=str(getattr(payload, spec.key)),
            schemaversion=spec.version,
            id=event_id or new_id(),
        )
        await self.broker.publish(
            payload.model_dump_json().encode(),
            spec.topic,
            key=envelope.subject.encode(),
            headers=envelope.headers(),
        )

    def mails(self, to: str) -> list[EmailMessage]:
        return mails(self.maildir, to)

    async def slots(self, tenant: str, request_id: str, zone: str = "UTC") -> list[dict[str, Any]]:
        response = await self.call(
            "GET",
            "/candidate/scheduling/slots",
            self.candidate(tenant, request_id),
            params={"time_zone": zone},
        )
        assert response.status_code == 200, response.text
        return list(response.json()["slots"])

    async def outbox(self, request_id: str, event_type: str) -> list[dict[str, Any]]:
        return await self.service.db.outbox.find({"key": request_id, "type": event_type}).to_list()

    def later(self, **delta: float) -> None:
        self.clock.now += timedelta(**delta)


def rubric(*criteria: str, scale: tuple[int, int] = (1, 5)) -> dict[str, Any]:
    """A rubric body with these criterion ids, an anchor for every point of the scale."""
    low, high = scale
    return {
        "scale_min": low,
        "scale_max": high,
        "criteria": [
            {
                "id": c,
                "name": c.replace("_", " ").capitalize(),
                "anchors": {str(p): f"{c} at {p}" for p in range(low, high + 1)},
            }
            for c in criteria
        ],
    }


def scores(recommendation: str = "yes", **by_criterion: int) -> dict[str, Any]:
    """A feedback body (without the interviewer) scoring each criterion as given."""
    return {
        "scores": [{"criterion_id": c, "score": s} for c, s in by_criterion.items()],
        "recommendation": recommendation,
    }


def mails(maildir: Path, to: str) -> list[EmailMessage]:
    """The messages the SMTP server received for `to`, oldest first."""
    found = []
    for path in sorted(maildir.glob("*.eml")):
        message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        assert isinstance(message, EmailMessage)
        if message["To"] == to:
            found.append(message)
    return found


def new_id() -> str:
    return str(uuid.uuid4())


def calendar_part(message: EmailMessage) -> bytes:
    for part in message.walk():
        if part.get_content_type() == "text/calendar":
            payload = part.get_payload(decode=True)
            assert isinstance(payload, bytes)
            return payload
    raise AssertionError("no text/calendar part")


def plain_text(message: EmailMessage) -> str:
    body = message.get_body(("plain",))
    assert body is not None
    return str(body.get_content())


def advanced(position_id: str, email: str) -> CandidateAdvanced:
    """The screen's decision for a candidate, as the review service emits it."""
    return CandidateAdvanced(
        invitation_id=new_id(),
        position_id=position_id,
        candidate_name="Ada Lovelace",
        candidate_email=email,
        decided_by="rev-1",
        decided_at=datetime.now(UTC),
    )
