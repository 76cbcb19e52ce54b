"""The live pages through the real gateway, the live service and Janus in the namespace, in
Chromium with a fake camera and microphone: the candidate, on a phone-sized screen, sees who will
be there, checks the devices, agrees to the recording notice and waits in the lobby by keyboard
alone; the interviewer admits them; each page receives the other's video and audio (`getStats()`:
frames decoded grow, audio energy above zero), both show that the call is recorded, and axe finds
nothing. The interviewer shares a screen, which the candidate receives as a tile of its own, and
pins a note; a third member joins, leaves and comes back; the network is cut and restored (the
pages restart ICE) and Janus restarts (the pages enter again by themselves). A candidate in Firefox
and an interviewer in Chromium see and hear each other too."""

from __future__ import annotations

import asyncio
import hashlib
import json
import secrets
import shutil
import subprocess
import time
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.async_api import Browser, Page, Playwright, async_playwright
from prometheus_client.parser import text_string_to_metric_families

from contracts.events.interviews import InterviewRequested, InterviewScheduled, PanelMember
from embedded import Endpoints
from services.gateway.app import create as create_gateway
from services.gateway.settings import GatewaySettings
from tests.live import netns
from tests.live.harness import Harness
from tests.support import eventually, serving, settings_for, unique
from tests.web.conftest import PHONE, SCREENS, axe_violations, screenshot

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(netns.available() is not None, reason=str(netns.available())),
]
PLATFORM_KEY = "hlp_live-tests-platform-key-0123456789"
# Playwright's own --disable-features list, repeated with mDNS hiding off (a second flag would
# replace the first), so Chromium announces its veth address rather than a multicast name.
PLAYWRIGHT_DISABLED = (
    "ImprovedCookieControls,LazyFrameLoading,GlobalMediaControls,DestroyProfileOnBrowserClose,"
    "MediaRouter,DialMediaRouteProvider,AcceptCHFrame,AutoExpandDetailsElement,CertificateTransparencyComponentUpdater,"
    "AvoidUnnecessaryBeforeUnloadCheckSync,Translate,HttpsUpgrades,PaintHolding,ThirdPartyStoragePartitioning,"
    "LensOverlay,PlzDedicatedWorker"
)

STATS = """async () => {
  const room = window.hlRoom;
  if (!room) return {video: 0, audio: 0};
  let video = 0, audio = 0;
  for (const {pc} of room.feeds.values()) {
    if (!pc) continue;
    (await pc.getStats()).forEach((s) => {
      if (s.type !== "inbound-rtp") return;
      if (s.kind === "video") video += s.framesDecoded || 0;
      if (s.kind === "audio") audio += s.totalAudioEnergy || 0;
    });
  }
  return {video, audio};
}"""

# The kind of local candidate each of the page's connections settled on ("relay": through TURN).
CANDIDATE_TYPES = """async () => {
  const room = window.hlRoom;
  const types = [];
  for (const pc of [room.local, ...[...room.feeds.values()].map((f) => f.pc)]) {
    if (!pc) continue;
    const stats = await pc.getStats();
    stats.forEach((s) => {
      if (s.type !== "transport" || !s.selectedCandidatePairId) return;
      const pair = stats.get(s.selectedCandidatePairId);
      types.push(stats.get(pair.localCandidateId).candidateType);
    });
  }
  return types;
}"""


@pytest.fixture(scope="module")
async def gateway(h: Harness, stack: Endpoints) -> AsyncIterator[str]:
    settings = settings_for(
        stack,
        unique("gateway"),
        GatewaySettings,
        live_url=h.url,
        janus_public_url=h.service.settings.janus_url,  # type: ignore[attr-defined]
        platform_admin_key=PLATFORM_KEY,
        rate_limit_burst=10_000,
    )
    async with serving(create_gateway(settings)) as url:
        yield url


