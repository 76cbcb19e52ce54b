"""Test answers made at test time: espeak-ng speech (or silence, or a tone) muxed as a browser
records (WebM: VP8 and Opus), then cut into an HLS rendition with AAC audio as transcoding does."""

from __future__ import annotations

import json
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

FFMPEG = ["ffmpeg", "-hide_banner", "-nostdin", "-y", "-loglevel", "error"]


@dataclass(frozen=True)
class Answer:
    webm: Path
    hls: Path  # folder with index.m3u8 and seg_NNNNN.ts
    duration: float
    text: str


def _run(argv: list[str]) -> None:
    subprocess.run(argv, check=True, capture_output=True, timeout=120)


def duration(path: Path) -> float:
    out = subprocess.run(
        ["ffprobe", "-v", "error", "-print_format", "json", "-show_format", str(path)],
        check=True,
        capture_output=True,
    ).stdout
    return float(json.loads(out)["format"]["duration"])


def answer(
    folder: Path, name: str, *, text: str = "", tone: bool = False, seconds: float = 3
) -> Answer:
    """Speech of `text` (espeak-ng), or `seconds` of a 440 Hz tone, or of silence."""
    folder.mkdir(parents=True, exist_ok=True)
    wav = folder / f"{name}.wav"
    if text:
        _run(["espeak-ng", "-v", "en-us", "-w", str(wav), text])
    else:
        source = f"sine=frequency=440:duration={seconds}" if tone else "anullsrc=r=48000:cl=mono"
        _run([*FFMPEG, "-f", "lavfi", "-i", source, "-t", str(seconds), str(wav)])
    webm = folder / f"{name}.webm"
    _run(
        [*FFMPEG, "-f", "lavfi", "-i", "color=c=gray:s=160x120:r=15", "-i", str(wav), "-shortest",
         "-c:v", "libvpx", "-deadline", "realtime", "-b:v", "100k",
         "-c:a", "libopus", "-b:a", "32k", "-ar", "48000", str(webm)]
    )  # fmt: skip
    hls = folder / f"{name}-hls"
    hls.mkdir(exist_ok=True)
    _run(
        [*FFMPEG, "-i", str(webm), "-c:v", "libx264", "-preset", "ultrafast",
         "-c:a", "aac", "-b:a", "96k", "-ac", "2", "-f", "hls", "-hls_time", "4",
         "-hls_playlist_type", "vod", "-hls_segment_filename", str(hls / "seg_%05d.ts"),
         str(hls / "index.m3u8")]
    )  # fmt: skip
    return Answer(webm, hls, duration(webm), text)


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower())


def word_error_rate(reference: str, hypothesis: str) -> float:
    """Levenshtein distance over words, divided by the reference's length."""
    ref, hyp = words(reference), words(hypothesis)
    previous = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, start=1):
        current = [i]
        for j, h in enumerate(hyp, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (r != h)))
        previous = current
    return previous[-1] / max(1, len(ref))
