"""The live service's periodic jobs: open the rooms due and close those over (rooms.sweep), and
store the recordings of closed rooms (recordings.store_next)."""

from __future__ import annotations

from services.chassis.jobs import Periodic
from services.live import recordings, rooms
from services.live.store import Live


def declare(live: Live, *, enabled: bool = True) -> dict[str, Periodic]:
    """`enabled=False` declares the job without running it (tests drive `run_once`)."""
    return {
        "rooms": live.service.every(
            live.settings.live_poll_seconds, "rooms", lambda: rooms.sweep(live), enabled=enabled
        ),
        # Apart from the rooms job: composing a long call must not hold back opening rooms.
        "recordings": live.service.every(
            live.settings.live_poll_seconds,
            "recordings",
            lambda: recordings.store_next(live),
            enabled=enabled,
        ),
    }
