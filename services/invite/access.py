"""Who may call what in the invite service: the gateway authorises by scope; this re-checks the
kind of caller so that a candidate's identity can never reach a staff route or another invitation."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from services.chassis.errors import ProblemError
from services.chassis.identity import Identity, require_identity


def staff(identity: Annotated[Identity, Depends(require_identity)]) -> Identity:
    if identity.kind not in {"user", "api_key"}:
        raise ProblemError(403, "forbidden", "Staff only.")
    return identity


def candidate(identity: Annotated[Identity, Depends(require_identity)]) -> Identity:
    if identity.kind != "candidate" or "interview" not in identity.scopes:
        raise ProblemError(403, "forbidden", "Candidate links only.")
    return identity


Staff = Annotated[Identity, Depends(staff)]
Candidate = Annotated[Identity, Depends(candidate)]
