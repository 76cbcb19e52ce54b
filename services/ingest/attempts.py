"""Answer attempts: opened against the invitation's rules, uploaded in chunks or parts, validated, selected."""

from __future__ import annotations

import logging
import os
import tempfile
import uuid
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

from fastapi import Depends, Query, Request
from pymongo.asynchronous.client_session import AsyncClientSession
from pymongo.errors import DuplicateKeyError

from contracts.events.recordings import (
    RecordingRejected,
    RecordingSelected,
    RecordingStarted,
    RecordingUploaded,
)
from services.chassis.api import Api, Id, candidate, staff
from services.chassis.errors import ProblemError
from services.chassis.identity import Identity, require_identity
from services.chassis.service import Service
from services.ingest import invitation_view, store
from services.ingest.metrics import REJECTED, UPLOADED
from services.ingest.reveals import Pace
from services.ingest.schemas import (
    Attempt,
    AttemptList,
    CompleteAttempt,
    OpenAttempt,
    StoredChunk,
    StoredChunks,
    UploadUrl,
    UploadUrlRequest,
    UploadUrls,
)
from services.ingest.settings import IngestSettings
from services.ingest.store import AttemptDoc, InvitationDoc, QuestionDoc
from services.ingest.uploads import (
    CONTENT_TYPES,
    Chunk,
    Uploads,
    contiguous,
    salvaged_key,
    source_key,
)
from services.ingest.validation import Limits, MediaInfo, Rejected, file_size, salvage, validate

log = logging.getLogger(__name__)
api = Api("ingest", tags=["recordings"])
STAFF_KINDS = {"user", "api_key"}


