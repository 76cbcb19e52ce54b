"""Fixtures: a network namespace with Janus in it and the live service on the test stack, shared
by the package's modules (the namespace and Janus are made once and removed at the end)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from faststream.kafka import KafkaBroker

from embedded import Endpoints
from embedded.coturn import Coturn, CoturnConfig
from embedded.janus import Janus as JanusProcess
from embedded.janus import JanusConfig
from services.live.app import create
from services.live.settings import LiveSettings
from tests.live import netns
from tests.live.harness import ADMIN_KEY, T0, TOKEN_SECRET, TURN_SECRET, Clock, Harness
from tests.support import free_port, serving, settings_for, unique


@pytest.fixture(scope="package")
async def h(stack: Endpoints, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Harness]:
    with netns.namespace() as ns:
        config = JanusConfig(ns.inside, free_port(), TOKEN_SECRET, ADMIN_KEY, (21000, 21999))
        janus = JanusProcess(config, tmp_path_factory.mktemp("janus"), prefix=ns.prefix).start()
        print(f"\njanus ready in {janus.ready_seconds:.3f} s, {janus.rss_bytes() / 2**20:.1f} MiB")
        relay = CoturnConfig(ns.inside, free_port(), TURN_SECRET, (22000, 22999))
        coturn = Coturn(relay, tmp_path_factory.mktemp("coturn"), prefix=ns.prefix)
        try:
            coturn.start()
            clock = Clock(T0)
            settings = settings_for(
                stack,
                unique("live"),
                LiveSettings,
                janus_url=config.url,
                janus_token_secret=TOKEN_SECRET,
                janus_admin_key=ADMIN_KEY,
                live_open_minutes_before=10,
                live_close_minutes_after=15,
                # Browsers reach Janus through coturn only (the scripted participants, which
                # do not take the relays, connect to it directly).
                turn_urls=",".join(relay.urls),
                turn_secret=TURN_SECRET,
                ice_transport_policy="relay",
                live_recordings_dir=str(tmp_path_factory.mktemp("recordings")),
            )
            service = create(settings, clock=clock, sweep=False)
            broker = KafkaBroker(stack.kafka_bootstrap_servers)
            await broker.start()
            try:
                async with serving(service) as url:
                    harness = Harness(url, service, clock, broker, ns, janus, coturn)
                    yield harness
                    await harness.http.aclose()
            finally:
                await broker.stop()
        finally:
            coturn.stop()
            janus.stop()
