"""The server-paced interview: questions revealed one at a time, think and answer time kept by
ingest's clock (moved by the tests, never slept), text and multiple-choice answers checked."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from contracts.events.invitations import Question
from services.ingest.reveals import Pace
from tests.ingest.flows import complete, put_pieces, record, reveal
from tests.ingest.harness import PLATFORM_KEY, Media

pytestmark = pytest.mark.integration
GRACE = 60  # the harness's start_grace_seconds


def ask(qid: str, position: int, kind: str = "video", **limits: Any) -> Question:
    fields: dict[str, Any] = {"think_seconds": 10, "answer_seconds": 30, "retakes": 0, **limits}
    return Question(
        question_id=qid, position=position, kind=kind, prompt=f"Secret prompt {qid}", **fields
    )


@contextmanager
def clock_at(media: Media) -> Iterator[list[datetime]]:
    """Ingest's clock, held at `now[0]` (the test moves it); the real clock again afterwards."""
    pace: Pace = media.ingest.app.state.pace
    now = [datetime.now(UTC)]
    pace.clock = lambda: now[0]
    try:
        yield now
    finally:
        pace.clock = lambda: datetime.now(UTC)


async def events(media: Media, event_type: str, invitation_id: str) -> list[dict[str, Any]]:
    docs = await media.ingest.db.outbox.find({"type": event_type}).to_list()
    bodies = [json.loads(d["body"]) for d in docs]
    return [b for b in bodies if b["invitation_id"] == invitation_id]


async def test_a_client_reading_ahead_gets_only_the_current_question(
    media: Media, clip_files: dict[str, Path]
) -> None:
    tenant, key = await media.tenant()
    questions = [
        ask("warmup", 0, practice=True),
        ask("q1", 1, retakes=1),
        ask("q2", 2, "text", max_chars=40),
        ask("q3", 3, "choice", choices=["early", "late", "night"], multiple=False),
        ask("q4", 4, "choice", choices=["a", "b", "c"], multiple=True),
    ]
    invitation_id, token = await media.invitation(tenant, questions)
    async with media.client(token) as candidate, media.client(token) as second_device:
        assert (await candidate.get("/v1/candidate/questions")).json() == {"questions": []}
        ahead = [await candidate.post(f"/v1/candidate/questions/{q}/reveal") for q in ("q2", "q3")]
        early = await candidate.post("/v1/candidate/questions/q2/answer", json={"text": "hi"})
        practice = await candidate.post("/v1/candidate/questions/warmup/reveal")
        first = await reveal(candidate, "q1")
        again = await reveal(second_device, "q1")  # a reload or a second device
        listed = (await second_device.get("/v1/candidate/questions")).json()["questions"]
        still_ahead = await candidate.post("/v1/candidate/questions/q2/reveal")
        await record(candidate, "q1", clip_files["chrome.webm"].read_bytes())
        text = await reveal(candidate, "q2")
        refusals = {
            "choices": await candidate.post(
                "/v1/candidate/questions/q2/answer", json={"choices": [0]}
            ),
            "long": await candidate.post(
                "/v1/candidate/questions/q2/answer", json={"text": "x" * 41}
            ),
            "blank": await candidate.post("/v1/candidate/questions/q2/answer", json={"text": "  "}),
            "video": await candidate.post("/v1/candidate/questions/q1/answer", json={"text": "x"}),
        }
        answered = await candidate.post(
            "/v1/candidate/questions/q2/answer", json={"text": "Because."}
        )
        repeated = await candidate.post(
            "/v1/candidate/questions/q2/answer", json={"text": "Because."}
        )
        changed = await candidate.post("/v1/candidate/questions/q2/answer", json={"text": "Other"})
        closed = await candidate.post("/v1/candidate/attempts", json={"question_id": "q1"})
        await reveal(candidate, "q3")
        single = {
            "two": await candidate.post(
                "/v1/candidate/questions/q3/answer", json={"choices": [0, 1]}
            ),
            "unknown": await candidate.post(
                "/v1/candidate/questions/q3/answer", json={"choices": [3]}
            ),
            "text": await candidate.post(
                "/v1/candidate/questions/q3/answer", json={"text": "early"}
            ),
        }
        chose = await candidate.post("/v1/candidate/questions/q3/answer", json={"choices": [1]})
        await reveal(candidate, "q4")
        twice = await candidate.post("/v1/candidate/questions/q4/answer", json={"choices": [2, 2]})
        several = await candidate.post(
            "/v1/candidate/questions/q4/answer", json={"choices": [2, 0]}
        )
    assert [(r.status_code, r.json()["code"]) for r in ahead] == [
        (409, "question_out_of_order")
    ] * 2
    assert (early.status_code, early.json()["code"]) == (409, "question_not_revealed")
    assert (practice.status_code, practice.json()["code"]) == (409, "practice_question")
    assert first["prompt"] == "Secret prompt q1" and first["takes_left"] == 2
    assert again["revealed_at"] == first["revealed_at"] and again["start_by"] == first["start_by"]
    assert [q["question_id"] for q in listed] == ["q1"]
    assert (still_ahead.status_code, still_ahead.json()["code"]) == (409, "question_out_of_order")
    assert text["kind"] == "text" and text["max_chars"] == 40 and text["answer_by"]
    assert {k: (r.status_code, r.json()["code"]) for k, r in refusals.items()} == {
        "choices": (422, "invalid_answer"),
        "long": (422, "answer_too_long"),
        "blank": (422, "invalid_answer"),
        "video": (409, "question_is_video"),
    }
    assert answered.status_code == 200 and repeated.json() == answered.json()
    assert (changed.status_code, changed.json()["code"]) == (409, "already_answered")
    assert (closed.status_code, closed.json()["code"]) == (409, "question_closed")
    assert {k: r.json()["code"] for k, r in single.items()} == {
        "two": "single_choice",
        "unknown": "unknown_choice",
        "text": "invalid_answer",
    }
    assert chose.status_code == 200 and chose.json()["choices"] == [1]
    assert twice.json()["code"] == "duplicate_choice" and several.json()["choices"] == [2, 0]
    revealed = await events(media, "question.revealed", invitation_id)
    submitted = await events(media, "answer.submitted", invitation_id)
    started = await events(media, "recording.started", invitation_id)
    assert [e["question_id"] for e in revealed] == ["q1", "q2", "q3", "q4"]
    assert [(e["question_id"], e["text"], e["choices"]) for e in submitted] == [
        ("q2", "Because.", None),
        ("q3", None, [1]),
        ("q4", None, [2, 0]),
    ]
    assert started[0]["revealed_at"] == revealed[0]["revealed_at"]
    async with media.client(key) as staff:
        listed_answers = (await staff.get(f"/v1/invitations/{invitation_id}/answers")).json()
    assert [a["question_id"] for a in listed_answers["answers"]] == ["q2", "q3", "q4"]


