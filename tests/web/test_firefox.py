"""The candidate's interview in Firefox: the page records WebM with Firefox's MediaRecorder and the
answers go through ingest and transcoding (the browser is driven by tests/web/firefox/)."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from tests.web.conftest import SCREENS, Site
from tests.web.test_interview import invitation_link

pytestmark = pytest.mark.e2e
SCRIPT = Path(__file__).parent / "firefox" / "interview.mjs"


async def test_candidate_completes_an_interview_in_firefox(site: Site) -> None:
    link, invitation_id, key = invitation_link(site)
    SCREENS.mkdir(parents=True, exist_ok=True)
    node = await asyncio.create_subprocess_exec(
        "node",
        str(SCRIPT),
        link,
        str(SCREENS),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        out, err = await asyncio.wait_for(node.communicate(), timeout=300)
    except TimeoutError:
        node.kill()
        raise
    assert node.returncode == 0, err.decode()[-3000:]
    seen = json.loads(out.decode().strip().splitlines()[-1])
    assert "Firefox/" in seen["userAgent"] and seen["webm"]

    with site.api(key) as admin:
        invitation = admin.get(f"/v1/invitations/{invitation_id}").json()
        attempts = admin.get(f"/v1/invitations/{invitation_id}/attempts").json()["attempts"]
        chosen = [a for a in attempts if a["selected"]]
        assert invitation["state"] == "completed"
        assert [(a["status"], a["container"]) for a in chosen] == [("uploaded", "webm")] * 3
        assert all(a["duration_seconds"] > 1 for a in chosen)
        status = site.wait_transcoded(key, chosen[0]["attempt_id"])
    assert status["status"] == "done", status
