"""Test helpers: run a service in-process on a real port, wait for a condition, build settings."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, TypeVar

import httpx
import uvicorn

from embedded import Endpoints, process
from embedded.launcher import repo_root
from services.chassis.service import Service
from services.chassis.settings import Settings

S = TypeVar("S", bound=Settings)
T = TypeVar("T")

INTERNAL_SECRET = "test-internal-secret-0123456789"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def unique(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def settings_for(
    endpoints: Endpoints,
    name: str,
    cls: type[S] = Settings,
    **overrides: Any,  # type: ignore[assignment]
) -> S:
    """Settings for one service on the test stack, with its own database and consumer group."""
    values: dict[str, Any] = {
        "service_name": name,
        "service_port": free_port(),
        "kafka_bootstrap_servers": endpoints.kafka_bootstrap_servers,
        "mongodb_url": endpoints.mongodb_url,
        "s3_endpoint": endpoints.s3_endpoint,
        "s3_access_key": endpoints.s3_access_key,
        "s3_secret_key": endpoints.s3_secret_key,
        "s3_bucket": endpoints.s3_bucket,
        "internal_secret": INTERNAL_SECRET,
        "consumer_retry_backoff_seconds": 0.05,
        "outbox_poll_seconds": 0.05,
        # Tansu lets a new group member join after about half the session timeout.
        "consumer_session_timeout_ms": 2000,
        "consumer_heartbeat_interval_ms": 400,
    }
    values.update(overrides)
    return cls(**values)


@asynccontextmanager
async def serving(service: Service) -> AsyncIterator[str]:
    """Serve a service's app with uvicorn on its port (lifespan included); yield its base URL."""
    config = uvicorn.Config(
        service.app,
        host="127.0.0.1",
        port=service.settings.service_port,
        log_config=None,
        access_log=False,
        lifespan="on",
    )
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve())
    await eventually(lambda: _started(server, task), timeout=60, what=f"{service.name} to start")
    try:
        yield f"http://127.0.0.1:{service.settings.service_port}"
    finally:
        server.should_exit = True
        await task


async def _started(server: uvicorn.Server, task: asyncio.Task[None]) -> bool:
    if task.done():
        task.result()  # re-raise the start-up failure
        raise RuntimeError("server exited during start-up")
    return server.started


async def composed_call(path: Path, seconds: int) -> Path:
    """An MP4 shaped like the live service's composed call (two 640x360 tiles side by side,
    H.264 with an AAC voice), made by ffmpeg from its test sources."""
    proc = await asyncio.create_subprocess_exec(
        *("ffmpeg", "-nostdin", "-loglevel", "error", "-f", "lavfi", "-i"),
        f"testsrc2=size=1280x360:rate=15:duration={seconds}",
        *("-f", "lavfi", "-i", f"sine=frequency=440:duration={seconds}"),
        *("-c:v", "libx264", "-preset", "superfast", "-c:a", "aac", "-shortest", str(path)),
    )
    assert await proc.wait() == 0
    return path


async def eventually(
    check: Callable[[], Awaitable[T]], *, timeout: float = 30, what: str = "condition"
) -> T:
    """Poll `check` until it returns something truthy. The timeout is a generous upper bound for a
    stuck system, not a performance expectation."""
    deadline = time.monotonic() + timeout
    while True:
        result = await check()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {what}")
        await asyncio.sleep(0.05)


