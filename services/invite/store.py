"""The invite service's storage: its collections' indexes and the typed documents of its
aggregates (question set versions, positions, invitations)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, NotRequired, TypedDict

from pymongo.asynchronous.database import AsyncDatabase


class QuestionSetVersionDoc(TypedDict):
    """One version of a question set; edits add versions, invitations pin one."""

    _id: str
    tenant: str
    set_id: str
    version: int
    name: str
    questions: list[dict[str, Any]]
    captions: NotRequired[dict[str, str]]
    created_at: datetime
    created_by: str


class PositionDoc(TypedDict):
    _id: str
    tenant: str
    title: str
    question_set_id: str
    question_set_version: int
    deadline_days: int
    reminder_hours: list[int]
    reviewer_ids: list[str]
    reviewers_per_candidate: int | None
    blind_review: bool
    language: NotRequired[str]  # ISO 639-1; positions created before it default to "en"
    created_at: datetime
    created_by: str
    closed_at: NotRequired[datetime | None]  # no more invitations; the retention period runs
    retention_erased_at: NotRequired[datetime | None]  # its candidates' data was erased then


class StateChange(TypedDict):
    state: str
    at: datetime


class InvitationDoc(TypedDict):
    """An invitation: the candidate, the pinned question set, the link and the lifecycle."""

    _id: str
    tenant: str
    position_id: str
    position_title: str
    name: str
    email: str
    email_key: str
    question_set_id: str
    question_set_version: int
    accommodations: dict[str, Any]
    deadline: datetime
    token_nonce: str
    token_hash: str
    token_expires_at: datetime
    state: str
    history: list[StateChange]
    reminders_sent: int
    next_reminder_at: datetime | None
    created_at: datetime
    created_by: str
    decision: NotRequired[dict[str, Any]]
    consent: NotRequired[dict[str, Any]]
    erased: NotRequired[bool]
    # The candidate's own choice of language for pages and e-mails (else the tenant's default).
    language: NotRequired[str]


async def ensure_indexes(db: AsyncDatabase[Any]) -> None:
    """Every query the service makes filters or sorts on an index that starts with the tenant
    (the sweeps, which cross tenants by design, on state and time)."""
    await db.probes.create_index([("tenant", 1), ("requested_at", -1)])
    await db.question_set_versions.create_index([("tenant", 1), ("set_id", 1), ("version", -1)])
    await db.positions.create_index([("tenant", 1), ("created_at", -1)])
    await db.positions.create_index([("tenant", 1), ("closed_at", 1), ("_id", 1)])
    await db.invitations.create_index(
        [("tenant", 1), ("position_id", 1), ("email_key", 1)], unique=True
    )
    await db.invitations.create_index([("tenant", 1), ("position_id", 1), ("_id", 1)])
    await db.invitations.create_index([("tenant", 1), ("position_id", 1), ("state", 1)])
    await db.invitations.create_index([("tenant", 1), ("email_key", 1)])
    await db.invitations.create_index([("state", 1), ("deadline", 1)])
    await db.invitations.create_index([("state", 1), ("next_reminder_at", 1)])
    await db.written_answers.create_index([("tenant", 1), ("invitation_id", 1)])
    await db.transcripts.create_index([("tenant", 1), ("invitation_id", 1)])
