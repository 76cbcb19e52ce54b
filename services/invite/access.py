"""Who may call what in the invite service: the gateway authorises by scope; this re-checks the
kind of caller so that a candidate's identity can never reach a staff route or another invitation."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from services.chassis.identity import Identity, require_candidate, require_staff

Staff = Annotated[Identity, Depends(require_staff)]
Candidate = Annotated[Identity, Depends(require_candidate)]
