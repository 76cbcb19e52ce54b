"""Playback on the real pipeline: both browser formats transcode to valid HLS, playback URLs are
presigned, small sources are not upscaled, silence is flagged."""

from __future__ import annotations

import itertools
import re
import subprocess
import tempfile
from pathlib import Path

import httpx
import pytest
from prometheus_client import REGISTRY

from tests.ingest.flows import record, transcoded
from tests.ingest.harness import HLS_TIME, Media, question

pytestmark = pytest.mark.integration


def media_playlist(text: str) -> tuple[list[float], list[str], bool]:
    assert text.startswith("#EXTM3U")
    durations = [float(d) for d in re.findall(r"^#EXTINF:([\d.]+),", text, re.MULTILINE)]
    uris = [line for line in text.splitlines() if line and not line.startswith("#")]
    assert len(durations) == len(uris)
    return durations, uris, "#EXT-X-ENDLIST" in text


def probe_codecs(data: bytes) -> list[str]:
    with tempfile.NamedTemporaryFile(suffix=".ts") as f:
        f.write(data)
        f.flush()
        out = subprocess.run(
            [
                "ffprobe",
                "-v",
                "error",
                "-show_entries",
                "stream=codec_name",
                "-of",
                "csv=p=0",
                f.name,
            ],
            capture_output=True,
            text=True,
            check=True,
        )
    return sorted(set(out.stdout.split()))


def _seconds(stamp: str) -> float:
    hours, minutes, seconds = stamp.split(":")
    return int(hours) * 3600 + int(minutes) * 60 + float(seconds)


async def check_playable(
    client: httpx.AsyncClient, base: str, expected: list[tuple[str, str]], duration: float
) -> None:
    """The master lists the renditions; each media playlist is complete, its segments last
    HLS_TIME (the last one less), line up across renditions, and are fetchable H.264 + AAC TS."""
    playback = (await client.get(f"{base}/playback")).json()
    assert playback["master_playlist"] == "hls/master.m3u8"
    assert playback["complete"] is True
    master = await client.get(f"{base}/hls/master.m3u8")
    assert master.status_code == 200
    assert master.headers["content-type"].startswith("application/vnd.apple.mpegurl")
    variants = re.findall(r"RESOLUTION=(\d+x\d+).*\n(\S+)", master.text)
    assert [(res, uri) for res, uri in variants] == [(r, f"{n}.m3u8") for n, r in expected]
    timelines = []
    async with httpx.AsyncClient(timeout=30) as anyone:
        for name, _ in expected:
            response = await client.get(f"{base}/hls/{name}.m3u8")
            durations, uris, ended = media_playlist(response.text)
            assert ended
            assert all(abs(d - HLS_TIME) < 0.05 for d in durations[:-1]), durations
            assert 0 < durations[-1] <= HLS_TIME + 0.05
            assert abs(sum(durations) - duration) < 0.3
            timelines.append(durations)
            segment = await anyone.get(uris[0])
            assert segment.status_code == 200
            assert segment.content[0] == 0x47  # MPEG-TS sync byte
            assert probe_codecs(segment.content) in (["aac", "h264"], ["h264"])
            unsigned = await anyone.get(uris[0].split("?")[0])
            assert unsigned.status_code in (401, 403)  # media is never public
        poster = await anyone.get(playback["poster_url"])
        strip = await anyone.get(playback["thumbnails"]["url"])
    assert poster.content[:2] == b"\xff\xd8" and strip.content[:2] == b"\xff\xd8"
    # The storyboard: a cue per thumbnail, in order, covering the answer, pointing into the sprite.
    board = await client.get(f"{base}/storyboard.vtt")
    assert board.status_code == 200 and board.headers["content-type"].startswith("text/vtt")
    cues = re.findall(r"([\d:.]+) --> ([\d:.]+)\n(\S+)#xywh=(\d+),(\d+),(\d+),(\d+)", board.text)
    thumbs = playback["thumbnails"]
    assert board.text.startswith("WEBVTT") and 0 < len(cues) <= thumbs["count"]
    assert cues[0][0] == "00:00:00.000" and abs(_seconds(cues[-1][1]) - duration) < 0.3
    assert all(_seconds(a[1]) == _seconds(b[0]) for a, b in itertools.pairwise(cues))
    assert {c[2].split("?")[0] for c in cues} == {thumbs["url"].split("?")[0]}
    assert all(
        int(c[5]) == thumbs["tile_width"] and int(c[6]) == thumbs["tile_height"] for c in cues
    )
    assert all(t == timelines[0] for t in timelines)  # aligned segments across the ladder


