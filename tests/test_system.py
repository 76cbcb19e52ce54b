"""`make run`'s launcher: the whole system comes up on the embedded servers, serves a probe
end to end through the gateway, and stops with nothing left running."""

from __future__ import annotations

import time
from pathlib import Path

import httpx
import pytest

from embedded import System, process
from embedded.launcher import SERVICES
from tests.support import free_port

pytestmark = pytest.mark.e2e


def test_launcher_starts_every_service_serves_a_probe_and_stops_cleanly(tmp_path: Path) -> None:
    system = System(tmp_path, persistent=False, extra_env={"GATEWAY_PORT": str(free_port())})
    try:
        info = system.start()
        print(f"system ready in {info.elapsed:.2f} s")
        assert set(info.service_urls) == set(SERVICES)
        with httpx.Client(timeout=5, trust_env=False) as client:
            for name, url in info.service_urls.items():
                ready = client.get(f"{url}/readyz")
                assert ready.status_code == 200, (name, ready.text)
                assert ready.json()["status"] == "ready"
            auth = {"Authorization": f"Bearer {info.api_key}"}
            accepted = client.post(f"{info.gateway_url}/v1/probes", json={}, headers=auth)
            assert accepted.status_code == 202, accepted.text
            probe_id = accepted.json()["probe_id"]
            deadline = time.monotonic() + 60
            while True:
                result = client.get(f"{info.gateway_url}/v1/probes/{probe_id}", headers=auth)
                if result.status_code == 200 or time.monotonic() > deadline:
                    break
                time.sleep(0.1)
            assert result.status_code == 200, result.text
            assert result.json()["status"] == "answered"
        procs = system.procs + system.stack.procs
        assert len(procs) == len(SERVICES) + 5  # and the five embedded servers (Janus too)
    finally:
        system.stop()
    assert [p for p in procs if process.is_running(p)] == []
