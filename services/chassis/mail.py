"""Outgoing e-mail: the SMTP mailer, and the durable mail outbox every service sends through.

SMTP is not transactional. The outbox makes mail part of the state change that causes it: a message
is queued in the caller's MongoDB transaction and delivered after commit by a periodic job, so a
rolled-back change sends nothing and a redelivered event queues nothing new. Usage:

    outbox = MailOutbox(service.db, Mailer(settings))
    outbox.deliver_every(service, seconds=1.0)          # the delivery job, in the service's jobs
    await outbox.ensure_indexes()                       # at start-up

    async def write(session):
        ...                                             # the state change
        await outbox.queue(session, tenant, mail)       # mail.message_key names the message
    await service.transaction(write)
    outbox.wake()                                       # committed: deliver now, not next round

A message is keyed by its logical identity (`message_key`, e.g. "booking.b.2.REQUEST.<hash>"), so it
is queued at most once. The delivery job claims a message before sending it (another replica
skips it; a crash releases it when the claim runs out) and retries failures up to `MAX_ATTEMPTS`.
A crash between the SMTP hand-off and marking the message sent resends it with the same
Message-ID, which receivers recognise. A sent message's body is dropped (a link's token lives in
the database only until it is mailed); erasure withdraws a person's unsent mail (`withdraw`)."""

from __future__ import annotations

import asyncio
import logging
import smtplib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from typing import TYPE_CHECKING, Any

from pymongo import ASCENDING
from pymongo.asynchronous.client_session import AsyncClientSession
from pymongo.asynchronous.database import AsyncDatabase

from services.chassis.claims import claim_one
from services.chassis.jobs import Periodic
from services.chassis.settings import Settings

if TYPE_CHECKING:
    from services.chassis.service import Service

log = logging.getLogger(__name__)
Clock = Callable[[], datetime]


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


MAILS = "mails"
SENT_RETENTION = timedelta(days=30)
MAX_ATTEMPTS = 8


def _utc_now() -> datetime:
    return datetime.now(UTC)


class MailOutbox:
    """A service's outgoing mail as durable state (see the module's docstring).

    `clock` lets tests move time; `retry_seconds` is how long a claimed message waits before
    another attempt (after a failure, or when the sender crashed while holding it)."""

    def __init__(
        self,
        db: AsyncDatabase[dict[str, Any]],
        mailer: Mailer,
        *,
        clock: Clock = _utc_now,
        retry_seconds: float = 60.0,
    ) -> None:
        self.collection = db[MAILS]
        self.mailer = mailer
        self.clock = clock
        self.retry_seconds = retry_seconds
        self.job: Periodic | None = None

    def deliver_every(self, service: Service, seconds: float, *, enabled: bool = True) -> Periodic:
        """Declare the delivery job ("mail") on `service`: a round every `seconds`, and one at
        once whenever `wake()` is called."""
        self.job = service.every(seconds, "mail", self.deliver_due, enabled=enabled)
        return self.job

    def wake(self) -> None:
        """Start a delivery round now; call it after the transaction that queued mail commits."""
        if self.job is not None:
            self.job.wake()

    async def ensure_indexes(self) -> None:
        await self.collection.create_index([("status", ASCENDING), ("not_before", ASCENDING)])
        # Erasure withdraws a person's unsent mail.
        await self.collection.create_index(
            [("tenant", ASCENDING), ("to", ASCENDING), ("status", ASCENDING)]
        )
        await self.collection.create_index(
            "sent_at", expireAfterSeconds=int(SENT_RETENTION.total_seconds())
        )

    async def queue(self, session: AsyncClientSession, tenant: str, mail: Mail) -> bool:
        """Queue `mail` inside the caller's transaction; returns False if a message with the same
        `mail.message_key` was queued before (it is not queued again)."""
        if not mail.message_key:
            raise ValueError("queued mail needs a stable message_key")
        result = await self.collection.update_one(
            {"_id": mail.message_key},
            {
                "$setOnInsert": {
                    "tenant": tenant,
                    "status": "pending",
                    "not_before": self.clock(),
                    "attempts": 0,
                    "to": mail.to,
                    "subject": mail.subject,
                    "text": mail.text,
                    "html": mail.html,
                    "headers": mail.headers,
                    "attachments": [
                        {
                            "filename": a.filename,
                            "content": a.content,
                            "maintype": a.maintype,
                            "subtype": a.subtype,
                            "params": a.params,
                        }
                        for a in mail.attachments
                    ],
                }
            },
            upsert=True,
            session=session,
        )
        return result.upserted_id is not None

    async def withdraw(self, session: AsyncClientSession, tenant: str, to: str) -> int:
        """Erasure: unsent mail to `to` will not go, and its body is dropped now."""
        result = await self.collection.update_many(
            {"tenant": tenant, "to": to, "status": "pending"},
            {"$set": {"status": "erased"}, "$unset": _BODY},
            session=session,
        )
        return result.modified_count

    async def deliver_due(self) -> int:
        """Send every due message once; returns how many were sent."""
        sent = 0
        while True:
            now = self.clock()
            doc = await claim_one(
                self.collection,
                {"status": "pending", "not_before": {"$lte": now}},
                # Claimed for a while: another replica skips it, a crash releases it.
                {"$set": {"not_before": now + timedelta(seconds=self.retry_seconds)}},
                sort=[("not_before", ASCENDING)],
            )
            if doc is None:
                return sent
            try:
                await self.mailer.send(_mail(doc))
            except Exception as exc:
                failed = doc["attempts"] + 1 >= MAX_ATTEMPTS
                log.warning(
                    "mail not sent",
                    extra={"message_key": doc["_id"], "error": repr(exc), "final": failed},
                )
                await self.collection.update_one(
                    {"_id": doc["_id"]},
                    {
                        "$inc": {"attempts": 1},
                        "$set": {"status": "failed" if failed else "pending", "error": repr(exc)},
                    },
                )
                continue
            await self.collection.update_one(
                {"_id": doc["_id"]},
                {"$set": {"status": "sent", "sent_at": self.clock()}, "$unset": _BODY},
            )
            sent += 1


_BODY = {"text": "", "html": "", "attachments": "", "headers": ""}


def outbox_for(service: Service, *, clock: Clock = _utc_now, deliver: bool = True) -> MailOutbox:
    """A service's mail outbox, wired: its indexes at start-up and its delivery job
    (`deliver=False` declares the job without running it, for tests that drive it)."""
    settings = service.settings
    outbox = MailOutbox(
        service.db, Mailer(settings), clock=clock, retry_seconds=settings.mail_retry_seconds
    )
    service.on_startup(outbox.ensure_indexes)
    outbox.deliver_every(service, settings.mail_poll_seconds, enabled=deliver)
    return outbox


def _mail(doc: dict[str, Any]) -> Mail:
    return Mail(
        to=doc["to"],
        subject=doc["subject"],
        text=doc["text"],
        html=doc.get("html"),
        attachments=tuple(
            Attachment(
                filename=a["filename"],
                content=bytes(a["content"]),
                maintype=a["maintype"],
                subtype=a["subtype"],
                params=dict(a["params"]),
            )
            for a in doc.get("attachments") or []
        ),
        message_key=doc["_id"],
        headers=dict(doc.get("headers") or {}),
    )
