"""The e-mails scheduling sends: the self-scheduling link, calendar invitations, updates and cancels
with .ics attachments, and reminders. Times are written in the reader's own zone, with its name and
UTC offset, so that nobody has to convert."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parseaddr
from pathlib import Path
from typing import Literal

from services.chassis.i18n import Catalogues, negotiate
from services.chassis.mail import Attachment, Mail
from services.scheduling import ics
from services.scheduling.schemas import zone
from services.scheduling.settings import SchedulingSettings


@dataclass(frozen=True)
class Reader:
    name: str
    email: str
    time_zone: str


@dataclass(frozen=True)
class Meeting:
    booking_id: str
    sequence: int
    title: str
    start: datetime
    end: datetime
    join_url: str | None
    candidate: Reader
    interviewers: Sequence[Reader]


def local_iso(instant: datetime, time_zone: str) -> str:
    return instant.astimezone(zone(time_zone)).isoformat()


def when(start: datetime, end: datetime, time_zone: str) -> str:
    """Like "Tuesday 12 March 2024, 09:00 to 10:00 (America/New_York, UTC-04:00)": the zone's
    name and offset both, so a reader can check the time against their own clock."""
    tz = zone(time_zone)
    a, b = start.astimezone(tz), end.astimezone(tz)
    day = f"{a:%A} {a.day} {a:%B %Y}"
    until = f"{b:%H:%M}" if b.date() == a.date() else f"{b:%A} {b.day} {b:%B %Y} {b:%H:%M}"
    offset = a.strftime("%z")
    return f"{day}, {a:%H:%M} to {until} ({time_zone}, UTC{offset[:3]}:{offset[3:]})"


def key(*parts: str) -> str:
    """A Message-ID local part naming one logical message; the recipient is hashed, not shown."""
    return ".".join(
        p if "@" not in p else hashlib.sha256(p.lower().encode()).hexdigest()[:16] for p in parts
    )


# The candidate's scheduling e-mail in their language (catalogues in `locale/`, ADR 0018).
CATALOGUES = Catalogues(Path(__file__).parent / "locale", "candidate_mail")


def N_(message: str) -> str:
    """Marks a message for the catalogues (`pybabel extract -k N_`); translated when sent."""
    return message


LINK_SUBJECT = N_("Schedule your interview: {title}")
LINK_TEXT = N_(
    "Hello {candidate_name},\n\n"
    "You are invited to a live interview: {title}.\n"
    "Pick a time that suits you (shown in your own time zone):\n\n{link}\n\n"
    "The link is personal; please do not share it.\n"
)


def link_mail(
    settings: SchedulingSettings,
    request_id: str,
    candidate_name: str,
    candidate_email: str,
    title: str,
    token: str,
    language: str | None = None,
) -> Mail:
    lang = negotiate(language)
    # The page opens in the same language, unless the candidate chooses another there.
    link = f"{settings.public_url.rstrip('/')}/schedule/{token}" + (
        f"?lang={lang}" if language else ""
    )
    values = {"candidate_name": candidate_name, "title": title, "link": link}
    return Mail(
        to=candidate_email,
        subject=CATALOGUES.gettext(lang, LINK_SUBJECT).format(**values),
        text=CATALOGUES.gettext(lang, LINK_TEXT).format(**values),
        message_key=key("request", request_id, "link"),
    )


def withdrawn_mail(request_id: str, reader: Reader, title: str, reason: str) -> Mail:
    return Mail(
        to=reader.email,
        subject=f"Interview request withdrawn: {title}",
        text=f"Hello {reader.name},\n\nThe request to schedule {title} was withdrawn.\n"
        f"Reason: {reason}\n",
        message_key=key("request", request_id, "withdrawn"),
    )


def _organizer(settings: SchedulingSettings) -> ics.Person:
    name, address = parseaddr(settings.mail_from)
    return ics.Person(name or "Hireloop", address or "no-reply@hireloop.local")


def calendar_event(settings: SchedulingSettings, meeting: Meeting, now: datetime) -> ics.Invitation:
    """The meeting's VEVENT, the same in every e-mail and in the candidate's download."""
    organizer = _organizer(settings)
    domain = organizer.email.rsplit("@", 1)[-1]
    return ics.Invitation(
        uid=ics.uid_for(meeting.booking_id, domain),
        sequence=meeting.sequence,
        start=meeting.start,
        end=meeting.end,
        summary=meeting.title,
        description=(f"Join: {meeting.join_url}\n" if meeting.join_url else "")
        + f"Interview with {meeting.candidate.name}.",
        join_url=meeting.join_url,
        organizer=organizer,
        attendees=[ics.Person(r.name, r.email) for r in (meeting.candidate, *meeting.interviewers)],
        stamp=now.astimezone(UTC),
    )


def calendar_mails(
    settings: SchedulingSettings,
    meeting: Meeting,
    method: Literal["REQUEST", "CANCEL"],
    now: datetime,
    *,
    reason: str | None = None,
    recipients: Sequence[Reader] | None = None,
) -> list[Mail]:
    """One message per person (each in their own zone), all carrying the same VEVENT."""
    readers = [meeting.candidate, *meeting.interviewers]
    invitation = calendar_event(settings, meeting, now)
    attachment = Attachment(
        filename="invite.ics" if method == "REQUEST" else "cancel.ics",
        content=ics.render(invitation, method),
        maintype="text",
        subtype="calendar",
        params={"method": method, "charset": "utf-8"},
    )
    verb = {
        "REQUEST": "Invitation" if meeting.sequence == 0 else "Updated",
        "CANCEL": "Cancelled",
    }[method]
    mails: list[Mail] = []
    for reader in recipients if recipients is not None else readers:
        lines = [f"Hello {reader.name},", ""]
        if method == "CANCEL":
            lines.append(f"{meeting.title} is cancelled.")
            lines.append(
                f"It was planned for {when(meeting.start, meeting.end, reader.time_zone)}."
            )
            if reason:
                lines.append(f"Reason: {reason}")
        else:
            lines.append(f"{meeting.title}: {when(meeting.start, meeting.end, reader.time_zone)}.")
            if meeting.join_url:
                lines.append(f"Join the call: {meeting.join_url}")
        mails.append(
            Mail(
                to=reader.email,
                subject=f"{verb}: {meeting.title}",
                text="\n".join(lines) + "\n",
                attachments=(attachment,),
                message_key=key(
                    "booking", meeting.booking_id, str(meeting.sequence), method, reader.email
                ),
            )
        )
    return mails


def reminder_mails(meeting: Meeting, minutes_before: int) -> list[Mail]:
    return [
        Mail(
            to=reader.email,
            subject=f"Reminder: {meeting.title}",
            text=f"Hello {reader.name},\n\n{meeting.title} is at "
            f"{when(meeting.start, meeting.end, reader.time_zone)}.\n"
            + (f"Join the call: {meeting.join_url}\n" if meeting.join_url else ""),
            message_key=key(
                "booking",
                meeting.booking_id,
                str(int(meeting.start.timestamp())),
                f"reminder{minutes_before}",
                reader.email,
            ),
        )
        for reader in [meeting.candidate, *meeting.interviewers]
    ]
