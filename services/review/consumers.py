"""What the review service consumes, in one list: every event the submissions read model folds
(`submission_projection.EVENT_TYPES`, which the rebuild reads too) and the erasure request."""

from __future__ import annotations

from services.chassis.bus import Handler
from services.chassis.service import Service
from services.review import privacy, submission_view
from services.review.store import Db


def handlers(db: Db) -> dict[str, Handler]:
    fact = submission_view.on_fact(db)
    return {
        "invitation.created": fact,
        "invitation.opened": fact,
        "invitation.consented": fact,
        "invitation.started": fact,
        "invitation.completed": fact,
        "invitation.expired": fact,
        "invitation.withdrawn": fact,
        "invitation.extended": fact,
        "invitation.accommodated": fact,
        "question.revealed": fact,
        "answer.submitted": fact,
        "recording.started": fact,
        "recording.uploaded": fact,
        "recording.rejected": fact,
        "recording.selected": fact,
        "recording.transcoding": fact,
        "recording.transcoded": fact,
        "recording.transcode_failed": fact,
        "interview.completed": fact,
        "room.recording_stored": fact,
        "room.note_pinned": fact,
        "candidate.erasure_requested": privacy.on_erasure(db),
    }


def register(service: Service) -> None:
    for event_type, handler in handlers(service.db).items():
        service.on(event_type)(handler)
