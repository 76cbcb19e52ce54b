"""The interview's pace: questions revealed one at a time, in order, and the clocks each reveal
starts (think time, the takes of a video question, a written answer's time limit), kept here where
the answers are taken, so no client can read ahead or stop a clock (ADR 0020)."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Annotated

from fastapi import Depends, Request
from pymongo.asynchronous.client_session import AsyncClientSession
from pymongo.errors import DuplicateKeyError

from contracts.events.recordings import QuestionRevealed
from services.chassis.api import Api, Id, candidate
from services.chassis.errors import ProblemError
from services.chassis.identity import Identity, require_identity
from services.chassis.service import Service
from services.ingest import invitation_view, store
from services.ingest.schemas import RevealedQuestion, RevealedQuestions
from services.ingest.settings import IngestSettings
from services.ingest.store import AnswerDoc, AttemptDoc, InvitationDoc, QuestionDoc, RevealDoc

api = Api("ingest", tags=["candidate questions"])
Clock = Callable[[], datetime]
PROMPT_URL_LIFETIME = timedelta(minutes=30)


def utc_now() -> datetime:
    return datetime.now(UTC)


def _aware(at: datetime) -> datetime:
    return at if at.tzinfo else at.replace(tzinfo=UTC)


@dataclass
class Turn:
    """One revealed question's clocks at `now`, from its reveal, takes and answer."""

    question: QuestionDoc
    reveal: RevealDoc
    attempts: list[AttemptDoc]
    answer: AnswerDoc | None
    closed: bool
    now: datetime
    grace: timedelta

    @property
    def revealed_at(self) -> datetime:
        return _aware(self.reveal["revealed_at"])

    @property
    def first_start_by(self) -> datetime:
        return _aware(self.reveal["start_by"])

    @property
    def missed_first(self) -> bool:
        """The first take did not start by its think time plus grace: it counts as used."""
        limit = self.first_start_by + self.grace
        return self.now > limit and not any(_aware(a["opened_at"]) <= limit for a in self.attempts)

    @property
    def takes_used(self) -> int:
        used = [a for a in self.attempts if a["status"] != "rejected"]  # a refused file is free
        return len(used) + (1 if self.missed_first else 0)

    @property
    def takes_left(self) -> int:
        if self.closed or self.question["kind"] != "video":
            return 0
        return max(0, 1 + self.question["retakes"] - self.takes_used)

    @property
    def start_by(self) -> datetime:
        """When the next take must start: think time after the reveal for the first; for a
        retake, think time after the previous take ended and could be watched back (its answer
        time). Grace is allowed on top."""
        think = timedelta(seconds=self.question["think_seconds"])
        if not self.attempts:
            if self.missed_first:
                return self.first_start_by + self.grace + think
            return self.first_start_by
        last = max(self.attempts, key=lambda a: a["opened_at"])
        ended = last.get("finished_at") or (
            last["opened_at"] + timedelta(seconds=self.question["answer_seconds"])
        )
        return _aware(ended) + think + timedelta(seconds=self.question["answer_seconds"])

    @property
    def answer_by(self) -> datetime | None:
        if self.question["kind"] == "video":
            return None
        limit = self.question["think_seconds"] + self.question["answer_seconds"]
        return self.revealed_at + timedelta(seconds=limit)

    @property
    def answered(self) -> bool:
        if self.question["kind"] == "video":
            return any(a["status"] == "uploaded" for a in self.attempts)
        return self.answer is not None

    @property
    def finished(self) -> bool:
        """Nothing more can happen to it: the candidate may go on to the next question."""
        if any(a["status"] == "open" for a in self.attempts):
            return False
        if self.answered or self.closed:
            return True
        if self.question["kind"] == "video":
            return self.takes_left == 0 or self.now > self.start_by + self.grace
        answer_by = self.answer_by
        assert answer_by is not None
        return self.now > answer_by + self.grace

    @property
    def think_seconds_used(self) -> float | None:
        """From the reveal to the first take (or the written answer); None before either."""
        if self.question["kind"] == "video":
            if self.missed_first:
                return float(self.question["think_seconds"])
            if not self.attempts:
                return None
            first = min(_aware(a["opened_at"]) for a in self.attempts)
            return (first - self.revealed_at).total_seconds()
        if self.answer is None:
            return None
        return (_aware(self.answer["submitted_at"]) - self.revealed_at).total_seconds()