class Attempts:
    """The rules and state of attempts; one per service, kept in `app.state.attempts`."""

    def __init__(self, service: Service, settings: IngestSettings, pace: Pace) -> None:
        assert service.storage is not None
        self.service = service
        self.settings = settings
        self.pace = pace
        self.collection = store.attempts(service.db)
        self.uploads = Uploads(service.storage, settings)

    # -- reads -----------------------------------------------------------------------------------

    async def get(self, identity: Identity, attempt_id: str) -> AttemptDoc:
        """The attempt, if the caller may see it; 404 otherwise (another tenant's or candidate's)."""
        doc = await self.collection.find_one({"_id": attempt_id, "tenant": identity.tenant})
        visible = doc is not None and (
            identity.kind in STAFF_KINDS
            or (identity.kind == "candidate" and doc["invitation_id"] == identity.principal)
        )
        if doc is None or not visible:
            raise ProblemError(404, "attempt_not_found", "No such attempt.")
        return doc

    async def of_invitation(
        self, tenant: str, invitation_id: str, question_id: str | None = None
    ) -> list[AttemptDoc]:
        query: dict[str, Any] = {"tenant": tenant, "invitation_id": invitation_id}
        if question_id is not None:
            query["question_id"] = question_id
        return await self.collection.find(query).sort([("question_id", 1), ("number", 1)]).to_list()

    # -- opening ---------------------------------------------------------------------------------

    async def open(self, identity: Identity, body: OpenAttempt) -> AttemptDoc:
        now = self.pace.now()
        invitation = await self._invitation(identity)
        closed = invitation_view.closed_reason(invitation, now)
        if closed:
            raise ProblemError(409, "invitation_closed", closed)
        question = invitation_view.question(invitation, body.question_id)
        if question is None:
            raise ProblemError(404, "question_not_found", "The invitation has no such question.")
        if question["kind"] != "video":
            raise ProblemError(409, "question_not_video", "This question is not answered on video.")
        if (
            body.declared_bytes is not None
            and body.declared_bytes > self.settings.max_recording_bytes
        ):
            raise ProblemError(
                413,
                "recording_too_large",
                f"Recordings are limited to {self.settings.max_recording_bytes} bytes.",
            )
        existing = await self.of_invitation(identity.tenant, identity.principal)
        turn = await self.pace.turn(invitation, question)
        self._check_order(invitation, question, existing, revealed=turn is not None)
        mine = [a for a in existing if a["question_id"] == body.question_id]
        still_open = [a for a in mine if a["status"] == "open"]
        if still_open:
            raise ProblemError(
                409,
                "attempt_open",
                f"Attempt {still_open[0]['_id']} of this question is still open: resume or "
                "complete it.",
            )
        if turn is None:
            raise ProblemError(409, "question_not_revealed", "Go on to this question first.")
        if turn.closed:
            raise ProblemError(409, "question_closed", "A later question was already revealed.")
        if turn.takes_left == 0:  # a refused file costs no retake; a missed first take does
            raise ProblemError(409, "no_retakes_left", "Every take of this question is used.")
        if now > turn.start_by + self.pace.grace:
            raise ProblemError(409, "start_time_over", "The time to start this take has passed.")
        number = len(mine) + 1 + (1 if turn.missed_first else 0)
        attempt_id = uuid.uuid4().hex
        upload_id = await self.uploads.begin(
            identity.tenant, attempt_id, body.mode, body.content_type
        )
        window = question["think_seconds"] + question["answer_seconds"]
        doc: AttemptDoc = {
            "_id": attempt_id,
            "tenant": identity.tenant,
            "invitation_id": identity.principal,
            "question_id": body.question_id,
            "number": number,
            "mode": body.mode,
            "status": "open",
            "selected": False,
            "upload_id": upload_id,
            "content_type": body.content_type,
            "filename": body.filename,
            "declared_bytes": body.declared_bytes,
            "opened_at": now,
            "expires_at": now + timedelta(seconds=window + self.settings.upload_window_seconds),
        }

        async def write(session: AsyncClientSession) -> None:
            await self.collection.insert_one(doc, session=session)
            await self.service.outbox.add(
                session,
                identity.tenant,
                RecordingStarted(
                    attempt_id=attempt_id,
                    invitation_id=identity.principal,
                    question_id=body.question_id,
                    attempt_number=doc["number"],
                    upload_mode=body.mode,
                    started_at=now,
                    revealed_at=turn.revealed_at,
                ),
            )

        try:
            await self.service.transaction(write)
        except DuplicateKeyError:
            raise ProblemError(
                409, "attempt_open", "Another attempt of this question was just opened."
            ) from None
        return doc

    async def _invitation(self, identity: Identity) -> InvitationDoc:
        invitation = await invitation_view.find(self.service, identity.tenant, identity.principal)
        if invitation is None or "questions" not in invitation:
            raise ProblemError(404, "invitation_not_found", "No such invitation.")
        return invitation

    @staticmethod
    def _check_order(
        invitation: InvitationDoc,
        question: QuestionDoc,
        existing: list[AttemptDoc],
        *,
        revealed: bool,
    ) -> None:
        """Questions are answered in order: no going back, no skipping an unanswered video
        question (the practice question may be skipped). A revealed question was reached in
        order already (an earlier one may have run out of time unanswered)."""
        questions = invitation.get("questions", [])
        positions = {q["question_id"]: q["position"] for q in questions}
        if any(positions.get(a["question_id"], -1) > question["position"] for a in existing):
            raise ProblemError(409, "question_closed", "A later question was already started.")
        answered = {a["question_id"] for a in existing if a["status"] == "uploaded"}
        for earlier in [] if revealed else questions:
            if (
                earlier["position"] < question["position"]
                and earlier["kind"] == "video"
                and not earlier.get("practice")
                and earlier["question_id"] not in answered
            ):
                raise ProblemError(
                    409,
                    "question_out_of_order",
                    f"Answer question {earlier['position']} first.",
                )

    # -- uploading -------------------------------------------------------------------------------

    @staticmethod
    def _still_open(doc: AttemptDoc) -> None:
        if doc["status"] != "open":
            raise ProblemError(409, "attempt_not_open", f"The attempt is {doc['status']}.")

    async def upload_urls(
        self, identity: Identity, attempt_id: str, body: UploadUrlRequest
    ) -> UploadUrls:
        doc = await self.get(identity, attempt_id)
        self._still_open(doc)
        if body.first + body.count > self.settings.max_parts:
            raise ProblemError(
                422, "too_many_parts", f"An attempt has at most {self.settings.max_parts} parts."
            )
        expires = timedelta(seconds=self.settings.upload_url_seconds)
        urls = [
            UploadUrl(seq=seq, url=await self.uploads.url(doc, seq, expires))
            for seq in range(body.first, body.first + body.count)
        ]
        return UploadUrls(urls=urls, expires_at=datetime.now(UTC) + expires)

    async def stored(self, identity: Identity, attempt_id: str) -> StoredChunks:
        doc = await self.get(identity, attempt_id)
        self._still_open(doc)
        chunks = await self.uploads.stored(doc)
        n = contiguous(chunks)
        return StoredChunks(
            parts=[StoredChunk(seq=c.seq, size=c.size, etag=c.etag) for c in chunks],
            next_seq=n,
            stored_bytes=sum(c.size for c in chunks if c.seq < n),
        )

    # -- completing ------------------------------------------------------------------------------

    async def complete(
        self, identity: Identity, attempt_id: str, body: CompleteAttempt
    ) -> AttemptDoc:
        """Assemble, validate, and record the outcome with its events. Safe to repeat: a finished
        attempt is returned as it is, and an assembled one is not assembled again."""
        doc = await self.get(identity, attempt_id)
        if doc["status"] in {"uploaded", "rejected"}:
            return doc
        if doc["status"] != "open":
            raise ProblemError(409, "attempt_not_open", f"The attempt is {doc['status']}.")
        invitation = await self._invitation(identity)
        if invitation.get("status") == "withdrawn":
            raise ProblemError(409, "invitation_closed", "The invitation was withdrawn.")
        question = invitation_view.question(invitation, doc["question_id"])
        size = doc.get("assembled_bytes")
        if size is None:
            assembled = await self._assemble(doc, body.parts)
            if assembled is None:
                return await self._finish(doc, None, Rejected("empty", "Nothing was uploaded."))
            if isinstance(assembled, Rejected):
                return await self._finish(doc, None, assembled)
            size = assembled
        limits = Limits(
            max_bytes=self.settings.max_recording_bytes,
            max_seconds=float(question["answer_seconds"] if question else 0)
            + self.settings.duration_grace_seconds,
            timeout_seconds=self.settings.validation_timeout_seconds,
        )
        outcome: MediaInfo | Rejected
        media_key = doc.get("source_key") or source_key(doc["tenant"], doc["_id"])
        storage = self.service.storage
        assert storage is not None
        with tempfile.TemporaryDirectory(prefix="ingest-") as scratch:
            path = os.path.join(scratch, "source")
            await storage.download_file(media_key, path)
            try:
                outcome = await validate(path, size, limits)
            except Rejected as rejected:
                outcome = rejected
            if isinstance(outcome, Rejected) and outcome.reason == "truncated" and body.interrupted:
                kept = os.path.join(scratch, "salvaged")
                try:
                    outcome = await salvage(path, kept, limits)
                except Rejected as rejected:
                    log.info("salvage refused", extra={"reason": rejected.reason})
                else:
                    media_key = salvaged_key(doc["tenant"], doc["_id"])
                    await storage.upload_file(media_key, kept, CONTENT_TYPES[outcome.container])
                    size = file_size(kept)
        return await self._finish(doc, size, outcome, media_key)

    async def _assemble(self, doc: AttemptDoc, parts: int) -> int | Rejected | None:
        """Join chunks 0..parts-1 into the source object; its size, or why there is none."""
        chunks = await self.uploads.stored(doc)
        have = {c.seq: c for c in chunks}
        missing = [seq for seq in range(parts) if seq not in have]
        if missing:
            raise ProblemError(
                409,
                "parts_missing",
                f"{len(missing)} of {parts} chunks are not stored; upload them and complete again.",
                errors=[{"seq": seq} for seq in missing[:100]],
            )
        chosen: list[Chunk] = [have[seq] for seq in range(parts)]
        size = sum(c.size for c in chosen)
        if size == 0:
            await self.uploads.discard_chunks(doc)
            return None
        if size > self.settings.max_recording_bytes:
            await self.uploads.discard_chunks(doc)
            limit = self.settings.max_recording_bytes
            return Rejected(
                "too_large",
                f"The recording is {size / 1e6:.0f} MB; the limit is {limit / 1e6:.0f} MB.",
            )
        await self.uploads.assemble(doc, chosen)
        key = source_key(doc["tenant"], doc["_id"])
        await self.collection.update_one(
            {"_id": doc["_id"], "tenant": doc["tenant"], "status": "open"},
            {"$set": {"assembled_bytes": size, "source_key": key}},
        )
        doc["assembled_bytes"], doc["source_key"] = size, key
        if doc["mode"] == "stream":
            await self.uploads.discard_chunks(doc)
        return size

    async def _finish(
        self,
        doc: AttemptDoc,
        size: int | None,
        outcome: MediaInfo | Rejected,
        media_key: str | None = None,
    ) -> AttemptDoc:
        now = self.pace.now()
        tenant = doc["tenant"]
        common = {
            "attempt_id": doc["_id"],
            "invitation_id": doc["invitation_id"],
            "question_id": doc["question_id"],
        }
        if isinstance(outcome, Rejected):
            changes: dict[str, Any] = {
                "status": "rejected",
                "reason": outcome.reason,
                "message": outcome.message,
                "size_bytes": size,
                "finished_at": now,
            }
        else:
            changes = {
                "status": "uploaded",
                "selected": True,
                "size_bytes": size,
                "container": outcome.container,
                "video_codec": outcome.video_codec,
                "audio_codec": outcome.audio_codec,
                "width": outcome.width,
                "height": outcome.height,
                "duration_seconds": outcome.duration_seconds,
                "salvaged": outcome.salvaged,
                "message": _salvage_message(outcome) if outcome.salvaged else None,
                "finished_at": now,
            }

        async def write(session: AsyncClientSession) -> bool:
            updated = await self.collection.update_one(
                {"_id": doc["_id"], "tenant": tenant, "status": "open"},
                {"$set": changes},
                session=session,
            )
            if updated.modified_count == 0:
                return False  # a concurrent completion finished it first
            if isinstance(outcome, Rejected):
                await self.service.outbox.add(
                    session,
                    tenant,
                    RecordingRejected(
                        **common,
                        reason=outcome.reason,
                        message=outcome.message,
                        object_key=doc.get("source_key"),
                        rejected_at=now,
                    ),
                )
                return True
            assert size is not None and media_key is not None
            await self.service.outbox.add(
                session,
                tenant,
                RecordingUploaded(
                    **common,
                    attempt_number=doc["number"],
                    object_key=media_key,
                    size_bytes=size,
                    container=outcome.container,
                    video_codec=outcome.video_codec,
                    audio_codec=outcome.audio_codec,
                    width=outcome.width,
                    height=outcome.height,
                    duration_seconds=outcome.duration_seconds,
                    uploaded_at=now,
                    salvaged=outcome.salvaged,
                ),
            )
            await self._select(session, doc, now)
            return True

        if await self.service.transaction(write):
            if isinstance(outcome, Rejected):
                REJECTED.labels(self.service.name, outcome.reason).inc()
            else:
                UPLOADED.labels(self.service.name, outcome.container).inc()
        fresh = await self.collection.find_one({"_id": doc["_id"], "tenant": tenant})
        assert fresh is not None
        return fresh

    # -- selecting -------------------------------------------------------------------------------

    async def _select(self, session: AsyncClientSession, doc: AttemptDoc, now: datetime) -> None:
        """Make `doc` the question's selected attempt (the newest take is selected by default)."""
        tenant = doc["tenant"]
        await self.collection.update_many(
            {
                "tenant": tenant,
                "invitation_id": doc["invitation_id"],
                "question_id": doc["question_id"],
                "_id": {"$ne": doc["_id"]},
            },
            {"$set": {"selected": False}},
            session=session,
        )
        await self.collection.update_one(
            {"_id": doc["_id"], "tenant": tenant}, {"$set": {"selected": True}}, session=session
        )
        await self.service.outbox.add(
            session,
            tenant,
            RecordingSelected(
                attempt_id=doc["_id"],
                invitation_id=doc["invitation_id"],
                question_id=doc["question_id"],
                selected_at=now,
            ),
        )

    async def select(self, identity: Identity, attempt_id: str) -> AttemptDoc:
        doc = await self.get(identity, attempt_id)
        if doc["status"] != "uploaded":
            raise ProblemError(409, "attempt_not_uploaded", "Only an uploaded take can be chosen.")
        invitation = await self._invitation(identity)
        closed = invitation_view.closed_reason(invitation, datetime.now(UTC))
        if closed:
            raise ProblemError(409, "invitation_closed", closed)
        question = invitation_view.question(invitation, doc["question_id"])
        position = question["position"] if question else -1
        positions = {q["question_id"]: q["position"] for q in invitation.get("questions", [])}
        existing = await self.of_invitation(identity.tenant, identity.principal)
        if any(positions.get(a["question_id"], -1) > position for a in existing):
            raise ProblemError(409, "question_closed", "A later question was already started.")
        if not doc["selected"]:
            await self.service.transaction(
                lambda session: self._select(session, doc, datetime.now(UTC))
            )
        return await self.get(identity, attempt_id)


