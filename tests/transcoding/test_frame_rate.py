"""The ladder caps the frame rate at 30 fps: real ffmpeg on generated clips, read back by ffprobe."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from services.transcoding import ffmpeg

SECONDS = 2


def _clip(path: Path, rate: int) -> None:
    subprocess.run(
        [
            "ffmpeg", "-v", "error", "-y", "-nostdin",
            "-f", "lavfi", "-i", f"testsrc2=size=640x360:rate={rate}:duration={SECONDS}",
            "-f", "lavfi", "-i", f"sine=frequency=440:duration={SECONDS}",
            "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-shortest", str(path),
        ],
        check=True,
    )  # fmt: skip


def _video(playlist: Path) -> dict[str, str]:
    """The rendition's video stream as ffprobe reads it, with its frames counted."""
    out = subprocess.run(
        [
            "ffprobe", "-v", "error", "-select_streams", "v:0", "-count_frames",
            "-show_entries", "stream=avg_frame_rate,r_frame_rate,nb_read_frames",
            "-print_format", "json", str(playlist),
        ],
        check=True,
        capture_output=True,
    ).stdout  # fmt: skip
    stream: dict[str, str] = json.loads(out)["streams"][0]
    return stream


@pytest.mark.parametrize(("rate", "expected"), [(60, 30), (25, 25)])
async def test_renditions_are_capped_at_30_fps(tmp_path: Path, rate: int, expected: int) -> None:
    clip = tmp_path / f"answer-{rate}.mp4"
    _clip(clip, rate)
    source = await ffmpeg.probe(str(clip))
    assert source.fps == rate

    plan = ffmpeg.plan(str(clip), source, tmp_path / "out", hls_time=1, preset="ultrafast")
    await ffmpeg.run(plan.argv)

    [rendition] = plan.renditions
    video = _video(plan.playlist(rendition.name))
    assert video["r_frame_rate"] == f"{expected}/1"
    assert int(video["nb_read_frames"]) == expected * SECONDS
    assert plan.poster.stat().st_size > 0 and plan.thumbnails.stat().st_size > 0
