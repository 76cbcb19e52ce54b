"""Text and multiple-choice answers and the pace facts in the submissions projection (no I/O)."""

from __future__ import annotations

import random
from datetime import timedelta

from contracts.events.base import Payload
from contracts.events.invitations import Question
from contracts.events.recordings import AnswerSubmitted, QuestionRevealed
from tests.review.events import T0, Candidate
from tests.review.test_submission_projection import fold


def interview() -> tuple[Candidate, list[Payload]]:
    c = Candidate("p1", n_questions=1)
    created = c.created()
    extra = [
        Question(
            question_id="q2",
            position=2,
            kind="text",
            prompt="Why us?",
            think_seconds=0,
            answer_seconds=120,
            retakes=0,
            max_chars=500,
        ),
        Question(
            question_id="q3",
            position=3,
            kind="choice",
            prompt="Shifts",
            think_seconds=0,
            answer_seconds=30,
            retakes=0,
            choices=["early", "late"],
            multiple=True,
        ),
    ]
    created = created.model_copy(update={"questions": [*created.questions, *extra]})

    def revealed(qid: str, minute: float) -> QuestionRevealed:
        at = T0 + timedelta(minutes=minute)
        return QuestionRevealed(
            invitation_id=c.invitation_id, question_id=qid, revealed_at=at, start_by=at
        )

    def written(qid: str, minute: float, seconds: int, **answer: object) -> AnswerSubmitted:
        at = T0 + timedelta(minutes=minute)
        return AnswerSubmitted(
            invitation_id=c.invitation_id,
            question_id=qid,
            kind=extra[int(qid[1]) - 2].kind,
            revealed_at=at,
            submitted_at=at + timedelta(seconds=seconds),
            **answer,
        )

    # q1 revealed 12 s before its first take (minute 2 in `attempt`), then a retake.
    events = [
        created,
        c.started(),
        revealed("q1", 2 - 0.2),
        *c.attempt("q1"),
        *c.attempt("q1", number=2, minute=3),
        c.transcoded("q1", number=2, minute=3),
        revealed("q2", 4),
        written("q2", 4, 95, text="Because\nof the people."),
        revealed("q3", 6),
        written("q3", 6, 7, choices=[1, 0]),
        c.completed(),
    ]
    return c, events


def test_written_answers_are_ready_with_their_pace_in_any_order() -> None:
    c, events = interview()
    doc = fold(events, c.invitation_id)
    assert doc["status"] == "ready" and doc["reviewable"]
    video, text, choice = doc["answers"]
    assert (video["kind"], video["think_seconds_used"], video["takes_used"]) == ("video", 12.0, 2)
    assert (text["status"], text["text"], text["think_seconds_used"]) == (
        "ready",
        "Because\nof the people.",
        95.0,
    )
    assert (choice["choices"], choice["choice_labels"]) == ([1, 0], ["early", "late"])
    for seed in range(5):
        shuffled = events[:]
        random.Random(seed).shuffle(shuffled)
        again = fold(shuffled + shuffled[:3], c.invitation_id)
        assert again["answers"] == doc["answers"] and again["status"] == doc["status"]


def test_an_unanswered_written_question_waits_then_is_missing() -> None:
    c, events = interview()
    without = [
        e
        for e in events[:-1]  # not completed: the interview ran out instead
        if not isinstance(e, AnswerSubmitted) or e.question_id != "q3"
    ]
    assert fold(without, c.invitation_id)["answers"][2]["status"] == "awaiting"
    expired = fold([*without, c.expired()], c.invitation_id)
    assert expired["answers"][2]["status"] == "missing" and expired["reviewable"]


def test_erasure_leaves_no_written_answer() -> None:
    c, events = interview()
    doc = fold([*events, c.erasure()], c.invitation_id)
    assert doc["answers"] == [] and "written" not in doc and "reveals" not in doc
