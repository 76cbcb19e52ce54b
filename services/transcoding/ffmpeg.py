"""The ffmpeg side of a transcode: probe the source, plan one decode into every output, run it with progress."""

from __future__ import annotations

import asyncio
import contextlib
import json
import math
import re
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from services.chassis.process import run as run_tool

# The ladder: name (the picture's short side) -> (video max bitrate, audio bitrate), bits/s.
LADDER: dict[int, tuple[int, int]] = {360: (800_000, 96_000), 720: (2_500_000, 128_000)}
# Renditions never exceed this frame rate: a 60 fps source is encoded at 30 fps (half the
# encoding work; a recorded answer gains nothing from more); a slower source keeps its own.
MAX_FPS = 30
THUMB_WIDTH = 160
MAX_THUMBS = 100
THUMB_COLUMNS = 10
_UNDECODABLE = re.compile(
    r"Invalid data found when processing input|could not find codec|Error while decoding|"
    r"ended prematurely|moov atom not found|no decoder",
    re.IGNORECASE,
)
_VOLUME = re.compile(r"(mean|max)_volume: (-?[\d.]+|-inf) dB")


class Undecodable(Exception):
    """ffmpeg cannot read the source: retrying will not help."""


class FfmpegFailed(Exception):
    """ffmpeg failed for a reason that may pass (resources, a killed process)."""


@dataclass(frozen=True)
class Source:
    width: int  # as displayed (rotation applied)
    height: int
    duration: float
    has_audio: bool
    fps: float = 0.0  # the video's average frame rate; 0 when the source does not say


@dataclass(frozen=True)
class PlannedRendition:
    name: str
    width: int
    height: int
    video_bitrate: int
    audio_bitrate: int

    @property
    def bandwidth(self) -> int:
        return self.video_bitrate + (self.audio_bitrate or 0)


@dataclass(frozen=True)
class Thumbs:
    interval: float
    count: int
    columns: int
    rows: int
    tile_width: int
    tile_height: int


@dataclass(frozen=True)
class Plan:
    """The one ffmpeg run: its arguments and what it will write under `out`."""

    argv: list[str]
    out: Path
    renditions: list[PlannedRendition]
    thumbs: Thumbs
    poster: Path
    thumbnails: Path

    def playlist(self, rendition: str) -> Path:
        return self.out / "hls" / rendition / "index.m3u8"


@dataclass
class Outcome:
    mean_volume_db: float | None = None
    max_volume_db: float | None = None
    stderr_tail: list[str] = field(default_factory=list)


async def probe(path: str, timeout: float = 60) -> Source:
    argv = ["ffprobe", "-v", "error", "-print_format", "json", "-show_format", "-show_streams"]
    code, out, err = await run_tool([*argv, path], timeout)
    if code != 0:
        raise Undecodable(err.strip()[-500:] or "ffprobe failed")
    data: dict[str, Any] = json.loads(out or b"{}")
    streams: list[dict[str, Any]] = data.get("streams", [])
    videos = [
        s
        for s in streams
        if s.get("codec_type") == "video" and not s.get("disposition", {}).get("attached_pic")
    ]
    if not videos:
        raise Undecodable("no video stream")
    video = videos[0]
    width, height = int(video.get("width") or 0), int(video.get("height") or 0)
    if abs(_rotation(video)) in (90, 270):
        width, height = height, width
    duration = _float(data.get("format", {}).get("duration")) or _float(video.get("duration"))
    return Source(
        width=width,
        height=height,
        duration=duration or 0.0,
        has_audio=any(s.get("codec_type") == "audio" for s in streams),
        fps=_rate(video.get("avg_frame_rate")) or _rate(video.get("r_frame_rate")),
    )


def _rate(value: Any) -> float:
    """ffprobe's "num/den" frame rate; 0 for "0/0" or nothing."""
    num, _, den = str(value or "").partition("/")
    try:
        return float(num) / float(den or 1)
    except (ValueError, ZeroDivisionError):
        return 0.0


def _rotation(stream: dict[str, Any]) -> int:
    for side in stream.get("side_data_list", []):
        if "rotation" in side:
            return int(side["rotation"])
    return int(stream.get("tags", {}).get("rotate", 0) or 0)


