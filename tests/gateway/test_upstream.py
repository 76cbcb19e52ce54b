"""The gateway's calls to a service over real TCP: a connection the service resets before
answering is tried once more for a call that is safe to repeat, and is a 503 problem for any
other (a POST that may have done its work is never sent twice)."""

from __future__ import annotations

import asyncio
import socket
import struct
from collections.abc import AsyncIterator

import pytest
from prometheus_client import REGISTRY

from services.chassis.errors import ProblemError
from services.chassis.identity import Identity
from services.gateway.upstream import Upstreams

pytestmark = pytest.mark.integration
WHO = Identity(tenant="t1", principal="cand:1", kind="candidate", roles=(), scopes=("interview",))
ANSWER = (
    b'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 11\r\n\r\n{"ok":true}'
)


class Resetting:
    """A service that resets the first `resets` connections after reading a request (as a
    server closing under load does), then answers 200."""

    def __init__(self, resets: int) -> None:
        self.resets = resets
        self.requests = 0

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while await reader.readuntil(b"\r\n\r\n"):
            self.requests += 1
            if self.resets:
                self.resets -= 1
                sock = writer.get_extra_info("socket")
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                writer.transport.abort()  # an RST, no answer
                return
            writer.write(ANSWER)
            await writer.drain()


@pytest.fixture
async def upstreams() -> AsyncIterator[Upstreams]:
    calls = Upstreams("secret", timeout=10)
    yield calls
    await calls.close()


async def serve(service: Resetting) -> tuple[asyncio.Server, str]:
    server = await asyncio.start_server(service.handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    return server, f"http://127.0.0.1:{port}"


def retried() -> float:
    return REGISTRY.get_sample_value("gateway_upstream_retries_total") or 0.0


async def test_a_reset_safe_call_is_sent_once_more(upstreams: Upstreams) -> None:
    service = Resetting(resets=1)
    server, url = await serve(service)
    before = retried()
    async with server:
        answer = await upstreams.call("POST", url, "/v1/x", WHO, json={}, retry=True)
    assert answer.status_code == 200 and answer.body == b'{"ok":true}'
    assert service.requests == 2 and retried() == before + 1


async def test_a_reset_unsafe_call_is_a_503_and_sent_once(upstreams: Upstreams) -> None:
    service = Resetting(resets=1)
    server, url = await serve(service)
    async with server:
        with pytest.raises(ProblemError) as refused:
            await upstreams.call("POST", url, "/v1/x", WHO, json={})
    assert (
        refused.value.problem.status == 503 and refused.value.problem.code == "service_unavailable"
    )
    assert service.requests == 1


async def test_a_safe_call_is_retried_only_once(upstreams: Upstreams) -> None:
    service = Resetting(resets=2)
    server, url = await serve(service)
    async with server:
        with pytest.raises(ProblemError) as refused:
            await upstreams.call("GET", url, "/v1/x", WHO, retry=True)
    assert refused.value.problem.status == 503 and service.requests == 2