def _salvage_message(media: MediaInfo) -> str:
    seconds = round(media.duration_seconds)
    return (
        f"Your recording was interrupted; the first {seconds // 60}:{seconds % 60:02d} "
        "were kept as your answer."
    )


def to_model(doc: AttemptDoc, part_bytes: int) -> Attempt:
    return Attempt(
        attempt_id=doc["_id"],
        invitation_id=doc["invitation_id"],
        question_id=doc["question_id"],
        attempt_number=doc["number"],
        mode=doc["mode"],
        status=doc["status"],
        selected=doc["selected"],
        opened_at=doc["opened_at"],
        expires_at=doc["expires_at"],
        part_bytes=part_bytes,
        salvaged=doc.get("salvaged", False),
        size_bytes=doc.get("size_bytes"),
        container=doc.get("container"),
        video_codec=doc.get("video_codec"),
        audio_codec=doc.get("audio_codec"),
        width=doc.get("width"),
        height=doc.get("height"),
        duration_seconds=doc.get("duration_seconds"),
        reason=doc.get("reason"),
        message=doc.get("message"),
    )


# -- routes --------------------------------------------------------------------------------------

IdentityDep = Annotated[Identity, Depends(require_identity)]
QuestionFilter = Annotated[
    str | None, Query(min_length=1, max_length=200, description="Only this question's takes.")
]
_NOT_FOUND = "`attempt_not_found`: no such attempt (also another tenant's or candidate's)."
_CANDIDATE = ["candidate recordings"]


