"""The reviewer reads along: a candidate speaks (Chromium's fake microphone plays synthesised
speech), the answer is transcoded and transcribed, and the reviewer's player shows the transcript
beside the video with captions; a click on a word seeks there and the word being spoken is marked;
the keyboard steps and jumps, the next answer is queued, a search hit opens the answer at the
moment it was said, and the lead's page shows the review time those visits took."""

from __future__ import annotations

import subprocess
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from playwright.async_api import Browser, async_playwright, expect

from tests.web.conftest import DESKTOP, Site, axe_violations, screenshot, sign_in
from tests.web.test_journey import answer_everything, set_up, wait_until_ready

pytestmark = pytest.mark.e2e
SENTENCE = "I would like this job because I enjoy helping customers every day."


@pytest.fixture(scope="module")
async def speaking_browser(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Browser]:
    speech = tmp_path_factory.mktemp("speech") / "speech.wav"
    subprocess.run(["espeak-ng", "-s", "150", "-w", str(speech), SENTENCE], check=True)  # noqa: ASYNC221
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=[
                "--use-fake-device-for-media-stream",
                f"--use-file-for-fake-audio-capture={speech}",
            ],
        )
        yield browser
        await browser.close()


def transcribed(attempt_id: str) -> Any:
    def check(staff: httpx.Client) -> Any:
        body = staff.get(f"/v1/transcripts/{attempt_id}").json()
        return body if body.get("status") in {"transcribed", "untranscribed", "failed"} else None

    return check


async def test_the_transcript_follows_the_player_and_seeks(
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
    assert transcript["status"] == "transcribed" and not transcript["no_speech"], transcript
    spoken = [w for s in transcript["segments"] for w in s["words"]]
    assert len(spoken) >= 3, transcript

    context = await speaking_browser.new_context(**DESKTOP)
    page = await context.new_page()
    await sign_in(page, site, setup["tenant"], "lee@example.com", setup["password"])
    await page.get_by_role("button", name="Review the next candidate").click()
    video = page.get_by_label("Answer to: Why this role?")
    await expect(video).to_be_visible()
    section = page.locator("section.card").filter(has=video)
    panel = section.get_by_role("region", name="Transcript")
    words = panel.get_by_role("button")
    await expect(words).to_have_count(len(spoken))
    assert await video.evaluate("v => v.textTracks.length") == 1
    assert await video.evaluate("v => v.textTracks[0].kind") == "captions"

    target = spoken[len(spoken) // 2]
    await words.nth(len(spoken) // 2).click()
    at = await video.evaluate("v => v.currentTime")
    assert at >= target["start"] - 0.05, (at, target)
    await page.wait_for_function(
        "() => document.querySelector('.transcript button.word[aria-current=\"true\"]')",
        timeout=30000,
    )
    await video.evaluate("v => v.pause()")
    # Stepping a frame while paused, and "[" back to the start of the sentence.
    await video.focus()
    paused_at = await video.evaluate("v => v.currentTime")
    await page.keyboard.press(",")
    stepped = await video.evaluate("v => ({ t: v.currentTime, paused: v.paused })")
    assert stepped["paused"] and 0 < paused_at - stepped["t"] < 0.1, (paused_at, stepped)
    await page.keyboard.press("[")
    first_sentence = transcript["segments"][0]["start"]
    assert abs(await video.evaluate("v => v.currentTime") - first_sentence) < 0.05
    # The next answer is queued: the end of this one starts it.
    following = page.get_by_label("Answer to: Where next?")
    await video.evaluate("v => { v.muted = true; v.currentTime = Math.max(0, v.duration - 0.3); }")
    await following.evaluate("v => { v.muted = true; }")
    await video.evaluate("v => v.play()")
    await page.wait_for_function(
        "() => [...document.querySelectorAll('video')][1].currentTime > 0.2", timeout=30000
    )
    assert await axe_violations(page, site) == []
    await screenshot(page, "review-transcript-desktop")

    # Search the position's transcripts; the hit opens the answer at the moment it was said.
    word = max((w["word"].strip(" .,") for w in spoken), key=len)
    await page.goto(f"{site.url}/review#/positions/{setup['position']}")
    await page.get_by_label("Search what candidates said").fill(word)
    hits = page.get_by_role("list", name="Passages found").get_by_role("link")
    for _ in range(30):  # the search index follows the transcription events
        await page.get_by_role("button", name="Search").click()
        try:
            await expect(hits.first).to_be_visible(timeout=2000)
            break
        except AssertionError:
            continue
    await expect(hits.first).to_be_visible()
    hit = page.locator(f'ul[aria-label="Passages found"] a[href*="{first["question_id"]}"]')
    href = await hit.first.get_attribute("href")
    assert href and href.startswith(f"#/submissions/{setup['invitation']}?"), href
    await page.goto("about:blank")  # open the hit's address as a new page load
    await page.goto(f"{site.url}/review{href}")
    said = next(w["start"] for w in spoken if w["word"].strip(" .,").lower() == word.lower())
    video = page.get_by_label("Answer to: Why this role?")
    await expect(video).to_be_visible()
    await page.wait_for_function(
        "label => { const v = document.querySelector(`video[aria-label='${label}']`);"
        " return v && v.currentTime > 0; }",
        arg="Answer to: Why this role?",
        timeout=30000,
    )
    assert abs(await video.evaluate("v => v.currentTime") - said) < 0.6

    # Review time: the visits above reported their player time and time on screen; the lead's
    # page shows them per reviewer.
    await page.goto(f"{site.url}/review#/positions/{setup['position']}/calibration")
    timed = site.wait_until(_viewed(setup["position"]), setup["key"], timeout=60)
    assert timed["completed"] == 1 and timed["to_first_review"]["count"] == 0, timed
    assert timed["player_minutes_per_candidate"] > 0, timed
    assert timed["wall_minutes_per_candidate"] >= timed["player_minutes_per_candidate"], timed
    await page.reload()
    section = page.get_by_role("region", name="Review time")
    await expect(section).to_contain_text("1 completed; 1 waiting for a first review.")
    row = section.get_by_role("table", name="Review time by reviewer").get_by_role("row").nth(1)
    await expect(row).to_contain_text(timed["reviewers"][0]["reviewer"])
    assert await axe_violations(page, site) == []
    await context.close()


def _viewed(position: str) -> Any:
    def check(staff: httpx.Client) -> Any:
        body = staff.get(f"/v1/positions/{position}/review-time").json()
        return body if (body.get("player_minutes_per_candidate") or 0) > 0 else None

    return check