async def _reported(live_url: str, service: str) -> dict[str, float] | None:
    """The live service's call-report metrics, once both roles have sent a first frame time
    (the series of this service only: another live service of the package shares the registry)."""
    async with httpx.AsyncClient(timeout=10) as client:
        text = (await client.get(f"{live_url}/metrics")).text
    found: dict[str, float] = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            role = sample.labels.get("role")
            if sample.labels.get("service") != service:
                continue
            if sample.name == "live_first_remote_frame_seconds_sum" and role:
                found[f"{role} first frame s"] = sample.value
            if sample.name == "live_inbound_packet_loss_ratio_count" and role:
                found[f"{role} reports"] = sample.value
    wanted = ("candidate reports", "interviewer reports")
    return found if all(found.get(k, 0) > 0 for k in wanted) else None


async def _pressed(button: Any) -> bool:
    return bool(await button.get_attribute("aria-pressed") == "true")


def set_link(name: str, state: str) -> None:
    subprocess.run(["ip", "link", "set", name, state], check=True)


async def flowing_again(page: Page) -> None:
    """More video frames and audio than now arrive within the next 30 s."""
    first: dict[str, Any] = await page.evaluate(STATS)

    async def grown() -> bool:
        now: dict[str, Any] = await page.evaluate(STATS)
        return bool(now["video"] > first["video"] + 30 and now["audio"] > first["audio"])

    await eventually(grown, timeout=30, what="media flowing again")


async def receiving(page: Page) -> dict[str, Any]:
    async def flowing() -> dict[str, Any] | None:
        stats: dict[str, Any] = await page.evaluate(STATS)
        return stats if stats["video"] > 10 and stats["audio"] > 0 else None

    return await eventually(flowing, timeout=30, what="remote video and audio on the page")


async def chromium(playwright: Playwright, h: Harness) -> Browser:
    """Chromium with a fake camera and microphone, announcing its addresses (no mDNS) and
    resolving no name but the namespace's."""
    return await playwright.chromium.launch(
        executable_path="/usr/bin/chromium",
        args=[
            "--use-fake-device-for-media-stream",
            "--use-fake-ui-for-media-stream",
            f"--disable-features={PLAYWRIGHT_DISABLED},WebRtcHideLocalIpsWithMdns",
            f"--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1, EXCLUDE {h.ns.inside}",
        ],
    )


@dataclass(frozen=True)
class Booked:
    """A recorded interview booked on a panel of two with accounts, its room open, the link known
    to the gateway."""

    tenant: str
    request_id: str
    booking_id: str
    link: str  # the candidate's scheduling link
    grace: str  # the interviewers' staff tokens
    alan: str


async def book(h: Harness, gateway: str) -> Booked:
    async with httpx.AsyncClient(base_url=gateway, timeout=30) as api:
        made = await api.post(
            "/v1/tenants",
            json={"id": unique("live"), "name": "Live"},
            headers={"Authorization": f"Bearer {PLATFORM_KEY}"},
        )
        tenant, key = made.json()["id"], made.json()["api_key"]
        password = "a long enough password"
        users, tokens = [], []
        for name in ("Grace", "Alan"):  # the panel's accounts, each signed in
            email = f"{name.lower()}@example.com"
            made_user = await api.post(
                "/v1/users",
                json={"email": email, "name": name, "roles": ["interviewer"], "password": password},
                headers={"Authorization": f"Bearer {key}"},
            )
            assert made_user.status_code == 201, made_user.text
            users.append(made_user.json()["id"])
            login = await api.post(
                "/v1/auth/login", json={"tenant": tenant, "email": email, "password": password}
            )
            tokens.append(login.json()["access_token"])
        grace_token, alan_token = tokens
    link = secrets.token_urlsafe(24)
    request_id, booking_id = str(uuid.uuid4()), str(uuid.uuid4())
    start = h.clock.now + timedelta(minutes=5)
    await h.publish(
        tenant,
        InterviewRequested(
            request_id=request_id,
            invitation_id=str(uuid.uuid4()),
            position_id=str(uuid.uuid4()),
            interview_type_id="type-1",
            candidate_name="Ada",
            candidate_email="ada@example.com",
            token_hash=hashlib.sha256(link.encode()).hexdigest(),
            token_expires_at=datetime.now(UTC) + timedelta(days=1),
            requested_at=datetime.now(UTC),
        ),
    )
    await h.publish(
        tenant,
        InterviewScheduled(
            request_id=request_id,
            booking_id=booking_id,
            invitation_id=str(uuid.uuid4()),
            position_id=str(uuid.uuid4()),
            interview_type_id="type-1",
            start=start,
            end=start + timedelta(minutes=45),
            interviewer_ids=["iv-1", "iv-2"],
            panel=[
                PanelMember(interviewer_id="iv-1", name="Grace Hopper", user_id=f"user:{users[0]}"),
                PanelMember(interviewer_id="iv-2", name="Alan Turing", user_id=f"user:{users[1]}"),
            ],
            recording=True,
            scheduled_by="candidate",
            scheduled_at=h.clock.now,
        ),
    )

    async def room_open() -> bool:
        await h.sweep()
        doc = await h.service.db.rooms.find_one({"_id": booking_id, "tenant": tenant})
        return bool(doc and doc["status"] == "open")

    await eventually(room_open, what="the room to open")
    async with httpx.AsyncClient(base_url=gateway, timeout=30) as api:

        async def link_known() -> bool:
            got = await api.get(
                "/v1/candidate/live/room", headers={"Authorization": f"Bearer {link}"}
            )
            return got.status_code == 200

        await eventually(link_known, what="the gateway to know the link")

    return Booked(tenant, request_id, booking_id, link, grace_token, alan_token)