class Pace:
    """Reveals and the clocks; one per service, kept in `app.state.pace`. `clock` is the time the
    rules are judged at (tests move it instead of sleeping)."""

    def __init__(self, service: Service, settings: IngestSettings, clock: Clock = utc_now) -> None:
        self.service = service
        self.settings = settings
        self.clock = clock
        self.grace = timedelta(seconds=settings.start_grace_seconds)
        self.reveals = store.reveals(service.db)
        self.answers = store.answers(service.db)
        self.attempts = store.attempts(service.db)

    def now(self) -> datetime:
        """The clock to the millisecond, as MongoDB stores times (a reply and a reread agree)."""
        at = self.clock()
        return at.replace(microsecond=at.microsecond // 1000 * 1000)

    async def invitation(self, identity: Identity) -> InvitationDoc:
        invitation = await invitation_view.find(self.service, identity.tenant, identity.principal)
        if invitation is None or "questions" not in invitation:
            raise ProblemError(404, "invitation_not_found", "No such invitation.")
        return invitation

    async def revealed(self, tenant: str, invitation_id: str) -> list[RevealDoc]:
        query = {"tenant": tenant, "invitation_id": invitation_id}
        return await self.reveals.find(query).sort("position", 1).to_list()

    async def turn(
        self,
        invitation: InvitationDoc,
        question: QuestionDoc,
        reveals: list[RevealDoc] | None = None,
    ) -> Turn | None:
        """The question's clocks now, or None while it is not revealed."""
        tenant, invitation_id = invitation["tenant"], invitation["_id"]
        if reveals is None:
            reveals = await self.revealed(tenant, invitation_id)
        reveal = next((r for r in reveals if r["question_id"] == question["question_id"]), None)
        if reveal is None:
            return None
        mine = {"tenant": tenant, "invitation_id": invitation_id}
        attempts = await self.attempts.find(
            {**mine, "question_id": question["question_id"]}
        ).to_list()
        answer = await self.answers.find_one({"_id": reveal["_id"], "tenant": tenant})
        closed = any(r["position"] > question["position"] for r in reveals)
        return Turn(question, reveal, attempts, answer, closed, self.now(), self.grace)

    async def reveal(self, identity: Identity, question_id: str) -> Turn:
        """Reveal the question (once: a repeat returns it with its clocks running). Only the next
        question in order, once every earlier one is finished."""
        invitation = await self.invitation(identity)
        question = invitation_view.question(invitation, question_id)
        if question is None:
            raise ProblemError(404, "question_not_found", "The invitation has no such question.")
        if question.get("practice"):
            raise ProblemError(
                409, "practice_question", "The practice question is shown with the interview."
            )
        reveals = await self.revealed(identity.tenant, identity.principal)
        existing = await self.turn(invitation, question, reveals)
        if existing is not None:
            return existing
        now = self.now()
        closed = invitation_view.closed_reason(invitation, now)
        if closed:
            raise ProblemError(409, "invitation_closed", closed)
        for earlier in invitation.get("questions", []):
            if earlier["position"] >= question["position"] or earlier.get("practice"):
                continue
            turn = await self.turn(invitation, earlier, reveals)
            if turn is None or not turn.finished:
                raise ProblemError(
                    409,
                    "question_out_of_order",
                    f"Finish question {earlier['position']} first.",
                )
        doc: RevealDoc = {
            "_id": f"{identity.principal}:{question_id}",
            "tenant": identity.tenant,
            "invitation_id": identity.principal,
            "question_id": question_id,
            "position": question["position"],
            "revealed_at": now,
            "start_by": now + timedelta(seconds=question["think_seconds"]),
        }

        async def write(session: AsyncClientSession) -> None:
            await self.reveals.insert_one(doc, session=session)
            await self.service.outbox.add(
                session,
                identity.tenant,
                QuestionRevealed(
                    invitation_id=identity.principal,
                    question_id=question_id,
                    revealed_at=now,
                    start_by=doc["start_by"],
                ),
            )

        # Revealed at the same moment from another device: that reveal stands.
        with suppress(DuplicateKeyError):
            await self.service.transaction(write)
        turn = await self.turn(invitation, question)
        assert turn is not None
        return turn

    async def to_model(self, turn: Turn) -> RevealedQuestion:
        q = turn.question
        storage = self.service.storage
        assert storage is not None
        video, captions = q.get("prompt_video_key"), q.get("prompt_captions_key")
        return RevealedQuestion(
            question_id=q["question_id"],
            position=q["position"],
            kind=q["kind"],
            prompt=q["prompt"],
            choices=q.get("choices"),
            multiple=q.get("multiple", False),
            max_chars=q.get("max_chars"),
            prompt_video_url=(
                await storage.presigned_get(video, PROMPT_URL_LIFETIME) if video else None
            ),
            prompt_captions_url=(
                await storage.presigned_get(captions, PROMPT_URL_LIFETIME) if captions else None
            ),
            think_seconds=q["think_seconds"],
            answer_seconds=q["answer_seconds"],
            retakes=q["retakes"],
            revealed_at=turn.revealed_at,
            start_by=turn.start_by,
            answer_by=turn.answer_by,
            takes_used=turn.takes_used,
            takes_left=turn.takes_left,
            answered=turn.answered,
            closed=turn.closed,
            now=turn.now,
        )


IdentityDep = Annotated[Identity, Depends(require_identity)]


def _pace(request: Request) -> Pace:
    pace: Pace = request.app.state.pace
    return pace


@api.post(
    "/candidate/questions/{question_id}/reveal",
    candidate("interview"),
    summary="Go on to this question: its prompt is shown and its clocks start (once)",
    response_model=RevealedQuestion,
    errors={
        404: "`invitation_not_found`, `question_not_found`: no such invitation or question.",
        409: "`question_out_of_order`: an earlier question is not finished (answered, or out of "
        "time and takes); `practice_question`: it comes with the interview, unpaced; "
        "`invitation_closed`: withdrawn, expired or past the deadline.",
    },
)
async def reveal(question_id: Id, request: Request, identity: IdentityDep) -> RevealedQuestion:
    pace = _pace(request)
    return await pace.to_model(await pace.reveal(identity, question_id))


@api.get(
    "/candidate/questions",
    candidate("interview"),
    summary="The questions I have reached, with their clocks (after a reload: resume the last)",
    response_model=RevealedQuestions,
    errors={404: "`invitation_not_found`: no such invitation."},
)
async def revealed(request: Request, identity: IdentityDep) -> RevealedQuestions:
    pace = _pace(request)
    invitation = await pace.invitation(identity)
    reveals = await pace.revealed(identity.tenant, identity.principal)
    out = []
    for r in reveals:
        question = invitation_view.question(invitation, r["question_id"])
        turn = await pace.turn(invitation, question, reveals) if question else None
        if turn is not None:
            out.append(await pace.to_model(turn))
    return RevealedQuestions(questions=out)
