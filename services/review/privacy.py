"""Erasure of a candidate's review data: reviews, comments and self-reported categories deleted,
assignments closed, decision reasons redacted (who decided what, and when, stays auditable), and
the submission reduced to a tombstone by the projection."""

from __future__ import annotations

from pymongo.asynchronous.client_session import AsyncClientSession

from contracts.events.privacy import CandidateErasureRequested
from services.review import assignment
from services.review.submissions import Db, initial_review


async def erase_review_data(
    db: Db, session: AsyncClientSession, tenant: str, event: CandidateErasureRequested
) -> None:
    ids = event.invitation_ids
    scope = {"tenant": tenant, "invitation_id": {"$in": ids}}
    await assignment.close(db, session, tenant, {"invitation_id": {"$in": ids}}, "erased")
    for name in ("reviews", "comments", "self_reports", "assignments"):
        await db[name].delete_many(scope, session=session)
    await db.decisions.update_many(
        scope, {"$set": {"reason": None, "redacted": True}}, session=session
    )
    for invitation_id in ids:
        await db.submissions.update_one(
            {"_id": invitation_id, "tenant": tenant},
            {"$set": {"review": initial_review(invitation_id)}},
            session=session,
        )
