"""coturn (the TURN relay of live interviews) as a local process: REST API credentials
(`use-auth-secret`: the live service signs time-limited ones with the same secret), UDP and TCP
on one port, no TLS, no CLI, started and stopped by PID like the stack's other servers.

Like Janus, the tests run it in their network namespace (`prefix`), on the namespace's address,
so relayed media stays inside it."""

from __future__ import annotations

import shutil
import socket
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from embedded import process
from embedded.process import Proc


def turnserver_bin() -> str:
    found = shutil.which("turnserver")
    if not found:
        raise RuntimeError("`turnserver` was not found: apt-get install coturn")
    return found


@dataclass(frozen=True)
class CoturnConfig:
    """`host` is where it listens and relays from; `secret` is its `static-auth-secret`."""

    host: str
    port: int
    secret: str
    relay_ports: tuple[int, int] = (49152, 49999)
    realm: str = "hireloop"

    @property
    def urls(self) -> list[str]:
        return [
            f"turn:{self.host}:{self.port}?transport=udp",
            f"turn:{self.host}:{self.port}?transport=tcp",
        ]

    def argv(self, log_file: Path) -> list[str]:
        return [
            turnserver_bin(),
            "-n",  # no configuration file: everything is here
            f"--listening-ip={self.host}",
            f"--relay-ip={self.host}",
            f"--listening-port={self.port}",
            f"--min-port={self.relay_ports[0]}",
            f"--max-port={self.relay_ports[1]}",
            "--use-auth-secret",
            f"--static-auth-secret={self.secret}",
            f"--realm={self.realm}",
            "--fingerprint",
            "--no-tls",
            "--no-dtls",
            "--no-cli",
            "--no-multicast-peers",
            f"--log-file={log_file}",
            "--simple-log",
            "--no-stdout-log",
        ]


@dataclass
class Coturn:
    """One turnserver process. `prefix` runs it through another command (`ip netns exec NAME`)."""

    config: CoturnConfig
    folder: Path
    prefix: list[str] = field(default_factory=list)
    proc: Proc | None = None
    popen: subprocess.Popen[bytes] | None = None
    ready_seconds: float = 0.0

    @property
    def log_path(self) -> Path:
        return self.folder / "turnserver.log"

    def start(self, timeout: float = 20.0) -> Coturn:
        self.folder.mkdir(parents=True, exist_ok=True)
        turn_log = self.folder / "turn.log"
        argv = [*self.prefix, *self.config.argv(turn_log)]
        self.proc, self.popen, self.ready_seconds = process.spawn_until_ready(
            "coturn",
            argv,
            self.log_path,
            self.folder,
            self._listens,
            timeout=timeout,
            show=turn_log,
        )
        return self

    def _listens(self) -> bool:
        """Its TCP listener accepts (the UDP one opens at the same time)."""
        try:
            with socket.create_connection((self.config.host, self.config.port), timeout=1):
                return True
        except OSError:
            return False

    def stop(self) -> None:
        if self.proc is not None:
            process.stop([self.proc], {self.proc.pid: self.popen} if self.popen else {})
            self.proc = self.popen = None
