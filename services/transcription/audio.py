"""An answer's audio for the model: the lowest HLS rendition fetched from S3 and decoded by ffmpeg
(a child process) to 16 kHz mono float32."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path, PurePosixPath

import numpy as np
import numpy.typing as npt

from services.chassis.process import run as run_tool
from services.chassis.storage import ObjectStore, tenant_key
from services.transcription.engine import SAMPLE_RATE

_SEGMENT = re.compile(r"^[A-Za-z0-9_-]{1,64}\.ts$")
_FETCHES_AT_ONCE = 8


class Undecodable(Exception):
    """The rendition is missing pieces or ffmpeg cannot read it: retrying will not help."""


def segments_of(playlist: str) -> list[str]:
    """The segment file names of a media playlist, in order; anything else is refused."""
    names = [line.strip() for line in playlist.splitlines() if line.strip() and line[0] != "#"]
    bad = [n for n in names if not _SEGMENT.match(n)]
    if bad:
        raise Undecodable(f"unexpected playlist entries: {bad[:3]}")
    return names


async def fetch_rendition(store: ObjectStore, tenant: str, playlist_key: str, folder: Path) -> Path:
    """Download a rendition's playlist and segments into `folder`; the playlist must be the
    tenant's own (an event names the key, the tenant prefix is checked)."""
    if not playlist_key.startswith(tenant_key(tenant) + "/"):
        raise Undecodable("the rendition is not stored under the tenant")
    prefix = PurePosixPath(playlist_key).parent
    text = (await store.get_bytes(playlist_key)).decode()
    names = segments_of(text)
    if not names:
        raise Undecodable("the rendition has no segments")
    limit = asyncio.Semaphore(_FETCHES_AT_ONCE)

    async def get(name: str) -> None:
        async with limit:
            await store.download_file(str(prefix / name), str(folder / name))

    await asyncio.gather(*(get(n) for n in names))
    playlist = folder / "index.m3u8"
    playlist.write_text(text)
    return playlist


async def decode(source: Path, out: Path, *, timeout: float = 600) -> npt.NDArray[np.float32]:
    """16 kHz mono float32 samples of `source`'s first audio stream (empty when it has none)."""
    argv = ["ffmpeg", "-hide_banner", "-nostdin", "-y", "-loglevel", "error"]
    argv += ["-allowed_extensions", "ALL"] if source.suffix == ".m3u8" else []
    argv += ["-i", str(source), "-map", "0:a:0?", "-vn", "-ac", "1", "-ar", str(SAMPLE_RATE)]
    argv += ["-f", "f32le", "-acodec", "pcm_f32le", str(out)]
    code, _, err = await run_tool(argv, timeout)
    if code != 0:
        raise Undecodable(err.strip()[-500:] or f"ffmpeg exited with {code}")
    return await asyncio.to_thread(_read, out)


def _read(path: Path) -> npt.NDArray[np.float32]:
    if not path.exists():  # no audio stream: ffmpeg wrote nothing
        return np.zeros(0, np.float32)
    return np.fromfile(path, dtype=np.float32)