async def test_the_candidate_waits_is_admitted_and_both_see_and_hear_each_other(
    h: Harness, gateway: str
) -> None:
    booked = await book(h, gateway)
    tenant, request_id, booking_id, link = (
        booked.tenant,
        booked.request_id,
        booked.booking_id,
        booked.link,
    )
    staff_token, alan_token = booked.grace, booked.alan
    async with async_playwright() as playwright:
        browser = await chromium(playwright, h)
        try:
            candidate = await (await browser.new_context(**PHONE)).new_page()  # on a phone
            interviewer_context = await browser.new_context()
            await interviewer_context.add_init_script(
                f"sessionStorage.setItem('hl.token', {staff_token!r})"
            )
            interviewer = await interviewer_context.new_page()
            console: list[str] = []
            for page in (candidate, interviewer):
                page.on("console", lambda m: console.append(f"{m.type}: {m.text}"))

            await candidate.goto(f"{gateway}/live/{link}")
            await candidate.get_by_text("Grace Hopper").wait_for()
            await candidate.get_by_text("Your camera and microphone work.").wait_for()
            # The interview is recorded: the notice, and no lobby before the candidate agrees.
            await candidate.get_by_role("heading", name="This interview is recorded").wait_for()
            ready = candidate.get_by_role("button", name="I am ready: wait in the lobby")
            await ready.click()
            await candidate.get_by_text("Please read the recording notice").wait_for()
            assert await axe_violations(candidate, gateway) == []
            # By keyboard alone: agree with Space, Tab on to the button, Enter.
            await candidate.get_by_label(
                "I have read this notice and agree to the recording"
            ).focus()
            await candidate.keyboard.press("Space")
            await candidate.keyboard.press("Tab")
            assert await candidate.evaluate("() => document.activeElement.id") == "ready"
            await candidate.keyboard.press("Enter")
            await candidate.get_by_text("You are in the lobby.").wait_for()
            consent = await h.service.db.rooms.find_one({"_id": booking_id, "tenant": tenant})
            assert consent and consent["recording_consent"]["notice_version"]

            await interviewer.goto(f"{gateway}/room/{booking_id}")
            await interviewer.get_by_text("The candidate is waiting in the lobby.").wait_for()
            await interviewer.get_by_role("button", name="Let the candidate in").click()
            await interviewer.get_by_role("button", name="Join the call").click()
            try:
                await interviewer.get_by_role("button", name="Mute").wait_for(timeout=20_000)
            except Exception:
                status = await interviewer.locator("#join-status").text_content()
                raise AssertionError(f"not joined: {status!r}; console: {console}") from None

            for page in (candidate, interviewer):
                stats = await receiving(page)
                print(f"\n{page.url.split('/')[3]} page: {stats}")
                # The live service set relays only (tests/live/conftest.py): media went via
                # coturn, on both connections (the camera's and the other's) once each settled.

                async def settled(page: Page = page) -> list[str] | None:
                    types: list[str] = await page.evaluate(CANDIDATE_TYPES)
                    return types if len(types) == 2 else None

                types = await eventually(settled, timeout=30, what="both connections' pairs")
                assert set(types) == {"relay"}, types
            await candidate.get_by_label("Video of Grace Hopper").wait_for()
            for page in (candidate, interviewer):  # both see, all along, that it records
                await page.get_by_role("status").filter(has_text="This call is recorded").wait_for()
                assert await axe_violations(page, gateway) == []
            # The phone's layout: the call fits the screen's width, no sideways scrolling.
            assert await candidate.evaluate(
                "() => document.documentElement.scrollWidth <= window.innerWidth"
            )
            await screenshot(candidate, "live-call-phone")
            # Each tile shows its participant's connection quality, measured from what arrives.
            await candidate.get_by_text("Connection good").wait_for(timeout=20_000)
            await interviewer.get_by_text("Connection good").wait_for(timeout=20_000)
            # and the pages report it: the time to the first remote frame, loss and bitrate.
            reported = await eventually(
                lambda: _reported(h.url, h.service.name),
                timeout=40,
                what="both pages' call reports",
            )
            print(f"\nreported: {reported}")

            mute = interviewer.get_by_role("button", name="Mute")
            await mute.click()
            assert await mute.get_attribute("aria-pressed") == "true"

            # The interviewer shares a screen (Chromium's fake one): the candidate gets it as a
            # tile of its own, with frames, and loses it when the sharing stops.
            share = interviewer.get_by_role("button", name="Share screen")
            await share.click()
            await eventually(
                lambda: _pressed(share), timeout=20, what="the interviewer's screen shared"
            )
            screen = candidate.get_by_label("Video of Grace Hopper (screen)")
            await screen.wait_for(timeout=20_000)
            await candidate.wait_for_function(
                "() => { const v = document.querySelector("
                "'[aria-label=\"Video of Grace Hopper (screen)\"]');"
                " return v && v.videoWidth === 1280 && v.currentTime > 0.5; }",
                timeout=20_000,
            )
            assert not await interviewer.get_by_label("Video of Grace Hopper (screen)").count()
            await share.click()
            await screen.wait_for(state="detached", timeout=20_000)

            # A private note, pinned to this moment of the call: listed for its author, and
            # `room.note_pinned` for the review workspace.
            await interviewer.get_by_label(
                "A private note, pinned to this moment of the call"
            ).fill("Walked through the design calmly")
            await interviewer.get_by_role("button", name="Pin note").click()
            await (
                interviewer.get_by_role("list", name="Your notes")
                .get_by_text("Walked through the design calmly")
                .wait_for()
            )
            pinned = await h.service.db.outbox.find(
                {"key": request_id, "type": "room.note_pinned"}
            ).to_list()
            assert len(pinned) == 1 and '"Walked through the design calmly"' in pinned[0]["body"]

            # A panel of three: a second interviewer joins, leaves, and comes back.
            alan_context = await browser.new_context()
            await alan_context.add_init_script(
                f"sessionStorage.setItem('hl.token', {alan_token!r})"
            )
            alan = await alan_context.new_page()
            alan.on("console", lambda m: console.append(f"alan {m.type}: {m.text}"))
            for visit in ("joins", "comes back"):
                await alan.goto(f"{gateway}/room/{booking_id}")
                await alan.get_by_role("button", name="Join the call").click()
                for page in (candidate, interviewer):
                    await page.get_by_label("Video of Alan Turing").wait_for(timeout=20_000)
                stats = await receiving(alan)
                print(f"\nthe third member {visit}: {stats}")
                if visit == "joins":
                    await alan.get_by_role("button", name="Leave").click()
                    for page in (candidate, interviewer):
                        await page.get_by_label("Video of Alan Turing").wait_for(
                            state="detached", timeout=20_000
                        )
            await alan_context.close()

            # A network cut and its restore: the pages restart ICE by themselves and the media
            # flows again both ways (the interviewer unmuted, so that there is a voice to hear).
            await mute.click()
            assert await mute.get_attribute("aria-pressed") == "false"
            before = [
                await p.evaluate("() => window.hlRoom.restarts") for p in (candidate, interviewer)
            ]
            await asyncio.to_thread(set_link, h.ns.outer_link, "down")
            try:
                await candidate.wait_for_function(
                    "() => ['disconnected', 'failed'].includes(window.hlRoom.local.iceConnectionState)",
                    timeout=40_000,
                )
                await candidate.wait_for_function(
                    f"() => window.hlRoom.restarts > {before[0]}", timeout=20_000
                )
            finally:
                await asyncio.to_thread(set_link, h.ns.outer_link, "up")
            cut = time.monotonic()
            for page in (candidate, interviewer):
                await page.wait_for_function(
                    "() => ['connected', 'completed'].includes(window.hlRoom.local.iceConnectionState)",
                    timeout=60_000,
                )
                await flowing_again(page)
            after = [
                await p.evaluate("() => window.hlRoom.restarts") for p in (candidate, interviewer)
            ]
            print(
                f"\nmedia again {time.monotonic() - cut:.1f} s after the network came back; "
                f"ICE restarts {before} -> {after}"
            )

            # Janus restarts (as a node lost and replaced): its rooms and sessions are gone. The
            # rooms job creates the room again, and the pages, their sessions lost, ask for new
            # tokens and enter again by themselves; the media flows again both ways.
            await asyncio.to_thread(h.janus.stop)
            await asyncio.to_thread(h.janus.start)
            restarted = time.monotonic()

            async def entered_again() -> bool:
                await h.sweep()
                counts = [await p.evaluate("() => window.hlCall.rejoins") for p in pages]
                states = [
                    await p.evaluate("() => window.hlRoom.local?.iceConnectionState") for p in pages
                ]
                return all(c >= 1 for c in counts) and all(
                    st in ("connected", "completed") for st in states
                )

            pages = (candidate, interviewer)
            await eventually(entered_again, timeout=90, what="both pages in the room again")
            for page in pages:
                await page.get_by_label(
                    "Video of Grace Hopper" if page is candidate else "Video of Candidate"
                ).wait_for(timeout=30_000)
                await flowing_again(page)
            print(
                f"\nboth pages in the call again {time.monotonic() - restarted:.1f} s after Janus"
            )
        finally:
            await browser.close()