async def conditional_puts(
    client: Any,
    url: str,
    bodies: list[Any],
    *,
    read: str | None = None,
    headers: dict[str, str] | None = None,
    shown: Callable[[Any], Any] = lambda body: body,
) -> None:
    """The If-Match contract of one update operation, through a real client: the resource's GET
    (`read`, default `url`) and the PUT answer with an ETag; len(bodies) editors who read the
    same ETag save concurrently and exactly one wins, the others get a 412 `precondition_failed`;
    a stale If-Match then changes nothing; without If-Match, or with `*`, the update applies.
    `shown` picks from a GET answer what a body sets (compared with the winner's answer)."""
    base = headers or {}
    read = read or url
    first = await client.get(read, headers=base)
    assert first.status_code == 200, first.text
    tag = first.headers["etag"]
    answers = await asyncio.gather(
        *(client.put(url, headers={**base, "If-Match": tag}, json=b) for b in bodies)
    )
    statuses = sorted(a.status_code for a in answers)
    assert statuses == [200] + [412] * (len(bodies) - 1), [a.text for a in answers]
    assert {a.json()["code"] for a in answers if a.status_code == 412} == {"precondition_failed"}
    [won] = [a for a in answers if a.status_code == 200]
    assert won.headers["etag"] != tag
    after = await client.get(read, headers=base)
    assert after.headers["etag"] == won.headers["etag"]
    assert shown(after.json()) == shown(won.json())

    # A stale ETag changes nothing: the stored resource and its ETag stay the winner's.
    loser = next(b for b, a in zip(bodies, answers, strict=True) if a.status_code == 412)
    stale = await client.put(url, headers={**base, "If-Match": tag}, json=loser)
    assert stale.status_code == 412 and stale.json()["code"] == "precondition_failed"
    again = await client.get(read, headers=base)
    assert again.headers["etag"] == won.headers["etag"]
    assert shown(again.json()) == shown(won.json())

    # The loser reads again and reapplies; `*` and no If-Match apply unconditionally.
    redo = await client.put(url, headers={**base, "If-Match": again.headers["etag"]}, json=loser)
    assert redo.status_code == 200, redo.text
    assert redo.headers["etag"] != again.headers["etag"]
    anyway = await client.put(url, headers={**base, "If-Match": "*"}, json=loser)
    assert anyway.status_code == 200, anyway.text
    plain = await client.put(url, headers=base, json=loser)
    assert plain.status_code == 200, plain.text
    assert (await client.get(read, headers=base)).headers["etag"] == plain.headers["etag"]


class ServiceProcess:
    """A service (`python -m services.<name>`) as its own process with the given settings (passed
    as its environment, as `make run` passes them), its output in `log_path`. `kill()` ends it
    with SIGKILL; `start()` runs it again on the same port, database and consumer group."""

    def __init__(self, name: str, settings: Settings, log_path: Path) -> None:
        self.name = name
        self.settings = settings
        self.log_path = log_path
        self.url = f"http://127.0.0.1:{settings.service_port}"
        self.proc: process.Proc | None = None
        self.popen: subprocess.Popen[bytes] | None = None
        self.starts = 0

    def env(self) -> dict[str, str]:
        values = self.settings.model_dump(mode="json")
        return {
            **os.environ,
            **{k.upper(): v if isinstance(v, str) else json.dumps(v) for k, v in values.items()},
        }

    async def start(self) -> None:
        argv = [sys.executable, "-m", f"services.{self.name}"]
        self.proc, self.popen = process.spawn(
            self.name, argv, self.log_path, self.env(), cwd=repo_root()
        )
        self.starts += 1
        popen = self.popen

        async def ready() -> bool:
            if popen.poll() is not None:
                raise AssertionError(
                    f"{self.name} exited with code {popen.returncode}:\n"
                    + process.log_tail(self.log_path)
                )
            async with httpx.AsyncClient(timeout=2, trust_env=False) as client:
                try:
                    return (await client.get(f"{self.url}/readyz")).status_code == 200
                except httpx.HTTPError:
                    return False

        await eventually(ready, timeout=60, what=f"the {self.name} process to be ready")

    async def kill(self) -> None:
        """SIGKILL, as a crash or the OOM killer would end it: no shutdown hook runs."""
        assert self.proc is not None and self.popen is not None
        os.kill(self.proc.pid, signal.SIGKILL)
        code = await asyncio.to_thread(self.popen.wait, 30)
        assert code == -signal.SIGKILL, process.describe_exit(code)
        process.kill_group(self.proc)

    def stop(self) -> None:
        if self.proc is not None and self.popen is not None:
            process.stop([self.proc], {self.proc.pid: self.popen})
