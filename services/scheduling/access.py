"""Who may do what in scheduling: staff by role or scope, interviewers on their own record, and a
candidate only on the request their link opens."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from services.chassis.errors import ProblemError
from services.chassis.identity import Identity, require_identity
from services.scheduling.store import RequestDoc, Scheduling, load_request

STAFF_KINDS = {"user", "api_key"}
WRITE_ROLES = {"admin", "recruiter"}
READ_ROLES = WRITE_ROLES | {"interviewer"}
WRITE_SCOPES = {"*", "scheduling:write"}
READ_SCOPES = WRITE_SCOPES | {"scheduling:read"}


def _staff(identity: Identity, roles: set[str], scopes: set[str]) -> Identity:
    if identity.kind not in STAFF_KINDS:
        raise ProblemError(403, "forbidden", "Only staff may do this.")
    if roles.isdisjoint(identity.roles) and scopes.isdisjoint(identity.scopes):
        raise ProblemError(403, "forbidden", "Your role or key does not allow this.")
    return identity


def staff_reader(identity: Annotated[Identity, Depends(require_identity)]) -> Identity:
    return _staff(identity, READ_ROLES, READ_SCOPES)


def staff_writer(identity: Annotated[Identity, Depends(require_identity)]) -> Identity:
    return _staff(identity, WRITE_ROLES, WRITE_SCOPES)


def may_write(identity: Identity) -> bool:
    return not WRITE_ROLES.isdisjoint(identity.roles) or not WRITE_SCOPES.isdisjoint(
        identity.scopes
    )


def may_edit_availability(identity: Identity, interviewer_user_id: str | None) -> bool:
    """Staff who write scheduling, or interviewers on their own record."""
    if may_write(identity):
        return True
    own = interviewer_user_id is not None and interviewer_user_id == identity.principal
    return own and ("interviewer" in identity.roles or "availability:write" in identity.scopes)


async def own_request(ctx: Scheduling, who: Identity) -> RequestDoc:
    """The request behind a candidate's link: the gateway asserts it as the principal. The link
    lives as long as the request says, and opens nothing while the recruiter schedules."""
    request = await load_request(ctx, who.tenant, who.principal)
    expires = request.get("token_expires_at")
    if expires is None or expires <= ctx.now():
        raise ProblemError(403, "link_expired", "This scheduling link has expired.")
    if not request.get("self_scheduling", True) and request["status"] == "open":
        raise ProblemError(403, "self_scheduling_off", "The recruiter schedules this interview.")
    return request


# The refusals of a candidate's link, in the operations' error tables.
LINK_PROBLEMS = (
    "`forbidden`: the credential is not a candidate's scheduling link; `link_expired`: the request's link ran out; "
    "`self_scheduling_off`: the recruiter schedules this interview."
)
StaffReader = Annotated[Identity, Depends(staff_reader)]
StaffWriter = Annotated[Identity, Depends(staff_writer)]
# The Api declaration has checked it is a candidate's scheduling link; its principal is the request.
CandidateLink = Annotated[Identity, Depends(require_identity)]
