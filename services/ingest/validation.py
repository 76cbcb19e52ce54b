"""Media validation with ffprobe, a demux pass and a sample decode: allow-listed containers and
codecs, a video stream, duration, size, integrity; and salvage of an interrupted recording.

The whole file is read packet by packet (`-c copy`, no decoding: about 0.1 s for a minute of
720p), which measures the duration of recordings that declare none and finds a truncated file;
only the first seconds are decoded, to prove the codecs really decode. The one full decode is
the transcoder's (see docs/adr/0011-resumable-upload.md)."""

from __future__ import annotations

import json
import logging
import os
import re
from dataclasses import dataclass, replace
from typing import Any

from services.chassis.process import run as run_tool

log = logging.getLogger(__name__)

# What browsers and phones really record (see docs/adr/0011-resumable-upload.md).
ALLOWED: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    # Chrome, Edge and Firefox MediaRecorder.
    "webm": (frozenset({"vp8", "vp9", "av1"}), frozenset({"opus", "vorbis"})),
    # Safari MediaRecorder, Chromium's MP4 recording, phone camera apps (H.264 or HEVC).
    "mp4": (frozenset({"h264", "hevc", "vp9", "av1"}), frozenset({"aac", "opus", "mp3"})),
}
_IMAGE_FORMATS = re.compile(r"(_pipe$|^image2$|^gif$|^apng$)")
_TRUNCATION = re.compile(
    r"ended prematurely|partial file|moov atom not found|premature end", re.IGNORECASE
)