def _float(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _even(value: float) -> int:
    return max(2, int(value) // 2 * 2)


def ladder(source: Source) -> list[PlannedRendition]:
    """360p and 720p by the picture's short side, never upscaling: a smaller source gets one
    rendition at its own size."""
    short, long_ = min(source.width, source.height), max(source.width, source.height)
    steps = [s for s in sorted(LADDER) if s <= short] or [_even(short)]
    renditions = []
    for step in steps:
        other = _even(long_ * step / short) if short else step
        width, height = (other, step) if source.width >= source.height else (step, other)
        video, audio = LADDER.get(step, LADDER[min(LADDER)])
        renditions.append(
            PlannedRendition(f"{step}p", width, height, video, audio if source.has_audio else 0)
        )
    return renditions


def thumbs_for(source: Source) -> Thumbs:
    duration = max(source.duration, 1.0)
    interval = max(1.0, math.ceil(duration / MAX_THUMBS * 10) / 10)
    count = min(MAX_THUMBS, math.floor(duration / interval) + 1)
    columns = min(THUMB_COLUMNS, count)
    rows = math.ceil(count / columns)
    height = _even(THUMB_WIDTH * source.height / source.width) if source.width else 90
    return Thumbs(interval, count, columns, rows, THUMB_WIDTH, height)


def plan(
    source_path: str, source: Source, out: Path, *, hls_time: int, preset: str, threads: int = 0
) -> Plan:
    """One decode, capped at MAX_FPS and split into every output: an HLS rendition per ladder
    step (key frames forced every `hls_time` seconds in each, so segments align), a poster, a
    thumbnail sprite, and `volumedetect` on the audio on its way to the encoders."""
    renditions = ladder(source)
    thumbs = thumbs_for(source)
    poster, thumbnails = out / "poster.jpg", out / "thumbnails.jpg"
    n = len(renditions)
    poster_at = min(1.0, source.duration / 2)
    # A faster source is cut to MAX_FPS once, before the split, so every output does less work.
    capped = f"fps={MAX_FPS}," if source.fps > MAX_FPS + 0.5 else ""
    graph = [f"[0:v]{capped}split={n + 2}" + "".join(f"[s{i}]" for i in range(n + 2))]
    for i, r in enumerate(renditions):
        graph.append(f"[s{i}]scale={r.width}:{r.height}:flags=bicubic,setsar=1[v{i}]")
    graph.append(f"[s{n}]select='gte(t\\,{poster_at:.3f})',scale=-2:'min(720\\,ih)'[poster]")
    graph.append(
        f"[s{n + 1}]fps=1/{thumbs.interval},scale={thumbs.tile_width}:{thumbs.tile_height},"
        f"tile={thumbs.columns}x{thumbs.rows}[thumbs]"
    )
    if source.has_audio:
        graph.append("[0:a]volumedetect,asplit=" + str(n) + "".join(f"[a{i}]" for i in range(n)))
    argv = ["ffmpeg", "-hide_banner", "-nostdin", "-y", "-threads", str(threads)]
    argv += ["-i", source_path, "-filter_complex", ";".join(graph)]
    keyframes = f"expr:gte(t,n_forced*{hls_time})"
    for i, r in enumerate(renditions):
        folder = out / "hls" / r.name
        folder.mkdir(parents=True, exist_ok=True)
        argv += ["-map", f"[v{i}]"]
        if source.has_audio:
            argv += ["-map", f"[a{i}]", "-c:a", "aac", "-b:a", str(r.audio_bitrate), "-ac", "2"]
        argv += [
            "-c:v", "libx264", "-preset", preset, "-crf", "23", "-profile:v", "high",
            "-pix_fmt", "yuv420p", "-maxrate", str(r.video_bitrate),
            "-bufsize", str(2 * r.video_bitrate), "-force_key_frames", keyframes,
            "-sc_threshold", "0", "-f", "hls", "-hls_time", str(hls_time),
            "-hls_playlist_type", "event", "-hls_flags", "independent_segments+temp_file",
            "-hls_segment_filename", str(folder / "seg_%05d.ts"), str(folder / "index.m3u8"),
        ]  # fmt: skip
    argv += ["-map", "[poster]", "-frames:v", "1", "-q:v", "3", str(poster)]
    argv += ["-map", "[thumbs]", "-frames:v", "1", "-q:v", "5", str(thumbnails)]
    argv += ["-progress", "pipe:1", "-nostats"]
    return Plan(argv, out, renditions, thumbs, poster, thumbnails)


async def run(
    argv: list[str], on_progress: Callable[[float], Awaitable[None]] | None = None
) -> Outcome:
    """Run ffmpeg as a child process (never on the event loop); `on_progress` gets the seconds
    of output written so far. Cancelling kills the process."""
    process = await asyncio.create_subprocess_exec(
        *argv,
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    tail: deque[str] = deque(maxlen=200)
    outcome = Outcome()

    async def read_stderr() -> None:
        assert process.stderr is not None
        async for raw in process.stderr:
            line = raw.decode(errors="replace").rstrip()
            tail.append(line)
            match = _VOLUME.search(line)
            if match:
                value = -math.inf if match[2] == "-inf" else float(match[2])
                if match[1] == "mean":
                    outcome.mean_volume_db = value
                else:
                    outcome.max_volume_db = value

    errors = asyncio.create_task(read_stderr())
    try:
        async for raw in process.stdout:
            key, _, value = raw.decode(errors="replace").strip().partition("=")
            if key == "out_time_us" and value.isdigit() and on_progress is not None:
                await on_progress(int(value) / 1e6)
        await errors
        code = await process.wait()
    except BaseException:
        with contextlib.suppress(ProcessLookupError):
            process.kill()
        await process.wait()
        errors.cancel()
        raise
    outcome.stderr_tail = list(tail)
    if code != 0:
        text = "\n".join(outcome.stderr_tail[-20:])
        if _UNDECODABLE.search(text):
            raise Undecodable(text[-500:])
        raise FfmpegFailed(f"ffmpeg exited with {code}: {text[-500:]}")
    return outcome


def master_playlist(renditions: list[PlannedRendition], has_audio: bool) -> str:
    codecs = "avc1.640028" + (",mp4a.40.2" if has_audio else "")
    lines = ["#EXTM3U", "#EXT-X-VERSION:3", "#EXT-X-INDEPENDENT-SEGMENTS"]
    for r in renditions:
        lines.append(
            f"#EXT-X-STREAM-INF:BANDWIDTH={r.bandwidth},RESOLUTION={r.width}x{r.height},"
            f'CODECS="{codecs}"'
        )
        lines.append(f"{r.name}.m3u8")
    return "\n".join(lines) + "\n"


def playlist_segments(text: str) -> list[str]:
    """The segment URIs of a media playlist, in order."""
    return [line.strip() for line in text.splitlines() if line.strip() and line[0] != "#"]
