"""Decisions: advance, reject or hold a candidate, with a reason, by a recruiter. Idempotent (the
same decision again changes nothing and emits nothing), audited (who, when, why, the previous
decision) and published as candidate.advanced / rejected / held through the outbox."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from fastapi import Request
from pymongo.asynchronous.client_session import AsyncClientSession

from contracts.events.reviews import CandidateAdvanced, CandidateHeld, CandidateRejected
from services.chassis import paging
from services.chassis.api import Api, Id, staff
from services.chassis.errors import ProblemError
from services.chassis.service import Service
from services.review import assignments, store
from services.review.access import LEADS_ONLY, Lead
from services.review.review_time import observe_first
from services.review.schemas import DecisionIn, DecisionOut, DecisionPage, DecisionRecord
from services.review.store import DecisionFact
from services.review.submissions import (
    FINAL,
    NOT_FOUND,
    Conflict,
    load_settings,
    load_submission,
    readable,
    transaction,
)

api = Api("review", tags=["decisions"])
EVENTS = {"advance": CandidateAdvanced, "reject": CandidateRejected, "hold": CandidateHeld}


@api.post(
    "/submissions/{invitation_id}/decision",
    staff("decisions:write"),
    summary="Advance, reject or hold a candidate (idempotent)",
    response_model=DecisionOut,
    errors={
        403: LEADS_ONLY,
        **NOT_FOUND,
        409: "`invitation_withdrawn`: the invitation was withdrawn; `not_ready`: the invitation "
        "is not known here yet.",
    },
)
async def decide(
    invitation_id: Id, body: DecisionIn, request: Request, identity: Lead
) -> DecisionOut:
    """Record a decision. Advance and reject end the review (open assignments close and blind
    review lifts); hold keeps the candidate under review."""
    service: Service = request.app.state.service
    db = service.db
    await readable(db, identity, invitation_id)

    async def work(session: AsyncClientSession) -> DecisionOut:
        doc = await load_submission(db, identity.tenant, invitation_id, session)
        current = doc["review"].get("decision")
        previous = current["outcome"] if current else None
        if current is not None and previous == body.outcome:
            return DecisionOut(
                **current, invitation_id=invitation_id, changed=False, previous=previous
            )
        if doc["invitation_state"] == "withdrawn":
            raise ProblemError(409, "invitation_withdrawn", "The invitation was withdrawn.")
        candidate = doc.get("candidate")
        if candidate is None:
            raise ProblemError(409, "not_ready", "The invitation is not known here yet.")
        now = datetime.now(UTC)
        decision: DecisionFact = {
            "outcome": body.outcome,
            "decided_by": identity.principal,
            "decided_at": now,
            "reason": body.reason,
        }
        result = await store.submissions(db).update_one(
            {
                "_id": invitation_id,
                "tenant": identity.tenant,
                "review.version": doc["review"]["version"],
            },
            {
                "$set": {
                    "review.decision": decision,
                    "review.outcome": body.outcome,
                    "review.version": doc["review"]["version"] + 1,
                }
            },
            session=session,
        )
        if result.modified_count != 1:
            raise Conflict
        record: store.DecisionRecord = {
            "_id": str(uuid.uuid4()),
            "tenant": identity.tenant,
            "invitation_id": invitation_id,
            "position_id": doc["position_id"],
            "previous": previous,
            "outcome": body.outcome,
            "decided_by": identity.principal,
            "decided_at": now,
            "reason": body.reason,
        }
        await store.decisions(db).insert_one(record, session=session)
        if body.outcome in FINAL:
            await assignments.close(
                db, session, identity.tenant, {"invitation_id": invitation_id}, "decided"
            )
        else:  # back on hold after a final decision: the panel may pick it up again
            settings = await load_settings(db, identity.tenant, doc["position_id"], session)
            if previous in FINAL and doc["reviewable"]:
                doc["review"]["outcome"] = body.outcome
                await assignments.assign(db, session, identity.tenant, doc, settings)
        event = EVENTS[body.outcome](
            invitation_id=invitation_id,
            position_id=doc["position_id"],
            candidate_name=candidate["name"],
            candidate_email=candidate["email"],
            decided_by=identity.principal,
            decided_at=now,
            reason=body.reason,
            candidate_language=candidate.get("language"),
        )
        await service.outbox.add(session, identity.tenant, event)
        completed.append(doc.get("times", {}).get("completed"))
        return DecisionOut(**decision, invitation_id=invitation_id, changed=True, previous=previous)

    completed: list[datetime | None] = []  # the last attempt's (a transaction may run again)
    out = await transaction(service, work)
    if out.changed and out.outcome in FINAL and out.previous not in FINAL and completed:
        observe_first("decision", completed[-1], out.decided_at)
    return out


def record_out(doc: store.DecisionRecord) -> DecisionRecord:
    return DecisionRecord(
        id=doc["_id"],
        invitation_id=doc["invitation_id"],
        outcome=doc["outcome"],
        previous=doc["previous"],
        decided_by=doc["decided_by"],
        decided_at=doc["decided_at"],
        reason=doc.get("reason"),
    )


@api.get(
    "/submissions/{invitation_id}/decisions",
    staff("reviews:read"),
    summary="The audit trail of decisions on a candidate, oldest first",
    response_model=DecisionPage,
    errors={403: LEADS_ONLY, **NOT_FOUND, **paging.ERRORS},
)
async def decision_log(
    invitation_id: Id,
    request: Request,
    identity: Lead,
    limit: paging.Limit = paging.DEFAULT_LIMIT,
    cursor: paging.Cursor = None,
) -> DecisionPage:
    """Every decision on the candidate, oldest first (the audit trail)."""
    db = request.app.state.service.db
    await readable(db, identity, invitation_id)
    docs, following = await paging.read(
        store.decisions(db),
        {"tenant": identity.tenant, "invitation_id": invitation_id},
        sort=[("decided_at", 1), ("_id", 1)],
        limit=limit,
        cursor=cursor,
    )
    return DecisionPage(items=[record_out(d) for d in docs], next_cursor=following)
