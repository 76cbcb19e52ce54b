"""Running a command-line tool (ffprobe, ffmpeg) off the event loop, bounded in time, never left behind."""

from __future__ import annotations

import asyncio
import contextlib


async def run(argv: list[str], timeout: float) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of `argv`; on timeout (TimeoutError) or cancellation the
    process is killed and reaped before the error propagates."""
    process = await asyncio.create_subprocess_exec(
        *argv,
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        out, err = await asyncio.wait_for(process.communicate(), timeout)
    except BaseException:
        with contextlib.suppress(ProcessLookupError):
            process.kill()
        await process.wait()
        raise
    return process.returncode or 0, out.decode(errors="replace"), err.decode(errors="replace")
