"""The submissions read model on the real broker: shuffled, duplicated and replayed events give the
document the in-order fold gives; the live interview's scores show beside the screening's."""

from __future__ import annotations

import random
import uuid
from datetime import timedelta
from typing import Any

import pytest
from bson import BSON
from bson.codec_options import CodecOptions

from contracts import event_spec
from services.review import submission_projection
from tests.review.conftest import Api, ratings, setup
from tests.review.events import T0, Candidate, Panelist
from tests.support import eventually, unique

pytestmark = pytest.mark.integration


def expected_doc(events: list[Any], invitation_id: str, tenant: str) -> dict[str, Any]:
    doc: dict[str, Any] = {"_id": invitation_id, "tenant": tenant}
    for i, e in enumerate(events):
        submission_projection.apply(doc, event_spec(type(e)).type, e, T0 + timedelta(seconds=i))
    doc.update(submission_projection.derive(doc))
    return BSON.encode(doc).decode(codec_options=CodecOptions(tz_aware=True))  # as stored


def facts(doc: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in doc.items() if k != "review"}


async def test_shuffled_duplicated_and_replayed_events_give_the_same_model(api: Api) -> None:
    tenant = unique("t")
    c = Candidate(unique("pos"))
    events = [*c.ready(), *c.attempt("q1", number=2, minute=20), c.transcoded("q1", 2, minute=20)]
    redelivered = c.transcoded("q1", 1, minute=1)  # an older transcode of the first take
    in_order = expected_doc([*events, redelivered], c.invitation_id, tenant)
    rng = random.Random(11)
    shuffled = events + rng.sample(events, 6)  # replays: the same facts under new event ids
    rng.shuffle(shuffled)
    await api.publish(tenant, shuffled)
    duplicate_id = str(uuid.uuid4())
    for _ in range(2):  # a redelivery: the same event id twice
        await api.publish(tenant, [redelivered], event_id=duplicate_id)
    await eventually(lambda: _settled(api, c.invitation_id, in_order), what="every event")
    doc = await api.submission(c.invitation_id)
    assert doc is not None
    assert doc["answers"][0]["attempt_id"].endswith("q1-2")  # the retake, despite late transcodes


async def _settled(api: Api, invitation_id: str, expected: dict[str, Any]) -> bool:
    doc = await api.submission(invitation_id)
    return doc is not None and facts(doc) == facts(expected)


async def test_a_completed_live_interview_shows_beside_the_screening(api: Api) -> None:
    tenant, _, [c] = await setup(api, 1, ["ann"])
    grace: Panelist = ("grace", {"coding": 4, "communication": 2}, "yes")
    alan: Panelist = ("alan", {"coding": 2, "communication": 2}, "no")
    booking, unrecorded = str(uuid.uuid4()), str(uuid.uuid4())
    began = T0 + timedelta(days=3)
    notes = [  # pinned during the calls, arriving in any order
        c.note(booking, "Grace", "Strong answer on caching", began + timedelta(seconds=95)),
        c.note(unrecorded, "Alan", "Second call: asked about salary", began + timedelta(days=1)),
        c.note(booking, "Alan", "Asked about on-call", began + timedelta(seconds=30)),
    ]
    await api.publish(
        tenant.id,
        [
            notes[0],
            c.interviewed(grace, alan),
            c.call_transcoded(booking),
            *notes[1:],
            c.call_stored(booking, began),
        ],
    )
    await eventually(lambda: interviewed(api, c.invitation_id), what="the interview stage")
    await eventually(lambda: recorded(api, c.invitation_id), what="the interview's recording")
    await eventually(lambda: noted(api, c.invitation_id, 3), what="the panel's notes")
    sub = f"/v1/submissions/{c.invitation_id}"
    async with api.client(api.token(tenant, "ann", "reviewer")) as ann:
        before = (await ann.get(sub)).json()
        assert before["ratings_hidden"] and before["interview"] is None  # withheld like scores
        assert before["interview_notes"] == []
        body = {"ratings": ratings({"q1": 5, "q2": 5}, 5), "recommendation": "strong_yes"}
        assert (await ann.post(f"{sub}/review", json=body)).status_code == 201
    async with api.client(api.token(tenant, "rita", "recruiter")) as lead:
        shown = (await lead.get(sub)).json()
    assert shown["scores"]["reviews"] == 1 and shown["scores"]["mean"] == 5.0  # screening only
    stage = shown["interview"]
    assert stage["rubric"] == {
        "version": 1,
        "scale_min": 1,
        "scale_max": 5,
        "criterion_ids": ["coding", "communication"],
    }
    assert stage["scores"]["reviews"] == 2 and stage["scores"]["mean"] == 2.5
    assert stage["scores"]["criteria"] == {"coding": 3.0, "communication": 2.0}
    assert stage["scores"]["recommendations"] == {"no": 1, "yes": 1}
    assert [s["interviewer_id"] for s in stage["scorecards"]] == ["grace", "alan"]
    # The recorded call is the interview's too: not an answer of the screening.
    assert shown["interview_recordings"] == [
        {
            "booking_id": booking,
            "recording_id": f"call-{booking}",
            "status": "ready",
            "playable": True,
            "duration_seconds": 1800.0,
            "failure": None,
            "started_at": began.isoformat().replace("+00:00", "Z"),
        }
    ]
    # The panel's notes by their moment, each at its place in its call's recording (none for
    # the call that was not recorded).
    shown_notes = [(n["author"], n["text"], n["at_seconds"]) for n in shown["interview_notes"]]
    assert shown_notes == [
        ("Alan", "Asked about on-call", 30.0),
        ("Grace", "Strong answer on caching", 95.0),
        ("Alan", "Second call: asked about salary", None),
    ]
    assert all(a["question_id"] != "" for a in shown["answers"])
    assert not any(a.get("attempt_id", "").startswith("call-") for a in shown["answers"])


async def interviewed(api: Api, invitation_id: str) -> bool:
    doc = await api.submission(invitation_id)
    return doc is not None and "interview" in doc


async def recorded(api: Api, invitation_id: str) -> bool:
    doc = await api.submission(invitation_id)
    return doc is not None and "interview_recordings" in doc


async def noted(api: Api, invitation_id: str, count: int) -> bool:
    doc = await api.submission(invitation_id)
    return doc is not None and len(doc.get("interview_notes", {})) == count