async def test_think_time_running_out_starts_the_question_and_a_reload_keeps_the_clocks(
    media: Media,
) -> None:
    tenant, _ = await media.tenant()
    questions = [
        ask("q1", 0, retakes=0),
        ask("q2", 1, retakes=1),
        ask("q3", 2, "text", answer_seconds=60),
    ]
    _, token = await media.invitation(tenant, questions)
    with clock_at(media) as now:
        start = now[0]
        async with media.client(token) as candidate:
            shown = await reveal(candidate, "q1")
            now[0] = start + timedelta(seconds=10 + GRACE - 1)  # still within think time + grace
            later = (await candidate.get("/v1/candidate/questions")).json()["questions"][0]
            blocked = await candidate.post("/v1/candidate/questions/q2/reveal")
            now[0] = start + timedelta(seconds=10 + GRACE + 1)
            expired = (await candidate.get("/v1/candidate/questions")).json()["questions"][0]
            missed = await candidate.post("/v1/candidate/attempts", json={"question_id": "q1"})
            # q1 counts as started and has no take left: the candidate goes on.
            second = await reveal(candidate, "q2")
            now[0] += timedelta(seconds=10 + GRACE + 1)
            retake_window = (await candidate.get("/v1/candidate/questions")).json()["questions"][1]
            retake = await candidate.post("/v1/candidate/attempts", json={"question_id": "q2"})
            await put_pieces(candidate, retake.json()["attempt_id"], [b""])
            empty = await complete(candidate, retake.json()["attempt_id"], 1)  # refused: free
            now[0] += timedelta(seconds=10 + 30 + GRACE + 1)  # think + watching back + grace
            third = await reveal(candidate, "q3")
            now[0] += timedelta(seconds=10 + 60 + GRACE + 1)
            late = await candidate.post("/v1/candidate/questions/q3/answer", json={"text": "late"})
    assert shown["revealed_at"] == later["revealed_at"] and shown["start_by"] == later["start_by"]
    assert later["takes_used"] == 0 and later["takes_left"] == 1
    assert (blocked.status_code, blocked.json()["code"]) == (409, "question_out_of_order")
    assert expired["takes_used"] == 1 and expired["takes_left"] == 0
    assert (missed.status_code, missed.json()["code"]) == (409, "no_retakes_left")
    assert second["takes_left"] == 2
    assert retake_window["takes_used"] == 1 and retake_window["takes_left"] == 1
    assert retake.status_code == 201, retake.text
    assert retake.json()["attempt_number"] == 2  # the missed first take is take 1
    assert empty.json()["status"] == "rejected"
    assert third["answer_by"] and third["revealed_at"] > second["revealed_at"]
    assert (late.status_code, late.json()["code"]) == (409, "answer_time_over")


async def test_the_platform_key_is_not_a_candidate(media: Media) -> None:
    async with media.client(PLATFORM_KEY) as platform:
        response = await platform.post("/v1/candidate/questions/q1/reveal")
    assert response.status_code in (401, 403)
