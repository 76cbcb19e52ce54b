"""Who may do what in scheduling: staff by role or scope, a candidate only on their own request."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from services.chassis.errors import ProblemError
from services.chassis.identity import Identity, require_identity

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


def may_edit_availability(identity: Identity, interviewer: dict[str, object]) -> bool:
    """Staff who write scheduling, or interviewers on their own record."""
    if may_write(identity):
        return True
    own = (
        interviewer.get("user_id") is not None and interviewer.get("user_id") == identity.principal
    )
    return own and ("interviewer" in identity.roles or "availability:write" in identity.scopes)


def candidate_for(identity: Identity, request_id: str) -> Identity:
    """The gateway asserts the request a candidate's link opens as the principal."""
    if identity.kind != "candidate" or "scheduling" not in identity.scopes:
        raise ProblemError(403, "forbidden", "This route is for a candidate's scheduling link.")
    if identity.principal != request_id:
        raise ProblemError(403, "wrong_request", "This link belongs to another request.")
    return identity


StaffReader = Annotated[Identity, Depends(staff_reader)]
StaffWriter = Annotated[Identity, Depends(staff_writer)]
AnyCaller = Annotated[Identity, Depends(require_identity)]
