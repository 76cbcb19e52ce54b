"""Test media made with ffmpeg at test time (none is committed): browser-like recordings and a bad-media corpus."""

from __future__ import annotations

import os
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

LAVFI_VIDEO = "testsrc2=size={size}:rate=30:duration={seconds}"
LAVFI_TONE = "sine=frequency=440:duration={seconds}"
LAVFI_SILENCE = "anullsrc=r=48000:cl=mono"


def _av(size: str, seconds: float, audio: str = LAVFI_TONE) -> list[str]:
    return [
        "-f", "lavfi", "-i", LAVFI_VIDEO.format(size=size, seconds=seconds),
        "-f", "lavfi", "-i", audio.format(seconds=seconds),
        "-t", str(seconds),
    ]  # fmt: skip


WEBM = ["-c:v", "libvpx", "-deadline", "realtime", "-cpu-used", "8", "-b:v", "1M"]
WEBM_AUDIO = ["-c:a", "libopus", "-b:a", "64k"]
MP4 = ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac"]

RECIPES: dict[str, list[str]] = {
    # Chrome/Firefox MediaRecorder: WebM VP8 + Opus.
    "chrome.webm": [*_av("1280x720", 4), *WEBM, *WEBM_AUDIO],
    # Safari: MP4 H.264 + AAC.
    "safari.mp4": [*_av("1280x720", 4), *MP4, "-movflags", "+faststart"],
    # A phone's camera file, big enough for several 5 MiB parts (constant 24 Mbit/s).
    "phone.mp4": [
        *_av("1280x720", 4),
        *MP4,
        "-b:v",
        "24M",
        "-minrate",
        "24M",
        "-maxrate",
        "24M",
        "-bufsize",
        "2M",
        "-x264-params",
        "nal-hrd=cbr",
    ],
    # What MediaRecorder really writes: WebM with no duration and no cues (a live stream) ...
    "recorded.webm": [*_av("640x360", 6), *WEBM, *WEBM_AUDIO, "-f", "webm", "-live", "1"],
    # ... and Safari's fragmented MP4.
    "recorded.mp4": [
        *_av("640x360", 6),
        *MP4,
        "-g",
        "30",
        "-movflags",
        "+frag_keyframe+empty_moov",
    ],
    "small.webm": [*_av("480x270", 2), *WEBM, *WEBM_AUDIO],
    "silent.webm": [*_av("640x360", 3, LAVFI_SILENCE), *WEBM, *WEBM_AUDIO],
    "long.webm": [*_av("320x240", 10), *WEBM, *WEBM_AUDIO],
    "crash.webm": [*_av("1280x720", 8), *WEBM, *WEBM_AUDIO],
    "audio_only.webm": ["-f", "lavfi", "-i", LAVFI_TONE.format(seconds=2), *WEBM_AUDIO],
    "image.png": [
        "-f",
        "lavfi",
        "-i",
        LAVFI_VIDEO.format(size="320x240", seconds=1),
        "-frames:v",
        "1",
    ],
    "mpeg.ts": [*_av("320x240", 2), "-c:v", "mpeg2video", "-c:a", "mp2", "-f", "mpegts"],
}


def _cut(path: Path, fraction: float) -> bytes:
    data = path.read_bytes()
    return data[: int(len(data) * fraction)]


def make(folder: Path) -> dict[str, Path]:
    """Every clip of RECIPES plus the derived corpus files, generated in parallel."""
    folder.mkdir(parents=True, exist_ok=True)

    def one(name: str) -> None:
        argv = ["ffmpeg", "-v", "error", "-nostdin", "-y", *RECIPES[name], str(folder / name)]
        done = subprocess.run(argv, capture_output=True, timeout=120)
        assert done.returncode == 0, f"{name}: {done.stderr.decode()}"

    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        list(pool.map(one, RECIPES))
    files = {name: folder / name for name in RECIPES}
    chrome = files["chrome.webm"].read_bytes()
    derived = {
        "empty.webm": b"",
        "random.webm": os.urandom(64 * 1024),
        "truncated.webm": chrome[: len(chrome) * 6 // 10],
        # A page reloaded mid-answer: the recorder's last cluster (fragment) never arrived.
        "interrupted.webm": _cut(files["recorded.webm"], 0.7),
        "interrupted.mp4": _cut(files["recorded.mp4"], 0.7),
        "mp4_named.webm": files["safari.mp4"].read_bytes(),
        "ts_named.webm": files["mpeg.ts"].read_bytes(),
    }
    for name, data in derived.items():
        (folder / name).write_bytes(data)
        files[name] = folder / name
    return files
