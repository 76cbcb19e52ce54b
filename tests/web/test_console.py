"""The recruiter's console in a real browser: sign in, build a question set and a position, invite
one candidate and a CSV file, at desktop and phone sizes, keyboard and accessibility checked."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.async_api import Browser, expect

from embedded.launcher import SERVICES
from tests.gateway.harness import QUESTION_SET
from tests.web.conftest import DESKTOP, PHONE, Site, axe_violations, screenshot

pytestmark = pytest.mark.e2e


async def test_recruiter_sets_up_a_position_and_invites(
    site: Site, browser: Browser, tmp_path: Path
) -> None:
    tenant, email, password = site.tenant_with_admin()
    context = await browser.new_context(**DESKTOP)
    page = await context.new_page()
    await page.goto(f"{site.url}/console")
    await expect(page).to_have_url(f"{site.url}/login?next=%2Fconsole")
    assert await axe_violations(page, site) == []
    await screenshot(page, "login-desktop")
    await page.get_by_label("Organisation").fill(tenant)
    await page.get_by_label("E-mail").fill(email)
    await page.get_by_label("Password").fill("wrong password!!")
    await page.get_by_role("button", name="Sign in").click()
    await expect(page.get_by_role("alert")).to_contain_text("Wrong tenant, e-mail or password")
    await page.get_by_label("Password").fill(password)
    await page.get_by_role("button", name="Sign in").click()
    await expect(page.get_by_role("heading", name="Positions")).to_be_visible()

    await page.get_by_role("link", name="Question sets").click()
    await page.get_by_label("Name", exact=True).fill("Support screen")
    await page.get_by_label("Practice question").fill("Say hello")
    await page.get_by_label("Prompt").fill("Why this role?")
    await page.get_by_role("button", name="Add a question").click()
    await page.locator("#p2").fill("A hard ticket you solved")
    await page.get_by_role("button", name="Save question set").click()
    await expect(page.get_by_text("Support screen — version 1, 2 questions")).to_be_visible()

    await page.get_by_role("link", name="Positions").click()
    await page.get_by_label("Title").fill("Support engineer")
    await page.get_by_role("button", name="Create position").click()
    await expect(page.get_by_role("heading", name="Support engineer")).to_be_visible()
    await page.get_by_label("Name").fill("Ada Lovelace")
    await page.get_by_label("E-mail").fill("ada@example.com")
    await page.get_by_role("button", name="Send invitation").click()
    await expect(page.get_by_text("Invitation sent to ada@example.com")).to_be_visible()
    await expect(page.get_by_role("cell", name="ada@example.com")).to_be_visible()
    await expect(page.get_by_role("heading", name="Candidates (1)")).to_be_visible()

    csv = tmp_path / "candidates.csv"
    csv.write_text("name,email\nBob,bob@example.com\nBad,not-an-email\nAda,ada@example.com\n")
    await page.locator("#csv").set_input_files(str(csv))
    await page.get_by_role("button", name="Upload and invite").click()
    await expect(page.get_by_text("1 created, 1 duplicates, 1 invalid")).to_be_visible()
    await expect(
        page.get_by_role("cell", name="email: value is not a valid email address", exact=False)
    ).to_be_visible()
    await expect(page.get_by_role("heading", name="Candidates (2)")).to_be_visible()
    assert await axe_violations(page, site) == []
    await screenshot(page, "console-position-desktop")

    phone = await browser.new_context(**PHONE)
    mobile = await phone.new_page()
    await mobile.goto(f"{site.url}/login")
    await mobile.evaluate(
        "t => sessionStorage.setItem('hl.token', t)",
        await page.evaluate("sessionStorage.getItem('hl.token')"),
    )
    await mobile.goto(page.url)
    await expect(mobile.get_by_role("heading", name="Support engineer")).to_be_visible()
    await screenshot(mobile, "console-position-phone")
    await phone.close()
    await context.close()


async def test_sign_in_works_with_the_keyboard_alone(site: Site, browser: Browser) -> None:
    tenant, email, password = site.tenant_with_admin()
    context = await browser.new_context(**DESKTOP)
    page = await context.new_page()
    await page.goto(f"{site.url}/login")
    await page.keyboard.press("Tab")
    await page.keyboard.type(tenant)
    await page.keyboard.press("Tab")
    await page.keyboard.type(email)
    await page.keyboard.press("Tab")
    await page.keyboard.type(password)
    await page.keyboard.press("Enter")
    await expect(page.get_by_role("heading", name="Positions")).to_be_visible()
    await context.close()


async def test_operations_page_shows_every_service_ready(site: Site, browser: Browser) -> None:
    context = await browser.new_context(**DESKTOP)
    page = await context.new_page()
    await page.goto(f"{site.url}/login")
    await page.evaluate("k => sessionStorage.setItem('hl.token', k)", site.tenant_key())
    await page.goto(f"{site.url}/ops")
    await expect(page.get_by_role("heading", name="Pipeline")).to_be_visible()
    rows = page.locator("table").first.locator("tbody tr")
    await expect(rows).to_have_count(len(SERVICES))
    await expect(page.get_by_text("Ready", exact=True)).to_have_count(len(SERVICES))
    assert await axe_violations(page, site) == []
    await screenshot(page, "ops-desktop")
    await page.set_viewport_size(PHONE["viewport"])
    await screenshot(page, "ops-phone")
    await context.close()


async def test_an_admin_closes_a_position_and_sees_when_its_data_goes(
    site: Site, browser: Browser
) -> None:
    tenant, email, password = site.tenant_with_admin()
    context = await browser.new_context(**DESKTOP)
    page = await context.new_page()
    await page.goto(f"{site.url}/login?next=/console")
    await page.get_by_label("Organisation").fill(tenant)
    await page.get_by_label("E-mail").fill(email)
    await page.get_by_label("Password").fill(password)
    await page.get_by_role("button", name="Sign in").click()
    await expect(page.get_by_role("heading", name="Positions")).to_be_visible()
    with site.api(await page.evaluate("sessionStorage.getItem('hl.token')")) as admin:
        created = admin.post("/v1/question-sets", json=QUESTION_SET)
        position = admin.post(
            "/v1/positions",
            json={"title": "Night support", "question_set_id": created.json()["id"]},
        ).json()

    await page.goto(f"{site.url}/console#/positions/{position['id']}")
    await page.get_by_role("button", name="Close position").click()
    await expect(page.get_by_text("no new invitations")).to_be_visible()
    await expect(page.get_by_role("button", name="Send invitation")).to_have_count(0)
    await page.get_by_role("link", name="retention", exact=True).click()
    await expect(page.get_by_role("heading", name="Retention", exact=True)).to_be_visible()
    assert await page.get_by_label("Months after a position closes").input_value() == "12"
    row = page.get_by_role("row").filter(has_text="Night support")
    await expect(row).to_be_visible()
    await page.get_by_label("Months after a position closes").fill("3")
    await page.get_by_role("button", name="Save retention period").click()
    await expect(page.get_by_text("Retention period saved.")).to_be_visible()
    with site.api(await page.evaluate("sessionStorage.getItem('hl.token')")) as admin:
        entry = admin.get("/v1/retention/schedule").json()["items"][0]
    shown = await page.evaluate(
        "d => new Date(d).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })",
        entry["erase_at"],
    )
    await expect(row.get_by_role("cell", name=shown)).to_be_visible()
    assert await axe_violations(page, site) == []
    await screenshot(page, "console-retention-desktop")

    await row.get_by_role("link", name="Night support").click()
    await page.get_by_role("button", name="Reopen position").click()
    await expect(page.get_by_role("button", name="Send invitation")).to_be_visible()
    await context.close()
