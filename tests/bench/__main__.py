"""Runs every benchmark: `python -m tests.bench [name ...]`."""

from __future__ import annotations

import asyncio
import sys
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path

from embedded import Endpoints, Stack
from tests.bench import (
    bench_events,
    bench_invite,
    bench_live,
    bench_media,
    bench_review,
    bench_scheduling,
    bench_transcription,
    bench_webhooks,
)

BENCHMARKS: dict[str, Callable[[Endpoints], Awaitable[None]]] = {
    "events": bench_events.run,
    "invite": bench_invite.run,
    "scheduling": bench_scheduling.run,
    "media": bench_media.run,
    "review": bench_review.run,
    "transcription": bench_transcription.run,
    "live": bench_live.run,
    "webhooks": bench_webhooks.run,
}


def main(names: list[str]) -> int:
    chosen = names or list(BENCHMARKS)
    with tempfile.TemporaryDirectory() as tmp:
        stack = Stack(Path(tmp), persistent=False)
        try:
            endpoints = stack.start()
            for name in chosen:
                print(f"== {name}", flush=True)
                asyncio.run(BENCHMARKS[name](endpoints))
        finally:
            stack.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
