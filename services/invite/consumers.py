"""What the invite service consumes, in one list: the candidate's e-mail on invitation events,
and the screening decisions from review (for a position's funnel)."""

from __future__ import annotations

from services.chassis.mail import MailOutbox
from services.chassis.service import Service
from services.invite.decisions import OUTCOMES, recorder
from services.invite.mail import CandidateMail


def register(service: Service, outbox: MailOutbox) -> None:
    mail = CandidateMail(service, outbox)
    service.on("invitation.created")(mail.invited)
    service.on("invitation.reminded")(mail.reminded)
    service.on("invitation.completed")(mail.completed)
    for event_type, outcome in OUTCOMES.items():
        service.on(event_type)(recorder(service, outcome))
