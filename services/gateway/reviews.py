"""Public API of reviewing (the review service): submissions, rubrics, panels and queues, reviews,
comments, decisions, calibration and the selection-rate report."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request, Response

from services.chassis.errors import Problem
from services.chassis.identity import Identity
from services.gateway.auth import authenticate_candidate, require
from services.gateway.upstream import forward_to
from services.review.schemas import (
    Calibration,
    CommentIn,
    CommentOut,
    DecisionIn,
    DecisionOut,
    DecisionRecord,
    ReviewIn,
    ReviewSettingsIn,
    ReviewSettingsOut,
    RubricIn,
    RubricOut,
    SelectionReport,
    SelectionSetting,
    SelfReportIn,
    SelfReportOut,
    SideBySide,
    SubmissionOut,
    SubmissionPage,
    SubmissionStatus,
)

review = forward_to("review")


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


router = APIRouter(prefix="/v1")
candidate_router = APIRouter(prefix="/v1/candidate", tags=["candidate"])

ReviewsRead = Annotated[Identity, Depends(require("reviews:read"))]
ReviewsWrite = Annotated[Identity, Depends(require("reviews:write"))]
DecisionsWrite = Annotated[Identity, Depends(require("decisions:write"))]
PositionsWrite = Annotated[Identity, Depends(require("positions:write"))]
CandidateLink = Annotated[Identity, Depends(authenticate_candidate("interview"))]


# --- rubrics and panels -------------------------------------------------------------------------


@router.put(
    "/question-sets/{set_id}/rubric",
    response_model=RubricOut,
    responses=errors(409),
    tags=["reviews"],
    summary="Set the question set's rubric (creates a new version)",
)
async def put_rubric(
    set_id: str, body: RubricIn, request: Request, identity: PositionsWrite
) -> Response:
    return await review(request, identity, f"/question-sets/{set_id}/rubric")


@router.get(
    "/question-sets/{set_id}/rubric",
    response_model=RubricOut,
    responses=errors(404),
    tags=["reviews"],
    summary="Read the rubric (a version with ?version=)",
)
async def get_rubric(
    set_id: str, request: Request, identity: ReviewsRead, version: int | None = None
) -> Response:
    return await review(request, identity, f"/question-sets/{set_id}/rubric")


@router.put(
    "/positions/{position_id}/review-settings",
    response_model=ReviewSettingsOut,
    responses=errors(),
    tags=["reviews"],
    summary="Set the position's review panel, reviewers per candidate and blind review",
)
async def put_review_settings(
    position_id: str, body: ReviewSettingsIn, request: Request, identity: PositionsWrite
) -> Response:
    return await review(request, identity, f"/positions/{position_id}/review-settings")


@router.get(
    "/positions/{position_id}/review-settings",
    response_model=ReviewSettingsOut,
    responses=errors(),
    tags=["reviews"],
    summary="Read the position's review settings",
)
async def get_review_settings(
    position_id: str, request: Request, identity: ReviewsRead
) -> Response:
    return await review(request, identity, f"/positions/{position_id}/review-settings")


# --- submissions --------------------------------------------------------------------------------


@router.get(
    "/positions/{position_id}/submissions",
    response_model=SubmissionPage,
    responses=errors(),
    tags=["reviews"],
    summary="A position's candidates ranked by score (or most recent), filtered, paginated",
)
async def list_submissions(
    position_id: str,
    request: Request,
    identity: ReviewsRead,
    status: SubmissionStatus | None = None,
    decision: Literal["advance", "reject", "hold", "none"] | None = None,
    reviewer: str | None = None,
    min_score: float | None = None,
    max_score: float | None = None,
    sort: Literal["score", "ready"] = "score",
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    cursor: str | None = None,
) -> Response:
    return await review(request, identity, f"/positions/{position_id}/submissions")


@router.get(
    "/submissions/{invitation_id}",
    response_model=SubmissionOut,
    responses=errors(404),
    tags=["reviews"],
    summary="One candidate's answers, scores and reviews (as you may see them)",
)
async def get_submission(invitation_id: str, request: Request, identity: ReviewsRead) -> Response:
    return await review(request, identity, f"/submissions/{invitation_id}")


@router.get(
    "/positions/{position_id}/questions/{question_id}/answers",
    response_model=SideBySide,
    responses=errors(404),
    tags=["reviews"],
    summary="One question's answers from several candidates, side by side with their scores",
)
async def side_by_side(
    position_id: str,
    question_id: str,
    request: Request,
    identity: ReviewsRead,
    invitation_id: Annotated[list[str], Query(min_length=1, max_length=20)],
) -> Response:
    return await review(
        request, identity, f"/positions/{position_id}/questions/{question_id}/answers"
    )


@router.get(
    "/review-queue/next",
    response_model=SubmissionOut,
    responses={**errors(), 204: {"description": "Nothing left to review."}},
    tags=["reviews"],
    summary="The next candidate assigned to you",
)
async def next_to_review(
    request: Request, identity: ReviewsWrite, position_id: str | None = None
) -> Response:
    return await review(request, identity, "/review-queue/next")


@router.post(
    "/submissions/{invitation_id}/review",
    status_code=201,
    response_model=SubmissionOut,
    responses=errors(404, 409),
    tags=["reviews"],
    summary="Submit your ratings and recommendation (once)",
)
async def submit_review(
    invitation_id: str, body: ReviewIn, request: Request, identity: ReviewsWrite
) -> Response:
    return await review(request, identity, f"/submissions/{invitation_id}/review")


@router.post(
    "/submissions/{invitation_id}/comments",
    status_code=201,
    response_model=CommentOut,
    responses=errors(404),
    tags=["reviews"],
    summary="Comment on a moment of an answer",
)
async def add_comment(
    invitation_id: str, body: CommentIn, request: Request, identity: ReviewsWrite
) -> Response:
    return await review(request, identity, f"/submissions/{invitation_id}/comments")


@router.get(
    "/submissions/{invitation_id}/comments",
    response_model=list[CommentOut],
    responses=errors(404),
    tags=["reviews"],
    summary="Comments on a candidate's answers",
)
async def list_comments(invitation_id: str, request: Request, identity: ReviewsRead) -> Response:
    return await review(request, identity, f"/submissions/{invitation_id}/comments")


# --- decisions and reports ----------------------------------------------------------------------


@router.post(
    "/submissions/{invitation_id}/decision",
    response_model=DecisionOut,
    responses=errors(404, 409),
    tags=["decisions"],
    summary="Advance, reject or hold a candidate (idempotent)",
)
async def decide(
    invitation_id: str, body: DecisionIn, request: Request, identity: DecisionsWrite
) -> Response:
    return await review(request, identity, f"/submissions/{invitation_id}/decision")


@router.get(
    "/submissions/{invitation_id}/decisions",
    response_model=list[DecisionRecord],
    responses=errors(404),
    tags=["decisions"],
    summary="The audit trail of decisions on a candidate",
)
async def decision_log(invitation_id: str, request: Request, identity: ReviewsRead) -> Response:
    return await review(request, identity, f"/submissions/{invitation_id}/decisions")


@router.get(
    "/positions/{position_id}/calibration",
    response_model=Calibration,
    responses=errors(),
    tags=["reviews"],
    summary="Inter-rater agreement and each reviewer's offset, per criterion",
)
async def calibration(position_id: str, request: Request, identity: ReviewsRead) -> Response:
    return await review(request, identity, f"/positions/{position_id}/calibration")


@router.get(
    "/settings/selection-report",
    response_model=SelectionSetting,
    responses=errors(),
    tags=["selection report"],
    summary="Whether self-reported categories are collected (off by default)",
)
async def get_selection_setting(request: Request, identity: ReviewsRead) -> Response:
    return await review(request, identity, "/settings/selection-report")


@router.put(
    "/settings/selection-report",
    response_model=SelectionSetting,
    responses=errors(),
    tags=["selection report"],
    summary="Enable or disable self-reported categories and the report (administrators)",
)
async def put_selection_setting(
    body: SelectionSetting, request: Request, identity: DecisionsWrite
) -> Response:
    return await review(request, identity, "/settings/selection-report")


@router.put(
    "/submissions/{invitation_id}/self-report",
    response_model=SelfReportOut,
    responses=errors(404, 409),
    tags=["selection report"],
    summary="Record categories a candidate reported through another channel",
)
async def staff_self_report(
    invitation_id: str, body: SelfReportIn, request: Request, identity: DecisionsWrite
) -> Response:
    return await review(request, identity, f"/submissions/{invitation_id}/self-report")


@router.get(
    "/positions/{position_id}/selection-report",
    response_model=SelectionReport,
    responses=errors(409),
    tags=["selection report"],
    summary="Selection rates and impact ratios per self-reported category and stage",
)
async def selection_report(
    position_id: str, request: Request, identity: DecisionsWrite
) -> Response:
    return await review(request, identity, f"/positions/{position_id}/selection-report")


# --- the candidate ------------------------------------------------------------------------------


@candidate_router.put(
    "/self-report",
    response_model=SelfReportOut,
    responses=errors(409, 410),
    summary="Voluntarily report categories for the employer's selection-rate audit",
)
async def candidate_self_report(
    body: SelfReportIn, request: Request, identity: CandidateLink
) -> Response:
    return await review(request, identity, "/candidate/self-report")


@candidate_router.get(
    "/self-report",
    response_model=SelfReportOut,
    responses=errors(409, 410),
    summary="What I reported, if anything",
)
async def candidate_get_self_report(request: Request, identity: CandidateLink) -> Response:
    return await review(request, identity, "/candidate/self-report")
