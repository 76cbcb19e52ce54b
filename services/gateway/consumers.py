"""What the gateway consumes, in one list: the events that issue, extend and revoke candidate
and share links (its link read model), and every consumer group's dead letters (the operations
view)."""

from __future__ import annotations

from services.chassis.service import Service
from services.gateway import ops
from services.gateway.link_view import LinkView


def register(service: Service) -> None:
    links = LinkView(service)
    service.on_startup(links.ensure_indexes)
    service.on("invitation.created")(links.invitation_created)
    service.on("invitation.extended")(links.invitation_extended)
    service.on("invitation.withdrawn")(links.invitation_withdrawn)
    service.on("invitation.expired")(links.invitation_expired)
    service.on("interview.requested")(links.interview_requested)
    service.on("interview.cancelled")(links.interview_cancelled)
    service.on("submission.shared")(links.submission_shared)
    service.on("submission.share_revoked")(links.submission_share_revoked)
    service.on("candidate.erasure_requested")(links.candidate_erased)
    ops.register(service)  # the dead-letter topics of every group
