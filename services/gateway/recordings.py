"""Public API of answer recordings: the candidate's attempts and uploads (ingest), status and playback (transcoding)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response

from services.chassis.errors import Problem
from services.chassis.identity import Identity
from services.gateway.auth import authenticate_candidate, require
from services.gateway.upstream import forward_to
from services.ingest.schemas import (
    ATTEMPT_ERRORS,
    COMPLETE_ERRORS,
    OPEN_ERRORS,
    UPLOAD_ERRORS,
    Attempt,
    AttemptList,
    CompleteAttempt,
    OpenAttempt,
    StoredChunks,
    UploadUrlRequest,
    UploadUrls,
)
from services.transcoding.schemas import PLAYBACK_ERRORS, RECORDING_ERRORS, Playback, Recording

ingest = forward_to("ingest")
transcoding = forward_to("transcoding")
router = APIRouter(prefix="/v1", tags=["recordings"])
candidate_router = APIRouter(prefix="/v1/candidate", tags=["candidate recordings"])
Candidate = Annotated[Identity, Depends(authenticate_candidate("interview"))]
MediaRead = Annotated[Identity, Depends(require("media:read"))]
_RATE: dict[int | str, dict[str, Any]] = {
    429: {"model": Problem, "description": "`rate_limited`: see Retry-After."},
}
_LINK: dict[int | str, dict[str, Any]] = {
    410: {
        "model": Problem,
        "description": "`link_revoked`, `link_expired`: the candidate link is no longer valid.",
    },
    **_RATE,
}
_PLAYLIST: dict[int | str, dict[str, Any]] = {
    200: {"content": {"application/vnd.apple.mpegurl": {}}}
}


def _with(*parts: dict[int | str, dict[str, Any]]) -> dict[int | str, dict[str, Any]]:
    merged: dict[int | str, dict[str, Any]] = {}
    for part in parts:
        merged.update(part)
    return merged


# --- the candidate ------------------------------------------------------------------------------


@candidate_router.post(
    "/attempts",
    status_code=201,
    response_model=Attempt,
    responses=_with(OPEN_ERRORS, _LINK),
    summary="Open an answer attempt for a video question",
)
async def open_attempt(body: OpenAttempt, request: Request, identity: Candidate) -> Response:
    return await ingest(request, identity, "/attempts")


@candidate_router.get(
    "/attempts",
    response_model=AttemptList,
    responses=_with(ATTEMPT_ERRORS, _LINK),
    summary="List my attempts (after a reload: find the open one and resume it)",
)
async def my_attempts(
    request: Request, identity: Candidate, question_id: str | None = None
) -> Response:
    return await ingest(request, identity, "/attempts")


@candidate_router.get(
    "/attempts/{attempt_id}",
    response_model=Attempt,
    responses=_with(ATTEMPT_ERRORS, _LINK),
    summary="Read one of my attempts (status, or why it was rejected)",
)
async def my_attempt(attempt_id: str, request: Request, identity: Candidate) -> Response:
    return await ingest(request, identity, f"/attempts/{attempt_id}")


@candidate_router.post(
    "/attempts/{attempt_id}/upload-urls",
    response_model=UploadUrls,
    responses=_with(UPLOAD_ERRORS, _LINK),
    summary="Get short-lived presigned PUT URLs for chunks (stream) or parts (file)",
)
async def upload_urls(
    attempt_id: str, body: UploadUrlRequest, request: Request, identity: Candidate
) -> Response:
    return await ingest(request, identity, f"/attempts/{attempt_id}/upload-urls")


@candidate_router.get(
    "/attempts/{attempt_id}/parts",
    response_model=StoredChunks,
    responses=_with(UPLOAD_ERRORS, _LINK),
    summary="Which chunks or parts are stored: resume from `next_seq`",
)
async def stored_parts(attempt_id: str, request: Request, identity: Candidate) -> Response:
    return await ingest(request, identity, f"/attempts/{attempt_id}/parts")


@candidate_router.post(
    "/attempts/{attempt_id}/complete",
    response_model=Attempt,
    responses=_with(COMPLETE_ERRORS, _LINK),
    summary="Finish the upload: assemble, validate (uploaded, or rejected with a reason)",
)
async def complete(
    attempt_id: str, body: CompleteAttempt, request: Request, identity: Candidate
) -> Response:
    return await ingest(request, identity, f"/attempts/{attempt_id}/complete")


@candidate_router.post(
    "/attempts/{attempt_id}/select",
    response_model=Attempt,
    responses=_with(ATTEMPT_ERRORS, _LINK),
    summary="Keep this take as my answer (the newest take is kept by default)",
)
async def select(attempt_id: str, request: Request, identity: Candidate) -> Response:
    return await ingest(request, identity, f"/attempts/{attempt_id}/select")


@candidate_router.get(
    "/attempts/{attempt_id}/recording",
    response_model=Recording,
    responses=_with(RECORDING_ERRORS, _LINK),
    summary="Transcoding status and progress of my take",
)
async def my_recording(attempt_id: str, request: Request, identity: Candidate) -> Response:
    return await transcoding(request, identity, f"/recordings/{attempt_id}")


@candidate_router.get(
    "/attempts/{attempt_id}/playback",
    response_model=Playback,
    responses=_with(PLAYBACK_ERRORS, _LINK),
    summary="Play back my take (playlist paths are relative to this URL)",
)
async def my_playback(attempt_id: str, request: Request, identity: Candidate) -> Response:
    return await transcoding(request, identity, f"/recordings/{attempt_id}/playback")


@candidate_router.get(
    "/attempts/{attempt_id}/hls/{name}.m3u8",
    response_class=Response,
    responses=_with(_PLAYLIST, PLAYBACK_ERRORS, _LINK),
    summary="HLS playlist of my take (master, or a rendition with presigned segment URLs)",
)
async def my_playlist(
    attempt_id: str, name: str, request: Request, identity: Candidate
) -> Response:
    return await transcoding(request, identity, f"/recordings/{attempt_id}/hls/{name}.m3u8")


# --- the hiring team ----------------------------------------------------------------------------


@router.get(
    "/invitations/{invitation_id}/attempts",
    response_model=AttemptList,
    responses=_with(ATTEMPT_ERRORS, _RATE),
    summary="Every answer attempt of an invitation (`selected` marks the takes to review)",
)
async def invitation_attempts(
    invitation_id: str, request: Request, identity: MediaRead
) -> Response:
    return await ingest(request, identity, f"/invitations/{invitation_id}/attempts")


@router.get(
    "/attempts/{attempt_id}",
    response_model=Attempt,
    responses=_with(ATTEMPT_ERRORS, _RATE),
    summary="Read an answer attempt",
)
async def attempt(attempt_id: str, request: Request, identity: MediaRead) -> Response:
    return await ingest(request, identity, f"/attempts/{attempt_id}")


@router.get(
    "/recordings/{attempt_id}",
    response_model=Recording,
    responses=_with(RECORDING_ERRORS, _RATE),
    summary="Transcoding status, progress, renditions and audio check of a recording",
)
async def recording(attempt_id: str, request: Request, identity: MediaRead) -> Response:
    return await transcoding(request, identity, f"/recordings/{attempt_id}")


@router.get(
    "/recordings/{attempt_id}/playback",
    response_model=Playback,
    responses=_with(PLAYBACK_ERRORS, _RATE),
    summary="Play a recording: playlists, presigned poster and thumbnail strip",
)
async def playback(attempt_id: str, request: Request, identity: MediaRead) -> Response:
    return await transcoding(request, identity, f"/recordings/{attempt_id}/playback")


@router.get(
    "/recordings/{attempt_id}/hls/{name}.m3u8",
    response_class=Response,
    responses=_with(_PLAYLIST, PLAYBACK_ERRORS, _RATE),
    summary="HLS playlist: `master`, or a rendition with presigned segment URLs",
)
async def playlist(attempt_id: str, name: str, request: Request, identity: MediaRead) -> Response:
    return await transcoding(request, identity, f"/recordings/{attempt_id}/hls/{name}.m3u8")