def _attempts(request: Request) -> Attempts:
    attempts: Attempts = request.app.state.attempts
    return attempts


@api.post(
    "/candidate/attempts",
    candidate("interview"),
    summary="Open an answer attempt for a video question",
    status_code=201,
    response_model=Attempt,
    tags=_CANDIDATE,
    errors={
        404: "`invitation_not_found`, `question_not_found`: no such invitation or question.",
        409: "`invitation_closed` (withdrawn, expired, past the deadline), "
        "`question_out_of_order`, `question_closed`, `attempt_open` (resume it), "
        "`no_retakes_left` (a first take not started in its think time counts as used), "
        "`question_not_video` (it is answered otherwise), `question_not_revealed` (reveal it "
        "first), `start_time_over` (a take starts within think time plus a few seconds).",
        413: "`payload_too_large`: the body is over the limit; `recording_too_large`: the "
        "declared size is over the cap.",
    },
)
async def open_attempt(body: OpenAttempt, request: Request, identity: IdentityDep) -> Attempt:
    attempts = _attempts(request)
    doc = await attempts.open(identity, body)
    return to_model(doc, attempts.settings.part_bytes)


@api.get(
    "/candidate/attempts",
    candidate("interview"),
    summary="List my attempts (after a reload: find the open one and resume it)",
    response_model=AttemptList,
    tags=_CANDIDATE,
)
async def my_attempts(
    request: Request, identity: IdentityDep, question_id: QuestionFilter = None
) -> AttemptList:
    attempts = _attempts(request)
    docs = await attempts.of_invitation(identity.tenant, identity.principal, question_id)
    return AttemptList(attempts=[to_model(d, attempts.settings.part_bytes) for d in docs])


