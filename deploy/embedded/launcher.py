"""Run the whole system locally: the embedded Stack plus every service as its own process."""

from __future__ import annotations

import json
import logging
import os
import secrets
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Literal, Self

import httpx

from embedded import janus, process
from embedded.process import Proc, RestartPolicy, Restarts
from embedded.stack import HOST, Endpoints, Stack

log = logging.getLogger("embedded")

# What a System copies from its services' logs to stdout: nothing, one line per WARNING or ERROR
# record, or every line as written.
Echo = Literal["none", "warnings", "all"]

SERVICES = (
    "invite",
    "ingest",
    "transcoding",
    "transcription",
    "review",
    "scheduling",
    "webhooks",
    "live",
    "gateway",
)
READY_TIMEOUT = 60.0


def repo_root() -> Path:
    """The source checkout holding this package (deploy/embedded/..), else the current directory."""
    root = Path(__file__).resolve().parents[2]
    return root if (root / "pyproject.toml").exists() else Path.cwd()


def default_data_dir() -> Path:
    return repo_root() / ".data"


@dataclass
class Supervised:
    """A supervised service: its restart history and where it is between exit and readiness."""

    restarts: Restarts
    phase: Literal["up", "waiting", "starting"] = "up"
    due: float = 0.0  # when a waiting service starts again (monotonic clock)


@dataclass(frozen=True)
class SystemInfo:
    """What a started System exposes."""

    gateway_url: str
    service_urls: dict[str, str]
    endpoints: Endpoints
    elapsed: float
    api_key: str
    admin_password: str


