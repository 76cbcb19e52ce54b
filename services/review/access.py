"""Who may call what in the review service: staff or candidate callers, leads (who decide and see
every rating) and panel reviewers (who see others' ratings only after submitting their own)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from services.chassis.errors import ProblemError
from services.chassis.identity import Identity, require_candidate, require_staff
from services.review.store import PositionSettings, Submission

LEAD_ROLES = {"admin", "recruiter"}
LEAD_SCOPES = {"*", "decisions:write"}

# How the checks below answer, for the operations' error tables.
_SCOPE = "`forbidden`: the credential lacks the required scope"
LEADS_ONLY = f"{_SCOPE}, or you are not a recruiter or administrator."
ADMINS_ONLY = f"{_SCOPE}, or you are not a tenant administrator."
NOT_ON_PANEL = f"{_SCOPE}; `not_on_panel`: you are not a reviewer of this position."


staff = require_staff
candidate = require_candidate


def is_lead(identity: Identity) -> bool:
    """Recruiters and administrators (or keys that may decide) lead a review."""
    return bool(LEAD_ROLES & set(identity.roles) or LEAD_SCOPES & set(identity.scopes))


def is_admin(identity: Identity) -> bool:
    return "admin" in identity.roles or "*" in identity.scopes


def lead(identity: Annotated[Identity, Depends(staff)]) -> Identity:
    if not is_lead(identity):
        raise ProblemError(403, "forbidden", "Recruiters and administrators only.")
    return identity


def admin(identity: Annotated[Identity, Depends(staff)]) -> Identity:
    if not is_admin(identity):
        raise ProblemError(403, "forbidden", "Tenant administrators only.")
    return identity


def on_panel(identity: Identity, settings: PositionSettings | None, doc: Submission) -> bool:
    reviewers = (settings or {}).get("reviewers", [])
    assignees = doc["review"]["assignees"] if "review" in doc else []
    return identity.principal in reviewers or identity.principal in assignees


def ratings_hidden(identity: Identity, settings: PositionSettings | None, doc: Submission) -> bool:
    """A panel reviewer sees no other reviewer's ratings, comments or scores of a submission until
    they have submitted their own review of it (so nobody anchors on anybody)."""
    submitted = "review" in doc and identity.principal in doc["review"]["reviewed_by"]
    return on_panel(identity, settings, doc) and not submitted


def check_position(identity: Identity, settings: PositionSettings | None) -> None:
    """Leads see every position; other staff only those whose panel they are on."""
    if is_lead(identity):
        return
    if settings is None or identity.principal not in settings.get("reviewers", []):
        raise ProblemError(403, "not_on_panel", "You are not a reviewer of this position.")


Staff = Annotated[Identity, Depends(staff)]
Lead = Annotated[Identity, Depends(lead)]
Admin = Annotated[Identity, Depends(admin)]
Candidate = Annotated[Identity, Depends(candidate)]
