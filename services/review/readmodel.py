"""The live consumer of the submissions read model: every invitation, recording and erasure event,
and every completed live interview, is folded by `projection` into its submission, then the review
state reacts (assign reviewers when a candidate becomes reviewable, close assignments when it no
longer can be, erase review data)."""

from __future__ import annotations

import copy
from typing import Any

from contracts.events.base import Payload
from contracts.events.privacy import CandidateErasureRequested
from services.chassis.bus import Delivery, PermanentError
from services.chassis.service import Service
from services.review import assignment, privacy, projection
from services.review.submissions import Db, initial_review, load_settings, settings_id


def fact_update(before: dict[str, Any] | None, after: dict[str, Any]) -> dict[str, Any]:
    """The MongoDB update that stores the projection's fields of `after` (and removes those the
    projection dropped), leaving the review service's own state alone."""
    derived = projection.derive(after)
    update: dict[str, Any] = {
        "$set": {**{k: after[k] for k in projection.FACT_FIELDS if k in after}, **derived}
    }
    dropped = {k: "" for k in projection.FACT_FIELDS if k not in after and before and k in before}
    if dropped:
        update["$unset"] = dropped
    if before is None:
        update["$setOnInsert"] = {"review": initial_review(after["_id"])}
    return update


async def fold(
    db: Db,
    delivery: Delivery[Any],
    invitation_id: str,
) -> tuple[dict[str, Any] | None, dict[str, Any]]:
    """Fold the delivered event into one submission; returns the documents before and after."""
    session, tenant = delivery.session, delivery.tenant
    before: dict[str, Any] | None = await db.submissions.find_one(
        {"_id": invitation_id}, session=session
    )
    if before is not None and before["tenant"] != tenant:
        raise PermanentError("an invitation id of another tenant")
    start = copy.deepcopy(before) if before else {"_id": invitation_id, "tenant": tenant}
    try:
        after = projection.apply(
            start, delivery.envelope.type, delivery.payload, delivery.envelope.time
        )
    except ValueError as exc:
        raise PermanentError(str(exc)) from exc
    update = fact_update(before, after)
    await db.submissions.update_one(
        {"_id": invitation_id, "tenant": tenant}, update, upsert=True, session=session
    )
    merged = {**after, **update["$set"]}
    merged["review"] = before["review"] if before else update["$setOnInsert"]["review"]
    return before, merged


def register(service: Service) -> None:
    db = service.db

    async def on_event(delivery: Delivery[Payload]) -> None:
        payload = delivery.payload
        if isinstance(payload, CandidateErasureRequested):
            for erased in payload.invitation_ids:
                await fold(db, delivery, erased)
            await privacy.erase_review_data(db, delivery.session, delivery.tenant, payload)
            return
        before, after = await fold(db, delivery, str(getattr(payload, "invitation_id")))  # noqa: B009
        await react(db, delivery, before, after)

    for event_type in projection.EVENT_TYPES:
        service.on(event_type)(on_event)


async def react(
    db: Db, delivery: Delivery[Any], before: dict[str, Any] | None, after: dict[str, Any]
) -> None:
    """What the review state does about a change of the read model (in the same transaction)."""
    session, tenant = delivery.session, delivery.tenant
    position_id = after.get("position_id")
    if position_id is None:
        return
    if delivery.envelope.type == "invitation.created":
        await db.review_settings.update_one(
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
        await db.review_settings.update_one(
            {"_id": settings_id(tenant, position_id)},
            {"$max": {"top_ready_key": after["ready_key"]}},
            session=session,
        )
    if after["reviewable"] and not was:
        settings = await load_settings(db, tenant, position_id, session)
        await assignment.assign(db, session, tenant, after, settings)
    elif after["invitation_state"] == "withdrawn" and was:
        await assignment.close(
            db, session, tenant, {"invitation_id": after["_id"]}, "invitation_withdrawn"
        )
