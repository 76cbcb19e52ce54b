"""Transcripts: stored with their search terms, read by reviewers with word times, as WebVTT
captions, and searched across a position's answers. An aid to humans, never a score: nothing here
ranks or filters candidates."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Query, Request, Response
from pymongo.asynchronous.client_session import AsyncClientSession
from pymongo.asynchronous.database import AsyncDatabase

from services.chassis.api import Api, Id, shared, staff
from services.chassis.errors import ProblemError
from services.chassis.identity import Identity, Staff, require_identity
from services.transcription import store
from services.transcription.captions import webvtt
from services.transcription.schemas import (
    SearchHit,
    SearchResult,
    SegmentOut,
    TranscriptOut,
    WordOut,
)
from services.transcription.settings import TranscriptionSettings
from services.transcription.store import JobDoc, SearchSegmentDoc, TranscriptDoc
from services.transcription.terms import query_terms, term

api = Api("transcription", tags=["transcripts"])

_AID = (
    " Transcripts are an aid for reviewers (reading, captions, finding a passage); nothing ranks, "
    "scores or filters candidates by them."
)
_NOT_FOUND = {404: "`transcript_not_found`: no transcript or transcription job for this attempt."}
_SHARED = ["shared"]  # a share link's holder reads the answers of the candidate it was made for
Caller = Annotated[Identity, Depends(require_identity)]


async def save(
    db: AsyncDatabase[dict[str, Any]], session: AsyncClientSession, doc: TranscriptDoc
) -> None:
    """The transcript and its passages in the position's search index (a repeat replaces both)."""
    tenant, attempt_id = doc["tenant"], doc["_id"]
    await store.transcripts(db).replace_one(
        {"_id": attempt_id, "tenant": tenant}, doc, upsert=True, session=session
    )
    index = store.segments(db)
    await index.delete_many({"tenant": tenant, "attempt_id": attempt_id}, session=session)
    passages = [_passage(doc, n) for n in range(len(doc["segments"]))]
    passages = [p for p in passages if p["terms"]]
    if passages:
        await index.insert_many(passages, session=session)


def _passage(doc: TranscriptDoc, n: int) -> SearchSegmentDoc:
    segment = doc["segments"][n]
    moments: dict[str, float] = {}
    for word in segment["words"]:
        moments.setdefault(term(word["w"], doc["language"]), word["s"])
    moments.pop("", None)
    return {
        "_id": f"{doc['_id']}:{n}",
        "tenant": doc["tenant"],
        "position_id": doc["position_id"],
        "invitation_id": doc["invitation_id"],
        "attempt_id": doc["_id"],
        "question_id": doc["question_id"],
        "start": segment["start"],
        "end": segment["end"],
        "text": segment["text"],
        "terms": sorted(moments),
        "moments": moments,
    }


def _db(request: Request) -> AsyncDatabase[dict[str, Any]]:
    db: AsyncDatabase[dict[str, Any]] = request.app.state.service.db
    return db


def _out(transcript: TranscriptDoc | None, job: JobDoc | None) -> TranscriptOut:
    if transcript is not None:
        return TranscriptOut(
            attempt_id=transcript["_id"],
            invitation_id=transcript["invitation_id"],
            question_id=transcript["question_id"],
            status="transcribed" if transcript["transcribed"] else "untranscribed",
            reason=transcript["untranscribed_reason"],
            language=transcript["language"],
            no_speech=transcript["no_speech"],
            segments=[
                SegmentOut(
                    start=s["start"],
                    end=s["end"],
                    text=s["text"],
                    words=[WordOut(word=w["w"], start=w["s"], end=w["e"]) for w in s["words"]],
                )
                for s in transcript["segments"]
            ],
            duration_seconds=transcript["duration_seconds"],
            model=transcript["model"],
            transcribed_at=transcript["transcribed_at"],
        )
    assert job is not None
    failed = job["status"] == "failed"
    return TranscriptOut(
        attempt_id=job["_id"],
        invitation_id=job["invitation_id"],
        question_id=job["question_id"],
        status="failed" if failed else "pending",
        reason=job.get("failure_reason") if failed else None,
        duration_seconds=job["duration_seconds"],
    )


def _whose(identity: Identity) -> dict[str, str]:
    """The query that keeps a link's holder to its candidate's answers (staff: the tenant's)."""
    if identity.kind in {"user", "api_key"}:
        return {"tenant": identity.tenant}
    return {"tenant": identity.tenant, "invitation_id": identity.principal}


