"""The candidate's page after completing: no transcript while the tenant keeps the setting off
(the default); once it is on, the transcripts of their answers, read through their interview
link."""

from __future__ import annotations

import pytest
from playwright.async_api import Browser, expect

from tests.web.conftest import DESKTOP, Site, axe_violations, screenshot
from tests.web.test_journey import answer_everything, set_up, wait_until_ready
from tests.web.test_transcript_player import speaking_browser, transcribed

# Waits for two answers to be transcoded and transcribed, longer than the default on loaded cores.
pytestmark = [pytest.mark.e2e, pytest.mark.timeout(600)]
__all__ = ["speaking_browser"]  # the module's browser with a speaking fake microphone


async def test_the_candidate_reads_their_transcripts_when_the_tenant_shows_them(
    site: Site, speaking_browser: Browser
) -> None:
    setup = set_up(site)
    with site.api(setup["key"]) as admin:
        assert admin.get("/v1/settings/candidate-transcripts").json() == {"enabled": False}
    context = await speaking_browser.new_context(**DESKTOP, permissions=["camera", "microphone"])
    page = await context.new_page()
    await answer_everything(page, setup["link"])

    # Off: the page asks, is refused, and shows nothing of the transcripts.
    async with page.expect_response(lambda r: "/v1/candidate/transcripts" in r.url) as asked:
        await page.reload()
    assert (await asked.value).status == 403
    await expect(page.get_by_role("heading", name="Thank you")).to_be_visible()
    assert await page.get_by_role("heading", name="What you said").count() == 0

    with site.api(setup["key"]) as admin:
        turned_on = admin.put("/v1/settings/candidate-transcripts", json={"enabled": True})
        assert turned_on.status_code == 200, turned_on.text
    # On: once the answers are transcribed, the page shows what the candidate said, word for
    # word what staff read (the page is loaded after the transcripts are made, so it waits on
    # the pipeline, not on the page).
    wait_until_ready(site, setup["key"], setup["invitation"])
    with site.api(setup["key"]) as admin:
        answers = admin.get(f"/v1/submissions/{setup['invitation']}").json()["answers"]
    made = [
        site.wait_until(transcribed(a["attempt_id"]), setup["key"], timeout=300) for a in answers
    ]
    said = {" ".join(s["text"].strip() for s in t["segments"]).strip() for t in made}
    assert all(said), made  # the fake microphone speaks in every answer
    await page.reload()
    section = page.get_by_role("region", name="What you said")
    await expect(section.locator("p.transcript-text")).to_have_count(len(answers))
    assert set(await section.locator("p.transcript-text").all_inner_texts()) == said
    assert await axe_violations(page, site) == []
    await screenshot(page, "candidate-transcripts-desktop")
    await context.close()
