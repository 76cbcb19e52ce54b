"""The e-mails scheduling sends: the self-scheduling link, calendar invitations, updates and cancels
with .ics attachments, and reminders. Times are written in the reader's own zone, with its name and
UTC offset, so that nobody has to convert. What the candidate reads is in the candidate's language
(the request's `language`, catalogues in `locale/`, ADR 0018); interviewers read English."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parseaddr
from pathlib import Path
from typing import Literal

from babel.dates import format_date

from services.chassis.i18n import SOURCE, Catalogues, negotiate
from services.chassis.mail import Attachment, Mail
from services.scheduling import ics
from services.scheduling.schemas import zone
from services.scheduling.settings import SchedulingSettings


@dataclass(frozen=True)
class Reader:
    name: str
    email: str
    time_zone: str
    language: str = SOURCE  # the language of the mails this reader gets


@dataclass(frozen=True)
class Meeting:
    booking_id: str
    sequence: int
    title: str  # the calendar entry's summary, the same for everyone
    start: datetime
    end: datetime
    join_url: str | None  # an outside tool's link; None: the platform's own room
    candidate: Reader
    interviewers: Sequence[Reader]
    name: str | None = None  # the interview type's name, for the mails' own titles
    room_url: str | None = None  # the panel's room page, when the call is in the platform


def join_lines(meeting: Meeting, reader: Reader) -> list[str]:
    """Where this reader joins: the outside link, or the platform's room (the candidate's from
    their scheduling link, which only they hold)."""
    if meeting.join_url:
        return [say(reader, JOIN_LINE, url=meeting.join_url)]
    if reader is meeting.candidate:
        return [say(reader, ROOM_LINE)]
    return [say(reader, PANEL_ROOM_LINE, url=meeting.room_url)] if meeting.room_url else []


def local_iso(instant: datetime, time_zone: str) -> str:
    return instant.astimezone(zone(time_zone)).isoformat()


def _day(instant: datetime, language: str) -> str:
    if language == SOURCE:
        return f"{instant:%A} {instant.day} {instant:%B %Y}"
    return format_date(instant, "full", locale=language)


def when(start: datetime, end: datetime, time_zone: str, language: str = SOURCE) -> str:
    """Like "Tuesday 12 March 2024, 09:00 to 10:00 (America/New_York, UTC-04:00)": the zone's
    name and offset both, so a reader can check the time against their own clock; the day is
    written in the reader's language."""
    tz = zone(time_zone)
    a, b = start.astimezone(tz), end.astimezone(tz)
    until = f"{b:%H:%M}" if b.date() == a.date() else f"{_day(b, language)} {b:%H:%M}"
    offset = a.strftime("%z")
    return CATALOGUES.gettext(language, WHEN).format(
        day=_day(a, language),
        start=f"{a:%H:%M}",
        end=until,
        zone=time_zone,
        offset=f"UTC{offset[:3]}:{offset[3:]}",
    )


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


WHEN = N_("{day}, {start} to {end} ({zone}, {offset})")
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


