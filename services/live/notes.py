"""Private notes pinned to moments of a live call: an interviewer on the panel writes a note
while the room is open, pinned to now (or to a moment of the call they name); only its author
reads it back from the room page. Each note is `room.note_pinned`, written in the same
transaction, and the review workspace shows it at its moment of the call's recording, under the
interview stage. Erasing the candidate deletes their rooms' notes."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Annotated

from fastapi import Depends
from pymongo.asynchronous.client_session import AsyncClientSession

from contracts.events.privacy import CandidateErasureRequested
from contracts.events.rooms import RoomNotePinned
from services.chassis import paging
from services.chassis.api import Api, Id, staff
from services.chassis.bus import Delivery
from services.chassis.errors import ProblemError
from services.chassis.identity import Identity, require_identity
from services.live.rooms import NOT_OPEN, ROOM_NOT_FOUND, find_room, must_be_open, panel_member
from services.live.schemas import Note, NoteIn, NotePage
from services.live.store import Ctx, Live, NoteDoc

Caller = Annotated[Identity, Depends(require_identity)]
api = Api("live", tags=["live"])
# A note may be pinned a little ahead of the server's clock (the browser's clock runs ahead).
CLOCK_SKEW = timedelta(seconds=5)


def note_out(doc: NoteDoc) -> Note:
    return Note(
        id=doc["_id"],
        booking_id=doc["booking_id"],
        text=doc["text"],
        at=doc["at"],
        created_at=doc["created_at"],
    )


@api.post(
    "/live/rooms/{booking_id}/notes",
    staff("interviews:write"),
    summary="Pin a private note to a moment of the call (now, unless `at` names another)",
    status_code=201,
    response_model=Note,
    errors={
        **ROOM_NOT_FOUND,
        403: "`not_on_panel`: only the interview's panel takes notes in its room.",
        409: NOT_OPEN + ".",
        422: "`invalid_request`: the body does not match the schema; `time_out_of_range`: "
        "`at` is before the room opened or after now.",
    },
)
async def pin_note(booking_id: Id, body: NoteIn, ctx: Ctx, who: Caller) -> Note:
    room = await find_room(ctx, who.tenant, booking_id)
    member = panel_member(room, who)
    must_be_open(room)
    now = ctx.now()
    at = body.at or now
    opened = room["opened_at"] or room["opens_at"]
    if at < opened or at > now + CLOCK_SKEW:
        raise ProblemError(
            422, "time_out_of_range", f"A note is pinned between {opened.isoformat()} and now."
        )
    doc = NoteDoc(
        _id=str(uuid.uuid4()),
        tenant=who.tenant,
        booking_id=booking_id,
        request_id=room["request_id"],
        invitation_id=room.get("invitation_id") or "",
        interviewer_id=member["interviewer_id"],
        user_id=who.principal,
        author=member["name"],
        text=body.text,
        at=at,
        created_at=now,
    )

    async def write(session: AsyncClientSession) -> None:
        await ctx.notes.insert_one(dict(doc), session=session)
        await ctx.service.outbox.add(
            session,
            who.tenant,
            RoomNotePinned(
                request_id=doc["request_id"],
                booking_id=booking_id,
                invitation_id=doc["invitation_id"],
                note_id=doc["_id"],
                interviewer_id=doc["interviewer_id"],
                author=doc["author"],
                text=doc["text"],
                at=at,
            ),
        )

    await ctx.service.transaction(write)
    return note_out(doc)


@api.get(
    "/live/rooms/{booking_id}/notes",
    staff("interviews:write"),
    summary="Your own notes of the call, by their moment",
    response_model=NotePage,
    errors={
        **ROOM_NOT_FOUND,
        403: "`not_on_panel`: only the interview's panel takes notes in its room.",
        **paging.ERRORS,
    },
)
async def my_notes(
    booking_id: Id,
    ctx: Ctx,
    who: Caller,
    limit: paging.Limit = paging.DEFAULT_LIMIT,
    cursor: paging.Cursor = None,
) -> NotePage:
    panel_member(await find_room(ctx, who.tenant, booking_id), who)
    docs, following = await paging.read(
        ctx.notes,
        {"tenant": who.tenant, "booking_id": booking_id, "user_id": who.principal},
        sort=[("at", 1), ("_id", 1)],
        limit=limit,
        cursor=cursor,
    )
    return NotePage(items=[note_out(d) for d in docs], next_cursor=following)


async def erase(live: Live, delivery: Delivery[CandidateErasureRequested]) -> None:
    """The notes of the candidate's interviews go with them."""
    await live.notes.delete_many(
        {"tenant": delivery.tenant, "invitation_id": {"$in": delivery.payload.invitation_ids}},
        session=delivery.session,
    )
