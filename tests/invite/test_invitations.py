"""Question sets, positions, invitations and the candidate's link, through the gateway."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from tests.gateway.harness import QUESTION_SET, Api, make_position
from tests.support import eventually, unique

pytestmark = pytest.mark.integration


async def test_editing_a_question_set_creates_a_version_and_positions_pin_theirs(api: Api) -> None:
    async with api.client(await api.tenant()) as admin:
        qs = (await admin.post("/v1/question-sets", json=QUESTION_SET)).json()
        assert qs["version"] == 1 and qs["questions"][0]["practice"] is True
        position = await admin.post(
            "/v1/positions", json={"title": "P", "question_set_id": qs["id"]}
        )
        edited = await admin.put(
            f"/v1/question-sets/{qs['id']}", json={**QUESTION_SET, "name": "v2"}
        )
        v1 = await admin.get(f"/v1/question-sets/{qs['id']}", params={"version": 1})
        bad = await admin.post(
            "/v1/question-sets",
            json={"name": "x", "questions": [{"kind": "choice", "prompt": "?"}]},
        )
        missing = await admin.post("/v1/positions", json={"title": "P", "question_set_id": "nope"})
    assert edited.json()["version"] == 2 and edited.json()["versions"] == [1, 2]
    assert v1.json()["name"] == QUESTION_SET["name"]
    assert position.json()["question_set_version"] == 1
    assert bad.status_code == 422
    assert missing.status_code == 404 and missing.json()["code"] == "question_set_not_found"


async def test_candidate_completes_the_link_lifecycle_with_mails(api: Api) -> None:
    async with api.client(await api.tenant()) as admin:
        position = await make_position(admin)
        address = f"{unique('ada')}@example.com"
        body = {
            "name": "Ada",
            "email": address,
            "accommodations": {"time_multiplier": 1.5, "extra_retakes": 1},
        }
        created = await admin.post(f"/v1/positions/{position['id']}/invitations", json=body)
        assert created.status_code == 201, created.text
        duplicate = await admin.post(f"/v1/positions/{position['id']}/invitations", json=body)
        invalid = await admin.post(
            f"/v1/positions/{position['id']}/invitations",
            json={"name": "x", "email": "not-an-email"},
        )
    assert duplicate.status_code == 409 and duplicate.json()["code"] == "duplicate_invitation"
    assert invalid.status_code == 422
    link = created.json()["link"]
    [invitation_mail] = await api.wait_mails(address, 1)
    assert link in invitation_mail.get_payload()
    token = link.rsplit("/", 1)[1]

    async def fetch() -> dict[str, object] | None:
        async with api.client(token) as c:
            r = await c.get("/v1/candidate/interview")
        return r.json() if r.status_code == 200 else None

    interview = await eventually(fetch, what="the link to work at the gateway")
    assert interview["state"] == "opened"
    questions = interview["questions"]
    assert [q["practice"] for q in questions] == [True, False, False, False]
    assert questions[1]["answer_seconds"] == 135 and questions[1]["think_seconds"] == 30
    assert questions[1]["retakes"] == 2 and questions[0]["retakes"] == 1  # practice: no extra
    # Reading ahead shows nothing: only the practice prompt comes before the questions are reached.
    assert questions[0]["prompt"] and all(q["prompt"] is None for q in questions[1:])
    assert all(q["choices"] is None for q in questions[1:])  # a choice question's options too
    async with api.client(token) as candidate:
        early = await candidate.post("/v1/candidate/start")
        stale = await candidate.post(
            "/v1/candidate/consent", json={"notice_version": "1999", "accepted": True}
        )
        consent = await candidate.post(
            "/v1/candidate/consent",
            json={"notice_version": interview["notice"]["version"], "accepted": True},
        )
        started = await candidate.post("/v1/candidate/start")
        done = await candidate.post("/v1/candidate/complete")
        again = await candidate.post("/v1/candidate/complete")
    assert early.status_code == 409 and early.json()["code"] == "consent_required"
    assert stale.status_code == 409 and stale.json()["code"] == "notice_changed"
    assert consent.json()["state"] == "consented"
    assert started.json()["state"] == "started"
    assert done.json()["state"] == "completed" and again.status_code == 200
    states = [h["state"] for h in done.json()["history"]]
    assert states == ["created", "opened", "consented", "started", "completed"]
    mails = await api.wait_mails(address, 2)
    assert "received your answers" in mails[1].get_payload()
    async with api.client("not-a-real-token") as stranger:
        assert (await stranger.get("/v1/candidate/interview")).status_code == 401


async def test_withdrawn_and_extended_links(api: Api) -> None:
    async with api.client(await api.tenant()) as admin:
        position = await make_position(admin)
        created = await admin.post(
            f"/v1/positions/{position['id']}/invitations",
            json={"name": "Bo", "email": f"{unique('bo')}@example.com"},
        )
        invitation = created.json()
        token = invitation["link"].rsplit("/", 1)[1]
        later = (datetime.now(UTC) + timedelta(days=30)).isoformat()
        earlier = await admin.post(
            f"/v1/invitations/{invitation['id']}/extend",
            json={"deadline": (datetime.now(UTC) + timedelta(days=1)).isoformat()},
        )
        extended = await admin.post(
            f"/v1/invitations/{invitation['id']}/extend", json={"deadline": later}
        )
        withdrawn = await admin.post(
            f"/v1/invitations/{invitation['id']}/withdraw", json={"reason": "role filled"}
        )
        twice = await admin.post(f"/v1/invitations/{invitation['id']}/withdraw", json={})
    assert earlier.status_code == 409 and earlier.json()["code"] == "deadline_not_later"
    assert extended.status_code == 200 and extended.json()["deadline"].startswith(later[:16])
    assert withdrawn.json()["state"] == "withdrawn" and twice.status_code == 409

    async def revoked() -> bool:
        async with api.client(token) as candidate:
            r = await candidate.get("/v1/candidate/interview")
        return r.status_code == 410 and r.json()["code"] == "link_revoked"

    await eventually(revoked, what="the withdrawn link to be refused")


async def test_candidate_data_is_exported_and_erased(api: Api) -> None:
    async with api.client(await api.tenant()) as admin:
        position = await make_position(admin)
        address = f"{unique('cy')}@example.com"
        created = await admin.post(
            f"/v1/positions/{position['id']}/invitations", json={"name": "Cy", "email": address}
        )
        token = created.json()["link"].rsplit("/", 1)[1]
        exported = await admin.get("/v1/candidates/export", params={"email": address})
        erased = await admin.post("/v1/candidates/erase", json={"email": address})
        after = await admin.get("/v1/candidates/export", params={"email": address})
        invitation = await admin.get(f"/v1/invitations/{created.json()['id']}")
        unknown = await admin.post("/v1/candidates/erase", json={"email": "nobody@example.com"})
    assert [i["email"] for i in exported.json()["invitations"]] == [address]
    assert erased.status_code == 202 and erased.json()["invitations"] == 1
    assert after.json()["invitations"] == []
    assert invitation.json()["name"] == "erased" and address not in invitation.text
    assert unknown.status_code == 404

    async def link_gone() -> bool:
        async with api.client(token) as candidate:
            return (await candidate.get("/v1/candidate/interview")).status_code == 401

    await eventually(link_gone, what="the erased candidate's link to stop working")


async def test_templates_are_per_tenant_and_validated(api: Api) -> None:
    async with api.client(await api.tenant()) as admin:
        bad = await admin.put(
            "/v1/email-templates/invitation", json={"subject": "Hi $nope", "text": "$link"}
        )
        no_link = await admin.put(
            "/v1/email-templates/invitation", json={"subject": "Hi", "text": "no link here"}
        )
        ok = await admin.put(
            "/v1/email-templates/invitation",
            json={
                "subject": "Interview at ACME: $position_title",
                "text": "Dear $candidate_name, record here: $link",
            },
        )
        position = await make_position(admin)
        address = f"{unique('di')}@example.com"
        await admin.post(
            f"/v1/positions/{position['id']}/invitations", json={"name": "Di", "email": address}
        )
    assert bad.status_code == 422 and bad.json()["code"] == "invalid_template"
    assert no_link.status_code == 422 and ok.status_code == 200
    [mail] = await api.wait_mails(address, 1)
    assert mail["Subject"] == "Interview at ACME: Support engineer"
    assert re.search(r"Dear Di, record here: http\S+/interview/\S+", mail.get_payload())


CAPTIONS = "WEBVTT\n\n00:00.000 --> 00:04.000\nTell us why you want this role.\n"


async def test_a_recorded_video_prompt_reaches_the_candidate(api: Api) -> None:
    async with api.client(await api.tenant()) as admin:
        upload = await admin.post(
            "/v1/question-sets/prompt-videos", json={"content_type": "video/webm"}
        )
        assert upload.status_code == 201, upload.text
        video = b"\x1a\x45\xdf\xa3 a prompt video"
        async with httpx.AsyncClient() as s3:
            assert (await s3.put(upload.json()["upload_url"], content=video)).status_code == 200
        key = upload.json()["key"]
        body = {
            **QUESTION_SET,
            "questions": [
                {"prompt": "Watch and answer", "prompt_video_key": key, "prompt_captions": CAPTIONS}
            ],
        }
        qs = await admin.post("/v1/question-sets", json=body)
        assert qs.json()["captions"] == {"q1": CAPTIONS}  # q0 is the practice question
        no_video = {"prompt": "x", "prompt_captions": CAPTIONS}
        not_vtt = {"prompt": "x", "prompt_video_key": key, "prompt_captions": "1\n00:00 hello"}
        bad_captions = [
            await admin.post("/v1/question-sets", json={**QUESTION_SET, "questions": [q]})
            for q in (no_video, not_vtt)
        ]
        foreign = await admin.post(
            "/v1/question-sets",
            json={
                **QUESTION_SET,
                "questions": [{"prompt": "x", "prompt_video_key": "tenants/other/prompts/x.webm"}],
            },
        )
        position = await admin.post(
            "/v1/positions", json={"title": "P", "question_set_id": qs.json()["id"]}
        )
        created = await admin.post(
            f"/v1/positions/{position.json()['id']}/invitations",
            json={"name": "Vi", "email": f"{unique('vi')}@example.com"},
        )
    assert foreign.status_code == 422 and foreign.json()["code"] == "invalid_prompt_video"
    for refused, words in zip(
        bad_captions, ("give prompt_video_key", "must be WebVTT"), strict=True
    ):
        assert refused.status_code == 422 and words in refused.text, refused.text
    token = created.json()["link"].rsplit("/", 1)[1]

    async def interview() -> dict[str, Any] | None:
        async with api.client(token) as candidate:
            r = await candidate.get("/v1/candidate/interview")
        return r.json() if r.status_code == 200 else None

    data = await eventually(interview, what="the candidate's interview")
    practice, question = data["questions"]
    # Only the practice question is shown ahead; ingest reveals the others one at a time, with
    # the prompt video and its captions (stored beside the videos, keyed in the pinned question).
    assert practice["prompt"] == "Tell us your name (practice)."
    assert question["prompt"] is None and data["prompt_videos"] == data["prompt_captions"] == {}
    pinned = qs.json()["questions"][1]
    assert pinned["prompt_video_key"] == key
    stored = await api.invite.storage.get_bytes(pinned["prompt_captions_key"])
    assert stored.decode() == CAPTIONS
