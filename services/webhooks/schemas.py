"""HTTP request and response models of the webhooks service."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, EmailStr, Field

from contracts.webhooks import WEBHOOK_EVENTS
from services.chassis.paging import Page

EventType = Literal[tuple(WEBHOOK_EVENTS)]  # type: ignore[valid-type]


class EndpointIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    url: str = Field(
        min_length=8,
        max_length=2000,
        pattern=r"^https?://[^\s]+$",
        examples=["https://ats.example.com/hooks/hireloop"],
    )
    event_types: list[EventType] = Field(  # type: ignore[valid-type]
        min_length=1, max_length=len(WEBHOOK_EVENTS), description="The public event types wanted."
    )
    description: str = Field(default="", max_length=500)
    enabled: bool = True


class EndpointUpdate(BaseModel):
    """Fields to change; absent fields stay as they are. Enabling clears a disablement."""

    model_config = ConfigDict(extra="forbid")

    url: str | None = Field(
        default=None, min_length=8, max_length=2000, pattern=r"^https?://[^\s]+$"
    )
    event_types: list[EventType] | None = Field(  # type: ignore[valid-type]
        default=None, min_length=1, max_length=len(WEBHOOK_EVENTS)
    )
    description: str | None = Field(default=None, max_length=500)
    enabled: bool | None = None


class EndpointOut(BaseModel):
    id: str
    url: str
    event_types: list[str]
    description: str
    enabled: bool
    disabled_reason: str | None = None
    failing_since: datetime | None = None
    created_at: datetime
    # Rotated-out secrets still signing, until when (the secrets themselves are shown once).
    previous_secret_expires_at: list[datetime] = []


class EndpointPage(Page[EndpointOut]):
    """A page of the tenant's webhook endpoints, newest first."""


class EndpointCreated(EndpointOut):
    secret: str = Field(description="The signing secret (`whsec_...`): shown only now.")


class SecretRotated(BaseModel):
    secret: str = Field(description="The new signing secret (`whsec_...`): shown only now.")
    previous_expires_at: datetime = Field(
        description="Until then requests are signed with the old secret too."
    )


class EventTypeOut(BaseModel):
    type: str
    version: int
    description: str
    data_schema: dict[str, object]


class DeliveryOut(BaseModel):
    id: str
    endpoint_id: str
    webhook_id: str
    event_id: str
    event_type: str
    status: Literal["waiting", "pending", "delivered", "failed"]
    attempts: int
    next_attempt_at: datetime | None
    created_at: datetime
    delivered_at: datetime | None = None
    last_status: int | None = None
    last_error: str | None = None


class AttemptOut(BaseModel):
    at: datetime
    status_code: int | None
    latency_ms: float
    response: str = Field(description="The start of the response body.")
    error: str | None
    replay: bool
    next_attempt_at: datetime | None = Field(
        default=None,
        description="When this failed attempt scheduled the next one, by the backoff policy "
        "(null after a success or the last attempt).",
    )


class DeliveryLog(DeliveryOut):
    log: list[AttemptOut]


class ReplayIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    since: datetime = Field(description="Replay every delivery created at or after this instant.")


class ReplayOut(BaseModel):
    replayed: int


class ContactsIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    emails: list[EmailStr] = Field(max_length=20)


class ContactsOut(BaseModel):
    emails: list[str]


class DeliveryPage(Page[DeliveryOut]):
    """A page of an endpoint's deliveries, newest first."""
