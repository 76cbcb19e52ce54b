"""Recordings of live rooms (a setting of the interview type, off by default).

The candidate reads the recording notice and consents before the lobby lets them wait; the
consent is stored on the room with the notice's version. A recorded room is created on Janus
with recording on, into the room's own folder of `live_recordings_dir` (a volume Janus and this
service share). Once the room has closed, the `recordings` job claims it (a lease, so one replica
composes it), composes the participants' tracks into one MP4 (`composite`), stores it in object
storage under the tenant and writes `room.recording_stored` in the same transaction as the room's
new state; the transcoding pipeline takes it from there, as it takes a screening answer. The
local tracks are then deleted. Erasing the candidate deletes the stored file and the tracks, and
a compose under way finds the room erased and deletes what it stored."""

from __future__ import annotations

import logging
import re
import shutil
import tempfile
import uuid
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, cast

from pymongo.asynchronous.client_session import AsyncClientSession

from contracts.events.privacy import CandidateErasureRequested
from contracts.events.rooms import RoomRecordingStored
from services.chassis.bus import Delivery
from services.chassis.claims import claim_one
from services.chassis.errors import ProblemError
from services.chassis.storage import tenant_key
from services.live import composite, metrics
from services.live.schemas import RecordingNotice
from services.live.store import Live, RoomDoc

log = logging.getLogger(__name__)

NOTICE_VERSION = "2026-12-01"
NOTICE = (
    "This interview is recorded, video and audio, so that members of the hiring team who "
    "cannot attend can watch it. The recording is kept with your application and deleted with "
    "it; you can ask for it to be deleted at any time. A red dot shows while it records."
)
LEASE = timedelta(minutes=30)
MAX_ATTEMPTS = 3
_SEGMENT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$")


def notice() -> RecordingNotice:
    return RecordingNotice(version=NOTICE_VERSION, text=NOTICE)


def folder(live: Live, tenant: str, booking_id: str) -> Path | None:
    """Where Janus records the room (None when recording is not configured)."""
    base = live.settings.live_recordings_dir
    if not base:
        return None
    for segment in (tenant, booking_id):
        if not _SEGMENT.match(segment) or segment in {".", ".."}:
            raise ValueError(f"invalid folder segment {segment!r}")
    return Path(base) / tenant / booking_id


def object_key(tenant: str, booking_id: str) -> str:
    return tenant_key(tenant, "live", booking_id, "call.mp4")


def records(live: Live, room: RoomDoc) -> bool:
    """Whether Janus records this room: the type asked for it and recording is configured."""
    return bool(room.get("recording")) and bool(live.settings.live_recordings_dir)


def must_have_consent(room: RoomDoc) -> None:
    if room.get("recording") and not room.get("recording_consent"):
        raise ProblemError(
            409,
            "recording_consent_required",
            "This interview is recorded: read the notice and consent before you enter.",
        )


# -- the job: compose and store the recordings of closed rooms -------------------------------------


async def store_next(live: Live) -> int:
    """Compose and store one closed room's recording; 1 if one was handled, else 0."""
    now = live.now()
    room = await _claim(live, now)
    if room is None:
        return 0
    tenant, booking_id = room["tenant"], room["_id"]
    where = folder(live, tenant, booking_id)
    try:
        with tempfile.TemporaryDirectory(prefix="live-recording-") as scratch:
            made = await composite.compose(where, Path(scratch)) if where else None
            if made is None:
                await _finish(live, room, {"recording_state": "empty"}, None)
                metrics.RECORDINGS.labels(live.service.name, "empty").inc()
                log.warning("a recorded room has no video", extra={"room": booking_id})
            else:
                key = object_key(tenant, booking_id)
                store = live.service.storage
                assert store is not None
                await store.upload_file(key, str(made.path), "video/mp4")
                event = RoomRecordingStored(
                    request_id=room["request_id"],
                    booking_id=booking_id,
                    invitation_id=room.get("invitation_id") or "",
                    recording_id=room.get("recording_id") or str(uuid.uuid4()),
                    object_key=key,
                    size_bytes=made.path.stat().st_size,
                    duration_seconds=round(made.duration, 3),
                    participants=made.participants,
                    started_at=datetime.fromtimestamp(made.started, now.tzinfo),
                    stored_at=now,
                )
                stored = await _finish(
                    live,
                    room,
                    {"recording_state": "stored", "recording_key": key},
                    event,
                )
                if not stored:  # erased while composing: what was stored goes too
                    await store.delete_prefix(tenant_key(tenant, "live", booking_id) + "/")
                    return 1
                metrics.RECORDINGS.labels(live.service.name, "stored").inc()
                log.info(
                    "live recording stored",
                    extra={"tenant": tenant, "room": booking_id, "seconds": made.duration},
                )
    except (composite.CompositeError, OSError) as exc:
        attempts = room.get("recording_attempts", 0)
        failed = attempts >= MAX_ATTEMPTS
        await live.rooms.update_one(
            {"_id": booking_id, "tenant": tenant, "recording_state": "composing"},
            {"$set": {"recording_state": "failed" if failed else "pending"}},
        )
        metrics.RECORDINGS.labels(live.service.name, "failed" if failed else "retried").inc()
        log.error(
            "could not compose a live recording",
            extra={"room": booking_id, "attempt": attempts, "error": str(exc)},
        )
        return 1
    if where is not None:
        shutil.rmtree(where, ignore_errors=True)
    return 1


async def _claim(live: Live, now: datetime) -> RoomDoc | None:
    update = {
        "$set": {"recording_state": "composing", "recording_lease": now + LEASE},
        "$inc": {"recording_attempts": 1},
    }
    for filter in (
        {"recording_state": "pending"},
        {"recording_state": "composing", "recording_lease": {"$lte": now}},  # a crashed replica
    ):
        room = await claim_one(live.rooms, filter, update, sort=[("closed_at", 1)])
        if room is not None:
            return cast(RoomDoc, room)
    return None


async def _finish(
    live: Live, room: RoomDoc, fields: dict[str, Any], event: RoomRecordingStored | None
) -> bool:
    async def write(session: AsyncClientSession) -> bool:
        result = await live.rooms.update_one(
            {"_id": room["_id"], "tenant": room["tenant"], "recording_state": "composing"},
            {"$set": {**fields, "updated_at": live.now()}},
            session=session,
        )
        if result.modified_count and event is not None:
            await live.service.outbox.add(session, room["tenant"], event)
        return bool(result.modified_count)

    return await live.service.transaction(write)


# -- erasure ----------------------------------------------------------------------------------------


async def erase(live: Live, delivery: Delivery[CandidateErasureRequested]) -> None:
    """The candidate's recordings go: the stored calls and any tracks not yet composed."""
    tenant, ids = delivery.tenant, delivery.payload.invitation_ids
    rooms = await live.rooms.find(
        {"tenant": tenant, "invitation_id": {"$in": ids}}, {"_id": 1}, session=delivery.session
    ).to_list()
    if not rooms:
        return
    await live.rooms.update_many(
        {"tenant": tenant, "invitation_id": {"$in": ids}, "recording": True},
        {"$set": {"recording_state": "erased", "recording_key": None}},
        session=delivery.session,
    )
    store = live.service.storage
    for room in rooms:
        if store is not None:
            await store.delete_prefix(tenant_key(tenant, "live", room["_id"]) + "/")
        where = folder(live, tenant, room["_id"])
        if where is not None:
            shutil.rmtree(where, ignore_errors=True)
