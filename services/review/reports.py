"""Reports for leads: calibration of a position's panel per criterion, and the selection-rate
(adverse-impact) report from voluntarily self-reported categories, which a tenant must enable."""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi import Request, Response

from services.chassis import preconditions
from services.chassis.api import Api, Id, candidate, staff
from services.chassis.errors import ProblemError
from services.review import calibration, fairness, store
from services.review.access import ADMINS_ONLY, LEADS_ONLY, Admin, Candidate, Lead, Staff
from services.review.schemas import (
    Calibration,
    CriterionCalibration,
    ReviewerOffset,
    SelectionReport,
    SelectionRow,
    SelectionSetting,
    SelectionStage,
    SelfReportIn,
    SelfReportOut,
)
from services.review.store import Db
from services.review.submissions import FINAL, NOT_FOUND, load_submission

api = Api("review", tags=["selection report"])
DIMENSIONS = ("sex", "race_ethnicity")
DISABLED = {409: "`selection_report_disabled`: this organisation does not collect these data."}


# --- calibration --------------------------------------------------------------------------------


@api.get(
    "/positions/{position_id}/calibration",
    staff("reviews:read"),
    summary="Inter-rater agreement and each reviewer's offset, per criterion",
    response_model=Calibration,
    tags=["reviews"],
    errors={403: LEADS_ONLY},
)
async def position_calibration(position_id: Id, request: Request, identity: Lead) -> Calibration:
    """Per criterion: Krippendorff's alpha (interval) over the position's answers and each
    reviewer's mean offset from the panel mean."""
    db = request.app.state.service.db
    units: dict[str, dict[str, dict[str, float]]] = {}  # criterion -> answer -> reviewer -> score
    reviews = store.reviews(db).find({"tenant": identity.tenant, "position_id": position_id})
    async for review in reviews:
        for r in review["ratings"]:
            unit = f"{review['invitation_id']}/{r['question_id']}"
            units.setdefault(r["criterion_id"], {}).setdefault(unit, {})[review["reviewer"]] = (
                float(r["score"])
            )
    criteria = []
    for criterion_id, ratings in sorted(units.items()):
        agreement = calibration.krippendorff_alpha_interval(ratings)
        criteria.append(
            CriterionCalibration(
                criterion_id=criterion_id,
                alpha=agreement.alpha,
                units=agreement.units,
                pairable_values=agreement.pairable_values,
                reviewers=[
                    ReviewerOffset(
                        reviewer=o.reviewer, ratings=o.ratings, mean_offset=o.mean_offset
                    )
                    for o in calibration.reviewer_offsets(ratings)
                ],
            )
        )
    return Calibration(position_id=position_id, criteria=criteria)


# --- self-reported categories and the selection-rate report -------------------------------------


async def enabled(db: Db, tenant: str) -> bool:
    doc = await db.tenant_settings.find_one({"_id": tenant})
    return bool(doc and doc.get("selection_report"))


async def require_enabled(db: Db, tenant: str) -> None:
    if not await enabled(db, tenant):
        raise ProblemError(
            409, "selection_report_disabled", "This organisation does not collect these data."
        )


@api.get(
    "/settings/selection-report",
    staff("reviews:read"),
    summary="Whether self-reported categories are collected (off by default)",
    response_model=SelectionSetting,
)
async def get_setting(request: Request, identity: Staff, response: Response) -> SelectionSetting:
    doc = await request.app.state.service.db.tenant_settings.find_one({"_id": identity.tenant})
    preconditions.tagged(response, preconditions.revision_of(doc))
    return SelectionSetting(enabled=bool(doc and doc.get("selection_report")))


@api.put(
    "/settings/selection-report",
    staff("decisions:write"),
    summary="Enable or disable self-reported categories and the report (administrators)",
    response_model=SelectionSetting,
    errors={403: ADMINS_ONLY, **preconditions.ERRORS},
)
async def put_setting(
    body: SelectionSetting,
    request: Request,
    identity: Admin,
    response: Response,
    if_match: preconditions.IfMatch = None,
) -> SelectionSetting:
    """Enable (or disable) collecting self-reported categories and the report. Off by default."""
    settings = request.app.state.service.db.tenant_settings
    await preconditions.put(
        settings,
        {"_id": identity.tenant},
        {
            "$set": {
                "selection_report": body.enabled,
                "updated_by": identity.principal,
                "updated_at": datetime.now(UTC),
            }
        },
        if_match=if_match,
        response=response,
    )
    return body


