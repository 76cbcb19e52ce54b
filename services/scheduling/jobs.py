"""The scheduling service's periodic jobs: reminders before interviews, and delivery of the mail
outbox (the chassis' job, declared here with the others).

Each booking carries its next reminder time. A round claims a due booking by moving that time on
in a guarded update, in the same transaction that queues the mails and writes interview.reminded,
so concurrent replicas and repeated rounds send each reminder once."""

from __future__ import annotations

from datetime import timedelta

from pymongo import ASCENDING
from pymongo.asynchronous.client_session import AsyncClientSession

from contracts.events.interviews import InterviewReminded
from services.chassis.jobs import Periodic
from services.chassis.mail import Mail
from services.scheduling import notices
from services.scheduling.bookings import meeting, next_reminder
from services.scheduling.store import BookingDoc, Scheduling

BATCH = 100


def declare(ctx: Scheduling, *, enabled: bool = True) -> dict[str, Periodic]:
    settings = ctx.settings
    return {
        "mail": ctx.mail.deliver_every(ctx.service, settings.mail_poll_seconds, enabled=enabled),
        "reminders": ctx.service.every(
            settings.reminder_poll_seconds,
            "reminders",
            lambda: send_reminders(ctx),
            enabled=enabled,
        ),
    }


async def send_reminders(ctx: Scheduling) -> int:
    """Send every reminder due now; returns how many bookings were reminded."""
    now = ctx.now()
    due = await (
        ctx.bookings.find({"status": "scheduled", "next_reminder_at": {"$lte": now}})
        .sort("next_reminder_at", ASCENDING)
        .limit(BATCH)
        .to_list()
    )
    sent = 0
    for booking in due:
        if await _remind(ctx, booking):
            sent += 1
    if sent:
        ctx.mail.wake()
    return sent


async def _remind(ctx: Scheduling, booking: BookingDoc) -> bool:
    now = ctx.now()
    tenant = booking["tenant"]
    request = await ctx.requests.find_one({"_id": booking["request_id"], "tenant": tenant})
    if request is None:
        return False
    offsets = ctx.settings.reminder_offsets_minutes
    later_at, later_minutes = next_reminder(booking["start"], now, offsets)
    # Late (the service was down): only the closest due reminder goes, and none after the start.
    due = [m for m in offsets if booking["start"] - timedelta(minutes=m) <= now]
    minutes = min(due, default=booking["next_reminder_minutes"] or 0)
    mails: list[Mail] = []
    if booking["start"] > now:
        mails = notices.reminder_mails(await meeting(ctx, tenant, request, booking), minutes)

    async def write(session: AsyncClientSession) -> bool:
        claimed = await ctx.bookings.update_one(
            {
                "_id": booking["_id"],
                "tenant": tenant,
                "status": "scheduled",
                "next_reminder_at": booking["next_reminder_at"],
            },
            {"$set": {"next_reminder_at": later_at, "next_reminder_minutes": later_minutes}},
            session=session,
        )
        if claimed.modified_count != 1 or not mails:
            return False
        for mail in mails:
            await ctx.mail.queue(session, tenant, mail)
        await ctx.service.outbox.add(
            session,
            tenant,
            InterviewReminded(
                request_id=booking["request_id"],
                booking_id=booking["_id"],
                start=booking["start"],
                minutes_before=minutes,
                reminded_at=now,
            ),
        )
        return True

    return await ctx.service.transaction(write)
