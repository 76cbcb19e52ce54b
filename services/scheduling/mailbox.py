"""Outgoing mail as durable state: a message is queued in the same transaction as the change that
causes it, and a sender delivers it after commit.

So a rolled-back booking sends nothing, a redelivered event queues nothing new (its transaction is
skipped), and a message keyed by its logical identity ("booking b, sequence 2, for x@y") is queued
at most once. Delivery is at least once: a crash between the SMTP hand-off and marking the message
sent resends it with the same Message-ID. The body of a sent message is dropped, so the candidate's
token lives in the database only until the link has been mailed.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from pymongo import ASCENDING, ReturnDocument
from pymongo.asynchronous.client_session import AsyncClientSession
from pymongo.asynchronous.database import AsyncDatabase

from services.chassis.mail import Attachment, Mail, Mailer

log = logging.getLogger(__name__)
MAILS = "mails"
SENT_RETENTION = timedelta(days=30)
MAX_ATTEMPTS = 8
Clock = Callable[[], datetime]


class Mailbox:
    def __init__(
        self,
        db: AsyncDatabase[dict[str, Any]],
        mailer: Mailer,
        clock: Clock,
        *,
        poll_seconds: float,
        retry_seconds: float,
    ) -> None:
        self.collection = db[MAILS]
        self.mailer = mailer
        self.clock = clock
        self.poll_seconds = poll_seconds
        self.retry_seconds = retry_seconds
        self.queued = asyncio.Event()

    async def ensure_indexes(self) -> None:
        await self.collection.create_index([("status", ASCENDING), ("not_before", ASCENDING)])
        # Erasure withdraws a candidate's unsent mail.
        await self.collection.create_index(
            [("tenant", ASCENDING), ("to", ASCENDING), ("status", ASCENDING)]
        )
        await self.collection.create_index(
            "sent_at", expireAfterSeconds=int(SENT_RETENTION.total_seconds())
        )

    async def queue(self, session: AsyncClientSession, tenant: str, mail: Mail) -> None:
        """Queue inside the caller's transaction; `mail.message_key` must name the message."""
        assert mail.message_key, "queued mail needs a stable message key"
        await self.collection.update_one(
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
        self.queued.set()

    async def deliver_due(self) -> int:
        """Send every due message once; returns how many were sent."""
        sent = 0
        while True:
            now = self.clock()
            doc = await self.collection.find_one_and_update(
                {"status": "pending", "not_before": {"$lte": now}},
                # Claimed for a while: another replica skips it, a crash releases it.
                {"$set": {"not_before": now + timedelta(seconds=self.retry_seconds)}},
                sort=[("not_before", ASCENDING)],
                return_document=ReturnDocument.AFTER,
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
                {
                    "$set": {"status": "sent", "sent_at": self.clock()},
                    "$unset": {"text": "", "attachments": "", "headers": ""},
                },
            )
            sent += 1

    async def run(self) -> None:
        while True:
            self.queued.clear()
            try:
                await self.deliver_due()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("mail delivery round failed")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.queued.wait(), timeout=self.poll_seconds)


def _mail(doc: dict[str, Any]) -> Mail:
    return Mail(
        to=doc["to"],
        subject=doc["subject"],
        text=doc["text"],
        attachments=tuple(
            Attachment(
                filename=a["filename"],
                content=bytes(a["content"]),
                maintype=a["maintype"],
                subtype=a["subtype"],
                params=dict(a["params"]),
            )
            for a in doc["attachments"]
        ),
        message_key=doc["_id"],
        headers=dict(doc.get("headers") or {}),
    )
