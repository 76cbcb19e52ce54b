"""Greenhouse's Assessment Partner API, hosted by Hireloop, so that a Greenhouse customer adds a
Hireloop screen as an interview stage of a job: Greenhouse lists the tests (the tenant's
positions), sends a test (an invitation, mailed by Hireloop as usual), and reads its status (the
candidate's progress and the reviewers' decision, with a link to the review).

Greenhouse authenticates with HTTP Basic, the API key as the user name and an empty password: the
tenant creates an API key with the scope `greenhouse:partner` and gives it to Greenhouse, so every
call is scoped to that tenant like any other. A test sent twice for the same candidate (Greenhouse
retries) answers the same `partner_interview_id`. When a candidate finishes or is decided on,
Hireloop PATCHes the callback URL Greenhouse sent with the test, so Greenhouse reads the status
at once instead of at its next hourly poll; callbacks are retried with backoff by `Callbacks`,
and only to hosts the installation allows (`greenhouse_callback_hosts`)."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

import httpx
from fastapi import Query, Request
from prometheus_client import Counter
from pydantic import BaseModel, ConfigDict, Field

from contracts.events.invitations import InvitationCompleted
from contracts.events.reviews import CandidateDecided
from services.chassis.api import ID_PATTERN, Api, staff
from services.chassis.bus import Delivery
from services.chassis.errors import ProblemError
from services.chassis.identity import Staff
from services.chassis.service import Service
from services.invite.invitations import _creator
from services.invite.schemas import InvitationIn
from services.invite.settings import InviteSettings

log = logging.getLogger(__name__)
api = Api("invite", tags=["greenhouse"])
PARTNER = staff("greenhouse:partner")
CALLBACKS = Counter(
    "greenhouse_callbacks_total",
    "PATCH callbacks to Greenhouse, by outcome (sent, retried, abandoned).",
    ["service", "outcome"],
)
MAX_CALLBACK_ATTEMPTS = 12  # 30 s doubling: the last one about a day after the first
AUTH = (
    "Greenhouse sends the API key (scope `greenhouse:partner`) as the HTTP Basic user name with "
    "an empty password."
)

InterviewId = Annotated[str, Field(pattern=ID_PATTERN, max_length=128)]


class PartnerTest(BaseModel):
    partner_test_id: str
    partner_test_name: str


class GreenhouseCandidate(BaseModel):
    model_config = ConfigDict(extra="ignore")  # Greenhouse may add fields

    first_name: str = Field(default="", max_length=200)
    last_name: str = Field(default="", max_length=200)
    email: str = Field(min_length=3, max_length=320)
    phone_number: str | None = Field(default=None, max_length=100)
    resume_url: str | None = Field(default=None, max_length=4000)
    greenhouse_profile_url: str | None = Field(default=None, max_length=4000)


class SendTestIn(BaseModel):
    model_config = ConfigDict(extra="ignore")

    partner_test_id: InterviewId
    candidate: GreenhouseCandidate
    url: str | None = Field(
        default=None,
        max_length=4000,
        description="Greenhouse's callback: PATCHed when the candidate finishes or is decided on.",
    )


class SendTestOut(BaseModel):
    partner_interview_id: str


class TestStatusOut(BaseModel):
    partner_status: Literal["complete", "incomplete"]
    partner_profile_url: str | None = None
    metadata: dict[str, str] = Field(default_factory=dict)


class ResponseErrorIn(BaseModel):
    model_config = ConfigDict(extra="ignore")

    partner_interview_id: InterviewId | None = None
    errors: list[Any] = Field(default_factory=list, max_length=100)
    message: str | None = Field(default=None, max_length=4000)


def _service(request: Request) -> Service:
    service: Service = request.app.state.service
    return service


@api.get(
    "/partners/greenhouse/list_tests",
    PARTNER,
    summary="Greenhouse: the tests this tenant offers (its open positions)",
    description=AUTH,
    response_model=list[PartnerTest],
)
async def list_tests(request: Request, identity: Staff) -> list[PartnerTest]:
    positions = _service(request).db.positions.find(
        {"tenant": identity.tenant, "closed_at": None}, {"title": 1}
    )
    return [
        PartnerTest(partner_test_id=p["_id"], partner_test_name=p["title"])
        async for p in positions.sort("created_at", 1)
    ]


@api.post(
    "/partners/greenhouse/send_test",
    PARTNER,
    summary="Greenhouse: send a test (invite the candidate to the position's screen)",
    description=AUTH + " Sending the same test to the same candidate again answers the same id.",
    response_model=SendTestOut,
    errors={
        404: "`position_not_found`: no such test (position) in this tenant.",
        409: "`position_closed`: the position is closed to new invitations.",
        422: "`invalid_request`: the body does not match the schema, the e-mail is invalid; "
        "`callback_not_allowed`: the callback URL is not an allowed Greenhouse host.",
    },
)
async def send_test(body: SendTestIn, request: Request, identity: Staff) -> SendTestOut:
    service = _service(request)
    if body.url is not None:
        _check_callback(service, body.url)
    name = f"{body.candidate.first_name} {body.candidate.last_name}".strip() or "Candidate"
    try:
        invitation = InvitationIn(name=name[:200], email=body.candidate.email)
    except ValueError as exc:
        raise ProblemError(422, "invalid_request", "The candidate's e-mail is invalid.") from exc
    creator = await _creator(request, identity, body.partner_test_id)
    [row], _ = await creator.create([invitation])
    if row.status == "invalid":
        raise ProblemError(422, "invalid_request", row.reason or "The candidate is invalid.")
    doc = await service.db.invitations.find_one(
        {
            "tenant": identity.tenant,
            "position_id": body.partner_test_id,
            "email_key": str(invitation.email).lower(),
        },
        {"_id": 1},
    )
    if doc is None:  # pragma: no cover - created or duplicate above
        raise ProblemError(409, "conflict", "The invitation is not readable yet; retry.")
    await service.db.greenhouse_tests.update_one(
        {"_id": doc["_id"], "tenant": identity.tenant},
        {
            "$set": {"callback_url": body.url, "position_id": body.partner_test_id},
            "$setOnInsert": {"created_at": datetime.now(UTC), "callback": None},
        },
        upsert=True,
    )
    return SendTestOut(partner_interview_id=doc["_id"])


@api.get(
    "/partners/greenhouse/test_status",
    PARTNER,
    summary="Greenhouse: a sent test's status (complete once the candidate finished)",
    description=AUTH,
    response_model=TestStatusOut,
    errors={404: "`test_not_found`: no test with this id was sent in this tenant."},
)
async def test_status(
    request: Request,
    identity: Staff,
    partner_interview_id: Annotated[str, Query(pattern=ID_PATTERN, max_length=128)],
) -> TestStatusOut:
    service = _service(request)
    sent = await service.db.greenhouse_tests.find_one(
        {"_id": partner_interview_id, "tenant": identity.tenant}
    )
    invitation = await service.db.invitations.find_one(
        {"_id": partner_interview_id, "tenant": identity.tenant}
    )
    if sent is None or invitation is None:
        raise ProblemError(404, "test_not_found", "No test with this id was sent.")
    decision = invitation.get("decision") or {}
    finished = invitation["state"] == "completed" or bool(decision)
    metadata = {"State": invitation["state"]}
    if decision:
        metadata["Decision"] = decision["outcome"]
        metadata["Decided at"] = decision["decided_at"].isoformat()
    public = service.settings.public_url.rstrip("/")
    return TestStatusOut(
        partner_status="complete" if finished else "incomplete",
        partner_profile_url=f"{public}/review#/submissions/{partner_interview_id}",
        metadata=metadata,
    )


@api.post(
    "/partners/greenhouse/response_error",
    PARTNER,
    summary="Greenhouse: it could not read one of our answers (logged for the operators)",
    description=AUTH,
    response_model=dict[str, bool],
)
async def response_error(
    body: ResponseErrorIn, request: Request, identity: Staff
) -> dict[str, bool]:
    log.warning(
        "greenhouse reported an error",
        extra={
            "tenant": identity.tenant,
            "partner_interview_id": body.partner_interview_id,
            "greenhouse_errors": str(body.errors)[:2000],
            "greenhouse_message": (body.message or "")[:2000],
        },
    )
    return {"received": True}


def _check_callback(service: Service, url: str) -> None:
    parts = urlsplit(url)
    settings = service.settings_as(InviteSettings)
    allowed = settings.greenhouse_callback_hosts
    host = (parts.hostname or "").lower()
    plain_http_ok = settings.greenhouse_callback_http
    scheme_ok = parts.scheme == "https" or (parts.scheme == "http" and plain_http_ok)
    host_ok = any(host == h or host.endswith("." + h) for h in allowed)
    if not (scheme_ok and host_ok):
        raise ProblemError(
            422,
            "callback_not_allowed",
            f"The callback must be https on {', '.join(allowed)}.",
        )


# --- callbacks ------------------------------------------------------------------------------


def finished(service: Service) -> Callable[[Delivery[Any]], Awaitable[None]]:
    """Part of the handler of `invitation.completed` and of the decisions: a test Greenhouse sent
    is due for a callback (in the consumer's transaction, so each event marks it once)."""

    async def handle(delivery: Delivery[InvitationCompleted | CandidateDecided]) -> None:
        await service.db.greenhouse_tests.update_one(
            {
                "_id": delivery.payload.invitation_id,
                "tenant": delivery.tenant,
                "callback_url": {"$ne": None},
            },
            {"$set": {"callback": {"due_at": delivery.envelope.time, "attempts": 0}}},
            session=delivery.session,
        )

    return handle


class Callbacks:
    """PATCHes the due callbacks; a failure is retried at 30 s doubling, then abandoned."""

    def __init__(self, service: Service, clock: Callable[[], datetime]) -> None:
        self.service = service
        self.clock = clock
        self.client = httpx.AsyncClient(timeout=10.0, follow_redirects=False)

    async def close(self) -> None:
        await self.client.aclose()

    async def run_once(self) -> int:
        now = self.clock()
        sent = 0
        tests = self.service.db.greenhouse_tests
        async for doc in tests.find({"callback.due_at": {"$lte": now}}).limit(200):
            attempts = doc["callback"]["attempts"] + 1
            try:
                _check_callback(self.service, doc["callback_url"])
                answer = await self.client.patch(doc["callback_url"])
                ok = answer.is_success
            except (httpx.HTTPError, ProblemError) as exc:
                log.info("greenhouse callback failed", extra={"error": str(exc)})
                ok = False
            if ok:
                CALLBACKS.labels(self.service.name, "sent").inc()
                update: dict[str, Any] = {"callback": None, "called_back_at": now}
                sent += 1
            elif attempts >= MAX_CALLBACK_ATTEMPTS:
                CALLBACKS.labels(self.service.name, "abandoned").inc()
                update = {"callback": None, "callback_abandoned_at": now}
            else:
                CALLBACKS.labels(self.service.name, "retried").inc()
                wait = timedelta(seconds=30 * 2 ** (attempts - 1))
                update = {"callback": {"due_at": now + wait, "attempts": attempts}}
            await tests.update_one(
                {"_id": doc["_id"], "tenant": doc["tenant"], "callback": doc["callback"]},
                {"$set": update},
            )
        return sent
