"""The whole journey in a real browser: a candidate records an interview, a reviewer plays the
answers back (the player plays and time advances), rates them and advances the candidate, who
then books a live interview from the e-mailed link."""

from __future__ import annotations

import time
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
from playwright.async_api import Browser, Page, expect

from tests.support import unique
from tests.web.conftest import DESKTOP, PHONE, Site, axe_violations, screenshot, sign_in

pytestmark = pytest.mark.e2e
WEEK = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
QUESTIONS: dict[str, Any] = {
    "name": "Journey screen",
    "questions": [
        {"prompt": "Why this role?", "think_seconds": 0, "answer_seconds": 10, "retakes": 0},
        {"prompt": "Where next?", "think_seconds": 0, "answer_seconds": 10, "retakes": 0},
    ],
}


def set_up(site: Site) -> dict[str, str]:
    """A position with a rubric, a review panel of one and a live interview type."""
    key = site.tenant_key()
    password = "a long enough password"
    with site.api(key) as admin:
        tenant = admin.get("/v1/me").json()["tenant"]
        lead = admin.post(
            "/v1/users",
            json={
                "email": "lee@example.com",
                "name": "Lee",
                "roles": ["admin"],
                "password": password,
            },
        ).json()
        qs = admin.post("/v1/question-sets", json=QUESTIONS).json()
        rubric = admin.put(
            f"/v1/question-sets/{qs['id']}/rubric",
            json={
                "scale_min": 1,
                "scale_max": 5,
                "criteria": [
                    {
                        "id": "clarity",
                        "name": "Clarity",
                        "anchors": {str(p): f"Clarity level {p}" for p in range(1, 6)},
                    }
                ],
            },
        )
        assert rubric.status_code in (200, 201), rubric.text
        position = admin.post(
            "/v1/positions", json={"title": "Journey engineer", "question_set_id": qs["id"]}
        ).json()
        settings = admin.put(
            f"/v1/positions/{position['id']}/review-settings",
            json={"reviewer_ids": [f"user:{lead['id']}"]},
        )
        assert settings.status_code == 200, settings.text
        grace_email = f"{unique('grace')}@example.com"
        grace_user = admin.post(
            "/v1/users",
            json={
                "email": grace_email,
                "name": "Grace",
                "roles": ["interviewer"],
                "password": password,
            },
        ).json()
        grace = admin.post(
            "/v1/interviewers",
            json={
                "name": "Grace",
                "email": grace_email,
                "time_zone": "UTC",
                "weekly": {d: [{"start": "08:00", "end": "18:00"}] for d in WEEK},
                "user_id": f"user:{grace_user['id']}",
            },
        ).json()
        kind = admin.post(
            "/v1/interview-types",
            json={
                "position_id": position["id"],
                "name": "Live interview",
                "duration_minutes": 45,
                "interviewer_ids": [grace["interviewer_id"]],
                "min_notice_minutes": 60,
                "booking_window_days": 14,
                "guide": ["Walk us through a system you designed.", "What would you change?"],
                "rubric": {
                    "scale_min": 1,
                    "scale_max": 4,
                    "criteria": [
                        {
                            "id": key,
                            "name": name,
                            "anchors": {str(p): f"{name} level {p}" for p in range(1, 5)},
                        }
                        for key, name in (("design", "System design"), ("teamwork", "Teamwork"))
                    ],
                },
            },
        )
        assert kind.status_code == 201, kind.text
        address = f"{unique('dana')}@example.com"
        invited = admin.post(
            f"/v1/positions/{position['id']}/invitations", json={"name": "Dana", "email": address}
        ).json()
    site.wait_for_link(invited["link"].rsplit("/", 1)[1], "/v1/candidate/progress")
    return {
        "key": key,
        "tenant": tenant,
        "password": password,
        "address": address,
        "link": invited["link"],
        "invitation": invited["id"],
        "position": position["id"],
        "grace": grace_email,
    }


