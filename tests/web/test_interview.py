"""A candidate takes a whole interview in a real browser with the fake camera: consent, device
check, practice, every question (one retake), a network cut mid-recording; the answers arrive
complete through ingest and transcoding."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.async_api import Browser, Page, expect

from tests.support import unique
from tests.web.conftest import DESKTOP, PHONE, Site, axe_violations, screenshot

pytestmark = pytest.mark.e2e

QUESTIONS: dict[str, Any] = {
    "name": "Browser screen",
    "practice_question": {
        "prompt": "Practice: say hello.",
        "think_seconds": 0,
        "answer_seconds": 10,
    },
    "questions": [
        {"prompt": "Why this role?", "think_seconds": 0, "answer_seconds": 10, "retakes": 1},
        {
            "prompt": "A hard problem you solved.",
            "think_seconds": 0,
            "answer_seconds": 10,
            "retakes": 0,
        },
        {"prompt": "Where next?", "think_seconds": 0, "answer_seconds": 10, "retakes": 0},
    ],
}


def invitation_link(site: Site) -> tuple[str, str, str]:
    key = site.tenant_key()
    with site.api(key) as admin:
        qs = admin.post("/v1/question-sets", json=QUESTIONS).json()
        position = admin.post(
            "/v1/positions", json={"title": "Engineer", "question_set_id": qs["id"]}
        ).json()
        address = f"{unique('cand')}@example.com"
        created = admin.post(
            f"/v1/positions/{position['id']}/invitations", json={"name": "Cleo", "email": address}
        )
        assert created.status_code == 201, created.text
    link = created.json()["link"]
    site.wait_for_link(link.rsplit("/", 1)[1], "/v1/candidate/progress")
    return link, created.json()["id"], key


async def record(page: Page, seconds: float) -> None:
    """Let the answer record for a while, then stop it (the limit would stop it anyway)."""
    await expect(page.get_by_role("button", name="Stop recording")).to_be_visible()
    await page.wait_for_timeout(seconds * 1000)
    await page.get_by_role("button", name="Stop recording").click()


async def test_candidate_completes_an_interview_with_a_retake_and_a_network_cut(
    site: Site, browser: Browser
) -> None:
    link, invitation_id, key = invitation_link(site)
    context = await browser.new_context(**DESKTOP, permissions=["camera", "microphone"])
    page = await context.new_page()
    await page.goto(link)
    await expect(page.get_by_role("heading", name="Video interview: Engineer")).to_be_visible()
    assert await axe_violations(page, site) == []
    await screenshot(page, "interview-landing-desktop")
    await page.get_by_label("I have read this notice").check()
    await page.get_by_role("button", name="Agree and continue").click()
    await expect(page.get_by_text("Camera and microphone work")).to_be_visible(timeout=15000)
    await screenshot(page, "interview-device-check-desktop")
    await page.get_by_role("button", name="Start the interview").click()

    # Practice: recorded locally only.
    await expect(page.get_by_role("heading", name="Practice question")).to_be_visible()
    await page.get_by_role("button", name="Start recording now").click()
    await record(page, 2)
    await page.get_by_role("button", name="Continue to the first question").click()

    # Question 1, with one retake.
    await expect(page.get_by_role("heading", name="Question 1 of 3")).to_be_visible()
    await page.get_by_role("button", name="Start recording now").click()
    await record(page, 3)
    await expect(page.get_by_text("Your answer is saved.")).to_be_visible(timeout=30000)
    await page.get_by_role("button", name="Record again").click()
    await page.get_by_role("button", name="Start recording now").click()
    await screenshot(page, "interview-recording-desktop")
    await record(page, 3)
    await expect(page.get_by_text("No retakes left for this question.")).to_be_visible(
        timeout=30000
    )
    await page.get_by_role("button", name="Keep this answer").click()

    # Question 2: the network drops mid-recording and comes back.
    await expect(page.get_by_role("heading", name="Question 2 of 3")).to_be_visible()
    await page.get_by_role("button", name="Start recording now").click()
    await page.wait_for_timeout(1500)
    await context.set_offline(True)
    await expect(page.get_by_text("Offline", exact=False).first).to_be_visible()
    await page.wait_for_timeout(2500)
    await context.set_offline(False)
    await record(page, 1.5)
    await expect(page.get_by_text("Your answer is saved.")).to_be_visible(timeout=30000)
    await page.get_by_role("button", name="Keep this answer").click()

    # Question 3 by keyboard only.
    await expect(page.get_by_role("heading", name="Question 3 of 3")).to_be_visible()
    await page.keyboard.press("Enter")  # "Start recording now" has the focus
    await expect(page.get_by_role("button", name="Stop recording")).to_be_focused()
    await page.wait_for_timeout(2000)
    await page.keyboard.press("Enter")
    await expect(page.get_by_text("Your answer is saved.")).to_be_visible(timeout=30000)
    await page.get_by_role("button", name="Keep this answer").focus()
    await page.keyboard.press("Enter")

    await expect(page.get_by_role("heading", name="Thank you")).to_be_visible(timeout=30000)
    await screenshot(page, "interview-done-desktop")
    with site.api(key) as admin:
        invitation = admin.get(f"/v1/invitations/{invitation_id}").json()
        attempts = admin.get(f"/v1/invitations/{invitation_id}/attempts").json()
    assert invitation["state"] == "completed"
    uploaded = [a for a in attempts["attempts"] if a["status"] == "uploaded"]
    assert len(uploaded) == 4  # three answers and one retake
    assert sum(a["selected"] for a in uploaded) == 3
    assert all(a["duration_seconds"] and a["duration_seconds"] > 1 for a in uploaded)
    await context.close()


async def test_permission_denied_gets_clear_help_on_a_phone(site: Site, browser: Browser) -> None:
    link, _, _ = invitation_link(site)
    context = await browser.new_context(**PHONE)  # no camera permission granted
    page = await context.new_page()
    await page.goto(link)
    await page.get_by_label("I have read this notice").check()
    await page.get_by_role("button", name="Agree and continue").click()
    await expect(page.get_by_role("alert")).to_contain_text("could not use your camera")
    await screenshot(page, "interview-permission-denied-phone")
    await context.close()


CAPTIONS = "WEBVTT\n\n00:00.000 --> 00:05.000\nTell us why you want this role.\n"


def captioned_invitation(site: Site, tmp_path: Path) -> tuple[str, str, str]:
    """An invitation whose first question is a recorded video prompt with WebVTT captions."""
    clip = tmp_path / "prompt.webm"
    subprocess.run(
        ["ffmpeg", "-v", "error", "-nostdin", "-y", "-f", "lavfi", "-i",
         "testsrc2=size=320x240:rate=15:duration=2", "-c:v", "libvpx", "-deadline", "realtime",
         str(clip)],
        check=True,
    )  # fmt: skip
    key = site.tenant_key()
    with site.api(key) as admin:
        upload = admin.post("/v1/question-sets/prompt-videos", json={"content_type": "video/webm"})
        put = httpx.put(upload.json()["upload_url"], content=clip.read_bytes(), trust_env=False)
        assert put.status_code == 200, put.text
        questions = {
            **QUESTIONS,
            "questions": [
                {
                    **QUESTIONS["questions"][0],
                    # Time to watch the prompt: the server starts the recording when it ends.
                    "think_seconds": 60,
                    "prompt_video_key": upload.json()["key"],
                    "prompt_captions": CAPTIONS,
                },
                *QUESTIONS["questions"][1:],
            ],
        }
        qs = admin.post("/v1/question-sets", json=questions).json()
        position = admin.post(
            "/v1/positions", json={"title": "Engineer", "question_set_id": qs["id"]}
        ).json()
        created = admin.post(
            f"/v1/positions/{position['id']}/invitations",
            json={"name": "Kim", "email": f"{unique('kim')}@example.com"},
        )
        assert created.status_code == 201, created.text
    link = created.json()["link"]
    site.wait_for_link(link.rsplit("/", 1)[1], "/v1/candidate/progress")
    return link, created.json()["id"], key


async def tab_to(page: Page, role: str, name: str) -> None:
    """Press Tab until the named control has the focus, as a keyboard user would."""
    target = page.get_by_role(role, name=name)  # type: ignore[arg-type]
    await expect(target).to_be_visible(timeout=30000)
    for _ in range(40):
        if await target.evaluate("e => e === document.activeElement"):
            return
        await page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached the {role} {name!r}")


async def test_keyboard_only_with_captions_and_a_reload_mid_answer(
    site: Site, browser: Browser, tmp_path: Path
) -> None:
    link, invitation_id, key = captioned_invitation(site, tmp_path)
    context = await browser.new_context(**DESKTOP, permissions=["camera", "microphone"])
    page = await context.new_page()
    await page.goto(link)
    await tab_to(page, "checkbox", "I have read this notice and agree to record my answers.")
    await page.keyboard.press("Space")
    await tab_to(page, "button", "Agree and continue")
    await page.keyboard.press("Enter")
    await expect(page.get_by_text("Camera and microphone work")).to_be_visible(timeout=15000)
    await tab_to(page, "button", "Start the interview")
    await page.keyboard.press("Enter")

    # Practice, by keyboard: the focus moves to the control that matters next.
    await expect(page.get_by_role("heading", name="Practice question")).to_be_visible()
    await page.keyboard.press("Enter")  # "Start recording now" has the focus
    await expect(page.get_by_role("button", name="Stop recording")).to_be_focused()
    await page.wait_for_timeout(1500)
    await page.keyboard.press("Enter")
    await tab_to(page, "button", "Continue to the first question")
    await page.keyboard.press("Enter")

    # Question 1: a video prompt, captioned.
    await expect(page.get_by_role("heading", name="Question 1 of 3")).to_be_visible()
    prompt = page.get_by_label("Video question")
    await prompt.evaluate("v => { v.muted = true; return v.play(); }")
    cue = await page.wait_for_function(
        """() => {
            const track = document.querySelector('video track');
            const cues = track && track.track.cues;
            return track && track.track.mode === 'showing' && cues && cues.length
                ? cues[0].text : null;
        }""",
        timeout=15000,
    )
    assert await cue.json_value() == "Tell us why you want this role."
    assert await axe_violations(page, site) == []
    await screenshot(page, "interview-captioned-prompt-desktop")

    # The page is reloaded mid-answer: it resumes, uploads what it kept and keeps the answer.
    await page.keyboard.press("Enter")
    await expect(page.get_by_role("button", name="Stop recording")).to_be_focused()
    await page.wait_for_timeout(3500)
    await page.reload()
    await expect(page.get_by_text("Camera and microphone work")).to_be_visible(timeout=15000)
    await tab_to(page, "button", "Start the interview")
    await page.keyboard.press("Enter")
    kept = page.get_by_text("Your answer is saved.").or_(
        page.get_by_text("were kept as your answer")
    )
    await expect(kept).to_be_visible(timeout=30000)
    await screenshot(page, "interview-resumed-after-reload-desktop")
    await tab_to(page, "button", "Keep this answer")
    await page.keyboard.press("Enter")

    for n in (2, 3):
        await expect(page.get_by_role("heading", name=f"Question {n} of 3")).to_be_visible()
        await page.keyboard.press("Enter")
        await expect(page.get_by_role("button", name="Stop recording")).to_be_focused()
        await page.wait_for_timeout(1500)
        await page.keyboard.press("Enter")
        await tab_to(page, "button", "Keep this answer")
        await page.keyboard.press("Enter")

    await expect(page.get_by_role("heading", name="Thank you")).to_be_visible(timeout=30000)
    with site.api(key) as admin:
        invitation = admin.get(f"/v1/invitations/{invitation_id}").json()
        attempts = admin.get(f"/v1/invitations/{invitation_id}/attempts").json()["attempts"]
    assert invitation["state"] == "completed"
    chosen = [a for a in attempts if a["selected"]]
    assert sorted(a["question_id"] for a in chosen) == ["q1", "q2", "q3"]
    assert all(a["status"] == "uploaded" for a in chosen)
    interrupted = next(a for a in chosen if a["question_id"] == "q1")
    assert interrupted["duration_seconds"] > 1.0, interrupted
    await context.close()


# Safari's MediaRecorder writes MP4 only. Chromium can record MP4 too (H.264 + Opus), so hiding
# its WebM support from the page takes the page, ingest and transcoding down Safari's MP4 path.
MP4_ONLY = """
const supported = MediaRecorder.isTypeSupported.bind(MediaRecorder);
MediaRecorder.isTypeSupported = (type) => !type.startsWith("video/webm") && supported(type);
"""


async def test_an_mp4_recorder_on_a_phone_answers_like_safari(site: Site, browser: Browser) -> None:
    link, invitation_id, key = invitation_link(site)
    context = await browser.new_context(**PHONE, permissions=["camera", "microphone"])
    await context.add_init_script(MP4_ONLY)
    page = await context.new_page()
    await page.goto(link)
    await expect(page.get_by_role("heading", name="Video interview: Engineer")).to_be_visible()
    await screenshot(page, "interview-landing-phone")
    await page.get_by_label("I have read this notice").check()
    await page.get_by_role("button", name="Agree and continue").click()
    await page.get_by_role("button", name="Start the interview").click()
    await expect(page.get_by_role("heading", name="Practice question")).to_be_visible()
    await page.get_by_role("button", name="Start recording now").click()
    await record(page, 1.5)
    await page.get_by_role("button", name="Continue to the first question").click()
    for n in (1, 2, 3):
        await expect(page.get_by_role("heading", name=f"Question {n} of 3")).to_be_visible()
        await page.get_by_role("button", name="Start recording now").click()
        if n == 1:
            await expect(page.get_by_role("button", name="Stop recording")).to_be_visible()
            await screenshot(page, "interview-recording-phone")
        await record(page, 2.5)
        await expect(page.get_by_text("Your answer is saved.")).to_be_visible(timeout=30000)
        await page.get_by_role("button", name="Keep this answer").click()
    await expect(page.get_by_role("heading", name="Thank you")).to_be_visible(timeout=30000)
    await screenshot(page, "interview-done-phone")
    with site.api(key) as admin:
        attempts = admin.get(f"/v1/invitations/{invitation_id}/attempts").json()["attempts"]
        chosen = [a for a in attempts if a["selected"]]
        assert [(a["status"], a["container"]) for a in chosen] == [("uploaded", "mp4")] * 3
        assert {a["video_codec"] for a in chosen} == {"h264"}, chosen
        status = site.wait_transcoded(key, chosen[0]["attempt_id"])
    assert status["status"] == "done", status
    await context.close()