class System:
    """The Stack plus the services (`python -m services.<name>`), gateway last; stop() ends them all.

    Each service's output (its JSON log) goes to `data_dir/logs/<service>.log`, each server's to
    `data_dir/logs/<server>.log`; `echo` chooses how much of the services' logs reaches stdout.
    After start(), supervise() restarts a service whose process exits (`make run` does).
    """

    def __init__(
        self,
        data_dir: Path,
        persistent: bool = False,
        module_template: str = "services.{name}",
        services: Sequence[str] = SERVICES,
        extra_env: Mapping[str, str] | None = None,
        ready_timeout: float = READY_TIMEOUT,
        echo: Echo = "none",
    ) -> None:
        self.data_dir = Path(data_dir).resolve()
        self.stack = Stack(self.data_dir, persistent)
        self.module_template = module_template
        self.services = list(services)
        self.extra_env = dict(extra_env or {})
        self.ready_timeout = ready_timeout
        self.echo = echo
        self.info: SystemInfo | None = None
        self._popens: dict[str, subprocess.Popen[bytes]] = {}
        self._procs: dict[str, Proc] = {}
        self._started: dict[str, float] = {}
        self._stop_echo = threading.Event()
        self._echo_lock = threading.Lock()
        self._echoing: set[str] = set()
        self._env_base: dict[str, str] = {}
        self._urls: dict[str, str] = {}
        # Held while a service is spawned or the system stops, so no restart begins during stop().
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._supervisor: threading.Thread | None = None
        self._supervised: dict[str, Supervised] = {}

    @property
    def state_file(self) -> Path:
        return self.data_dir / "services.json"

    @property
    def procs(self) -> list[Proc]:
        return list(self._procs.values())

    def start(self) -> SystemInfo:
        """Start the stack, then the services; wait until every /readyz answers 200."""
        began = time.monotonic()
        self._stop_echo = threading.Event()
        self._stopping = threading.Event()
        self.data_dir.mkdir(parents=True, exist_ok=True)
        stale = process.stop_recorded(self.state_file)
        if stale:
            log.warning("stopped stale services: %s", [p.name for p in stale])
        try:
            endpoints = self.stack.start()
            urls = {name: f"http://{HOST}:{port}" for name, port in self._ports().items()}
            env = self._env(endpoints)
            if "live" in self.services:
                env["JANUS_URL"] = env["JANUS_PUBLIC_URL"] = self._start_janus(env)
                # Janus and the live service share this folder for recorded rooms' tracks.
                env.setdefault("LIVE_RECORDINGS_DIR", str(self.data_dir / "recordings"))
            self._env_base, self._urls = env, urls
            backends = [n for n in self.services if n != "gateway"]
            for name in backends:
                self._spawn(name, env, urls)
            self._wait_ready(backends, urls)
            if "gateway" in self.services:
                self._spawn("gateway", env, urls)
                self._wait_ready(["gateway"], urls)
        except BaseException:
            self.stop()
            raise
        elapsed = time.monotonic() - began
        self.info = SystemInfo(
            urls.get("gateway", ""),
            urls,
            endpoints,
            elapsed,
            env["BOOTSTRAP_API_KEY"],
            env["BOOTSTRAP_ADMIN_PASSWORD"],
        )
        log.info("all services ready in %.2f s; gateway at %s", elapsed, self.info.gateway_url)
        return self.info

    def _start_janus(self, env: Mapping[str, str]) -> str:
        """Janus for the live service, on a free port, stopped with the services (by PID)."""
        (port,) = process.free_ports(1)
        config = janus.JanusConfig(HOST, port, env["JANUS_TOKEN_SECRET"], env["JANUS_ADMIN_KEY"])
        server = janus.Janus(config, self.data_dir / "janus").start()
        assert server.proc is not None and server.popen is not None
        self._procs["janus"], self._popens["janus"] = server.proc, server.popen
        log.info("janus ready in %.2f s at %s", server.ready_seconds, config.url)
        return config.url

    def _ports(self) -> dict[str, int]:
        ports = dict(zip(self.services, process.free_ports(len(self.services)), strict=True))
        if "gateway" in ports:
            wanted = self.extra_env.get("GATEWAY_PORT") or os.environ.get("GATEWAY_PORT")
            if wanted:
                ports["gateway"] = int(wanted)
            elif process.port_is_free(8080) and 8080 not in ports.values():
                ports["gateway"] = 8080
        return ports

    def _env(self, endpoints: Endpoints) -> dict[str, str]:
        return {
            **os.environ,
            **endpoints.env(),
            **self._secrets(),
            # Tansu admits a new consumer-group member after about half the session timeout.
            "CONSUMER_SESSION_TIMEOUT_MS": "3000",
            "CONSUMER_HEARTBEAT_INTERVAL_MS": "600",
            **self.extra_env,
        }

    def _secrets(self) -> dict[str, str]:
        """The system's secrets: from the environment when set, else generated once and kept in
        the data dir when it persists, so links, tokens and the admin key survive a restart."""
        path = self.data_dir / "secrets.json"
        kept: dict[str, str] = {}
        if self.stack.persistent and path.exists():
            kept = json.loads(path.read_text())
        values = {
            "INTERNAL_SECRET": secrets.token_urlsafe(32),
            "LINK_SECRET": secrets.token_urlsafe(32),
            "AUTH_TOKEN_SECRET": secrets.token_urlsafe(32),
            "PLATFORM_ADMIN_KEY": "hlp_" + secrets.token_urlsafe(32),
            "BOOTSTRAP_API_KEY": "hl_" + secrets.token_urlsafe(32),
            "BOOTSTRAP_ADMIN_PASSWORD": secrets.token_urlsafe(12),
            "JANUS_TOKEN_SECRET": secrets.token_urlsafe(32),
            "JANUS_ADMIN_KEY": secrets.token_urlsafe(32),
        }
        values = {k: os.environ.get(k) or kept.get(k) or v for k, v in values.items()}
        if self.stack.persistent:
            path.write_text(json.dumps(values, indent=2) + "\n")
            path.chmod(0o600)
        return values

    def _spawn(self, name: str, base_env: Mapping[str, str], urls: Mapping[str, str]) -> None:
        port = urls[name].rsplit(":", 1)[1]
        env = {
            **base_env,
            **{f"{other.upper()}_URL": url for other, url in urls.items() if other != name},
            "SERVICE_NAME": name,
            "SERVICE_HOST": HOST,
            "SERVICE_PORT": port,
            "PUBLIC_URL": urls.get("gateway", ""),
        }
        argv = [sys.executable, "-m", self.module_template.format(name=name)]
        log_path = self.data_dir / "logs" / f"{name}.log"
        offset = log_path.stat().st_size if log_path.exists() else 0
        self._started[name] = time.monotonic()
        self._procs[name], self._popens[name] = process.spawn(
            name, argv, log_path, env, cwd=repo_root()
        )
        self._write_state()
        # One follower per log file: it goes on reading what a restarted run appends.
        if self.echo != "none" and name not in self._echoing:
            self._echoing.add(name)
            args = (name, log_path, offset)
            threading.Thread(target=self._echo, args=args, daemon=True).start()

    def _echo(self, name: str, log_path: Path, offset: int) -> None:
        """Copy what a service appends to its log to stdout, prefixed by its name: every line, or
        only its warnings and errors, one line each."""

        def show(line: str) -> None:
            if self.echo == "all":
                body = line.rstrip("\n")
                text: str | None = f"{name:>11} | {body}"
            else:
                text = process.console_line(name, line)
            if text is not None:
                with self._echo_lock:  # one write per line, so lines of two services never mix
                    sys.stdout.write(text + "\n")
                    sys.stdout.flush()

        process.follow(log_path, offset, self._stop_echo, show)

    def _wait_ready(self, names: Sequence[str], urls: Mapping[str, str]) -> None:
        """Poll GET /readyz of each service until 200; fail fast if one exits."""
        deadline = time.monotonic() + self.ready_timeout
        pending = list(names)
        with httpx.Client(timeout=2.0, trust_env=False) as client:  # no proxy for 127.0.0.1
            while pending:
                for name in list(pending):
                    popen = self._popens[name]
                    log_path = self.data_dir / "logs" / f"{name}.log"
                    if popen.poll() is not None:
                        raise RuntimeError(
                            f"service {name} exited with code {popen.returncode}; "
                            f"{log_path}:\n{process.log_tail(log_path)}"
                        )
                    try:
                        if client.get(f"{urls[name]}/readyz").status_code == 200:
                            pending.remove(name)
                            seconds = time.monotonic() - self._started[name]
                            log.info("%s ready in %.2f s at %s", name, seconds, urls[name])
                    except httpx.HTTPError:
                        pass
                    if name in pending and time.monotonic() > deadline:
                        raise TimeoutError(
                            f"service {name} not ready (GET {urls[name]}/readyz) after "
                            f"{self.ready_timeout:.0f} s; {log_path}:\n{process.log_tail(log_path)}"
                        )
                if pending:
                    time.sleep(0.2)

    def restart_counts(self) -> dict[str, int]:
        """How many times each supervised service has been restarted."""
        return {name: s.restarts.count for name, s in self._supervised.items()}

    def _write_state(self) -> None:
        """The processes to stop (for `down` after a crash) and, for `status`, each service's URL,
        restart count and phase."""
        services: dict[str, dict[str, object]] = {}
        for name, url in self._urls.items():
            watch = self._supervised.get(name)
            services[name] = {
                "url": url,
                "restarts": watch.restarts.count if watch else 0,
                "crash_loop": watch.restarts.crash_loop if watch else False,
                "phase": watch.phase if watch else "up",
            }
        process.write_state(self.state_file, self.procs, services=services)

    def supervise(
        self, policy: RestartPolicy | None = None, say: Callable[[str], None] | None = None
    ) -> None:
        """Restart any service whose process exits, backing off per `policy`, until stop().

        Each exit, crash loop and return to readiness is one console line (`say`, default
        stdout), in the quiet console's style, so an operator sees a crash without reading logs.
        """
        if self.info is None:
            raise RuntimeError("supervise() needs a started system")
        policy = policy or RestartPolicy()
        self._supervised = {name: Supervised(Restarts(policy)) for name in self.services}
        self._write_state()
        tell = say or self._say
        self._supervisor = threading.Thread(
            target=self._supervise, args=(tell,), name="supervisor", daemon=True
        )
        self._supervisor.start()

    def _say(self, text: str) -> None:
        with self._echo_lock:
            sys.stdout.write(text + "\n")
            sys.stdout.flush()

    def _supervise(self, say: Callable[[str], None]) -> None:
        with httpx.Client(timeout=1.0, trust_env=False) as client:
            while not self._stopping.is_set():
                for name in self.services:
                    if self._stopping.is_set():
                        return
                    try:
                        self._watch(name, client, say)
                    except Exception:  # a bad round must not end supervision
                        log.exception("supervising %s failed", name)
                self._stopping.wait(0.2)

    def _watch(self, name: str, client: httpx.Client, say: Callable[[str], None]) -> None:
        """One look at one service: note an exit, start it again when due, report readiness."""
        watch = self._supervised[name]
        now = time.monotonic()
        log_path = self.data_dir / "logs" / f"{name}.log"
        if watch.phase == "waiting":
            if now < watch.due:
                return
            with self._lock:
                if self._stopping.is_set():
                    return
                process.kill_group(self._procs[name])
                watch.phase = "starting"
                self._spawn(name, self._env_base, self._urls)
            return
        popen = self._popens[name]
        code = popen.poll()
        if code is not None:
            restart = watch.restarts.exited(now - self._started[name], now)
            watch.phase, watch.due = "waiting", now + restart.delay
            self._write_state()
            say(
                process.notice(
                    name,
                    "error",
                    f"{process.describe_exit(code)} after {now - self._started[name]:.1f} s; "
                    f"restart {restart.count} in {restart.delay:g} s (log: {log_path})",
                )
            )
            if restart.loop_began:
                policy = watch.restarts.policy
                say(
                    process.notice(
                        name,
                        "critical",
                        f"crash loop: {policy.loop_restarts} restarts within "
                        f"{policy.loop_window:g} s; retrying every {policy.max_delay:g} s",
                    )
                )
            return
        if watch.phase == "starting":
            try:
                ready = client.get(f"{self._urls[name]}/readyz").status_code == 200
            except httpx.HTTPError:
                ready = False
            if ready:
                watch.phase = "up"
                self._write_state()
                seconds = now - self._started[name]
                say(
                    process.notice(
                        name,
                        "warning",
                        f"restarted, ready in {seconds:.1f} s "
                        f"({watch.restarts.count} restart{'s' if watch.restarts.count != 1 else ''})",
                    )
                )
        elif watch.restarts.settled(now):
            self._write_state()
            say(process.notice(name, "warning", "out of its crash loop: up and no recent restarts"))

    def exited(self) -> dict[str, int]:
        """Services whose process has ended, with their exit codes."""
        return {n: p.returncode for n, p in self._popens.items() if p.poll() is not None}

    def stop(self) -> None:
        """Stop supervision (no restart begins after this), the services (all at once), then the
        stack."""
        with self._lock:
            self._stopping.set()
        if self._supervisor is not None and self._supervisor is not threading.current_thread():
            self._supervisor.join(timeout=5)
        self._supervisor = None
        process.stop(self.procs, {p.pid: p for p in self._popens.values()})
        self._popens.clear()
        self._procs.clear()
        self.info = None
        self._stop_echo.set()
        self._echoing.clear()
        self.state_file.unlink(missing_ok=True)
        self.stack.stop()

    def __enter__(self) -> Self:
        if self.info is None:
            self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
