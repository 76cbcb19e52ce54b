"""The submissions read model as stored: each invitation, recording and live-interview event is
folded by `submission_projection` into its submission, then the review state reacts (assign
reviewers when a candidate becomes reviewable, close assignments when it no longer can be)."""

from __future__ import annotations

import copy
from typing import Any, cast

from contracts.events.base import Payload
from services.chassis.bus import Delivery, Handler, PermanentError
from services.review import assignments, store, submission_projection
from services.review.store import Db, Submission
from services.review.submissions import initial_review, load_settings, settings_id


def fact_update(before: Submission | None, after: dict[str, Any]) -> dict[str, Any]:
    """The MongoDB update that stores the projection's fields of `after` (and removes those the
    projection dropped), leaving the review service's own state alone."""
    derived = submission_projection.derive(after)
    fields = submission_projection.FACT_FIELDS
    update: dict[str, Any] = {"$set": {**{k: after[k] for k in fields if k in after}, **derived}}
    dropped = {k: "" for k in fields if k not in after and before and k in before}
    if dropped:
        update["$unset"] = dropped
    if before is None:
        update["$setOnInsert"] = {"review": initial_review(after["_id"])}
    return update


async def fold(
    db: Db, delivery: Delivery[Any], invitation_id: str
) -> tuple[Submission | None, Submission]:
    """Fold the delivered event into one submission; returns the documents before and after."""
    session, tenant = delivery.session, delivery.tenant
    submissions = store.submissions(db)
    before = await submissions.find_one({"_id": invitation_id}, session=session)
    if before is not None and before["tenant"] != tenant:
        raise PermanentError("an invitation id of another tenant")
    start: dict[str, Any] = (
        dict(copy.deepcopy(before)) if before else {"_id": invitation_id, "tenant": tenant}
    )
    try:
        after = submission_projection.apply(
            start, delivery.envelope.type, delivery.payload, delivery.envelope.time
        )
    except ValueError as exc:
        raise PermanentError(str(exc)) from exc
    update = fact_update(before, after)
    await submissions.update_one(
        {"_id": invitation_id, "tenant": tenant}, update, upsert=True, session=session
    )
    merged = cast(Submission, {**after, **update["$set"]})
    merged["review"] = before["review"] if before else update["$setOnInsert"]["review"]
    return before, merged


def on_fact(db: Db) -> Handler:
    """The handler of every invitation, recording and live-interview event (see `consumers`)."""

    async def handle(delivery: Delivery[Payload]) -> None:
        invitation_id = str(getattr(delivery.payload, "invitation_id"))  # noqa: B009
        if not invitation_id:  # a live interview booked outside a screening: no submission
            return
        before, after = await fold(db, delivery, invitation_id)
        await react(db, delivery, before, after)

    return handle


async def react(
    db: Db, delivery: Delivery[Any], before: Submission | None, after: Submission
) -> None:
    """What the review state does about a change of the read model (in the same transaction)."""
    session, tenant = delivery.session, delivery.tenant
    position_id = after.get("position_id")
    if position_id is None:
        return
    panels = store.position_settings(db)
    if delivery.envelope.type == "invitation.created":
        await panels.update_one(
            {"_id": settings_id(tenant, position_id)},
            {
                "$setOnInsert": {
                    "tenant": tenant,
                    "position_id": position_id,
                    "reviewers": [],
                    "per_candidate": None,
                    "blind": None,
                },
                "$set": {
                    "position_title": after["position_title"],
                    "question_set_id": after["question_set_id"],
                },
            },
            upsert=True,
            session=session,
        )
    was = bool(before and before.get("reviewable"))
    if after["reviewable"]:
        await panels.update_one(
            {"_id": settings_id(tenant, position_id)},
            {"$max": {"top_ready_key": after["ready_key"]}},
            session=session,
        )
    if after["reviewable"] and not was:
        settings = await load_settings(db, tenant, position_id, session)
        await assignments.assign(db, session, tenant, after, settings)
    elif after["invitation_state"] == "withdrawn" and was:
        await assignments.close(
            db, session, tenant, {"invitation_id": after["_id"]}, "invitation_withdrawn"
        )