async def _load(request: Request, identity: Identity, attempt_id: str) -> TranscriptOut:
    db = _db(request)
    whose = _whose(identity)
    transcript = await store.transcripts(db).find_one({"_id": attempt_id, **whose})
    job = None
    if transcript is None:
        job = await store.jobs(db).find_one({"_id": attempt_id, **whose})
        if job is None:
            raise ProblemError(404, "transcript_not_found", "No transcript for this attempt.")
    return _out(transcript, job)


@api.get(
    "/transcripts/{attempt_id}",
    staff("media:read"),
    summary="An answer's transcript: words with their times, language, status, no-speech flag",
    response_model=TranscriptOut,
    errors=_NOT_FOUND,
    description="Segments with each word's start and end (seconds from the answer's start), for "
    "the reviewer's player: highlight the current word, click a word to seek." + _AID,
)
@api.get(
    "/shared/attempts/{attempt_id}/transcript",
    shared(),
    summary="A shared answer's transcript: words with their times",
    response_model=TranscriptOut,
    tags=_SHARED,
    name="shared_transcript",
    errors=_NOT_FOUND,
)
async def get_transcript(attempt_id: Id, request: Request, identity: Caller) -> TranscriptOut:
    return await _load(request, identity, attempt_id)


@api.get(
    "/transcripts/{attempt_id}/captions.vtt",
    staff("media:read"),
    summary="An answer's captions (WebVTT), derived from its transcript",
    media_type="text/vtt",
    errors={
        **_NOT_FOUND,
        409: "`transcript_not_ready`: the answer is still being transcribed, or its "
        "transcription failed.",
    },
    description="A WebVTT track for the player's `<track kind=captions>`. An answer without "
    "speech, or left untranscribed, has a track without cues." + _AID,
)
@api.get(
    "/shared/attempts/{attempt_id}/captions.vtt",
    shared(),
    summary="A shared answer's captions (WebVTT)",
    media_type="text/vtt",
    tags=_SHARED,
    name="shared_captions",
    errors={
        **_NOT_FOUND,
        409: "`transcript_not_ready`: the answer is still being transcribed, or its "
        "transcription failed.",
    },
)
async def get_captions(attempt_id: Id, request: Request, identity: Caller) -> Response:
    transcript = await store.transcripts(_db(request)).find_one(
        {"_id": attempt_id, **_whose(identity)}
    )
    if transcript is None:
        await _load(request, identity, attempt_id)  # 404 when there is nothing at all
        raise ProblemError(409, "transcript_not_ready", "The transcript is not ready.")
    return Response(
        webvtt(transcript["segments"]),
        media_type="text/vtt",
        headers={"Cache-Control": "private, max-age=60"},
    )


@api.get(
    "/positions/{position_id}/transcripts/search",
    staff("media:read"),
    summary="Find passages in a position's answers, each with the moment to seek to",
    response_model=SearchResult,
    errors={
        422: "`invalid_request`: a parameter does not match the schema (`errors` lists each "
        "problem), or `q` has no searchable word.",
    },
    description="Every passage holding all the words of `q` (case and word endings aside), "
    "listed by invitation, question and time: the order of the answers, not of any score. "
    "Each hit names the invitation, the attempt, the question and `at`, where the first "
    "matching word starts." + _AID,
)
async def search(
    position_id: Id,
    request: Request,
    identity: Staff,
    q: Annotated[str, Query(min_length=1, max_length=200)],
) -> SearchResult:
    db = _db(request)
    tenant = identity.tenant
    view = await store.invitations(db).find_one({"tenant": tenant, "position_id": position_id})
    language = view["language"] if view else "en"
    wanted = query_terms(q, language)
    if not wanted:
        raise ProblemError(422, "invalid_request", "The query has no searchable word.")
    settings = request.app.state.settings
    assert isinstance(settings, TranscriptionSettings)
    limit = settings.search_hits_max
    cursor = (
        store.segments(db)
        .find({"tenant": tenant, "position_id": position_id, "terms": {"$all": wanted}})
        .sort([("invitation_id", 1), ("question_id", 1), ("attempt_id", 1), ("start", 1)])
        .limit(limit + 1)
    )
    found = await cursor.to_list()
    hits = [
        SearchHit(
            invitation_id=p["invitation_id"],
            attempt_id=p["attempt_id"],
            question_id=p["question_id"],
            at=min(p["moments"].get(t, p["start"]) for t in wanted),
            start=p["start"],
            end=p["end"],
            text=p["text"],
        )
        for p in found[:limit]
    ]
    return SearchResult(query=q, terms=wanted, hits=hits, truncated=len(found) > limit)
