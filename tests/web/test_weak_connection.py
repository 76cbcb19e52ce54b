"""A candidate on a weak connection, in Chromium with its network emulated through the DevTools
protocol: a slow upload is measured by the device check, which says so and records at a lower
resolution and bitrate; the connection drops in the middle of an answer, the page keeps
recording and says what is waiting to upload, and when the connection returns the answer
arrives complete."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.async_api import Browser, CDPSession, expect

from tests.support import unique
from tests.web.conftest import DESKTOP, Site, axe_violations, screenshot

pytestmark = pytest.mark.e2e

QUESTIONS: dict[str, Any] = {
    "name": "Weak connection",
    "questions": [
        {
            "prompt": "Tell us about a trip.",
            "think_seconds": 0,
            "answer_seconds": 90,
            "retakes": 0,
        }
    ],
}
# 512 kbit/s up (bytes per second here), enough for the lower quality but not for the usual one.
UPLOAD_BYTES_PER_SECOND = 64_000


async def network(cdp: CDPSession, *, offline: bool) -> None:
    await cdp.send(
        "Network.emulateNetworkConditions",
        {
            "offline": offline,
            "latency": 40,
            "downloadThroughput": 2_000_000,
            "uploadThroughput": UPLOAD_BYTES_PER_SECOND,
        },
    )


def invitation(site: Site) -> tuple[str, str, str]:
    key = site.tenant_key()
    with site.api(key) as admin:
        qs = admin.post("/v1/question-sets", json=QUESTIONS).json()
        position = admin.post(
            "/v1/positions", json={"title": "Courier", "question_set_id": qs["id"]}
        ).json()
        created = admin.post(
            f"/v1/positions/{position['id']}/invitations",
            json={"name": "Omar", "email": f"{unique('omar')}@example.com"},
        )
        assert created.status_code == 201, created.text
    link = created.json()["link"]
    site.wait_for_link(link.rsplit("/", 1)[1], "/v1/candidate/progress")
    return link, created.json()["id"], key


def seconds(clock: str) -> int:
    minutes, secs = clock.split(":")
    return int(minutes) * 60 + int(secs)


async def test_a_slow_upload_and_an_outage_mid_answer_lose_nothing(
    site: Site, browser: Browser
) -> None:
    link, invitation_id, key = invitation(site)
    context = await browser.new_context(**DESKTOP, permissions=["camera", "microphone"])
    page = await context.new_page()
    cdp = await context.new_cdp_session(page)
    await cdp.send("Network.enable")
    await network(cdp, offline=False)
    await page.goto(link)
    await page.get_by_label("I have read this notice").check()
    await page.get_by_role("button", name="Agree and continue").click()

    # The device check times a sample upload and says the answers are recorded at lower quality.
    check = page.get_by_role("status").filter(has_text="Camera and microphone work")
    await expect(check).to_be_visible(timeout=60_000)
    await expect(check).to_contain_text("Your upload is slow")
    measured = re.search(r"upload ([\d,.]+) kb", await check.inner_text())
    assert measured, await check.inner_text()
    rate = int(re.sub(r"\D", "", measured.group(1)))
    assert 200 < rate < 1500, rate  # about the emulated 512 kbit/s
    assert await axe_violations(page, site) == []
    await screenshot(page, "interview-slow-upload-device-check-desktop")
    await page.get_by_role("button", name="Start the interview").click()

    await expect(page.get_by_role("heading", name="Question 1 of 1")).to_be_visible()
    await page.get_by_role("button", name="Start recording now").click()
    timer = page.get_by_role("timer")
    progress = page.locator("#upload-progress")
    await expect(page.get_by_role("button", name="Stop recording")).to_be_visible(timeout=60_000)
    await expect(progress).to_contain_text(re.compile(r"Uploaded [1-9]"))  # chunks went up
    await expect(page.get_by_text("Lower picture quality")).to_be_visible()

    # Offline in the middle of the answer: the recording goes on, the page counts what waits.
    await expect(timer).to_have_text(re.compile(r"^0:0[3-9] / "))
    await network(cdp, offline=True)
    await expect(page.locator("#network")).to_contain_text("Offline")
    await expect(progress).to_contain_text("Offline: still recording")
    # A long outage: the answer goes on recording until 15 s and more of it wait on the device.
    waiting = re.compile(r"Waiting to upload: (1[5-9]|[2-9]\d|\d{3,}) s")
    await expect(progress).to_contain_text(waiting, timeout=60_000)
    await screenshot(page, "interview-offline-mid-answer-desktop")
    # Read before the stop: the answer is at least this long.
    recorded = seconds((await timer.inner_text()).split(" / ")[0])
    await page.get_by_role("button", name="Stop recording").click()
    # Stopped while offline: the answer waits on this device and the page says so.
    await expect(progress).to_contain_text("kept on this device")
    await expect(page.get_by_text("Your answer is saved.")).to_have_count(0)
    with site.api(key) as admin:
        [open_attempt] = admin.get(f"/v1/invitations/{invitation_id}/attempts").json()["attempts"]
    assert open_attempt["status"] == "open"

    await network(cdp, offline=False)
    await expect(page.get_by_text("Your answer is saved.")).to_be_visible(timeout=120_000)
    await page.get_by_role("button", name="Keep this answer").click()
    await expect(page.get_by_role("heading", name="Thank you")).to_be_visible(timeout=30_000)

    with site.api(key) as admin:
        [attempt] = admin.get(f"/v1/invitations/{invitation_id}/attempts").json()["attempts"]
    assert attempt["status"] == "uploaded" and attempt["selected"], attempt
    assert not attempt["salvaged"], attempt  # every chunk arrived, none was cut
    assert attempt["duration_seconds"] >= recorded - 1, (attempt, recorded)
    assert (attempt["width"], attempt["height"]) == (320, 240), attempt
    await context.close()


def test_the_connection_check_reads_a_sample_and_refuses_a_big_one(site: Site) -> None:
    link, _, _ = invitation(site)
    token = link.rsplit("/", 1)[1]
    with site.api(token) as candidate:
        sample = candidate.post(
            "/v1/candidate/connection-check",
            content=bytes(64 * 1024),
            headers={"Content-Type": "application/octet-stream"},
        )
        assert sample.status_code == 200, sample.text
        assert sample.json() == {"received_bytes": 64 * 1024}
        big = candidate.post(
            "/v1/candidate/connection-check",
            content=bytes(600 * 1024),
            headers={"Content-Type": "application/octet-stream"},
        )
        assert big.status_code == 413, big.text
        assert big.headers["content-type"].startswith("application/problem+json")
        assert big.json()["code"] == "payload_too_large"
    with site.api("not-a-link") as stranger:
        refused = stranger.post("/v1/candidate/connection-check", content=b"x")
        assert refused.status_code == 401, refused.text
