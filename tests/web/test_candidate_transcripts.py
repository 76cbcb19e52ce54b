"""The candidate's page after completing: no transcript while the tenant keeps the setting off
(the default); once it is on, the transcripts of their answers, read through their interview
link."""

from __future__ import annotations

import time

import pytest
from playwright.async_api import Browser, expect

from tests.web.conftest import DESKTOP, Site, axe_violations, screenshot
from tests.web.test_journey import answer_everything, set_up
from tests.web.test_transcript_player import speaking_browser

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
    # On: once the answers are transcribed, the page shows what the candidate said.
    first = page.get_by_role("region", name="Question 1")
    deadline = time.monotonic() + 360
    while True:
        await page.reload()
        await expect(page.get_by_role("heading", name="What you said")).to_be_visible()
        text = await first.locator("p").inner_text()
        if "customer" in text.lower():  # the tiny model may drop the plural
            break
        assert time.monotonic() < deadline, f"the transcript never came: {text}"
        await page.wait_for_timeout(3000)
    assert await axe_violations(page, site) == []
    await screenshot(page, "candidate-transcripts-desktop")
    await context.close()