@api.get(
    "/invitations/{invitation_id}/attempts",
    staff("media:read"),
    summary="Every answer attempt of an invitation (`selected` marks the takes to review)",
    response_model=AttemptList,
)
async def invitation_attempts(
    invitation_id: Id, request: Request, identity: IdentityDep
) -> AttemptList:
    attempts = _attempts(request)
    docs = await attempts.of_invitation(identity.tenant, invitation_id)
    return AttemptList(attempts=[to_model(d, attempts.settings.part_bytes) for d in docs])


@api.get(
    "/attempts/{attempt_id}",
    staff("media:read"),
    summary="Read an answer attempt",
    response_model=Attempt,
    errors={404: _NOT_FOUND},
)
@api.get(
    "/candidate/attempts/{attempt_id}",
    candidate("interview"),
    summary="Read one of my attempts (status, or why it was rejected)",
    response_model=Attempt,
    tags=_CANDIDATE,
    name="my_attempt",
    errors={404: _NOT_FOUND},
)
async def attempt(attempt_id: Id, request: Request, identity: IdentityDep) -> Attempt:
    attempts = _attempts(request)
    return to_model(await attempts.get(identity, attempt_id), attempts.settings.part_bytes)


@api.post(
    "/candidate/attempts/{attempt_id}/upload-urls",
    candidate("interview"),
    summary="Get short-lived presigned PUT URLs for chunks (stream) or parts (file)",
    response_model=UploadUrls,
    retry_safe=True,  # presigning only
    tags=_CANDIDATE,
    errors={
        404: _NOT_FOUND,
        409: "`attempt_not_open`: the attempt was completed or abandoned.",
        422: "`invalid_request`: the body does not match the schema; `too_many_parts`: past "
        "the last part an attempt may have.",
    },
)
async def upload_urls(
    attempt_id: Id, body: UploadUrlRequest, request: Request, identity: IdentityDep
) -> UploadUrls:
    return await _attempts(request).upload_urls(identity, attempt_id, body)


