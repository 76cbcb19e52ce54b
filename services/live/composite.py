"""One playable file from a room's recording: Janus writes each participant's audio and video as
`.mjr` files (RTP packets as they arrived); `janus-pp-rec` turns each into a media file (VP8 to
WebM, Opus to .opus) and ffmpeg composes them: every participant's video side by side in a grid,
each starting at its own offset from the call's first track, their voices mixed without
normalisation (so no voice is quietened), H.264 and AAC in MP4 for the transcoding pipeline.

A track's start is the time its `.mjr` header says the first packet was written (`u`,
microseconds); the files of one participant share the name before `-audio-`/`-video-`."""

from __future__ import annotations

import asyncio
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

TILE_WIDTH, TILE_HEIGHT, FPS = 640, 360, 15
_TRACK = re.compile(r"^(?P<who>.+)-(?P<kind>audio|video)-\d+\.mjr$")


class CompositeError(Exception):
    """A tool failed on the recording (its last output lines are the message)."""


@dataclass(frozen=True)
class Track:
    path: Path
    participant: str
    kind: Literal["audio", "video"]
    started: float  # Unix seconds of the first packet


@dataclass(frozen=True)
class Composite:
    path: Path
    participants: int
    started: float  # Unix seconds of the call's first packet
    duration: float  # seconds, as ffprobe reads the output


async def _run(*argv: str) -> bytes:
    proc = await asyncio.create_subprocess_exec(
        *argv, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE
    )
    out, err = await proc.communicate()
    if proc.returncode != 0:
        tail = b"\n".join(err.strip().splitlines()[-3:]).decode(errors="replace")
        raise CompositeError(f"{Path(argv[0]).name} exited {proc.returncode}: {tail}")
    return out


def _listing(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.mjr") if p.stat().st_size > 0)


async def tracks(folder: Path) -> list[Track]:
    """The folder's tracks with a header Janus finished writing (one with no packet is left out)."""
    found = []
    for path in await asyncio.to_thread(_listing, folder):
        match = _TRACK.match(path.name)
        if not match:
            continue
        try:
            header = json.loads(await _run("janus-pp-rec", "-j", "-o", str(path)))
        except (CompositeError, ValueError):
            continue
        written = header.get("u") or header.get("s")
        if not isinstance(written, int):
            continue
        kind: Literal["audio", "video"] = "audio" if match["kind"] == "audio" else "video"
        found.append(Track(path, match["who"], kind, written / 1_000_000))
    return found


def layout(count: int) -> str:
    """xstack's layout for `count` tiles, two to a row."""
    cells = []
    for i in range(count):
        col, row = i % 2, i // 2
        cells.append(f"{col * TILE_WIDTH}_{row * TILE_HEIGHT}")
    return "|".join(cells)


def compose_argv(
    videos: list[tuple[Path, float]], audios: list[tuple[Path, float]], output: Path
) -> list[str]:
    """ffmpeg's command: each input with its offset (seconds after the call's start)."""
    argv = ["ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y"]
    for path, _ in [*videos, *audios]:
        argv += ["-i", str(path)]
    graph = []
    for i, (_, offset) in enumerate(videos):
        graph.append(
            f"[{i}:v]scale={TILE_WIDTH}:{TILE_HEIGHT}:force_original_aspect_ratio=decrease,"
            f"pad={TILE_WIDTH}:{TILE_HEIGHT}:(ow-iw)/2:(oh-ih)/2,setsar=1,fps={FPS},"
            f"tpad=start_duration={offset:.3f}:color=black[v{i}]"
        )
    if len(videos) == 1:
        graph.append("[v0]null[video]")
    else:
        tiles = "".join(f"[v{i}]" for i in range(len(videos)))
        graph.append(
            f"{tiles}xstack=inputs={len(videos)}:layout={layout(len(videos))}:fill=black[video]"
        )
    first_audio = len(videos)
    for j, (_, offset) in enumerate(audios):
        delay = round(offset * 1000)
        graph.append(f"[{first_audio + j}:a]aresample=48000,adelay={delay}:all=1[a{j}]")
    if audios:
        voices = "".join(f"[a{j}]" for j in range(len(audios)))
        graph.append(
            f"{voices}amix=inputs={len(audios)}:duration=longest:normalize=0[audio]"
            if len(audios) > 1
            else "[a0]anull[audio]"
        )
    argv += ["-filter_complex", ";".join(graph), "-map", "[video]"]
    if audios:
        argv += ["-map", "[audio]", "-c:a", "aac", "-b:a", "96k"]
    argv += [
        *("-c:v", "libx264", "-preset", "superfast", "-crf", "28", "-pix_fmt", "yuv420p"),
        *("-movflags", "+faststart", str(output)),
    ]
    return argv


async def compose(folder: Path, scratch: Path) -> Composite | None:
    """The room's call as one MP4 in `scratch`, or None when nobody published video."""
    found = await tracks(folder)
    videos = [t for t in found if t.kind == "video"]
    if not videos:
        return None
    start = min(t.started for t in found)
    converted: dict[Path, Path] = {}
    for t in found:
        out = scratch / (t.path.stem + (".webm" if t.kind == "video" else ".opus"))
        await _run("janus-pp-rec", "-o", str(t.path), str(out))
        converted[t.path] = out
    audios = [t for t in found if t.kind == "audio"]
    output = scratch / "call.mp4"
    await _run(
        *compose_argv(
            [(converted[t.path], t.started - start) for t in videos],
            [(converted[t.path], t.started - start) for t in audios],
            output,
        )
    )
    probed = await _run(
        "ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "json", str(output)
    )
    duration = float(json.loads(probed)["format"]["duration"])
    return Composite(output, len({t.participant for t in videos}), start, duration)
