"""Ingest's collections, their indexes and the typed documents of attempts and the invitation view."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal, NotRequired, TypedDict, cast

from pymongo.asynchronous.collection import AsyncCollection
from pymongo.asynchronous.database import AsyncDatabase

from services.ingest.schemas import AttemptStatus, UploadMode

ATTEMPTS = "attempts"
INVITATIONS = "invitations"
PROBES = "probes"
REVEALS = "reveals"
ANSWERS = "answers"


class AttemptDoc(TypedDict):
    """One take of one question. The upload fields are set when it opens; the media fields when
    it is completed (uploaded or rejected), `finished_at` with them."""

    _id: str
    tenant: str
    invitation_id: str
    question_id: str
    number: int
    mode: UploadMode
    status: AttemptStatus
    selected: bool
    upload_id: str | None  # file mode: the multipart upload of `source`
    content_type: str
    filename: str | None
    declared_bytes: int | None
    opened_at: datetime
    expires_at: datetime
    # Assembled: the chunks or parts joined into `source` (not done again on a retry).
    assembled_bytes: NotRequired[int]
    source_key: NotRequired[str]
    size_bytes: NotRequired[int | None]
    container: NotRequired[str]
    video_codec: NotRequired[str]
    audio_codec: NotRequired[str | None]
    width: NotRequired[int]
    height: NotRequired[int]
    duration_seconds: NotRequired[float]
    salvaged: NotRequired[bool]
    reason: NotRequired[str]
    message: NotRequired[str | None]
    finished_at: NotRequired[datetime]
    raw_removed_at: NotRequired[datetime]
    erased_at: NotRequired[datetime]


class QuestionDoc(TypedDict):
    """A question as the invitation events carry it (`Question.model_dump()`): effective limits."""

    question_id: str
    position: int
    kind: str
    prompt: str
    practice: bool
    think_seconds: int
    answer_seconds: int
    retakes: int
    choices: list[str] | None
    prompt_video_key: str | None
    multiple: NotRequired[bool]
    max_chars: NotRequired[int | None]
    prompt_captions_key: NotRequired[str | None]


class RevealDoc(TypedDict):
    """A question a candidate has reached: when its prompt was shown, and by when its first
    take had to start. Written once (the `_id` is invitation:question), so the clocks never reset."""

    _id: str
    tenant: str
    invitation_id: str
    question_id: str
    position: int
    revealed_at: datetime
    start_by: datetime


class AnswerDoc(TypedDict):
    """A text or multiple-choice answer; one per question (the `_id` is invitation:question)."""

    _id: str
    tenant: str
    invitation_id: str
    question_id: str
    kind: Literal["text", "choice"]
    text: str | None
    choices: list[int] | None
    revealed_at: datetime
    submitted_at: datetime
    erased_at: NotRequired[datetime]


class InvitationFacts(TypedDict, total=False):
    """What the invitation events tell ingest; each arrives on its own, in any order."""

    created_at: datetime
    questions: list[QuestionDoc]
    deadline: datetime
    status: Literal["active", "withdrawn", "expired"]
    erased: bool


class InvitationDoc(InvitationFacts):
    _id: str
    tenant: str


async def ensure_indexes(db: AsyncDatabase[dict[str, Any]]) -> None:
    await db[PROBES].create_index([("tenant", 1), ("_id", 1)])
    await db[INVITATIONS].create_index([("tenant", 1), ("_id", 1)])
    await db[REVEALS].create_index([("tenant", 1), ("invitation_id", 1), ("position", 1)])
    await db[ANSWERS].create_index([("tenant", 1), ("invitation_id", 1)])
    collection = db[ATTEMPTS]
    await collection.create_index([("tenant", 1), ("_id", 1)])
    await collection.create_index(
        [("tenant", 1), ("invitation_id", 1), ("question_id", 1), ("number", 1)], unique=True
    )
    await collection.create_index([("status", 1), ("expires_at", 1)])
    await collection.create_index([("upload_id", 1), ("status", 1)])
    await collection.create_index([("finished_at", 1), ("status", 1)])


def attempts(db: AsyncDatabase[dict[str, Any]]) -> AsyncCollection[AttemptDoc]:
    return cast("AsyncCollection[AttemptDoc]", db[ATTEMPTS])


def invitations(db: AsyncDatabase[dict[str, Any]]) -> AsyncCollection[InvitationDoc]:
    return cast("AsyncCollection[InvitationDoc]", db[INVITATIONS])


def reveals(db: AsyncDatabase[dict[str, Any]]) -> AsyncCollection[RevealDoc]:
    return cast("AsyncCollection[RevealDoc]", db[REVEALS])


def answers(db: AsyncDatabase[dict[str, Any]]) -> AsyncCollection[AnswerDoc]:
    return cast("AsyncCollection[AnswerDoc]", db[ANSWERS])