@api.get(
    "/candidate/attempts/{attempt_id}/parts",
    candidate("interview"),
    summary="Which chunks or parts are stored: resume from `next_seq`",
    response_model=StoredChunks,
    tags=_CANDIDATE,
    errors={
        404: _NOT_FOUND,
        409: "`attempt_not_open`: the attempt was completed or abandoned.",
    },
)
async def stored_parts(attempt_id: Id, request: Request, identity: IdentityDep) -> StoredChunks:
    return await _attempts(request).stored(identity, attempt_id)


@api.post(
    "/candidate/attempts/{attempt_id}/complete",
    candidate("interview"),
    summary="Finish the upload: assemble, validate (uploaded, or rejected with a reason)",
    response_model=Attempt,
    tags=_CANDIDATE,
    errors={
        404: "`attempt_not_found`, `invitation_not_found`: no such attempt or invitation.",
        409: "`parts_missing` (`errors` lists the missing seqs), `attempt_not_open`, "
        "`invitation_closed`.",
        422: "`invalid_request`: the body does not match the schema; `part_too_small`: in file "
        "mode a part but the last is under 5 MiB.",
    },
)
async def complete(
    attempt_id: Id, body: CompleteAttempt, request: Request, identity: IdentityDep
) -> Attempt:
    attempts = _attempts(request)
    doc = await attempts.complete(identity, attempt_id, body)
    return to_model(doc, attempts.settings.part_bytes)


@api.post(
    "/candidate/attempts/{attempt_id}/select",
    candidate("interview"),
    summary="Keep this take as my answer (the newest take is kept by default)",
    response_model=Attempt,
    tags=_CANDIDATE,
    errors={
        404: "`attempt_not_found`, `invitation_not_found`: no such attempt or invitation.",
        409: "`attempt_not_uploaded`: only an uploaded take can be kept; `question_closed`: a "
        "later question was started; `invitation_closed`.",
    },
)
async def select(attempt_id: Id, request: Request, identity: IdentityDep) -> Attempt:
    attempts = _attempts(request)
    doc = await attempts.select(identity, attempt_id)
    return to_model(doc, attempts.settings.part_bytes)