class Rejected(Exception):
    """The media is refused: `reason` is a stable code, `message` a sentence for the candidate."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(f"{reason}: {message}")
        self.reason = reason
        self.message = message


@dataclass(frozen=True)
class Limits:
    max_bytes: int
    max_seconds: float
    timeout_seconds: float


@dataclass(frozen=True)
class MediaInfo:
    container: str
    video_codec: str
    audio_codec: str | None
    width: int
    height: int
    duration_seconds: float
    salvaged: bool = False


SAMPLE_SECONDS = 2.0
MIN_SALVAGE_SECONDS = 1.0


async def validate(path: str, size: int, limits: Limits) -> MediaInfo:
    """Inspect the file at `path` (of `size` bytes); raise `Rejected` with the first reason found."""
    if size == 0:
        raise Rejected("empty", "The recording is empty: nothing was received.")
    if size > limits.max_bytes:
        raise Rejected(
            "too_large",
            f"The recording is {size / 1e6:.0f} MB; the limit is {limits.max_bytes / 1e6:.0f} MB.",
        )
    probe = await _probe(path, limits.timeout_seconds)
    info = _classify(probe)
    read = await _demux(path, info, limits.timeout_seconds)
    declared = _float(probe.get("format", {}).get("duration"))
    if declared is not None and read + 1.0 < declared:
        raise Rejected(
            "truncated",
            f"The recording stops at {read:.1f} s of its {declared:.1f} s: "
            "the upload did not finish.",
        )
    await _decode_sample(path, info, limits.timeout_seconds)
    duration = max(read, declared or 0.0) if declared is not None else read
    if duration > limits.max_seconds:
        raise Rejected(
            "too_long",
            f"The recording lasts {duration:.0f} s; this question allows "
            f"{limits.max_seconds:.0f} s.",
        )
    return MediaInfo(
        container=info.container,
        video_codec=info.video_codec,
        audio_codec=info.audio_codec,
        width=info.width,
        height=info.height,
        duration_seconds=round(duration, 3),
    )


async def _probe(path: str, timeout: float) -> dict[str, Any]:
    argv = ["ffprobe", "-v", "error", "-print_format", "json", "-show_format", "-show_streams"]
    try:
        code, out, err = await run_tool([*argv, path], timeout)
    except TimeoutError:
        raise Rejected("unreadable", "The file could not be read in time.") from None
    if code != 0:
        if _TRUNCATION.search(err):
            raise Rejected("truncated", "The recording is incomplete: the upload did not finish.")
        raise Rejected("unreadable", "This file is not a video recording we can read.")
    data: dict[str, Any] = json.loads(out or "{}")
    return data


def _classify(probe: dict[str, Any]) -> MediaInfo:
    format_name = str(probe.get("format", {}).get("format_name", ""))
    streams: list[dict[str, Any]] = probe.get("streams", [])
    videos = [
        s
        for s in streams
        if s.get("codec_type") == "video" and not s.get("disposition", {}).get("attached_pic")
    ]
    audios = [s for s in streams if s.get("codec_type") == "audio"]
    if _IMAGE_FORMATS.search(format_name):
        raise Rejected("no_video", "This is a still image, not a video recording.")
    if "webm" in format_name.split(","):
        container = "webm"
    elif format_name.startswith("mov,mp4"):
        container = "mp4"
    else:
        raise Rejected(
            "unsupported_container",
            f"Recordings must be WebM or MP4; this file is {format_name or 'unknown'}.",
        )
    if not videos:
        raise Rejected("no_video", "The recording has sound but no picture: is the camera on?")
    video, audio = videos[0], (audios[0] if audios else None)
    video_codecs, audio_codecs = ALLOWED[container]
    video_codec = str(video.get("codec_name", "unknown"))
    if video_codec not in video_codecs:
        raise Rejected(
            "unsupported_codec", f"The video codec {video_codec} is not supported in {container}."
        )
    audio_codec = str(audio.get("codec_name", "unknown")) if audio else None
    if audio_codec is not None and audio_codec not in audio_codecs:
        raise Rejected(
            "unsupported_codec", f"The audio codec {audio_codec} is not supported in {container}."
        )
    return MediaInfo(
        container=container,
        video_codec=video_codec,
        audio_codec=audio_codec,
        width=int(video.get("width") or 0),
        height=int(video.get("height") or 0),
        duration_seconds=0.0,
    )


def _maps(info: MediaInfo) -> list[str]:
    return ["-map", "0:v:0", *(["-map", "0:a:0"] if info.audio_codec else [])]


async def _demux(path: str, info: MediaInfo, timeout: float) -> float:
    """Read every packet without decoding; the duration read, or `Rejected` if the file ends
    mid-cluster or mid-fragment (recorded WebM declares no duration, so this also measures it)."""
    argv = ["ffmpeg", "-nostdin", "-v", "error", "-i", path, *_maps(info), "-c", "copy"]
    argv += ["-f", "null", "-", "-progress", "pipe:1", "-nostats"]
    try:
        code, out, err = await run_tool(argv, timeout)
    except TimeoutError:
        raise Rejected("unreadable", "The file could not be read in time.") from None
    if _TRUNCATION.search(err):
        raise Rejected("truncated", "The recording is incomplete: the upload did not finish.")
    if code != 0:
        log.info("demux failed", extra={"error": err[-500:]})
        raise Rejected("corrupt", "The recording is damaged and cannot be played.")
    times = [int(v) for v in re.findall(r"^out_time_us=(\d+)$", out, re.MULTILINE)]
    return max(times, default=0) / 1e6


async def _decode_sample(path: str, info: MediaInfo, timeout: float) -> None:
    """Decode the first seconds: the streams are what they claim to be."""
    argv = ["ffmpeg", "-nostdin", "-v", "error", "-i", path, *_maps(info)]
    argv += ["-t", str(SAMPLE_SECONDS), "-f", "null", "-"]
    try:
        code, _, err = await run_tool(argv, timeout)
    except TimeoutError:
        raise Rejected("corrupt", "The recording could not be decoded in time.") from None
    if code != 0:
        log.info("sample decode failed", extra={"error": err[-500:]})
        raise Rejected("corrupt", "The recording is damaged and cannot be played.")


async def salvage(path: str, out: str, limits: Limits) -> MediaInfo:
    """Keep what an interrupted recording holds: remux its whole clusters (WebM) or fragments
    (MP4) into `out` without re-encoding, then validate that. A page reloaded mid-answer loses
    the recorder's last, partial cluster; everything before it is a good answer."""
    info = _classify(await _probe(path, limits.timeout_seconds))
    muxer = ["-f", "webm"] if info.container == "webm" else ["-f", "mp4", "-movflags", "+faststart"]
    argv = ["ffmpeg", "-nostdin", "-v", "error", "-y", "-i", path, *_maps(info), "-c", "copy"]
    try:
        code, _, err = await run_tool([*argv, *muxer, out], limits.timeout_seconds)
    except TimeoutError:
        raise Rejected("truncated", "The recording is incomplete and could not be kept.") from None
    if code != 0 or file_size(out) == 0:
        log.info("salvage failed", extra={"error": err[-500:]})
        raise Rejected("truncated", "The recording is incomplete and could not be kept.")
    kept = await validate(out, file_size(out), limits)
    if kept.duration_seconds < MIN_SALVAGE_SECONDS:
        raise Rejected("truncated", "The recording was interrupted before anything was kept.")
    return replace(kept, salvaged=True)


def file_size(path: str) -> int:
    """The size of a local scratch file (a stat; 0 when it does not exist)."""
    try:
        return os.stat(path).st_size
    except FileNotFoundError:
        return 0


def _float(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None