async def test_both_browser_formats_transcode_and_play(
    media: Media, clip_files: dict[str, Path]
) -> None:
    tenant, key = await media.tenant()
    questions = [question("q1", 0, retakes=0), question("q2", 1, retakes=0)]
    _, token = await media.invitation(tenant, questions)
    async with media.client(token) as candidate:
        webm = await record(candidate, "q1", clip_files["chrome.webm"].read_bytes())
        mp4 = await record(
            candidate,
            "q2",
            clip_files["safari.mp4"].read_bytes(),
            mode="file",
            content_type="video/mp4",
        )
    assert webm["status"] == mp4["status"] == "uploaded"
    ladder = [("360p", "640x360"), ("720p", "1280x720")]
    async with media.client(key) as staff:
        for attempt in (webm, mp4):
            base = f"/v1/recordings/{attempt['attempt_id']}"
            status = await transcoded(staff, base)
            assert status["status"] == "done", status
            assert status["progress_percent"] == 100
            assert [r["name"] for r in status["renditions"]] == ["360p", "720p"]
            assert status["audio"]["has_audio"] and not status["audio"]["near_silent"]
            assert -30 < status["audio"]["mean_volume_db"] < -10
            assert status["first_playable_seconds"] is not None
            assert abs(status["duration_seconds"] - 4) < 0.2
            await check_playable(staff, base, ladder, status["duration_seconds"])
            events = await media.outbox_events(
                media.transcoding, "recording.transcoded", attempt["attempt_id"]
            )
            assert len(events) == 1
            assert events[0]["master_playlist_key"].startswith(f"tenants/{tenant}/recordings/")

    # The candidate may watch their own take; another tenant gets nothing.
    _, stranger_key = await media.tenant()
    async with media.client(token) as candidate, media.client(stranger_key) as stranger:
        own = await candidate.get(f"/v1/candidate/attempts/{webm['attempt_id']}/playback")
        foreign = await stranger.get(f"/v1/recordings/{webm['attempt_id']}/playback")
        foreign_playlist = await stranger.get(f"/v1/recordings/{webm['attempt_id']}/hls/360p.m3u8")
    assert own.status_code == 200
    assert (foreign.status_code, foreign.json()["code"]) == (404, "recording_not_found")
    assert foreign_playlist.status_code == 404

    # What the dashboards and the time-to-playable SLO read.
    def sample(name: str, **labels: str) -> float:
        return REGISTRY.get_sample_value(name, labels) or 0.0

    transcoding, ingest = media.transcoding.name, media.ingest.name
    assert sample("transcodes_total", service=transcoding, outcome="succeeded") >= 2
    assert sample("recording_time_to_playable_seconds_count", service=transcoding) >= 2
    assert sample("transcode_duration_seconds_count", service=transcoding) >= 2
    assert sample("recordings_uploaded_total", service=ingest, container="webm") >= 1
    assert sample("recordings_uploaded_total", service=ingest, container="mp4") >= 1


async def test_small_sources_are_not_upscaled_and_silence_is_flagged(
    media: Media, clip_files: dict[str, Path]
) -> None:
    tenant, key = await media.tenant()
    _, token = await media.invitation(tenant, [question("q1", 0), question("q2", 1)])
    async with media.client(token) as candidate:
        small = await record(candidate, "q1", clip_files["small.webm"].read_bytes())
        silent = await record(candidate, "q2", clip_files["silent.webm"].read_bytes())
    async with media.client(key) as staff:
        small_status = await transcoded(staff, f"/v1/recordings/{small['attempt_id']}")
        silent_status = await transcoded(staff, f"/v1/recordings/{silent['attempt_id']}")
        await check_playable(
            staff, f"/v1/recordings/{small['attempt_id']}", [("270p", "480x270")], 2.0
        )
    assert [r["name"] for r in small_status["renditions"]] == ["270p"]
    assert small_status["audio"]["silent"] is False
    assert [r["name"] for r in silent_status["renditions"]] == ["360p"]
    assert silent_status["audio"]["silent"] is True
    assert silent_status["audio"]["near_silent"] is True
