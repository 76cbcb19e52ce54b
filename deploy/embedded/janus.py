"""Janus (the WebRTC SFU of live interviews) as a local process: a config folder of our own (only
the VideoRoom plugin and the HTTP transport, token auth with a shared HMAC secret, no STUN/TURN,
no mDNS), its HTTP API on a free port, started and stopped by PID like the stack's other servers.

Janus never offers a loopback address for ICE, so it needs a non-loopback interface: on a
developer's machine its LAN address; the tests run it in a network namespace of their own
(`netns`), whose veth address it then offers."""

from __future__ import annotations

import shutil
import subprocess
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from embedded import process
from embedded.process import Proc

LIB = Path("/usr/lib/x86_64-linux-gnu/janus")
# Plugins and transports Janus must not load (every one the Debian package ships but ours).
DISABLED_PLUGINS = (
    "libjanus_audiobridge.so,libjanus_duktape.so,libjanus_echotest.so,libjanus_lua.so,"
    "libjanus_nosip.so,libjanus_recordplay.so,libjanus_sip.so,libjanus_streaming.so,"
    "libjanus_textroom.so,libjanus_videocall.so,libjanus_voicemail.so"
)
DISABLED_TRANSPORTS = (
    "libjanus_mqtt.so,libjanus_nanomsg.so,libjanus_pfunix.so,libjanus_rabbitmq.so,"
    "libjanus_websockets.so"
)


def janus_bin() -> str:
    found = shutil.which("janus")
    if not found:
        raise RuntimeError(
            "the `janus` binary was not found: apt-get install janus janus-tools coturn"
        )
    return found


def lib_dir() -> Path:
    """Where the Debian package put the plugins (the multiarch folder of this machine)."""
    for candidate in (LIB, *Path("/usr/lib").glob("*/janus")):
        if (candidate / "plugins").is_dir():
            return candidate
    raise RuntimeError("Janus plugins were not found under /usr/lib/*/janus")


@dataclass(frozen=True)
class JanusConfig:
    """What a Janus instance is started with. `token_secret` signs the tokens the live service
    mints; `admin_key` is the key VideoRoom asks for to create and destroy rooms (the service's
    alone); `nat_1_1` is the public address of a server behind 1:1 NAT (cloud instances)."""

    http_host: str
    http_port: int
    token_secret: str
    admin_key: str
    rtp_ports: tuple[int, int] = (20000, 20999)
    nat_1_1: str = ""
    rec_dir: str = ""

    @property
    def url(self) -> str:
        return f"http://{self.http_host}:{self.http_port}/janus"


def write_config(folder: Path, config: JanusConfig) -> Path:
    """Write the three .jcfg files Janus reads from `folder` (created); returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    lib = lib_dir()
    nat = [
        "\tignore_mdns = true",
        '\tice_ignore_list = "vmnet"',
        *([f'\tnat_1_1_mapping = "{config.nat_1_1}"'] if config.nat_1_1 else []),
    ]
    (folder / "janus.jcfg").write_text(
        "general: {\n"
        f'\tconfigs_folder = "{folder}"\n'
        f'\tplugins_folder = "{lib / "plugins"}"\n'
        f'\ttransports_folder = "{lib / "transports"}"\n'
        f'\tevents_folder = "{lib / "events"}"\n'
        f'\tloggers_folder = "{lib / "loggers"}"\n'
        "\tdebug_level = 4\n"
        "\ttoken_auth = true\n"
        f'\ttoken_auth_secret = "{config.token_secret}"\n'
        "\tsession_timeout = 60\n"
        "}\n"
        "media: {\n"
        f'\trtp_port_range = "{config.rtp_ports[0]}-{config.rtp_ports[1]}"\n'
        "}\n"
        "nat: {\n" + "\n".join(nat) + "\n}\n"
        f'plugins: {{\n\tdisable = "{DISABLED_PLUGINS}"\n}}\n'
        f'transports: {{\n\tdisable = "{DISABLED_TRANSPORTS}"\n}}\n'
        'loggers: {\n\tdisable = "libjanus_jsonlog.so"\n}\n'
        "events: {\n\tbroadcast = false\n}\n"
    )
    (folder / "janus.transport.http.jcfg").write_text(
        "general: {\n"
        '\tjson = "plain"\n'
        '\tbase_path = "/janus"\n'
        "\thttp = true\n"
        f"\tport = {config.http_port}\n"
        f'\tip = "{config.http_host}"\n'
        "\thttps = false\n"
        "}\n"
        "admin: {\n\tadmin_http = false\n}\n"
    )
    (folder / "janus.plugin.videoroom.jcfg").write_text(
        "general: {\n"
        f'\tadmin_key = "{config.admin_key}"\n'
        "\tlock_rtp_forward = true\n"
        "\tlock_play_file = true\n"
        "}\n"
    )
    return folder


@dataclass
class Janus:
    """One Janus process. `prefix` runs it through another command (`ip netns exec NAME`)."""

    config: JanusConfig
    folder: Path
    prefix: list[str] = field(default_factory=list)
    proc: Proc | None = None
    popen: subprocess.Popen[bytes] | None = None
    ready_seconds: float = 0.0

    @property
    def log_path(self) -> Path:
        return self.folder / "janus.log"

    def start(self, timeout: float = 20.0) -> Janus:
        write_config(self.folder, self.config)
        argv = [*self.prefix, janus_bin(), "-F", str(self.folder), "-o"]
        self.proc, self.popen, self.ready_seconds = process.spawn_until_ready(
            "janus", argv, self.log_path, self.folder, self._answers, timeout=timeout
        )
        return self

    def _answers(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.config.url}/info", timeout=1) as reply:
                return bool(reply.status == 200)
        except OSError:
            return False

    def rss_bytes(self) -> int:
        """Janus's resident memory (the process itself, not the `ip netns exec` wrapper)."""
        assert self.proc is not None
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
        return 0

    def stop(self) -> None:
        if self.proc is not None:
            process.stop([self.proc], {self.proc.pid: self.popen} if self.popen else {})
            self.proc = self.popen = None
