"""Several Janus nodes: a second real Janus in the namespace beside the package's, and a live
service configured with both. Rooms go to the node with the fewest rooms; when a node stops
answering, its open rooms are created again on the other, a participant asking to join again is
sent there and publishes, and the moved room closes at its end from the node it moved to."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta

import pytest

from embedded import Endpoints
from embedded.janus import Janus as JanusProcess
from embedded.janus import JanusConfig
from services.live.app import create
from services.live.settings import LiveSettings
from tests.live import netns
from tests.live.harness import ADMIN_KEY, T0, TOKEN_SECRET, Harness
from tests.live.participant import Participant, pin_host_address
from tests.support import free_port, serving, settings_for, unique

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(netns.available() is not None, reason=str(netns.available())),
]


@pytest.fixture(scope="module")
async def two(
    h: Harness, stack: Endpoints, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[tuple[Harness, JanusProcess]]:
    """A live service on both nodes (the package's Janus first), sharing the package's clock."""
    config = JanusConfig(h.ns.inside, free_port(), TOKEN_SECRET, ADMIN_KEY, (23000, 23999))
    second = JanusProcess(config, tmp_path_factory.mktemp("janus-2"), prefix=h.ns.prefix).start()
    first_url = h.service.settings.janus_url  # type: ignore[attr-defined]
    settings = settings_for(
        stack,
        unique("live"),
        LiveSettings,
        janus_urls=f"{first_url},{config.url}",
        janus_token_secret=TOKEN_SECRET,
        janus_admin_key=ADMIN_KEY,
    )
    service = create(settings, clock=h.clock, sweep=False)
    try:
        async with serving(service) as url:
            harness = Harness(url, service, h.clock, h.broker, h.ns, h.janus, h.coturn)
            yield harness, second
            await harness.http.aclose()
    finally:
        second.stop()


async def test_rooms_spread_over_the_nodes_and_move_off_one_that_stops(
    two: tuple[Harness, JanusProcess],
) -> None:
    h, second = two
    pin_host_address(h.ns.outside)
    nodes = list(h.service.app.state.live.nodes)
    first = await h.book(h.clock.now + timedelta(minutes=5))
    other = await h.book(h.clock.now + timedelta(minutes=5))
    await h.sweep()
    placed = {b.booking_id: (await h.room(b) or {}).get("janus_node") for b in (first, other)}
    assert sorted(placed.values()) == sorted(nodes)  # one room on each node
    lost = next(b for b in (first, other) if placed[b.booking_id] == nodes[1])
    kept = next(b for b in (first, other) if placed[b.booking_id] == nodes[0])
    path = f"/live/rooms/{lost.booking_id}/join"
    interviewer = h.staff(lost.tenant, lost.user_ids[0])
    before = (await h.call("POST", path, interviewer)).json()
    assert before["janus_url"] == nodes[1]

    second.stop()  # the node stops answering
    await h.sweep()
    moved = await h.room(lost)
    assert moved is not None and moved["janus_node"] == nodes[0]
    assert (await h.room(kept) or {}).get("janus_node") == nodes[0]
    assert h.service.app.state.live.down == {nodes[1]}
    # Joining again names the node the room is on now, and the media flows there.
    after = (await h.call("POST", path, interviewer)).json()
    assert after["janus_url"] == nodes[0]
    person = Participant(after["janus_url"], after["token"], after["room"], after["display"])
    try:
        await person.connect()
        await person.publish()
    finally:
        await person.close()
    metrics = (await h.http.get(f"{h.url}/metrics")).text.splitlines()
    down = [m for m in metrics if m.startswith("live_janus_node_up") and nodes[1] in m]
    assert down and down[0].endswith(" 0.0"), down
    moves = [m for m in metrics if m.startswith("live_rooms_moved_total")]
    assert any(m.endswith(" 1.0") for m in moves), (moves, h.service.name)
    # The moved room closes at its end, from its new node.
    h.clock.now = lost.end + timedelta(minutes=16)
    try:
        await h.sweep()
        assert (await h.room(lost) or {}).get("status") == "closed"
    finally:
        h.clock.now = T0
