"""What the invite service consumes, in one list: the candidate's e-mail on invitation events,
the screening decisions from review (for a position's funnel), and the written answers from ingest
and the transcripts from transcription (for the candidate's data export)."""

from __future__ import annotations

from typing import Any

from services.chassis.bus import Delivery, Handler
from services.chassis.mail import MailOutbox
from services.chassis.service import Service
from services.invite import answer_view, greenhouse, transcript_view
from services.invite.decisions import OUTCOMES, recorder
from services.invite.mail import CandidateMail


def register(service: Service, outbox: MailOutbox) -> None:
    mail = CandidateMail(service, outbox)
    service.on("invitation.created")(mail.invited)
    service.on("invitation.reminded")(mail.reminded)
    callback = greenhouse.finished(service)  # a test Greenhouse sent is due for a callback
    service.on("invitation.completed")(_each(mail.completed, callback))
    service.on("answer.submitted")(answer_view.recorder(service))
    service.on("recording.transcribed")(transcript_view.recorder(service))
    for event_type, outcome in OUTCOMES.items():
        service.on(event_type)(_each(recorder(service, outcome), callback))


def _each(*handlers: Handler) -> Handler:
    """One handler that runs several, in order, in the same delivery (and transaction)."""

    async def handle(delivery: Delivery[Any]) -> None:
        for handler in handlers:
            await handler(delivery)

    return handle
