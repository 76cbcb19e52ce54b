"""Builders of the invitation, recording, erasure and interview events that review consumes."""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from contracts.events.base import Payload
from contracts.events.interviews import InterviewCompleted, InterviewScore, Scorecard
from contracts.events.invitations import (
    Accommodations,
    InvitationCompleted,
    InvitationCreated,
    InvitationExpired,
    InvitationStarted,
    InvitationWithdrawn,
    Question,
)
from contracts.events.privacy import CandidateErasureRequested
from contracts.events.recordings import (
    AudioLevel,
    RecordingSelected,
    RecordingStarted,
    RecordingTranscoded,
    RecordingTranscodeFailed,
    RecordingUploaded,
    Rendition,
    ThumbnailStrip,
)
from contracts.events.rooms import RoomNotePinned, RoomRecordingStored
from contracts.rubric import Recommendation, RubricRef

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
# An interviewer's scorecard: who, their score per criterion, their recommendation.
Panelist = tuple[str, dict[str, int], Recommendation]


def questions(n: int = 2) -> list[Question]:
    practice = Question(
        question_id="q0",
        position=0,
        kind="video",
        prompt="Practice",
        practice=True,
        think_seconds=10,
        answer_seconds=30,
        retakes=3,
    )
    real = [
        Question(
            question_id=f"q{i}",
            position=i,
            kind="video",
            prompt=f"Question {i}",
            think_seconds=20,
            answer_seconds=90,
            retakes=1,
        )
        for i in range(1, n + 1)
    ]
    return [practice, *real]


