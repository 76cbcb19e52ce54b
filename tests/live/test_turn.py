"""TURN relays: the credentials the live service mints are accepted by a real coturn (its own
client, `turnutils_uclient`, allocates relays with them and passes traffic between two of them),
and refused once expired or signed with another secret. The browsers of the page test reach Janus
through this coturn only."""

from __future__ import annotations

import subprocess
import time

import pytest

from services.live import turn
from tests.live import netns
from tests.live.harness import TURN_SECRET, Harness

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(netns.available() is not None, reason=str(netns.available())),
]


def _relay(h: Harness, username: str, password: str) -> str:
    """turnutils_uclient's output: two clients relaying a few messages to each other."""
    config = h.coturn.config
    argv = ["turnutils_uclient", "-y", "-n", "3", "-p", str(config.port)]
    argv += ["-u", username, "-w", password, config.host]
    done = subprocess.run(argv, capture_output=True, text=True, timeout=60)
    return done.stdout + done.stderr


async def test_minted_turn_credentials_relay_and_expired_or_forged_ones_do_not(
    h: Harness,
) -> None:
    expires = int(time.time()) + 600
    [server] = turn.ice_servers(h.coturn.config.urls, TURN_SECRET, expires, "room7")
    assert server.urls == h.coturn.config.urls and server.username == f"{expires}:room7"
    relayed = _relay(h, server.username, server.credential)
    assert "Total lost packets 0 (0.000000%)" in relayed, relayed

    for username, password in (
        turn.credentials(TURN_SECRET, int(time.time()) - 1, "room7"),  # expired
        turn.credentials("another-secret-0123456789", expires, "room7"),  # forged
        (f"{expires + 3600}:room7", server.credential),  # its expiry moved
    ):
        refused = _relay(h, username, password)
        assert "Cannot complete Allocation" in refused, refused
