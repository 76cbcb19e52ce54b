"""What ingest consumes: the invitation events its view is built from, erasure, the pipeline probe."""

from __future__ import annotations

from services.chassis.service import Service
from services.ingest import privacy, probes
from services.ingest.attempts import Attempts
from services.ingest.invitation_view import InvitationView


def register(service: Service, attempts: Attempts) -> None:
    view = InvitationView(service)
    service.on("invitation.created")(view.created)
    service.on("invitation.accommodated")(view.accommodated)
    service.on("invitation.extended")(view.extended)
    service.on("invitation.withdrawn")(view.withdrawn)
    service.on("invitation.expired")(view.expired)
    service.on("candidate.erasure_requested")(privacy.eraser(attempts))
    service.on("probe.requested")(probes.answerer(service))
