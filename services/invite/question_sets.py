"""Question sets: ordered questions with limits and an optional practice question, versioned.

Every edit creates a new version and invitations pin the version they were sent with, so what a
candidate answers never changes under them and old versions stay readable for review."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

from fastapi import Query, Request, Response
from pymongo.errors import DuplicateKeyError

from contracts.events.invitations import Question
from services.chassis import paging, preconditions
from services.chassis.api import Api, Id, staff
from services.chassis.errors import ProblemError
from services.chassis.identity import Staff
from services.chassis.storage import tenant_key
from services.invite.schemas import (
    PromptVideoIn,
    PromptVideoUpload,
    QuestionIn,
    QuestionSetIn,
    QuestionSetOut,
    QuestionSetPage,
)
from services.invite.store import QuestionSetVersionDoc

api = Api("invite", tags=["question sets"])
INVALID_PROMPT = (
    "`invalid_request`, `invalid_prompt_video`: the body does not match the schema, or a prompt "
    "video key was not issued by POST /question-sets/prompt-videos."
)


def _questions(body: QuestionSetIn) -> tuple[list[Question], dict[str, str]]:
    """The pinned questions (ids `q0`, `q1`, ... in order) and the captions of their prompts."""
    items: list[tuple[QuestionIn, bool]] = []
    if body.practice_question:
        items.append((body.practice_question, True))
    items += [(q, False) for q in body.questions]
    questions = [
        Question(question_id=f"q{n}", position=n, practice=practice, **q.model_dump())
        for n, (q, practice) in enumerate(items)
    ]
    captions = {f"q{n}": q.prompt_captions for n, (q, _) in enumerate(items) if q.prompt_captions}
    return questions, captions


async def load_version(
    db: Any, tenant: str, set_id: str, version: int | None = None
) -> QuestionSetVersionDoc:
    query: dict[str, Any] = {"tenant": tenant, "set_id": set_id}
    if version is not None:
        query["version"] = version
    doc: QuestionSetVersionDoc | None = await db.question_set_versions.find_one(
        query, sort=[("version", -1)]
    )
    if doc is None:
        raise ProblemError(404, "question_set_not_found", "No such question set (version).")
    return doc


async def _out(db: Any, doc: QuestionSetVersionDoc) -> QuestionSetOut:
    versions = await db.question_set_versions.distinct(
        "version", {"tenant": doc["tenant"], "set_id": doc["set_id"]}
    )
    return QuestionSetOut(
        id=doc["set_id"],
        version=doc["version"],
        name=doc["name"],
        questions=[Question(**q) for q in doc["questions"]],
        captions=doc.get("captions", {}),
        created_at=doc["created_at"],
        versions=sorted(versions),
    )


async def _store_captions(
    request: Request,
    tenant: str,
    set_id: str,
    version: int,
    questions: list[Question],
    captions: dict[str, str],
) -> list[Question]:
    """Each prompt's captions as an object beside the prompt videos: the candidate's page gets
    them (like the video) only when the question is revealed, from the service that reveals it."""
    storage = request.app.state.service.storage
    out: list[Question] = []
    for q in questions:
        if q.question_id in captions:
            key = tenant_key(
                tenant, "prompts", "captions", f"{set_id}-{version}-{q.question_id}.vtt"
            )
            await storage.put_bytes(key, captions[q.question_id].encode(), "text/vtt")
            q = q.model_copy(update={"prompt_captions_key": key})
        out.append(q)
    return out


async def _write_version(
    request: Request, identity: Staff, set_id: str, version: int, body: QuestionSetIn
) -> QuestionSetOut:
    db = request.app.state.service.db
    prefix = tenant_key(identity.tenant, "prompts") + "/"
    for q in (*body.questions, *([body.practice_question] if body.practice_question else [])):
        if q.prompt_video_key and not q.prompt_video_key.startswith(prefix):
            raise ProblemError(
                422, "invalid_prompt_video", "Use a key from POST /question-sets/prompt-videos."
            )
    questions, captions = _questions(body)
    questions = await _store_captions(
        request, identity.tenant, set_id, version, questions, captions
    )
    doc: QuestionSetVersionDoc = {
        "_id": f"{set_id}:{version}",
        "tenant": identity.tenant,
        "set_id": set_id,
        "version": version,
        "name": body.name,
        "questions": [q.model_dump() for q in questions],
        "captions": captions,
        "created_at": datetime.now(UTC),
        "created_by": identity.principal,
    }
    try:
        await db.question_set_versions.insert_one(doc)
    except DuplicateKeyError:  # a concurrent edit wrote this version first
        raise preconditions.changed() from None
    return await _out(db, doc)


@api.post(
    "/question-sets/prompt-videos",
    staff("question_sets:write"),
    summary="Get an upload URL for a recorded video prompt",
    status_code=201,
    response_model=PromptVideoUpload,
)
async def prompt_video_upload(
    body: PromptVideoIn, request: Request, identity: Staff
) -> PromptVideoUpload:
    """A place for a recorded video prompt: the recruiter PUTs the file to the URL."""
    storage = request.app.state.service.storage
    extension = body.content_type.split("/")[1]
    key = tenant_key(identity.tenant, "prompts", f"{uuid.uuid4()}.{extension}")
    expires = timedelta(minutes=30)
    return PromptVideoUpload(
        key=key,
        upload_url=await storage.presigned_put(key, expires),
        expires_at=datetime.now(UTC) + expires,
    )


@api.post(
    "/question-sets",
    staff("question_sets:write"),
    summary="Create a question set",
    status_code=201,
    response_model=QuestionSetOut,
    errors={422: INVALID_PROMPT},
)
async def create_question_set(
    body: QuestionSetIn, request: Request, identity: Staff
) -> QuestionSetOut:
    return await _write_version(request, identity, str(uuid.uuid4()), 1, body)


@api.put(
    "/question-sets/{set_id}",
    staff("question_sets:write"),
    summary="Edit a question set (creates a new version)",
    response_model=QuestionSetOut,
    errors={
        404: "`question_set_not_found`: no such question set (version) in your tenant.",
        422: INVALID_PROMPT,
        **preconditions.ERRORS,
    },
)
async def edit_question_set(
    set_id: Id,
    body: QuestionSetIn,
    request: Request,
    identity: Staff,
    response: Response,
    if_match: preconditions.IfMatch = None,
) -> QuestionSetOut:
    """The ETag is the version: with If-Match, the edit applies only to the latest version read
    (two editors of one version: one makes the next version, the other gets a 412)."""
    latest = await load_version(request.app.state.service.db, identity.tenant, set_id)
    preconditions.check(if_match, latest["version"])
    out = await _write_version(request, identity, set_id, latest["version"] + 1, body)
    preconditions.tagged(response, out.version)
    return out


@api.get(
    "/question-sets",
    staff("question_sets:read"),
    summary="List question sets (latest versions), by id",
    response_model=QuestionSetPage,
    errors=paging.ERRORS,
)
async def list_question_sets(
    request: Request,
    identity: Staff,
    limit: paging.Limit = paging.DEFAULT_LIMIT,
    cursor: paging.Cursor = None,
) -> QuestionSetPage:
    """A page of sets in id order, each in its latest version: the versions of the page's sets
    are read from the cursor's set on, newest first, the first of each set kept."""
    db = request.app.state.service.db
    query: dict[str, Any] = {"tenant": identity.tenant}
    if cursor is not None:
        [after] = paging.decode(cursor, 1)
        query["set_id"] = {"$gt": after}
    latest: dict[str, QuestionSetVersionDoc] = {}
    versions = db.question_set_versions.find(query).sort([("set_id", 1), ("version", -1)])
    async for doc in versions:
        if doc["set_id"] not in latest:
            if len(latest) == limit:
                following = paging.encode([list(latest)[-1]])
                return QuestionSetPage(
                    items=[await _out(db, d) for d in latest.values()], next_cursor=following
                )
            latest[doc["set_id"]] = doc
    return QuestionSetPage(items=[await _out(db, d) for d in latest.values()])


@api.get(
    "/question-sets/{set_id}",
    staff("question_sets:read"),
    summary="Read a question set (a version with ?version=)",
    response_model=QuestionSetOut,
    errors={404: "`question_set_not_found`: no such question set (version) in your tenant."},
)
async def get_question_set(
    set_id: Id,
    request: Request,
    identity: Staff,
    response: Response,
    version: Annotated[int | None, Query(ge=1, le=2**31 - 1)] = None,
) -> QuestionSetOut:
    db = request.app.state.service.db
    doc = await load_version(db, identity.tenant, set_id, version)
    preconditions.tagged(response, doc["version"])
    return await _out(db, doc)
