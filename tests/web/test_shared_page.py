"""A lead shares a candidate's answers with a hiring manager from the review workspace; the
manager, without an account, opens the link: the answers play with captions and the transcript
beside them, with no scoring, no other candidate and no staff navigation; the link reaches nothing
else, and once revoked the page says so at once."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from playwright.async_api import Browser, expect

from tests.web.conftest import DESKTOP, Site, axe_violations, screenshot
from tests.web.test_journey import answer_everything, set_up, wait_until_ready
from tests.web.test_transcript_player import speaking_browser, transcribed

pytestmark = pytest.mark.e2e
__all__ = ["speaking_browser"]  # the module's browser with a speaking fake microphone


async def test_a_hiring_manager_reads_the_shared_answers(
    site: Site, speaking_browser: Browser
) -> None:
    setup = set_up(site)
    candidate = await speaking_browser.new_context(**DESKTOP, permissions=["camera", "microphone"])
    await answer_everything(await candidate.new_page(), setup["link"])
    await candidate.close()
    wait_until_ready(site, setup["key"], setup["invitation"])
    with site.api(setup["key"]) as admin:
        answers = admin.get(f"/v1/submissions/{setup['invitation']}").json()["answers"]
    first = next(a for a in answers if a["prompt"] == "Why this role?")
    transcript = site.wait_until(transcribed(first["attempt_id"]), setup["key"], timeout=180)
    spoken = [w for s in transcript["segments"] for w in s["words"]]

    # The lead makes the link in the review workspace.
    staff = await speaking_browser.new_context(**DESKTOP)
    page = await staff.new_page()
    wanted = quote(f"/review#/submissions/{setup['invitation']}", safe="")
    await page.goto(f"{site.url}/login?next={wanted}")
    await page.get_by_label("Organisation").fill(setup["tenant"])
    await page.get_by_label("E-mail").fill("lee@example.com")
    await page.get_by_label("Password").fill(setup["password"])
    await page.get_by_role("button", name="Sign in").click()
    await page.get_by_label("For whom").fill("Sam, hiring manager")
    await page.get_by_label("Expires after").select_option("168")
    await page.get_by_role("button", name="Make a link").click()
    url = await page.get_by_label("The link (shown once)").input_value()
    token = url.rsplit("/", 1)[1]
    assert url.startswith(f"{site.url}/shared/"), url
    await expect(page.get_by_role("list", name="Share links")).to_contain_text(
        "Sam, hiring manager"
    )
    site.wait_for_link(token, "/v1/shared/submission")

    manager = await speaking_browser.new_context(**DESKTOP)
    shared = await manager.new_page()
    await shared.goto(url)
    await expect(shared.get_by_role("heading", name="Dana")).to_be_visible()
    video = shared.get_by_label("Answer to: Why this role?")
    await expect(video).to_be_visible()
    panel = (
        shared.locator("section.card").filter(has=video).get_by_role("region", name="Transcript")
    )
    await expect(panel.get_by_role("button")).to_have_count(len(spoken))
    await shared.wait_for_function(
        "() => { const v = document.querySelector('video');"
        " return v && v.textTracks.length === 1 && v.textTracks[0].kind === 'captions'; }"
    )
    await shared.wait_for_function("() => document.querySelector('video').readyState >= 1")
    # No scoring, no staff navigation, no other candidate.
    assert await shared.get_by_role("navigation").count() == 0
    for absent in ("Your review", "Decision", "Add comment", "Compare this answer side by side"):
        assert await shared.get_by_text(absent).count() == 0, absent
    assert await shared.locator("select, textarea").count() == 0
    assert await axe_violations(shared, site) == []
    await screenshot(shared, "shared-answers-desktop")

    # The token reaches this candidate's answers and nothing else.
    with site.api(token) as holder:
        assert (
            holder.get(f"/v1/shared/attempts/{first['attempt_id']}/transcript").status_code == 200
        )
        assert holder.get("/v1/shared/attempts/not-theirs/transcript").status_code == 404
        assert holder.get("/v1/shared/attempts/not-theirs/playback").status_code == 404
        assert holder.get(f"/v1/recordings/{first['attempt_id']}/playback").status_code == 401
        assert holder.get(f"/v1/transcripts/{first['attempt_id']}").status_code == 401
        assert holder.get(f"/v1/positions/{setup['position']}/submissions").status_code == 401
        assert (
            holder.post(
                f"/v1/submissions/{setup['invitation']}/comments",
                json={"question_id": first["question_id"], "at_seconds": 1, "text": "x"},
            ).status_code
            == 401
        )

    # Revoked in the workspace: the shared page says so on its next load.
    await page.get_by_role("button", name="Revoke Sam, hiring manager").click()
    await expect(page.get_by_role("list", name="Share links")).to_contain_text("revoked")
    await shared.reload()
    await expect(shared.get_by_role("alert")).to_contain_text("revoked")
    with site.api(setup["key"]) as admin:
        share = admin.get(f"/v1/submissions/{setup['invitation']}/shares").json()["items"][0]
        audit = admin.get("/v1/audit", params={"principal": f"share:{share['id']}"}).json()
    actions = {e["action"] for e in audit["items"]}
    assert "GET /v1/shared/submission" in actions
    assert "GET /v1/shared/attempts/{attempt_id}/transcript" in actions
    await manager.close()
    await staff.close()