async def answer_everything(page: Page, link: str) -> None:
    await page.goto(link)
    await page.get_by_label("I have read this notice").check()
    await page.get_by_role("button", name="Agree and continue").click()
    await page.get_by_role("button", name="Start the interview").click()
    for n in (1, 2):
        await expect(page.get_by_role("heading", name=f"Question {n} of 2")).to_be_visible()
        await page.get_by_role("button", name="Start recording now").click()
        await page.wait_for_timeout(3000)
        await page.get_by_role("button", name="Stop recording").click()
        await expect(page.get_by_text("Your answer is saved.")).to_be_visible(timeout=30000)
        await page.get_by_role("button", name="Keep this answer").click()
    await expect(page.get_by_role("heading", name="Thank you")).to_be_visible(timeout=30000)


def wait_until_ready(site: Site, key: str, invitation_id: str, timeout: float = 240) -> None:
    deadline = time.monotonic() + timeout
    with site.api(key) as admin:
        while time.monotonic() < deadline:
            response = admin.get(f"/v1/submissions/{invitation_id}")
            if response.status_code == 200 and response.json()["status"] == "ready":
                return
            time.sleep(1)
    raise AssertionError(f"submission not ready: {response.text}")


async def test_record_review_advance_and_book(site: Site, browser: Browser) -> None:
    setup = set_up(site)
    candidate_context = await browser.new_context(**DESKTOP, permissions=["camera", "microphone"])
    await answer_everything(await candidate_context.new_page(), setup["link"])
    await candidate_context.close()
    wait_until_ready(site, setup["key"], setup["invitation"])

    context = await browser.new_context(**DESKTOP)
    page = await context.new_page()
    await sign_in(page, site, setup["tenant"], "lee@example.com", setup["password"])
    await page.get_by_role("button", name="Review the next candidate").click()
    await expect(page.get_by_role("heading", name="Dana")).to_be_visible()
    video = page.get_by_label("Answer to: Why this role?")
    await expect(video).to_be_visible()
    await (
        page.get_by_role("group", name="Playback speed")
        .first.get_by_role("button", name="1.5x")
        .click()
    )
    await video.evaluate("v => { v.muted = true; return v.play(); }")
    await page.wait_for_function(
        "() => { const v = document.querySelector('video'); return v && v.currentTime > 0.5; }",
        timeout=30000,
    )
    state = await video.evaluate("v => ({ rate: v.playbackRate, error: v.dataset.error || null })")
    assert state == {"rate": 1.5, "error": None}
    # Skimming: the scrub bar previews the storyboard's thumbnail of the moment under the pointer,
    # the keyboard changes speed and seeks, and the transcript panel says what it has.
    section = page.locator("section.card").filter(has=video)
    scrub = section.get_by_role("slider", name="Seek")
    box = await scrub.bounding_box()
    assert box is not None
    await page.mouse.move(box["x"] + box["width"] * 0.9, box["y"] + box["height"] / 2)
    tile = section.locator(".storyboard-tile")
    await expect(tile).to_be_visible()
    assert "thumbnails.jpg" in await tile.evaluate("t => t.style.backgroundImage")
    assert await tile.get_attribute("data-tile") not in (None, "0,0"), "a later tile, not the first"
    await video.focus()
    await page.keyboard.press(">")
    assert await video.evaluate("v => v.playbackRate") == 2
    await page.keyboard.press("<")
    await video.evaluate("v => v.pause()")
    before = await video.evaluate("v => v.currentTime")
    await page.keyboard.press("j")
    assert await video.evaluate("v => v.currentTime") < max(before, 0.01)
    await screenshot(page, "review-submission-desktop")
    assert await axe_violations(page, site) == []
    await page.set_viewport_size(PHONE["viewport"])
    await screenshot(page, "review-submission-phone")
    await page.set_viewport_size(DESKTOP["viewport"])

    for select in await page.locator("select[name*=':']").all():
        await select.select_option("4")
    await page.get_by_label("Recommendation").select_option("yes")
    await page.get_by_label("Summary").fill("Clear and structured.")
    await page.get_by_role("button", name="Submit review").click()
    await expect(page.get_by_text("You have submitted your review.")).to_be_visible()
    await page.get_by_label("Outcome").select_option("advance")
    await page.get_by_label("Reason").fill("Strong screen")
    await page.get_by_role("button", name="Record decision").click()
    await expect(page.get_by_text("advance by", exact=False)).to_be_visible()

    # The recruiter's console follows (once the invite service has the decision event): the
    # funnel counts the reviewed and the advanced.
    site.wait_until(
        lambda admin: admin.get(f"/v1/positions/{setup['position']}").json()["decisions"],
        setup["key"],
    )
    await page.goto(f"{site.url}/console#/positions/{setup['position']}")
    steps = page.get_by_role("list", name="Funnel").get_by_role("listitem")
    await expect(steps.filter(has_text="Advanced")).to_contain_text("1")
    await expect(steps.filter(has_text="Reviewed")).to_contain_text("1")
    await expect(page.get_by_role("row", name="Dana")).to_contain_text("Advanced")
    await screenshot(page, "console-position-after-decision-desktop")
    await context.close()

    link = site.link_in_mail(setup["address"], "/schedule", timeout=120)
    candidate = await browser.new_context(**DESKTOP, timezone_id="Europe/Berlin")
    page = await candidate.new_page()
    await page.goto(link)
    await expect(page.get_by_role("heading", name="Live interview")).to_be_visible()
    await page.locator("section").last.locator("button").first.click()
    await expect(page.get_by_text("Your interview is booked")).to_be_visible()
    # The call is in the platform's room, entered with the same link (once the live service
    # has the booking's room: it follows the scheduling events).
    room = page.get_by_role("link", name="Enter the interview room")
    assert await room.get_attribute("href") == "/live/" + link.rsplit("/", 1)[1].split("?")[0]

    def room_ready(admin: httpx.Client) -> bool:
        found = admin.get(f"/v1/interview-requests?position_id={setup['position']}").json()
        ids = [r["booking"]["booking_id"] for r in found["items"] if r["booking"]]
        return bool(ids) and admin.get(f"/v1/live/rooms/{ids[0]}").status_code == 200

    site.wait_until(room_ready, setup["key"])
    await room.click()
    await expect(page.get_by_role("heading", name="Your live interview")).to_be_visible()
    await expect(page.get_by_text("Grace")).to_be_visible()  # who will be there
    await candidate.close()

    # The interviewer opens the booking's room page: the lobby, the interview type's guide and
    # its rubric as a scorecard, and notes. Feedback is refused until the interview starts, by
    # the feedback operation itself; the room is not open yet, so neither are notes.
    def booked(admin: httpx.Client) -> str | None:
        page_ = admin.get(f"/v1/interview-requests?position_id={setup['position']}").json()
        bookings = [r["booking"] for r in page_["items"] if r["booking"]]
        return bookings[0]["booking_id"] if bookings else None

    booking_id = site.wait_until(booked, setup["key"])

    def room_known(admin: httpx.Client) -> bool:
        return admin.get(f"/v1/live/rooms/{booking_id}").status_code == 200

    site.wait_until(room_known, setup["key"])
    interviewer = await browser.new_context(**DESKTOP)
    page = await interviewer.new_page()
    await sign_in(page, site, setup["tenant"], setup["grace"], setup["password"])
    await page.wait_for_url(lambda url: urlsplit(url).path == "/review")  # signed in
    await page.goto(f"{site.url}/room/{booking_id}")
    guide = page.get_by_role("complementary", name="Interview guide and scorecard")
    await expect(guide.get_by_role("heading", name="Live interview")).to_be_visible()
    questions = guide.get_by_role("list", name="Questions to ask").get_by_role("listitem")
    await expect(questions).to_have_text(
        ["Walk us through a system you designed.", "What would you change?"]
    )
    await expect(page.get_by_text("The candidate has not arrived yet.")).to_be_visible()
    await expect(page.get_by_role("button", name="Let the candidate in")).to_be_hidden()
    for criterion in ("System design", "Teamwork"):
        await guide.get_by_role("group", name=criterion).get_by_label("Score").select_option("3")
    await guide.get_by_label("Recommendation").select_option("yes")
    await guide.get_by_label("Summary").fill("Calm under pressure.")
    await guide.get_by_role("button", name="Send feedback").click()
    await expect(guide.get_by_role("status")).to_have_text(
        "Feedback opens when the interview starts."
    )
    await page.get_by_label("A private note, pinned to this moment of the call").fill("x")
    await page.get_by_role("button", name="Pin note").click()
    await expect(page.locator("#note-status")).to_have_text("The room is not open yet.")
    found = await axe_violations(page, site)
    assert found == [], [(v["id"], [n["html"] for n in v["nodes"]]) for v in found]
    await screenshot(page, "interview-room-desktop")
    await interviewer.close()
