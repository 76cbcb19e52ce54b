"""A recorded live call through real Janus: the candidate consents to the notice first, two
participants publish video and a voice of their own (sine tones of 440 Hz and 1,000 Hz) for two
minutes, Janus records their tracks, and after the room closes the recordings job composes one
MP4 with janus-pp-rec and ffmpeg, stores it under the tenant and writes `room.recording_stored`.
The file is checked with ffprobe (H.264 and AAC, both tiles, duration within 2 s of the call) and
both voices are measured in its audio; the candidate's erasure deletes it."""

from __future__ import annotations

import asyncio
import json
import re
import subprocess
import time
from datetime import timedelta
from pathlib import Path

from services.live import recordings
from tests.live.harness import T0, Harness
from tests.live.participant import Participant, pin_host_address
from tests.support import eventually

CALL_SECONDS = 120  # a two-minute call
TONES = (440, 1000)


def _volume(path: Path, audio_filter: str) -> float:
    """The mean volume (dB) of the file's audio through `audio_filter`."""
    out = subprocess.run(
        [
            "ffmpeg",
            "-hide_banner",
            "-nostats",
            "-i",
            str(path),
            "-af",
            audio_filter,
            "-vn",
            "-f",
            "null",
            "-",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stderr
    found = re.search(r"mean_volume: (-?[\d.]+|-inf) dB", out)
    assert found, out[-500:]
    return float(found.group(1))


def _band(path: Path, hertz: int) -> float:
    return _volume(path, f"bandpass=f={hertz}:width_type=h:w=60,volumedetect")


async def test_consent_then_a_recorded_call_is_stored_as_one_file_with_both_voices(
    h: Harness, tmp_path: Path
) -> None:
    pin_host_address(h.ns.outside)
    booking = await h.book(h.clock.now + timedelta(minutes=5), recording=True)
    plain = await h.book(h.clock.now + timedelta(minutes=5))
    await h.sweep()
    me = h.candidate(booking.tenant, booking.request_id)
    interviewer = h.staff(booking.tenant, booking.user_ids[0])
    path = f"/live/rooms/{booking.booking_id}"

    # The notice comes first: no lobby without consent, and consent names the notice read.
    room = (await h.call("GET", "/candidate/live/room", me)).json()
    assert room["recording"] is True and room["recording_consented"] is False
    assert room["recording_notice"]["version"] == recordings.NOTICE_VERSION
    refused = await h.call("POST", "/candidate/live/lobby", me)
    assert refused.status_code == 409
    assert refused.json()["code"] == "recording_consent_required"
    outdated = await h.call(
        "POST", "/candidate/live/recording-consent", me, json={"notice_version": "2020-01-01"}
    )
    assert (outdated.status_code, outdated.json()["code"]) == (409, "notice_outdated")
    unrecorded = await h.call(
        "POST",
        "/candidate/live/recording-consent",
        h.candidate(plain.tenant, plain.request_id),
        json={"notice_version": recordings.NOTICE_VERSION},
    )
    assert (unrecorded.status_code, unrecorded.json()["code"]) == (409, "not_recorded")
    ok = await h.call(
        "POST",
        "/candidate/live/recording-consent",
        me,
        json={"notice_version": recordings.NOTICE_VERSION},
    )
    assert ok.status_code == 204
    stored_consent = (await h.room(booking) or {}).get("recording_consent")
    assert stored_consent and stored_consent["notice_version"] == recordings.NOTICE_VERSION
    assert (await h.call("POST", "/candidate/live/lobby", me)).status_code == 200
    assert (await h.call("POST", f"{path}/admit", interviewer)).status_code == 200
    staff_view = (await h.call("GET", path, interviewer)).json()
    assert staff_view["recording"] is True and staff_view["recording_state"] is None

    joins = [
        (await h.call("POST", f"{path}/join", interviewer)).json(),
        (await h.call("POST", "/candidate/live/join", me)).json(),
    ]
    people = [
        Participant(j["janus_url"], j["token"], j["room"], j["display"], tone=tone)
        for j, tone in zip(joins, TONES, strict=True)
    ]
    try:
        for p in people:
            await p.connect()
            await p.publish()
        began = time.monotonic()
        a, b = people
        await b.subscribe(a.publisher_id)
        await a.subscribe(b.publisher_id)

        async def flowing() -> bool:
            return all(p.frames.get(q.publisher_id, 0) > 10 for p, q in ((a, b), (b, a)))

        await eventually(flowing, timeout=20, what="video both ways")
        await asyncio.sleep(max(0.0, CALL_SECONDS - (time.monotonic() - began)))
    finally:
        for p in people:
            await p.close()
    call = time.monotonic() - began

    # The room closes (its end and grace pass); the job composes and stores the call.
    h.clock.now = booking.end + timedelta(minutes=16)
    try:
        await h.sweep()
        closed = await h.until(booking, "the room closed", status="closed")
        assert closed.get("recording_state") == "pending"
        began_compose = time.monotonic()
        job = h.service.app.state.jobs["recordings"]
        while await job.run_once():  # other tests' recorded rooms closed with this one
            if (await h.room(booking) or {}).get("recording_state") != "pending":
                break
        print(
            f"\ncomposed and stored a {call:.1f} s call in {time.monotonic() - began_compose:.2f} s"
        )
        done = await h.room(booking)
        assert done is not None and done.get("recording_state") == "stored"
        (event,) = await h.events(booking, "room.recording_stored")
        payload = json.loads(event["body"])
        assert payload["booking_id"] == booking.booking_id
        assert payload["invitation_id"] == booking.invitation_id
        assert payload["participants"] == 2
        assert payload["object_key"].startswith(f"tenants/{booking.tenant}/live/")
        assert abs(payload["duration_seconds"] - call) <= 2, (payload["duration_seconds"], call)
        # The tracks are gone from the shared folder.
        where = recordings.folder(h.service.app.state.live, booking.tenant, booking.booking_id)
        assert where is not None and not where.exists()

        store = h.service.storage
        assert store is not None
        local = tmp_path / "call.mp4"
        await store.download_file(payload["object_key"], str(local))
        probe = json.loads(
            subprocess.run(  # noqa: ASYNC221 - a short probe of a local file
                [
                    "ffprobe",
                    "-v",
                    "error",
                    "-show_streams",
                    "-show_format",
                    "-of",
                    "json",
                    str(local),
                ],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        )
        streams = {s["codec_type"]: s for s in probe["streams"]}
        assert streams["video"]["codec_name"] == "h264"
        assert (streams["video"]["width"], streams["video"]["height"]) == (1280, 360)
        assert streams["audio"]["codec_name"] == "aac"
        assert abs(float(probe["format"]["duration"]) - call) <= 2
        # Both voices are in the mix, each far above a band neither of them uses.
        quiet = _band(local, 2500)
        for tone in TONES:
            level = _band(local, tone)
            print(f"voice at {tone} Hz: {level:.1f} dB (an unused band: {quiet:.1f} dB)")
            assert level > -40 and level > quiet + 20

        # Erasing the candidate deletes the stored call.
        await h.erase(booking)
        await h.until(booking, "the recording erased", recording_state="erased")
        prefix = f"tenants/{booking.tenant}/live/{booking.booking_id}/"

        async def gone() -> bool:
            return not await store.list_prefix(prefix)

        await eventually(gone, what="the stored call deleted")
    finally:
        h.clock.now = T0
