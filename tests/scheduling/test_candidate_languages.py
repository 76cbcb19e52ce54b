"""The candidate's scheduling e-mails in the candidate's language, read from the SMTP server the
service really sent them through: the calendar invitation, the update after a move, the reminders
and the cancellation in Spanish, a withdrawn request in Arabic; the interviewers' copies of the
same booking stay in English."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from email.message import EmailMessage
from pathlib import Path

import pytest
from faststream.kafka import KafkaBroker

from embedded import Endpoints
from services.chassis.jobs import Periodic
from services.scheduling.app import create
from services.scheduling.settings import SchedulingSettings
from tests.scheduling.harness import T0, Clock, Harness, advanced, calendar_part, new_id
from tests.scheduling.harness import plain_text as crlf_text
from tests.support import eventually, serving, settings_for, unique

pytestmark = pytest.mark.integration
PUBLIC = "https://hire.example"


@pytest.fixture(scope="module")
async def h(stack: Endpoints) -> AsyncIterator[Harness]:
    clock = Clock(T0)
    settings = settings_for(
        stack,
        unique("scheduling"),
        SchedulingSettings,
        smtp_host=stack.smtp_host,
        smtp_port=stack.smtp_port,
        public_url=PUBLIC,
        mail_poll_seconds=0.05,
        reminder_poll_seconds=3600,  # the test runs the rounds itself
        reminder_offsets_minutes=[1440, 60],
    )
    service = create(settings, clock=clock)
    broker = KafkaBroker(stack.kafka_bootstrap_servers)
    await broker.start()
    async with serving(service) as url:
        harness = Harness(url, service, clock, Path(stack.smtp_maildir), broker)
        yield harness
        await harness.http.aclose()
    await broker.stop()


def plain_text(message: EmailMessage) -> str:
    """The text part with the line ends it was written with (SMTP sends CRLF)."""
    return crlf_text(message).replace("\r\n", "\n")


async def _mails(h: Harness, to: str, count: int) -> list[EmailMessage]:
    found = h.mails(to)
    return found if len(found) >= count else []


async def test_the_candidate_reads_every_booking_mail_in_spanish(h: Harness) -> None:
    tenant = unique("t")
    grace = await h.interviewer(tenant, "Europe/London")
    itype = await h.interview_type(tenant, [grace])
    request = await h.request(
        tenant, itype["interview_type_id"], candidate_name="Lucía Pérez", language="es"
    )
    rid, lucia = request["request_id"], request["candidate_email"]
    me = h.candidate(tenant, rid)
    [link] = await eventually(lambda: _mails(h, lucia, 1), what="the link e-mail")
    assert link["Subject"] == "Programe su entrevista: Technical interview"

    slots = await h.slots(tenant, rid, "Europe/Madrid")
    booked = await h.call(
        "POST",
        "/candidate/scheduling/booking",
        me,
        json={"start": slots[0]["start"], "time_zone": "Europe/Madrid"},
    )
    assert booked.status_code == 201, booked.text
    assert booked.json()["join_url"] is None  # the interview is in the platform's room
    invitation = (await eventually(lambda: _mails(h, lucia, 2), what="the invitation"))[1]
    assert invitation["Subject"] == "Invitación: Technical interview con Lucía Pérez"
    assert plain_text(invitation) == (
        "Hola, Lucía Pérez:\n\n"
        "Technical interview con Lucía Pérez: el martes, 4 de marzo de 2031, de 10:00 a 11:00 "
        "(Europe/Madrid, UTC+01:00).\n"
        "Únase en la sala de la entrevista desde la página donde reservó: se abre poco antes "
        "del comienzo.\n"
    )
    assert b"METHOD:REQUEST" in calendar_part(invitation)

    moved = await h.call(
        "POST",
        "/candidate/scheduling/reschedule",
        me,
        json={"start": "2031-03-05T14:00:00Z", "reason": "un imprevisto"},
    )
    assert moved.status_code == 200, moved.text
    update = (await eventually(lambda: _mails(h, lucia, 3), what="the update"))[2]
    assert update["Subject"] == "Actualizada: Technical interview con Lucía Pérez"
    assert "el miércoles, 5 de marzo de 2031, de 15:00 a 16:00" in plain_text(update)

    reminders: Periodic = h.service.jobs["reminders"]
    start = moved.json()["start"]
    h.clock.now = T0.replace(day=5, hour=14) - timedelta(hours=23)
    assert start.startswith("2031-03-05T14:00")
    assert await reminders.run_once() >= 1
    reminder = (await eventually(lambda: _mails(h, lucia, 4), what="the reminder"))[3]
    assert reminder["Subject"] == "Recordatorio: Technical interview con Lucía Pérez"
    assert plain_text(reminder).startswith(
        "Hola, Lucía Pérez:\n\nTechnical interview con Lucía Pérez es el miércoles, 5 de marzo"
    )

    cancelled = await h.call(
        "POST", "/candidate/scheduling/cancel", me, json={"reason": "acepté otra oferta"}
    )
    assert cancelled.status_code == 200, cancelled.text
    cancel = (await eventually(lambda: _mails(h, lucia, 5), what="the cancellation"))[4]
    assert cancel["Subject"] == "Cancelada: Technical interview con Lucía Pérez"
    text = plain_text(cancel)
    assert "Technical interview con Lucía Pérez se ha cancelado." in text
    assert "Estaba prevista para el miércoles, 5 de marzo de 2031" in text
    assert "Motivo: acepté otra oferta" in text
    assert b"METHOD:CANCEL" in calendar_part(cancel)

    # The interviewer's copies of the same booking are in English, in her own zone.
    panel = await h.call("GET", f"/interviewers/{grace}", h.staff(tenant))
    address = panel.json()["email"]
    theirs = await eventually(lambda: _mails(h, address, 4), what="the interviewer's mails")
    assert [m["Subject"].split(":")[0] for m in theirs] == [
        "Invitation",
        "Updated",
        "Reminder",
        "Cancelled",
    ]
    assert "Technical interview with Lucía Pérez: Tuesday 4 March 2031, 09:00 to 10:00" in (
        plain_text(theirs[0])
    )


async def test_a_withdrawn_request_is_told_in_arabic(h: Harness) -> None:
    tenant = unique("t")
    grace = await h.interviewer(tenant)
    itype = await h.interview_type(tenant, [grace])
    request = await h.request(
        tenant, itype["interview_type_id"], candidate_name="\u0644\u064a\u0644\u0649", language="ar"
    )
    rid, layla = request["request_id"], request["candidate_email"]
    await eventually(lambda: _mails(h, layla, 1), what="the link e-mail")
    withdrawn = await h.call(
        "POST",
        f"/interview-requests/{rid}/cancel",
        h.staff(tenant),
        json={
            "reason": "\u0634\u064f\u063a\u0644\u062a \u0627\u0644\u0648\u0638\u064a\u0641\u0629"
        },
    )
    assert withdrawn.status_code == 200, withdrawn.text
    mail = (await eventually(lambda: _mails(h, layla, 2), what="the withdrawal"))[1]
    assert (
        mail["Subject"]
        == "\u0633\u064f\u062d\u0628 \u0637\u0644\u0628 \u0627\u0644\u0645\u0642\u0627\u0628\u0644\u0629: \u0645\u0642\u0627\u0628\u0644\u062a\u0643"
    )
    assert plain_text(mail) == (
        "\u0645\u0631\u062d\u0628\u064b\u0627 \u0644\u064a\u0644\u0649\u060c\n\n\u0633\u064f\u062d\u0628 \u0637\u0644\u0628 \u062a\u062d\u062f\u064a\u062f \u0645\u0648\u0639\u062f \u0645\u0642\u0627\u0628\u0644\u062a\u0643.\n\u0627\u0644\u0633\u0628\u0628: \u0634\u064f\u063a\u0644\u062a \u0627\u0644\u0648\u0638\u064a\u0641\u0629\n"
    )


async def test_a_candidate_advanced_from_the_screen_is_written_to_in_their_language(
    h: Harness,
) -> None:
    """The screen's decision carries the language the candidate read it in: the live-interview
    link and the booking mails follow it, with nobody setting it again."""
    tenant = unique("t")
    grace = await h.interviewer(tenant, "Europe/London")
    itype = await h.interview_type(tenant, [grace])
    email = f"{unique('lucia')}@example.com"
    event = advanced(itype["position_id"], email).model_copy(update={"candidate_language": "es"})
    await h.publish(tenant, event, new_id())
    [link] = await eventually(lambda: _mails(h, email, 1), what="the link e-mail")
    assert link["Subject"] == "Programe su entrevista: Technical interview"
    assert "?lang=es" in plain_text(link)
