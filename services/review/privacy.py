"""Erasure of a candidate's review data: reviews, comments, self-reported categories and share
links deleted, assignments closed, decision reasons redacted (who decided what, and when, stays
auditable), and the submission reduced to a tombstone by the projection."""

from __future__ import annotations

from pymongo.asynchronous.client_session import AsyncClientSession

from contracts.events.privacy import CandidateErasureRequested
from services.chassis.bus import Delivery, Handler
from services.review import assignments, store, submission_view
from services.review.store import Db
from services.review.submissions import initial_review


def on_erasure(db: Db) -> Handler:
    """The handler of `candidate.erasure_requested` (see `consumers`): each submission becomes a
    tombstone and its review data goes, in the delivery's transaction."""

    async def handle(delivery: Delivery[CandidateErasureRequested]) -> None:
        for invitation_id in delivery.payload.invitation_ids:
            await submission_view.fold(db, delivery, invitation_id)
        await erase_review_data(db, delivery.session, delivery.tenant, delivery.payload)

    return handle


async def erase_review_data(
    db: Db, session: AsyncClientSession, tenant: str, event: CandidateErasureRequested
) -> None:
    ids = event.invitation_ids
    scope = {"tenant": tenant, "invitation_id": {"$in": ids}}
    await assignments.close(db, session, tenant, {"invitation_id": {"$in": ids}}, "erased")
    for name in ("reviews", "comments", "self_reports", "assignments", "shares"):
        await db[name].delete_many(scope, session=session)
    await store.decisions(db).update_many(
        scope, {"$set": {"reason": None, "redacted": True}}, session=session
    )
    for invitation_id in ids:
        await store.submissions(db).update_one(
            {"_id": invitation_id, "tenant": tenant},
            {"$set": {"review": initial_review(invitation_id)}},
            session=session,
        )
