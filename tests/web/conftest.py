"""Browser tests: the whole system as `make run` starts it, driven by Playwright in Debian's
Chromium with a fake camera and microphone. Screenshots go to test-artifacts/screens/."""

from __future__ import annotations

import email
import email.policy
import re
import time
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass
from email.message import Message
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.async_api import Browser, Page, async_playwright, expect

from embedded import System, SystemInfo
from tests.support import free_port, unique

ROOT = Path(__file__).resolve().parents[2]
SCREENS = ROOT / "test-artifacts" / "screens"
PLATFORM_KEY = "hlp_web-tests-platform-key-0123456789"
PHONE: dict[str, Any] = {
    "viewport": {"width": 390, "height": 844},
    "is_mobile": True,
    "has_touch": True,
}
DESKTOP: dict[str, Any] = {"viewport": {"width": 1280, "height": 860}}
# A page that makes several API calls before it shows something can take longer than Playwright's
# 5 s default on two loaded cores.
expect.set_options(timeout=20_000)


@dataclass
class Site:
    info: SystemInfo

    @property
    def url(self) -> str:
        return self.info.gateway_url

    def api(self, token: str) -> httpx.Client:
        return httpx.Client(
            base_url=self.url,
            headers={"Authorization": f"Bearer {token}"},
            timeout=60,
            trust_env=False,
        )

    def tenant_key(self) -> str:
        """A new tenant; returns its administrator API key."""
        with self.api(PLATFORM_KEY) as platform:
            response = platform.post("/v1/tenants", json={"id": unique("web"), "name": "Web"})
        return str(response.json()["api_key"])

    def tenant_with_admin(self) -> tuple[str, str, str]:
        """A new tenant with an admin user; returns (tenant, e-mail, password)."""
        password = "a long enough password"
        with self.api(self.tenant_key()) as admin:
            tenant = admin.get("/v1/me").json()["tenant"]
            admin.post(
                "/v1/users",
                json={
                    "email": "ann@example.com",
                    "name": "Ann",
                    "roles": ["admin"],
                    "password": password,
                },
            )
        return tenant, "ann@example.com", password

    def mails_to(self, address: str) -> list[Message]:
        found = []
        for path in sorted(Path(self.info.endpoints.smtp_maildir).glob("*.eml")):
            message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
            if message["To"] == address:
                found.append(message)
        return found

    def wait_for_link(self, token: str, path: str, timeout: float = 60) -> None:
        """Until the gateway knows a new link (its read model follows the events)."""
        deadline = time.monotonic() + timeout
        with self.api(token) as candidate:
            while candidate.get(path).status_code == 401:
                assert time.monotonic() < deadline, "the gateway never learned the link"
                time.sleep(0.1)

    def wait_until(
        self, check: Callable[[httpx.Client], Any], token: str, timeout: float = 60
    ) -> Any:
        """Until `check(client)` returns something true (read models follow the events)."""
        deadline = time.monotonic() + timeout
        with self.api(token) as client:
            while not (found := check(client)):
                assert time.monotonic() < deadline, f"never true: {check}"
                time.sleep(0.2)
        return found

    def wait_transcoded(self, key: str, attempt_id: str, timeout: float = 180) -> Any:
        """The recording's status once its transcode has finished (done or failed)."""

        def finished(staff: httpx.Client) -> Any:
            body = staff.get(f"/v1/recordings/{attempt_id}").json()
            return body if body["status"] in {"done", "failed"} else None

        return self.wait_until(finished, key, timeout)

    def link_in_mail(self, address: str, path: str, timeout: float = 60) -> str:
        """The first link to `path` in a mail to `address` (waits for the mail to arrive)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for message in self.mails_to(address):
                text = "".join(
                    str(part.get_content())
                    for part in message.walk()
                    if part.get_content_type() == "text/plain"
                )
                found = re.search(rf"https?://\S+{path}/[\w-]+", text)
                if found:
                    return found.group(0)
            time.sleep(0.2)
        raise AssertionError(f"no mail with a {path} link to {address}")


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    system = System(
        tmp_path_factory.mktemp("web-system"),
        extra_env={"GATEWAY_PORT": str(free_port()), "PLATFORM_ADMIN_KEY": PLATFORM_KEY},
        # On two loaded cores importing the gateway (every service's declarations) alone can
        # take a minute.
        ready_timeout=180,
    )
    try:
        yield Site(system.start())
    finally:
        system.stop()


@pytest.fixture(scope="session")
async def browser() -> AsyncIterator[Browser]:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            # A fake camera and microphone; access is granted per context (permissions=[...]),
            # so a context without the grant takes the "permission denied" path.
            args=["--use-fake-device-for-media-stream"],
        )
        yield browser
        await browser.close()


async def sign_in(page: Page, site: Site, tenant: str, email: str, password: str) -> None:
    """Sign a staff member in on the login page, which then opens the review workspace."""
    await page.goto(f"{site.url}/login?next=/review")
    await page.get_by_label("Organisation").fill(tenant)
    await page.get_by_label("E-mail").fill(email)
    await page.get_by_label("Password").fill(password)
    await page.get_by_role("button", name="Sign in").click()


async def screenshot(page: Page, name: str) -> None:
    SCREENS.mkdir(parents=True, exist_ok=True)
    await page.screenshot(path=str(SCREENS / f"{name}.png"), full_page=True)


async def axe_violations(page: Page, site: Site | str) -> list[dict[str, Any]]:
    """Serious and critical axe-core findings on the current page (axe from the gateway of the
    site, or of the gateway at the URL given)."""
    base = site if isinstance(site, str) else site.url
    await page.add_script_tag(url=f"{base}/static/vendor/axe/axe.min.js")
    result = await page.evaluate("async () => (await axe.run()).violations")
    return [v for v in result if v["impact"] in ("serious", "critical")]
