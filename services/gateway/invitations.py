"""Public API of screening set-up and invitations (the invite service) and the candidate's link."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Depends, Query, Request, Response

from contracts.events.invitations import Accommodations
from services.chassis.errors import Problem
from services.chassis.identity import Identity
from services.gateway.auth import authenticate_candidate, require
from services.gateway.upstream import forward_to
from services.invite.schemas import (
    BulkResult,
    CandidateExport,
    CandidateInterview,
    ConsentIn,
    ErasureIn,
    ErasureOut,
    Extension,
    InvitationCreatedOut,
    InvitationIn,
    InvitationOut,
    PositionIn,
    PositionOut,
    Progress,
    PromptVideoIn,
    PromptVideoUpload,
    QuestionSetIn,
    QuestionSetOut,
    TemplateIn,
    TemplateOut,
    Withdrawal,
)

invite = forward_to("invite")
router = APIRouter(prefix="/v1")
candidate_router = APIRouter(prefix="/v1/candidate", tags=["candidate"])


def errors(*extra: int) -> dict[int | str, dict[str, Any]]:
    described = {
        401: "Missing, invalid or expired credentials.",
        403: "The credential lacks the required scope.",
        404: "No such resource in your tenant.",
        409: "The resource is not in a state that allows this.",
        410: "The link or invitation is no longer valid.",
        413: "The body or the number of rows is over the limit.",
        415: "Unsupported content type.",
        422: "The body does not match the schema.",
        429: "Rate limit exceeded; see Retry-After.",
    }
    codes = (401, 403, 422, 429, *extra)
    return {code: {"model": Problem, "description": described[code]} for code in codes}


CandidatesRead = Annotated[Identity, Depends(require("candidates:read"))]
CandidatesWrite = Annotated[Identity, Depends(require("candidates:write"))]
InvitationsRead = Annotated[Identity, Depends(require("invitations:read"))]
InvitationsWrite = Annotated[Identity, Depends(require("invitations:write"))]
PositionsRead = Annotated[Identity, Depends(require("positions:read"))]
PositionsWrite = Annotated[Identity, Depends(require("positions:write"))]
QuestionSetsRead = Annotated[Identity, Depends(require("question_sets:read"))]
QuestionSetsWrite = Annotated[Identity, Depends(require("question_sets:write"))]


# --- question sets ------------------------------------------------------------------------------


@router.post(
    "/question-sets",
    status_code=201,
    response_model=QuestionSetOut,
    responses=errors(),
    tags=["question sets"],
    summary="Create a question set",
)
async def create_question_set(
    body: QuestionSetIn, request: Request, identity: QuestionSetsWrite
) -> Response:
    return await invite(request, identity, "/question-sets")


@router.post(
    "/question-sets/prompt-videos",
    status_code=201,
    response_model=PromptVideoUpload,
    responses=errors(),
    tags=["question sets"],
    summary="Get an upload URL for a recorded video prompt",
)
async def prompt_video_upload(
    body: PromptVideoIn, request: Request, identity: QuestionSetsWrite
) -> Response:
    return await invite(request, identity, "/question-sets/prompt-videos")


@router.put(
    "/question-sets/{set_id}",
    response_model=QuestionSetOut,
    responses=errors(404),
    tags=["question sets"],
    summary="Edit a question set (creates a new version)",
)
async def edit_question_set(
    set_id: str, body: QuestionSetIn, request: Request, identity: QuestionSetsWrite
) -> Response:
    return await invite(request, identity, f"/question-sets/{set_id}")


@router.get(
    "/question-sets",
    response_model=list[QuestionSetOut],
    responses=errors(),
    tags=["question sets"],
    summary="List question sets (latest versions)",
)
async def list_question_sets(request: Request, identity: QuestionSetsRead) -> Response:
    return await invite(request, identity, "/question-sets")


@router.get(
    "/question-sets/{set_id}",
    response_model=QuestionSetOut,
    responses=errors(404),
    tags=["question sets"],
    summary="Read a question set (a version with ?version=)",
)
async def get_question_set(
    set_id: str,
    request: Request,
    identity: QuestionSetsRead,
    version: int | None = None,
) -> Response:
    return await invite(request, identity, f"/question-sets/{set_id}")


# --- positions ----------------------------------------------------------------------------------


@router.post(
    "/positions",
    status_code=201,
    response_model=PositionOut,
    responses=errors(404),
    tags=["positions"],
    summary="Create a position",
)
async def create_position(body: PositionIn, request: Request, identity: PositionsWrite) -> Response:
    return await invite(request, identity, "/positions")


@router.get(
    "/positions",
    response_model=list[PositionOut],
    responses=errors(),
    tags=["positions"],
    summary="List positions with their funnel counts",
)
async def list_positions(request: Request, identity: PositionsRead) -> Response:
    return await invite(request, identity, "/positions")


@router.get(
    "/positions/{position_id}",
    response_model=PositionOut,
    responses=errors(404),
    tags=["positions"],
    summary="Read a position",
)
async def get_position(position_id: str, request: Request, identity: PositionsRead) -> Response:
    return await invite(request, identity, f"/positions/{position_id}")


# --- invitations --------------------------------------------------------------------------------


@router.post(
    "/positions/{position_id}/invitations",
    status_code=201,
    response_model=InvitationCreatedOut,
    responses=errors(404, 409),
    tags=["invitations"],
    summary="Invite one candidate",
)
async def invite_one(
    position_id: str, body: InvitationIn, request: Request, identity: InvitationsWrite
) -> Response:
    return await invite(request, identity, f"/positions/{position_id}/invitations")


@router.post(
    "/positions/{position_id}/invitations/bulk",
    response_model=BulkResult,
    responses=errors(404, 413, 415),
    tags=["invitations"],
    summary="Invite up to 10,000 candidates from CSV or JSON, with a result per row",
    description="Send `text/csv` with columns `name,email` and optionally `deadline`, "
    "`time_multiplier`, `extra_retakes` (UTF-8), or `application/json`: an array of invitation "
    "objects. Each row is created, a duplicate (same e-mail already invited to the position) or "
    "invalid with its reason; an invalid row never fails the others.",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "text/csv": {"schema": {"type": "string"}},
                "application/json": {
                    "schema": {"type": "array", "items": InvitationIn.model_json_schema()}
                },
            },
        }
    },
)
async def invite_bulk(position_id: str, request: Request, identity: InvitationsWrite) -> Response:
    return await invite(request, identity, f"/positions/{position_id}/invitations/bulk")


@router.get(
    "/positions/{position_id}/invitations",
    response_model=list[InvitationOut],
    responses=errors(404),
    tags=["invitations"],
    summary="List a position's invitations (cursor pagination with ?after=)",
)
async def list_invitations(
    position_id: str,
    request: Request,
    identity: InvitationsRead,
    state: str | None = None,
    after: str | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> Response:
    return await invite(request, identity, f"/positions/{position_id}/invitations")


@router.get(
    "/positions/{position_id}/invitations.csv",
    responses=errors(404),
    tags=["invitations"],
    summary="Export a position's invitations as CSV",
    response_class=Response,
)
async def export_invitations(
    position_id: str, request: Request, identity: InvitationsRead
) -> Response:
    return await invite(request, identity, f"/positions/{position_id}/invitations.csv")


@router.get(
    "/invitations/{invitation_id}",
    response_model=InvitationOut,
    responses=errors(404),
    tags=["invitations"],
    summary="Read an invitation",
)
async def get_invitation(
    invitation_id: str, request: Request, identity: InvitationsRead
) -> Response:
    return await invite(request, identity, f"/invitations/{invitation_id}")


@router.post(
    "/invitations/{invitation_id}/extend",
    response_model=InvitationOut,
    responses=errors(404, 409),
    tags=["invitations"],
    summary="Extend the deadline",
)
async def extend(
    invitation_id: str, body: Extension, request: Request, identity: InvitationsWrite
) -> Response:
    return await invite(request, identity, f"/invitations/{invitation_id}/extend")


@router.post(
    "/invitations/{invitation_id}/withdraw",
    response_model=InvitationOut,
    responses=errors(404, 409),
    tags=["invitations"],
    summary="Withdraw an invitation",
)
async def withdraw(
    invitation_id: str, body: Withdrawal, request: Request, identity: InvitationsWrite
) -> Response:
    return await invite(request, identity, f"/invitations/{invitation_id}/withdraw")


@router.put(
    "/invitations/{invitation_id}/accommodations",
    response_model=InvitationOut,
    responses=errors(404, 409),
    tags=["invitations"],
    summary="Set accommodations (time multiplier, extra retakes)",
)
async def accommodate(
    invitation_id: str,
    body: Accommodations,
    request: Request,
    identity: InvitationsWrite,
) -> Response:
    return await invite(request, identity, f"/invitations/{invitation_id}/accommodations")


@router.get(
    "/email-templates",
    response_model=list[TemplateOut],
    responses=errors(),
    tags=["e-mail"],
    summary="The tenant's e-mail templates",
)
async def list_templates(request: Request, identity: InvitationsRead) -> Response:
    return await invite(request, identity, "/email-templates")


@router.put(
    "/email-templates/{kind}",
    response_model=TemplateOut,
    responses=errors(),
    tags=["e-mail"],
    summary="Set an e-mail template ($candidate_name, $position_title, $link, $deadline)",
)
async def put_template(
    kind: Literal["invitation", "reminder", "receipt"],
    body: TemplateIn,
    request: Request,
    identity: InvitationsWrite,
) -> Response:
    return await invite(request, identity, f"/email-templates/{kind}")


# --- data protection ----------------------------------------------------------------------------


@router.get(
    "/candidates/export",
    response_model=CandidateExport,
    responses=errors(),
    tags=["data protection"],
    summary="Export a candidate's data",
)
async def export_candidate(
    request: Request, identity: CandidatesRead, email: str = Query()
) -> Response:
    return await invite(request, identity, "/candidates/export")


@router.post(
    "/candidates/erase",
    status_code=202,
    response_model=ErasureOut,
    responses=errors(404),
    tags=["data protection"],
    summary="Erase a candidate's data in every service",
)
async def erase_candidate(body: ErasureIn, request: Request, identity: CandidatesWrite) -> Response:
    return await invite(request, identity, "/candidates/erase")


# --- the candidate's link -----------------------------------------------------------------------

CandidateLink = Annotated[Identity, Depends(authenticate_candidate("interview"))]


@candidate_router.get(
    "/interview",
    response_model=CandidateInterview,
    responses=errors(404, 410),
    summary="The interview behind this link (questions, limits, notice)",
)
async def candidate_interview(request: Request, identity: CandidateLink) -> Response:
    return await invite(request, identity, "/candidate/interview")


@candidate_router.post(
    "/consent",
    response_model=Progress,
    responses=errors(409, 410),
    summary="Give consent to the notice",
)
async def candidate_consent(
    request: Request, identity: CandidateLink, body: Annotated[ConsentIn, Body()]
) -> Response:
    return await invite(request, identity, "/candidate/consent")


@candidate_router.post(
    "/start", response_model=Progress, responses=errors(409, 410), summary="Start the interview"
)
async def candidate_start(request: Request, identity: CandidateLink) -> Response:
    return await invite(request, identity, "/candidate/start")


@candidate_router.post(
    "/complete", response_model=Progress, responses=errors(409, 410), summary="Finish the interview"
)
async def candidate_complete(request: Request, identity: CandidateLink) -> Response:
    return await invite(request, identity, "/candidate/complete")


@candidate_router.get(
    "/progress", response_model=Progress, responses=errors(410), summary="Where the candidate is"
)
async def candidate_progress(request: Request, identity: CandidateLink) -> Response:
    return await invite(request, identity, "/candidate/progress")
