"""The submissions projection without I/O: order, duplicates and replays give the same document."""

from __future__ import annotations

import copy
import random
from datetime import timedelta
from typing import Any

from contracts import event_spec
from contracts.events.base import Payload
from services.review import submission_projection
from tests.review.events import T0, Candidate


def fold(events: list[Payload], invitation_id: str) -> dict[str, Any]:
    doc: dict[str, Any] = {"_id": invitation_id, "tenant": "t"}
    for i, e in enumerate(events):
        submission_projection.apply(doc, event_spec(type(e)).type, e, T0 + timedelta(seconds=i))
    return {**doc, **submission_projection.derive(doc)}


def test_a_complete_interview_is_ready_with_its_media() -> None:
    c = Candidate("p1")
    doc = fold(c.ready(), c.invitation_id)
    assert doc["status"] == "ready" and doc["reviewable"]
    assert doc["invitation_state"] == "completed"
    assert [a["question_id"] for a in doc["answers"]] == ["q1", "q2"]  # practice left out
    answer = doc["answers"][0]
    assert answer["master_playlist_key"].endswith("master.m3u8")
    assert answer["audio"] == {"has_audio": True, "silent": False, "near_silent": False}
    assert answer["duration_seconds"] == 42.0


def test_statuses_awaiting_processing_failed_missing() -> None:
    c = Candidate("p1")
    assert fold([c.created()], c.invitation_id)["status"] == "awaiting"
    processing = fold([c.created(), *c.attempt("q1")], c.invitation_id)
    assert processing["status"] == "processing"
    assert [a["status"] for a in processing["answers"]] == ["processing", "awaiting"]
    failed = fold([c.created(), *c.attempt("q1"), c.failed("q1")], c.invitation_id)
    assert failed["status"] == "failed" and not failed["reviewable"]
    in_flight = fold(
        [c.created(), *c.attempt("q1"), c.transcoded("q1"), c.completed()], c.invitation_id
    )
    assert in_flight["status"] == "awaiting"  # q2's recording events may still be on their way
    missing = fold(
        [c.created(), *c.attempt("q1"), c.transcoded("q1"), c.expired()], c.invitation_id
    )
    assert missing["status"] == "missing" and missing["reviewable"]  # one answer is reviewable
    withdrawn = fold([*c.ready(), c.withdrawn()], c.invitation_id)
    assert withdrawn["invitation_state"] == "withdrawn" and not withdrawn["reviewable"]


def test_order_duplicates_and_replays_do_not_change_the_result() -> None:
    c = Candidate("p1")
    events = [*c.ready(), *c.attempt("q1", number=2, minute=20), c.transcoded("q1", 2, minute=20)]
    expected = fold(events, c.invitation_id)
    rng = random.Random(7)
    for _ in range(20):
        shuffled = events + rng.sample(events, 5)  # duplicates and replays
        rng.shuffle(shuffled)
        assert fold(copy.deepcopy(shuffled), c.invitation_id) == expected
    assert expected["answers"][0]["attempt_id"].endswith("q1-2")  # the later selection wins


def test_a_late_transcode_of_an_attempt_no_longer_selected_is_ignored() -> None:
    c = Candidate("p1")
    retake = [*c.attempt("q1", number=2, minute=20)]
    events = [c.created(), *c.attempt("q1"), *retake, c.transcoded("q1", 1)]  # old take's transcode
    doc = fold(events, c.invitation_id)
    assert doc["answers"][0]["status"] == "processing"
    assert doc["answers"][0]["attempt_id"].endswith("q1-2")


def test_erasure_leaves_a_tombstone_that_later_events_cannot_fill() -> None:
    c = Candidate("p1")
    doc = fold([*c.ready(), c.erasure(), c.created()], c.invitation_id)
    assert doc["erased"] and doc["candidate"] is None and "position_id" not in doc
    assert doc["answers"] == [] and not doc["reviewable"]
    early = fold([c.erasure(), *c.ready()], c.invitation_id)
    assert early == doc


def test_the_newest_completed_interview_is_a_fact_apart_from_the_screening() -> None:
    c = Candidate("p1")
    first = c.interviewed(("grace", {"coding": 2}, "no"), request_id="r1", day=10)
    again = c.interviewed(("alan", {"coding": 4}, "yes"), request_id="r2", day=20)
    unscored = again.model_copy(update={"rubric": None, "scorecards": [], "request_id": "r3"})
    events = [*c.ready(), first, again, unscored]
    expected = fold(events, c.invitation_id)
    assert expected["interview"]["request_id"] == "r2"  # version 1 events carry no rubric
    assert expected["interview"]["rubric"]["criterion_ids"] == ["coding"]
    assert expected["interview"]["scorecards"][0]["scores"] == [
        {"criterion_id": "coding", "score": 4, "comment": None}
    ]
    screening = fold(c.ready(), c.invitation_id)
    assert {k: v for k, v in expected.items() if k != "interview"} == screening
    rng = random.Random(5)
    for _ in range(10):
        assert fold([*rng.sample(events, len(events)), first], c.invitation_id) == expected
    assert "interview" not in fold([*events, c.erasure()], c.invitation_id)
