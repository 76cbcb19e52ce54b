"""Outgoing e-mail over SMTP: one message at a time, with optional attachments (e.g. text/calendar).

Sending is not transactional: callers make it idempotent with a guarded state transition
("reminder 2 sent") recorded before or after, and a deterministic Message-ID, so a redelivered
event never sends twice and a retried send can be recognised by the receiver."""

from __future__ import annotations

import asyncio
import smtplib
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from services.chassis.settings import Settings


@dataclass(frozen=True)
class Attachment:
    filename: str
    content: bytes
    maintype: str
    subtype: str
    params: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Mail:
    to: str
    subject: str
    text: str
    html: str | None = None
    attachments: tuple[Attachment, ...] = ()
    # Stable per logical message (e.g. "invitation-<id>-reminder-2"), so duplicates are visible.
    message_key: str | None = None
    headers: dict[str, str] = field(default_factory=dict)


class Mailer:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def build(self, mail: Mail) -> EmailMessage:
        message = EmailMessage()
        message["From"] = self.settings.mail_from
        message["To"] = mail.to
        message["Subject"] = mail.subject
        message["Date"] = formatdate(localtime=False, usegmt=True)
        domain = self.settings.mail_from.rsplit("@", 1)[-1].strip(">") or "localhost"
        message["Message-ID"] = (
            f"<{mail.message_key}@{domain}>" if mail.message_key else make_msgid(domain=domain)
        )
        for name, value in mail.headers.items():
            message[name] = value
        message.set_content(mail.text)
        if mail.html:
            message.add_alternative(mail.html, subtype="html")
        for a in mail.attachments:
            message.add_attachment(
                a.content,
                maintype=a.maintype,
                subtype=a.subtype,
                filename=a.filename,
                params=a.params,
            )
        return message

    def _send(self, message: EmailMessage) -> None:
        s = self.settings
        with smtplib.SMTP(s.smtp_host, s.smtp_port, timeout=30) as smtp:
            if s.smtp_starttls:
                smtp.starttls()
            if s.smtp_username:
                smtp.login(s.smtp_username, s.smtp_password)
            smtp.send_message(message)

    async def send(self, mail: Mail) -> str:
        """Send one message; returns its Message-ID. Raises on SMTP failure (callers retry)."""
        message = self.build(mail)
        await asyncio.to_thread(self._send, message)
        return str(message["Message-ID"])
