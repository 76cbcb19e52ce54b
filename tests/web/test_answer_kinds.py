"""Text and multiple-choice answers in a real browser: the candidate writes and chooses within the
server's time limits, a reviewer scores both on the rubric and compares them side by side, and
the answers are in the candidate's data export until the candidate is erased."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.async_api import Browser, expect

from tests.support import unique
from tests.web.conftest import DESKTOP, PHONE, Site, axe_violations, screenshot, sign_in

pytestmark = pytest.mark.e2e
QUESTIONS: dict[str, Any] = {
    "name": "Written screen",
    "questions": [
        {
            "kind": "text",
            "prompt": "Describe a customer you helped.",
            "think_seconds": 0,
            "answer_seconds": 120,
            "max_chars": 200,
        },
        {
            "kind": "choice",
            "prompt": "Which shift suits you?",
            "choices": ["Early", "Late", "Night"],
            "think_seconds": 0,
            "answer_seconds": 60,
        },
    ],
}
ANSWER = "A customer lost a week of orders.\nWe rebuilt them from the mail log together."


def set_up(site: Site) -> dict[str, str]:
    key = site.tenant_key()
    password = "a long enough password"
    with site.api(key) as admin:
        tenant = admin.get("/v1/me").json()["tenant"]
        lead = admin.post(
            "/v1/users",
            json={
                "email": "rae@example.com",
                "name": "Rae",
                "roles": ["admin"],
                "password": password,
            },
        ).json()
        qs = admin.post("/v1/question-sets", json=QUESTIONS)
        assert qs.status_code == 201, qs.text
        rubric = admin.put(
            f"/v1/question-sets/{qs.json()['id']}/rubric",
            json={
                "scale_min": 1,
                "scale_max": 5,
                "criteria": [
                    {
                        "id": "fit",
                        "name": "Fit",
                        "anchors": {str(p): f"Fit {p}" for p in range(1, 6)},
                    }
                ],
            },
        )
        assert rubric.status_code in (200, 201), rubric.text
        position = admin.post(
            "/v1/positions", json={"title": "Support", "question_set_id": qs.json()["id"]}
        ).json()
        admin.put(
            f"/v1/positions/{position['id']}/review-settings",
            json={"reviewer_ids": [f"user:{lead['id']}"]},
        )
        address = f"{unique('wren')}@example.com"
        invited = admin.post(
            f"/v1/positions/{position['id']}/invitations", json={"name": "Wren", "email": address}
        )
        assert invited.status_code == 201, invited.text
    link = invited.json()["link"]
    site.wait_for_link(link.rsplit("/", 1)[1], "/v1/candidate/progress")
    return {
        "key": key,
        "tenant": tenant,
        "password": password,
        "address": address,
        "link": link,
        "invitation": invited.json()["id"],
        "position": position["id"],
    }


async def test_text_and_choice_answers_are_given_then_scored(site: Site, browser: Browser) -> None:
    setup = set_up(site)
    context = await browser.new_context(**PHONE, permissions=["camera", "microphone"])
    page = await context.new_page()
    await page.goto(setup["link"])
    await page.get_by_label("I have read this notice").check()
    await page.get_by_role("button", name="Agree and continue").click()
    await page.get_by_role("button", name="Start the interview").click()

    await expect(page.get_by_role("heading", name="Question 1 of 2")).to_be_visible()
    await expect(page.get_by_text("Describe a customer you helped.")).to_be_visible()
    await expect(page.get_by_text("Which shift suits you?")).to_have_count(0)  # not revealed
    await expect(page.get_by_role("timer")).to_contain_text("Time left: 1:")
    await page.get_by_label("Your answer").fill(ANSWER)
    await expect(page.get_by_text(f"{len(ANSWER)} of 200 characters")).to_be_visible()
    assert await page.get_by_label("Your answer").get_attribute("maxlength") == "200"
    assert await axe_violations(page, site) == []
    await screenshot(page, "interview-text-answer-phone")
    await page.get_by_role("button", name="Submit answer").click()

    await expect(page.get_by_role("heading", name="Question 2 of 2")).to_be_visible()
    await page.get_by_role("button", name="Submit answer").click()  # nothing chosen yet
    await expect(page.get_by_text("Choose an answer first", exact=False)).to_be_visible()
    await page.get_by_role("radio", name="Late").check()
    assert await axe_violations(page, site) == []
    await screenshot(page, "interview-choice-answer-phone")
    await page.get_by_role("button", name="Submit answer").click()
    await expect(page.get_by_role("heading", name="Thank you")).to_be_visible(timeout=30000)
    await context.close()

    submission = site.wait_until(
        lambda admin: (
            (r := admin.get(f"/v1/submissions/{setup['invitation']}")).status_code == 200
            and r.json()["status"] == "ready"
            and r.json()
        ),
        setup["key"],
    )
    text, choice = submission["answers"]
    assert (text["kind"], text["text"], choice["choices"]) == ("text", ANSWER, [1])
    assert text["think_seconds_used"] is not None and text["think_seconds_used"] >= 0

    context = await browser.new_context(**DESKTOP)
    page = await context.new_page()
    await sign_in(page, site, setup["tenant"], "rae@example.com", setup["password"])
    await expect(page.get_by_role("button", name="Review the next candidate")).to_be_visible()
    await page.goto(f"{site.url}/review#/submissions/{setup['invitation']}")
    await expect(page.get_by_role("heading", name="Wren")).to_be_visible()
    await expect(page.locator("blockquote.written-answer")).to_have_text(ANSWER)
    await expect(page.get_by_text("Late (chosen)")).to_be_visible()
    await expect(page.get_by_text("Time used:").first).to_be_visible()
    assert await axe_violations(page, site) == []
    await screenshot(page, "review-written-answers-desktop")
    selects = await page.locator("select[name*=':']").all()
    assert len(selects) == 2  # one criterion on each answer
    for select in selects:
        await select.select_option("4")
    await page.get_by_label("Recommendation").select_option("yes")
    await page.get_by_role("button", name="Submit review").click()
    await expect(page.get_by_text("You have submitted your review.")).to_be_visible()

    await page.get_by_role("link", name="Compare this answer side by side").first.click()
    await expect(page.get_by_role("heading", name="Side by side")).to_be_visible()
    await expect(page.locator("blockquote.written-answer")).to_have_text(ANSWER)
    await screenshot(page, "review-side-by-side-text-desktop")
    await context.close()

    def export(admin: Any) -> list[tuple[str, str | None, list[int] | None]]:
        found = admin.get("/v1/candidates/export", params={"email": setup["address"]}).json()
        return [(a["question_id"], a["text"], a["choices"]) for a in found["answers"]]

    exported = site.wait_until(
        lambda admin: len(export(admin)) == 2 and export(admin), setup["key"]
    )
    assert exported == [("q0", ANSWER, None), ("q1", None, [1])]
    with site.api(setup["key"]) as admin:
        reviewed = admin.get(f"/v1/submissions/{setup['invitation']}").json()
        erased = admin.post("/v1/candidates/erase", json={"email": setup["address"]})
    assert reviewed["scores"]["reviews"] == 1 and reviewed["scores"]["mean"] == 4
    assert erased.status_code == 202, erased.text
    site.wait_until(
        lambda admin: (
            admin.get(f"/v1/invitations/{setup['invitation']}/answers").json()["answers"] == []
            and export(admin) == []
        ),
        setup["key"],
    )
