"""Long unbroken text (a 200-character title, name or prompt) wraps on every page: the console,
the review workspace and the candidate's pages, at desktop and phone sizes, with no horizontal
scroll and no table wider than the viewport."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.async_api import Browser, Page, expect

from tests.support import unique
from tests.web.conftest import DESKTOP, PHONE, Site, axe_violations, screenshot

pytestmark = pytest.mark.e2e
WEEK = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
# 200 characters without a space or a hyphen: nothing for the browser to break at but letters.
TITLE = "Senior" + "Supercalifragilistic" * 9 + "Engineer" + "X" * 6
NAME = ("Adalovelace" * 19)[:195] + "Byron"
PROMPT = "Describe" + "Pneumonoultramicroscopic" * 8


def _setup(site: Site) -> dict[str, Any]:
    """A position, a candidate and a scheduling link, each with 200 unbroken characters."""
    assert len(TITLE) == len(NAME) == 200 and len(PROMPT) == 200
    key = site.tenant_key()
    with site.api(key) as admin:
        qs = admin.post(
            "/v1/question-sets",
            json={
                "name": TITLE,
                "practice_question": {"prompt": PROMPT, "answer_seconds": 30},
                "questions": [{"prompt": PROMPT, "answer_seconds": 60}],
            },
        )
        assert qs.status_code == 201, qs.text
        position = admin.post(
            "/v1/positions", json={"title": TITLE, "question_set_id": qs.json()["id"]}
        )
        assert position.status_code == 201, position.text
        position_id = position.json()["id"]
        invited = admin.post(
            f"/v1/positions/{position_id}/invitations",
            json={"name": NAME, "email": f"{unique('long')}@example.com"},
        )
        assert invited.status_code == 201, invited.text
        interviewer = admin.post(
            "/v1/interviewers",
            json={
                "name": NAME,
                "email": f"{unique('grace')}@example.com",
                "time_zone": "UTC",
                "weekly": {d: [{"start": "09:00", "end": "17:00"}] for d in WEEK},
            },
        )
        assert interviewer.status_code == 201, interviewer.text
        kind = admin.post(
            "/v1/interview-types",
            json={
                "position_id": position_id,
                "name": TITLE,
                "duration_minutes": 60,
                "interviewer_ids": [interviewer.json()["interviewer_id"]],
                "slot_step_minutes": 60,
            },
        )
        assert kind.status_code == 201, kind.text
        address = f"{unique('ada')}@example.com"
        request = admin.post(
            "/v1/interview-requests",
            json={
                "invitation_id": unique("inv"),
                "interview_type_id": kind.json()["interview_type_id"],
                "candidate_name": NAME,
                "candidate_email": address,
            },
        )
        assert request.status_code == 201, request.text
    invitation_id = invited.json()["id"]
    site.wait_until(lambda c: c.get(f"/v1/submissions/{invitation_id}").status_code == 200, key)
    return {
        "key": key,
        "staff": [
            ("console-positions", "/console#/positions", TITLE),
            ("console-position", f"/console#/positions/{position_id}", NAME),
            ("console-question-sets", "/console#/question-sets", TITLE),
            ("review-queue", "/review#/queue", TITLE),
            ("review-ranking", f"/review#/positions/{position_id}", NAME),
            ("review-submission", f"/review#/submissions/{invitation_id}", NAME),
        ],
        "candidate": [
            ("interview", invited.json()["link"], TITLE),
            ("schedule", site.link_in_mail(address, "/schedule"), TITLE),
        ],
    }


async def _layout(page: Page) -> dict[str, Any]:
    return dict(
        await page.evaluate(
            """() => {
              const doc = document.documentElement;
              const wraps = [...document.querySelectorAll('.table-wrap')];
              return {
                viewport: window.innerWidth,
                scrollWidth: doc.scrollWidth,
                clientWidth: doc.clientWidth,
                tables: [...document.querySelectorAll('table')].map(
                  (t) => Math.ceil(t.getBoundingClientRect().right)),
                hiddenScroll: wraps.filter((w) => w.scrollWidth > w.clientWidth).length,
              };
            }"""
        )
    )


@pytest.fixture(scope="module")
def long_text(site: Site) -> dict[str, Any]:
    return _setup(site)


@pytest.mark.parametrize("size", ["desktop", "phone"])
async def test_long_unbroken_text_wraps_on_every_page(
    site: Site, browser: Browser, long_text: dict[str, Any], size: str
) -> None:
    context = await browser.new_context(**(DESKTOP if size == "desktop" else PHONE))
    page = await context.new_page()
    await page.goto(f"{site.url}/login")
    await page.evaluate("k => sessionStorage.setItem('hl.token', k)", long_text["key"])
    failures = []
    for name, path, text in [*long_text["staff"], *long_text["candidate"]]:
        await page.goto(path if path.startswith("http") else f"{site.url}{path}")
        # The text is on the page (first a 30-character piece: a wrapped line holds no more).
        await expect(page.get_by_text(text[:30]).first).to_be_visible(timeout=30_000)
        layout = await _layout(page)
        await screenshot(page, f"long-text-{name}-{size}")
        wide = [right for right in layout["tables"] if right > layout["viewport"]]
        if layout["scrollWidth"] > layout["clientWidth"] or wide or layout["hiddenScroll"]:
            failures.append((name, layout))
    assert failures == []
    if size == "phone":
        assert await axe_violations(page, site) == []  # the schedule page, wrapped
    await context.close()