@dataclass
class Candidate:
    """One invited candidate and the events of their interview."""

    position_id: str
    name: str = "Ada Example"
    email: str = "ada@example.com"
    blind: bool = False
    n_questions: int = 2
    question_set_id: str = "qs-1"
    invitation_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    language: str | None = None  # the language the candidate read their interview in
    token: str = field(default_factory=lambda: uuid.uuid4().hex + uuid.uuid4().hex)

    def created(self, at: datetime = T0) -> InvitationCreated:
        return InvitationCreated(
            invitation_id=self.invitation_id,
            position_id=self.position_id,
            position_title="Support engineer",
            question_set_id=self.question_set_id,
            question_set_version=1,
            candidate_name=self.name,
            candidate_email=self.email,
            questions=questions(self.n_questions),
            accommodations=Accommodations(),
            deadline=at + timedelta(days=7),
            token_hash=hashlib.sha256(self.token.encode()).hexdigest(),
            token_expires_at=datetime.now(UTC) + timedelta(days=14),
            blind_review=self.blind,
            created_at=at,
        )

    def started(self, at: datetime = T0) -> InvitationStarted:
        return InvitationStarted(
            invitation_id=self.invitation_id, started_at=at + timedelta(minutes=1)
        )

    def completed(self, at: datetime = T0) -> InvitationCompleted:
        return InvitationCompleted(
            invitation_id=self.invitation_id,
            completed_at=at + timedelta(minutes=30),
            candidate_language=self.language,
        )

    def expired(self, at: datetime = T0) -> InvitationExpired:
        return InvitationExpired(
            invitation_id=self.invitation_id, expired_at=at + timedelta(days=7)
        )

    def withdrawn(self, at: datetime = T0) -> InvitationWithdrawn:
        return InvitationWithdrawn(
            invitation_id=self.invitation_id, withdrawn_at=at + timedelta(hours=1)
        )

    def attempt(self, question: str, number: int = 1, minute: int = 2) -> list[Payload]:
        """Started, uploaded and selected for one take (without its transcode)."""
        attempt_id = f"{self.invitation_id[:8]}-{question}-{number}"
        at = T0 + timedelta(minutes=minute)
        common: dict[str, Any] = {
            "attempt_id": attempt_id,
            "invitation_id": self.invitation_id,
            "question_id": question,
        }
        return [
            RecordingStarted(**common, attempt_number=number, upload_mode="stream", started_at=at),
            RecordingUploaded(
                **common,
                attempt_number=number,
                object_key=f"raw/{attempt_id}.webm",
                size_bytes=1000,
                container="webm",
                video_codec="vp9",
                audio_codec="opus",
                width=1280,
                height=720,
                duration_seconds=42.0,
                uploaded_at=at + timedelta(seconds=50),
            ),
            RecordingSelected(**common, selected_at=at + timedelta(seconds=51)),
        ]

    def transcoded(self, question: str, number: int = 1, minute: int = 2) -> RecordingTranscoded:
        attempt_id = f"{self.invitation_id[:8]}-{question}-{number}"
        return RecordingTranscoded(
            attempt_id=attempt_id,
            invitation_id=self.invitation_id,
            question_id=question,
            master_playlist_key=f"hls/{attempt_id}/master.m3u8",
            renditions=[
                Rendition(
                    name="360p",
                    width=640,
                    height=360,
                    bandwidth=800_000,
                    playlist_key=f"hls/{attempt_id}/360p.m3u8",
                )
            ],
            poster_key=f"hls/{attempt_id}/poster.jpg",
            thumbnails=ThumbnailStrip(
                key=f"hls/{attempt_id}/thumbs.jpg",
                columns=5,
                rows=2,
                count=10,
                interval_seconds=4.2,
                tile_width=160,
                tile_height=90,
            ),
            duration_seconds=42.0,
            audio=AudioLevel(has_audio=True, mean_volume_db=-20, silent=False, near_silent=False),
            transcode_seconds=3.0,
            transcoded_at=T0 + timedelta(minutes=minute, seconds=70),
        )

    def call_transcoded(self, booking_id: str) -> RecordingTranscoded:
        """The recorded live interview's call, transcoded (the interview stage, no question)."""
        answer = self.transcoded("q1")
        return answer.model_copy(
            update={
                "attempt_id": f"call-{booking_id}",
                "question_id": "",
                "stage": "interview",
                "booking_id": booking_id,
                "duration_seconds": 1800.0,
            }
        )

    def call_stored(self, booking_id: str, started: datetime) -> RoomRecordingStored:
        """The recorded live interview's call, stored by the live service (it began `started`)."""
        return RoomRecordingStored(
            request_id=f"req-{booking_id}",
            booking_id=booking_id,
            invitation_id=self.invitation_id,
            recording_id=f"call-{booking_id}",
            object_key=f"tenants/t/live/{booking_id}/call.mp4",
            size_bytes=1000,
            duration_seconds=1800.0,
            participants=2,
            started_at=started,
            stored_at=started + timedelta(minutes=31),
        )

    def note(self, booking_id: str, author: str, text: str, at: datetime) -> RoomNotePinned:
        return RoomNotePinned(
            request_id=f"req-{booking_id}",
            booking_id=booking_id,
            invitation_id=self.invitation_id,
            note_id=str(uuid.uuid4()),
            interviewer_id=author.lower(),
            author=author,
            text=text,
            at=at,
        )

    def failed(self, question: str, number: int = 1) -> RecordingTranscodeFailed:
        return RecordingTranscodeFailed(
            attempt_id=f"{self.invitation_id[:8]}-{question}-{number}",
            invitation_id=self.invitation_id,
            question_id=question,
            reason="undecodable",
            message="The recording cannot be decoded.",
            job_attempts=1,
            failed_at=T0 + timedelta(minutes=5),
        )

    def ready(self) -> list[Payload]:
        """Every event of a candidate who answered every question, all transcoded."""
        events: list[Payload] = [self.created(), self.started()]
        for i in range(1, self.n_questions + 1):
            events += [*self.attempt(f"q{i}", minute=2 + i), self.transcoded(f"q{i}", minute=2 + i)]
        return [*events, self.completed()]

    def erasure(self) -> CandidateErasureRequested:
        return CandidateErasureRequested(
            erasure_id=str(uuid.uuid4()),
            candidate_email=self.email,
            invitation_ids=[self.invitation_id],
            requested_by="user:dpo",
            requested_at=T0 + timedelta(days=1),
        )

    def interviewed(
        self,
        *panel: Panelist,
        request_id: str = "req-1",
        day: int = 10,
        rubric_version: int = 1,
    ) -> InterviewCompleted:
        """The live interview completed, with every panelist's scorecard."""
        at = T0 + timedelta(days=day)
        cards = [
            Scorecard(
                interviewer_id=who,
                scores=[InterviewScore(criterion_id=c, score=s) for c, s in scores.items()],
                recommendation=recommendation,
                submitted_at=at,
            )
            for who, scores, recommendation in panel
        ]
        criteria = sorted({c for _, scores, _ in panel for c in scores})
        return InterviewCompleted(
            request_id=request_id,
            booking_id=f"b-{request_id}",
            invitation_id=self.invitation_id,
            position_id=self.position_id,
            start=at - timedelta(hours=2),
            end=at - timedelta(hours=1),
            rubric=RubricRef(
                version=rubric_version, scale_min=1, scale_max=5, criterion_ids=criteria
            ),
            scorecards=cards,
            feedback=[c.feedback_v1() for c in cards],
            completed_at=at,
        )
