"""The candidate's slot picker in a real browser: times in their zone, booking, the .ics file,
moving the interview, and a phone-sized screen."""

from __future__ import annotations

from pathlib import Path

import icalendar
import pytest
from playwright.async_api import Browser, expect

from tests.support import unique
from tests.web.conftest import DESKTOP, PHONE, Site, axe_violations, screenshot

pytestmark = pytest.mark.e2e
DASH = "\u2013"  # the en dash between times
WEEK = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def scheduling_link(site: Site) -> tuple[str, str]:
    with site.api(site.tenant_key()) as admin:
        interviewer = admin.post(
            "/v1/interviewers",
            json={
                "name": "Grace Hopper",
                "email": f"{unique('grace')}@example.com",
                "time_zone": "America/New_York",
                "weekly": {d: [{"start": "09:00", "end": "17:00"}] for d in WEEK},
            },
        )
        assert interviewer.status_code == 201, interviewer.text
        kind = admin.post(
            "/v1/interview-types",
            json={
                "position_id": unique("pos"),
                "name": "Technical interview",
                "duration_minutes": 60,
                "interviewer_ids": [interviewer.json()["interviewer_id"]],
                "min_notice_minutes": 60,
                "booking_window_days": 14,
                "slot_step_minutes": 60,  # starts on the hour, whatever the time of the run
            },
        )
        assert kind.status_code == 201, kind.text
        address = f"{unique('ada')}@example.com"
        request = admin.post(
            "/v1/interview-requests",
            json={
                "invitation_id": unique("inv"),
                "interview_type_id": kind.json()["interview_type_id"],
                "candidate_name": "Ada Lovelace",
                "candidate_email": address,
            },
        )
        assert request.status_code == 201, request.text
    return site.link_in_mail(address, "/schedule"), address


async def test_candidate_books_and_moves_an_interview_in_their_zone(
    site: Site, browser: Browser
) -> None:
    link, _ = scheduling_link(site)
    context = await browser.new_context(
        **DESKTOP, timezone_id="Asia/Kolkata", accept_downloads=True
    )
    page = await context.new_page()
    await page.goto(link)
    await expect(page.get_by_role("heading", name="Technical interview")).to_be_visible()
    await expect(page.get_by_label("Your time zone")).to_have_value("Asia/Calcutta")
    first = page.locator("section button").first
    await expect(first).to_be_visible()
    # Starts on the hour in New York are on the half hour in Kolkata: half-hour offsets shown right.
    starts = [t.split(DASH)[0] for t in await page.locator("section button").all_inner_texts()]
    assert starts and all(start.endswith(":30") for start in starts), starts
    assert await axe_violations(page, site) == []
    await screenshot(page, "schedule-slots-desktop")
    later = page.locator("section").last.locator("button").first  # far enough ahead to move it
    chosen = await later.inner_text()
    await later.click()
    await expect(page.get_by_text("Your interview is booked")).to_be_visible()
    await expect(page.get_by_text(chosen)).to_be_visible()
    async with page.expect_download() as download_info:
        await page.get_by_role("button", name="Add to my calendar (.ics)").click()
    path = await (await download_info.value).path()
    calendar = icalendar.Calendar.from_ical(Path(path).read_bytes())  # noqa: ASYNC240
    [event] = [c for c in calendar.walk() if c.name == "VEVENT"]
    assert event.decoded("dtstart").utcoffset().total_seconds() == 0  # instants in UTC
    await screenshot(page, "schedule-booked-desktop")

    await page.get_by_role("button", name="Choose another time").click()
    await page.locator("section button").nth(2).click()
    await expect(page.get_by_text("Your interview is booked")).to_be_visible()
    await context.close()


async def test_slot_picker_on_a_phone(site: Site, browser: Browser) -> None:
    link, _ = scheduling_link(site)
    context = await browser.new_context(**PHONE, timezone_id="Europe/London")
    page = await context.new_page()
    await page.goto(link)
    await expect(page.locator("section button").first).to_be_visible()
    await page.get_by_label("Your time zone").select_option("America/New_York")
    # The second day shown is a whole day (today's may have started): it opens at 09:00.
    tomorrow = page.locator("section").nth(1).locator("button").first
    await expect(tomorrow).to_have_text(f"09:00{DASH}10:00")
    await screenshot(page, "schedule-slots-phone")
    await context.close()


async def test_interviewer_availability_is_edited_in_the_console(
    site: Site, browser: Browser
) -> None:
    context = await browser.new_context(**DESKTOP)
    page = await context.new_page()
    await page.goto(f"{site.url}/login")
    key = site.tenant_key()
    await page.evaluate("k => sessionStorage.setItem('hl.token', k)", key)
    await page.goto(f"{site.url}/console#/interviewers")
    await page.get_by_label("Name").fill("Grace Hopper")
    await page.get_by_label("E-mail").fill(f"{unique('grace')}@example.com")
    await page.get_by_label("Time zone").select_option("Australia/Sydney")
    await page.get_by_label("Monday").fill("09:00-12:00, 13:00-17:00")
    await page.get_by_label("Tuesday").fill("09:00-17:00")
    await page.get_by_label("Date overrides").fill("2031-01-05: off")
    await page.get_by_label("Buffer before").fill("10")
    await page.get_by_role("button", name="Save availability").click()
    await expect(page.get_by_text("Availability saved.")).to_be_visible()
    await page.get_by_label("Wednesday").fill("17:00-09:00")  # end before start
    await page.get_by_role("button", name="Save availability").click()
    await expect(page.get_by_role("alert")).to_be_visible()
    assert await axe_violations(page, site) == []
    await screenshot(page, "console-availability-desktop")
    with site.api(key) as admin:
        [saved] = admin.get("/v1/interviewers").json()["items"]
    assert saved["time_zone"] == "Australia/Sydney"
    assert saved["weekly"]["monday"] == [
        {"start": "09:00", "end": "12:00"},
        {"start": "13:00", "end": "17:00"},
    ]
    assert "wednesday" not in saved["weekly"] and saved["buffer_before_minutes"] == 10
    assert saved["overrides"] == [{"date": "2031-01-05", "ranges": []}]
    await context.close()
