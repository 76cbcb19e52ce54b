"""The live service's periodic job: open the rooms due and close those over (see rooms.sweep)."""

from __future__ import annotations

from services.chassis.jobs import Periodic
from services.live import rooms
from services.live.store import Live


def declare(live: Live, *, enabled: bool = True) -> dict[str, Periodic]:
    """`enabled=False` declares the job without running it (tests drive `run_once`)."""
    return {
        "rooms": live.service.every(
            live.settings.live_poll_seconds, "rooms", lambda: rooms.sweep(live), enabled=enabled
        )
    }