async def _record(
    db: Db,
    tenant: str,
    invitation_id: str,
    body: SelfReportIn,
    source: str,
    response: Response,
    if_match: str | None,
) -> SelfReportOut:
    """Records the report; the write is conditional on the revision read when If-Match is sent
    (the candidate and staff write the same report)."""
    await require_enabled(db, tenant)
    doc = await load_submission(db, tenant, invitation_id)
    now = datetime.now(UTC)
    key = {"_id": f"{tenant}|{invitation_id}"}
    current = await db.self_reports.find_one(key, {"revision": 1})
    after = await preconditions.write(
        db.self_reports,
        key,
        {
            "$set": {
                "tenant": tenant,
                "invitation_id": invitation_id,
                "position_id": doc["position_id"],
                **body.model_dump(),
                "source": source,
                "recorded_at": now,
            }
        },
        if_match=if_match,
        revision=preconditions.revision_of(current),
        upsert=True,
    )
    preconditions.tagged(response, preconditions.revision_of(after))
    return SelfReportOut(**body.model_dump(), recorded_at=now)


@api.put(
    "/candidate/self-report",
    candidate("interview"),
    summary="Voluntarily report categories for the employer's selection-rate audit",
    response_model=SelfReportOut,
    tags=["candidate"],
    errors={
        404: "`submission_not_found`: the invitation is not known to review yet; retry later.",
        **DISABLED,
        **preconditions.ERRORS,
    },
)
async def candidate_self_report(
    body: SelfReportIn,
    request: Request,
    identity: Candidate,
    response: Response,
    if_match: preconditions.IfMatch = None,
) -> SelfReportOut:
    """The candidate's own, voluntary answer (any field may be left out or `declined`)."""
    return await _record(
        request.app.state.service.db,
        identity.tenant,
        identity.principal,
        body,
        "candidate",
        response,
        if_match,
    )


@api.get(
    "/candidate/self-report",
    candidate("interview"),
    summary="What I reported, if anything",
    response_model=SelfReportOut,
    tags=["candidate"],
    errors=DISABLED,
)
async def candidate_get_self_report(
    request: Request, identity: Candidate, response: Response
) -> SelfReportOut:
    db = request.app.state.service.db
    await require_enabled(db, identity.tenant)
    doc = await db.self_reports.find_one({"_id": f"{identity.tenant}|{identity.principal}"})
    preconditions.tagged(response, preconditions.revision_of(doc))
    return SelfReportOut(**{k: (doc or {}).get(k) for k in (*DIMENSIONS, "recorded_at")})


@api.put(
    "/submissions/{invitation_id}/self-report",
    staff("decisions:write"),
    summary="Record categories a candidate reported through another channel",
    response_model=SelfReportOut,
    errors={403: LEADS_ONLY, **NOT_FOUND, **DISABLED, **preconditions.ERRORS},
)
async def staff_self_report(
    invitation_id: Id,
    body: SelfReportIn,
    request: Request,
    identity: Lead,
    response: Response,
    if_match: preconditions.IfMatch = None,
) -> SelfReportOut:
    """Record what a candidate reported through another channel (e.g. an ATS form). Staff never
    read a candidate's report (only the aggregate report), so the ETag comes from this answer:
    send it as If-Match on a correction."""
    return await _record(
        request.app.state.service.db,
        identity.tenant,
        invitation_id,
        body,
        "staff",
        response,
        if_match,
    )


@api.get(
    "/positions/{position_id}/selection-report",
    staff("decisions:write"),
    summary="Selection rates and impact ratios per self-reported category and stage",
    response_model=SelectionReport,
    errors={403: LEADS_ONLY, **DISABLED},
)
async def selection_report(position_id: Id, request: Request, identity: Lead) -> SelectionReport:
    """Selection rates and impact ratios per category, for two stages of the position."""
    db = request.app.state.service.db
    await require_enabled(db, identity.tenant)
    categories = {
        d["invitation_id"]: d
        async for d in db.self_reports.find({"tenant": identity.tenant, "position_id": position_id})
    }
    submissions = (
        await store.submissions(db)
        .find(
            {"tenant": identity.tenant, "position_id": position_id},
            {"_id": 1, "invitation_state": 1, "review.outcome": 1},
        )
        .to_list()
    )
    stages = [
        (
            "completion",
            "Invited candidates; selected = completed the recorded interview.",
            [(s, s["invitation_state"] == "completed") for s in submissions],
        ),
        (
            "screen",
            "Candidates with an advance or reject decision; selected = advanced.",
            [
                (s, s["review"]["outcome"] == "advance")
                for s in submissions
                if s["review"].get("outcome") in FINAL
            ],
        ),
    ]
    out = []
    for stage, description, outcomes in stages:
        dimensions = {}
        for dimension in DIMENSIONS:
            table = fairness.selection_table(
                (categories.get(s["_id"], {}).get(dimension), selected) for s, selected in outcomes
            )
            dimensions[dimension] = [SelectionRow(**row.__dict__) for row in table]
        out.append(SelectionStage(stage=stage, description=description, dimensions=dimensions))
    return SelectionReport(position_id=position_id, candidates=len(submissions), stages=out)