# The booking's mails (calendar invitation, update, cancellation, reminder): a subject, a greeting
# and lines, each a message of the catalogues.
TITLE = N_("{name} with {candidate}")
DEFAULT_NAME = N_("Interview")
YOUR_INTERVIEW = N_("your interview")
INVITATION_SUBJECT = N_("Invitation: {title}")
UPDATED_SUBJECT = N_("Updated: {title}")
CANCELLED_SUBJECT = N_("Cancelled: {title}")
REMINDER_SUBJECT = N_("Reminder: {title}")
WITHDRAWN_SUBJECT = N_("Interview request withdrawn: {title}")
GREETING = N_("Hello {name},")
BOOKED_LINE = N_("{title}: {when}.")
JOIN_LINE = N_("Join the call: {url}")
# The interview in the platform's own room (no outside join link): the candidate enters from the
# page of their scheduling link, the panel from the booking's room page.
ROOM_LINE = N_(
    "Join in the interview room from the page where you booked: it opens shortly before the start."
)
PANEL_ROOM_LINE = N_("Interview room: {url}")
CANCELLED_LINE = N_("{title} is cancelled.")
PLANNED_LINE = N_("It was planned for {when}.")
REASON_LINE = N_("Reason: {reason}")
REMINDER_LINE = N_("{title} is at {when}.")
WITHDRAWN_LINE = N_("The request to schedule {title} was withdrawn.")
# Every message a candidate reads from this service (the coverage test checks each is translated).
CANDIDATE_MESSAGES = (
    WHEN,
    LINK_SUBJECT,
    LINK_TEXT,
    TITLE,
    DEFAULT_NAME,
    YOUR_INTERVIEW,
    INVITATION_SUBJECT,
    UPDATED_SUBJECT,
    CANCELLED_SUBJECT,
    REMINDER_SUBJECT,
    WITHDRAWN_SUBJECT,
    GREETING,
    BOOKED_LINE,
    JOIN_LINE,
    CANCELLED_LINE,
    PLANNED_LINE,
    REASON_LINE,
    REMINDER_LINE,
    WITHDRAWN_LINE,
)


def say(reader: Reader, message: str, **values: str) -> str:
    """`message` in the reader's language, its placeholders filled in."""
    return CATALOGUES.gettext(reader.language, message).format(**values)


def _title(meeting: Meeting, reader: Reader) -> str:
    """The meeting's title as `reader` reads it: the interview's name and the candidate's."""
    name = meeting.name or say(reader, DEFAULT_NAME)
    return say(reader, TITLE, name=name, candidate=meeting.candidate.name)


def withdrawn_mail(request_id: str, reader: Reader, reason: str) -> Mail:
    title = say(reader, YOUR_INTERVIEW)
    return Mail(
        to=reader.email,
        subject=say(reader, WITHDRAWN_SUBJECT, title=title),
        text="\n".join(
            [
                say(reader, GREETING, name=reader.name),
                "",
                say(reader, WITHDRAWN_LINE, title=title),
                say(reader, REASON_LINE, reason=reason),
            ]
        )
        + "\n",
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
    subject = {
        "REQUEST": INVITATION_SUBJECT if meeting.sequence == 0 else UPDATED_SUBJECT,
        "CANCEL": CANCELLED_SUBJECT,
    }[method]
    mails: list[Mail] = []
    for reader in recipients if recipients is not None else readers:
        title = _title(meeting, reader)
        at = when(meeting.start, meeting.end, reader.time_zone, reader.language)
        lines = [say(reader, GREETING, name=reader.name), ""]
        if method == "CANCEL":
            lines.append(say(reader, CANCELLED_LINE, title=title))
            lines.append(say(reader, PLANNED_LINE, when=at))
            if reason:
                lines.append(say(reader, REASON_LINE, reason=reason))
        else:
            lines.append(say(reader, BOOKED_LINE, title=title, when=at))
            lines += join_lines(meeting, reader)
        mails.append(
            Mail(
                to=reader.email,
                subject=say(reader, subject, title=title),
                text="\n".join(lines) + "\n",
                attachments=(attachment,),
                message_key=key(
                    "booking", meeting.booking_id, str(meeting.sequence), method, reader.email
                ),
            )
        )
    return mails


def _reminder_text(meeting: Meeting, reader: Reader) -> str:
    at = when(meeting.start, meeting.end, reader.time_zone, reader.language)
    lines = [
        say(reader, GREETING, name=reader.name),
        "",
        say(reader, REMINDER_LINE, title=_title(meeting, reader), when=at),
        *join_lines(meeting, reader),
    ]
    return "\n".join(lines) + "\n"


def reminder_mails(meeting: Meeting, minutes_before: int) -> list[Mail]:
    return [
        Mail(
            to=reader.email,
            subject=say(reader, REMINDER_SUBJECT, title=_title(meeting, reader)),
            text=_reminder_text(meeting, reader),
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
