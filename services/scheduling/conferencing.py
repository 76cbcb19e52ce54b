"""The tenant's conferencing: the join-link template that every interview booked from now on gets,
unless an integration sets a booking's own link."""

from __future__ import annotations

from fastapi import Response

from services.chassis import preconditions
from services.chassis.api import Api, staff
from services.scheduling.access import StaffReader, StaffWriter
from services.scheduling.schemas import Conferencing
from services.scheduling.store import Ctx, Scheduling

api = Api("scheduling", tags=["scheduling"])
# The tenant document holds other settings too; the template has its own revision (its ETag).
REVISION = "conferencing_revision"


async def join_url(
    ctx: Scheduling, tenant: str, request_id: str, booking_id: str, type_template: str | None
) -> str | None:
    """The outside tool's link for a new booking (the interview type's template, else the
    tenant's, else the installation's), or None: the call is in the platform's room."""
    doc = await ctx.tenants.find_one({"_id": tenant})
    template = (
        type_template
        or (doc or {}).get("join_url_template")
        or ctx.settings.default_join_url_template
    )
    return str(template).format(booking_id=booking_id, request_id=request_id) if template else None


@api.get(
    "/scheduling/conferencing",
    staff("scheduling:read"),
    summary="Read the tenant's join-link template",
    response_model=Conferencing,
)
async def get_conferencing(ctx: Ctx, who: StaffReader, response: Response) -> Conferencing:
    doc = await ctx.tenants.find_one({"_id": who.tenant})
    preconditions.tagged(response, preconditions.revision_of(doc, REVISION))
    return Conferencing(join_url_template=(doc or {}).get("join_url_template"))


@api.put(
    "/scheduling/conferencing",
    staff("scheduling:write"),
    summary="Set the tenant's join-link template ({booking_id}, {request_id})",
    response_model=Conferencing,
    errors=preconditions.ERRORS,
)
async def put_conferencing(
    body: Conferencing,
    ctx: Ctx,
    who: StaffWriter,
    response: Response,
    if_match: preconditions.IfMatch = None,
) -> Conferencing:
    """Used for interviews booked from now on."""
    current = await ctx.tenants.find_one({"_id": who.tenant}, {REVISION: 1})
    doc = await preconditions.write(
        ctx.tenants,
        {"_id": who.tenant},
        {"$set": {"join_url_template": body.join_url_template}},
        if_match=if_match,
        revision=preconditions.revision_of(current, REVISION),
        field=REVISION,
        upsert=True,
    )
    preconditions.tagged(response, preconditions.revision_of(doc, REVISION))
    return body