FIREFOX = Path(__file__).parents[1] / "web" / "firefox" / "live.mjs"


@pytest.mark.skipif(shutil.which("firefox-esr") is None, reason="firefox-esr is not installed")
async def test_a_candidate_in_firefox_and_an_interviewer_in_chromium_see_and_hear_each_other(
    h: Harness, gateway: str
) -> None:
    """The candidate's page in Firefox (its own WebRTC stack and fake devices), the interviewer's
    in Chromium, through the relay: each receives the other's video and audio."""
    booked = await book(h, gateway)
    SCREENS.mkdir(parents=True, exist_ok=True)
    node = await asyncio.create_subprocess_exec(
        "node",
        str(FIREFOX),
        f"{gateway}/live/{booked.link}",
        str(SCREENS),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    assert node.stdout is not None and node.stderr is not None

    async def step() -> dict[str, Any]:
        assert node.stdout is not None and node.stderr is not None
        line = await asyncio.wait_for(node.stdout.readline(), 120)
        if not line:
            raise AssertionError((await node.stderr.read()).decode()[-3000:])
        found: dict[str, Any] = json.loads(line)
        return found

    try:
        assert (await step())["step"] == "lobby"
        async with async_playwright() as playwright:
            browser = await chromium(playwright, h)
            try:
                context = await browser.new_context()
                await context.add_init_script(
                    f"sessionStorage.setItem('hl.token', {booked.grace!r})"
                )
                interviewer = await context.new_page()
                await interviewer.goto(f"{gateway}/room/{booked.booking_id}")
                await interviewer.get_by_role("button", name="Let the candidate in").click()
                await interviewer.get_by_role("button", name="Join the call").click()
                stats = await receiving(interviewer)  # Firefox's camera and microphone
                called = await step()
                print(f"\nchromium receives {stats}; firefox receives {called}")
                assert called["step"] == "call" and "Firefox" in called["agent"]
                assert called["video"] > 10 and called["audio"] > 0, called
            finally:
                await browser.close()
        assert await asyncio.wait_for(node.wait(), 60) == 0
    finally:
        if node.returncode is None:
            node.kill()
            await node.wait()
