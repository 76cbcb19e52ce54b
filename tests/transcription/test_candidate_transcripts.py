"""What candidates see of their transcripts: nothing while their tenant keeps the setting off (the
default); with it on, once they have completed, the transcripts of the answers they kept, through
their interview link, and nobody else's; erasure leaves nothing to read."""

from __future__ import annotations

from datetime import UTC, datetime

import httpx

from contracts.events.invitations import InvitationCompleted
from contracts.events.recordings import RecordingSelected
from services.chassis.identity import Identity, encode
from tests.support import INTERNAL_SECRET, conditional_puts, eventually, unique
from tests.transcription.harness import Harness
from tests.transcription.speech import Answer


def _candidate(tenant: str, invitation_id: str) -> dict[str, str]:
    identity = Identity(
        tenant=tenant, principal=invitation_id, kind="candidate", scopes=("interview",)
    )
    return {"x-identity": encode(identity, INTERNAL_SECRET)}


async def _mine(h: Harness, tenant: str, invitation_id: str) -> httpx.Response:
    return await h.http.get(
        f"{h.url}/candidate/transcripts", headers=_candidate(tenant, invitation_id)
    )


async def test_candidates_read_their_own_transcripts_only_when_the_tenant_shows_them(
    transcription: Harness, answers: dict[str, Answer]
) -> None:
    h = transcription
    tenant, position = unique("t"), unique("pos")
    mine = await h.invitation(tenant, position)
    theirs = await h.invitation(tenant, position)
    retake = await h.transcoded(tenant, mine, answers["silence"])
    kept = await h.transcoded(tenant, mine, answers["speech"])
    now = datetime.now(UTC)
    for attempt in (retake, kept):  # the latest selection is the answer
        await h.publish(
            tenant,
            RecordingSelected(
                attempt_id=attempt, invitation_id=mine, question_id="q1", selected_at=now
            ),
        )
    transcript = await h.transcript(tenant, kept)
    assert transcript["status"] == "transcribed"
    (event,) = await h.events("recording.transcribed", kept)
    assert "Kubernetes" in event["text"]  # for the candidate's data export at invite

    # Off by default: the candidate sees nothing, completed or not.
    setting = await h.get(tenant, "/settings/candidate-transcripts")
    assert setting.json() == {"enabled": False}
    r = await _mine(h, tenant, mine)
    assert (r.status_code, r.json()["code"]) == (403, "transcripts_not_shown")

    turned_on = await h.http.put(
        f"{h.url}/settings/candidate-transcripts", json={"enabled": True}, headers=h.staff(tenant)
    )
    assert turned_on.status_code == 200 and turned_on.json() == {"enabled": True}
    assert (await h.get(tenant, "/settings/candidate-transcripts")).json() == {"enabled": True}
    r = await _mine(h, tenant, mine)  # not before completing
    assert (r.status_code, r.json()["code"]) == (409, "interview_not_completed")

    await h.publish(tenant, InvitationCompleted(invitation_id=mine, completed_at=now))

    async def readable() -> httpx.Response | None:
        r = await _mine(h, tenant, mine)
        done = r.status_code == 200 and [i["attempt_id"] for i in r.json()["items"]] == [kept]
        return r if done else None

    body = (await eventually(readable, what="the candidate's transcripts")).json()
    (item,) = body["items"]
    assert (item["question_id"], item["attempt_id"], item["status"]) == ("q1", kept, "transcribed")
    assert "Kubernetes" in item["text"] and item["segments"][0]["words"]

    # Nobody else's: another candidate of the tenant, the same invitation in another tenant,
    # and staff on the candidate route.
    await h.publish(tenant, InvitationCompleted(invitation_id=theirs, completed_at=now))

    async def theirs_completed() -> httpx.Response | None:
        r = await _mine(h, tenant, theirs)
        return r if r.status_code == 200 else None

    assert (await eventually(theirs_completed, what="the other's view")).json()["items"] == []
    elsewhere = await _mine(h, unique("t"), mine)
    assert elsewhere.status_code == 403
    staff = await h.http.get(f"{h.url}/candidate/transcripts", headers=h.staff(tenant))
    assert staff.status_code == 403 and staff.json()["code"] == "forbidden"

    # Turned off again: nothing, at once.
    await h.http.put(
        f"{h.url}/settings/candidate-transcripts", json={"enabled": False}, headers=h.staff(tenant)
    )
    assert (await _mine(h, tenant, mine)).status_code == 403
    await h.http.put(
        f"{h.url}/settings/candidate-transcripts", json={"enabled": True}, headers=h.staff(tenant)
    )

    # Erasure: the transcripts, and what the candidate could read of them, are gone.
    await h.erase(tenant, [mine])

    async def erased() -> bool:
        gone = await h.get(tenant, f"/transcripts/{kept}")
        return gone.status_code == 404

    await eventually(erased, what="the transcript to be erased")
    r = await _mine(h, tenant, mine)
    assert (r.status_code, r.json()["code"]) == (409, "interview_not_completed")
    assert await h.service.db.transcripts.count_documents({"invitation_id": mine}) == 0
    assert await h.service.db.segments.count_documents({"invitation_id": mine}) == 0


async def test_the_setting_is_conditional(transcription: Harness) -> None:
    """Racing administrators who read one ETag: one wins, the others get a 412."""
    tenant = unique("t")
    url = f"{transcription.url}/settings/candidate-transcripts"
    bodies = [{"enabled": n % 2 == 0} for n in range(4)]
    await conditional_puts(transcription.http, url, bodies, headers=transcription.staff(tenant))
