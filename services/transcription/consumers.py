"""What transcription consumes: transcoded answers to transcribe, invitations (position and
language; completion and the kept attempts, for the candidate's reading), and erasure."""

from __future__ import annotations

from services.chassis.service import Service
from services.transcription import invitation_view, privacy
from services.transcription.workers import WorkerPool


def register(service: Service, pool: WorkerPool) -> None:
    service.on("recording.transcoded")(pool.queue)
    service.on("invitation.created")(invitation_view.recorder(service.db))
    service.on("invitation.completed")(invitation_view.completer(service.db))
    service.on("recording.selected")(invitation_view.selector(service.db))
    service.on("candidate.erasure_requested")(privacy.eraser(service.db))
