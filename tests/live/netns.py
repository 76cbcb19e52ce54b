"""A network namespace for Janus, made and removed by the test (as root): a veth pair with one end
in the namespace (where Janus offers its address for ICE) and one in the test's own namespace, so
the services and the WebRTC clients of the test reach Janus and nothing else."""

from __future__ import annotations

import os
import random
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass


@dataclass(frozen=True)
class Namespace:
    name: str
    inside: str  # Janus's address (the namespace's end of the veth)
    outside: str  # the test's address (our end of the veth)
    outer_link: str

    @property
    def prefix(self) -> list[str]:
        return ["ip", "netns", "exec", self.name]


def available() -> str | None:
    """Why a namespace cannot be made here, or None."""
    if os.geteuid() != 0:
        return "network namespaces need root here"
    if not shutil.which("ip"):
        return "the `ip` command (iproute2) is missing"
    if not shutil.which("janus"):
        return "Janus is not installed (apt-get install janus janus-tools)"
    return None


def _ip(*args: str) -> None:
    subprocess.run(["ip", *args], check=True, capture_output=True)


def _used_subnets() -> str:
    return subprocess.run(["ip", "-4", "route"], capture_output=True, text=True).stdout


def _local_addresses() -> set[str]:
    """This namespace's own IPv4 addresses, loopback excepted."""
    out = subprocess.run(["ip", "-4", "-o", "addr"], capture_output=True, text=True).stdout
    found = {line.split()[3].split("/")[0] for line in out.splitlines() if " inet " in line}
    return {a for a in found if not a.startswith("127.")}


@contextmanager
def namespace() -> Iterator[Namespace]:
    tag = f"{os.getpid() % 100000}{random.randrange(100)}"
    name, outer, inner = f"hl-live-{tag}", f"hlo{tag}", f"hli{tag}"
    used = _used_subnets()
    third = next(n for n in random.sample(range(256), 256) if f"10.213.{n}." not in used)
    ns = Namespace(name, f"10.213.{third}.1", f"10.213.{third}.2", outer)
    _ip("netns", "add", name)
    try:
        _ip("link", "add", outer, "type", "veth", "peer", "name", inner, "netns", name)
        for path in (f"/proc/sys/net/ipv6/conf/{outer}/disable_ipv6",):
            with open(path, "w") as f:  # no router solicitations from our end
                f.write("1")
        subprocess.run(
            [*ns.prefix, "sysctl", "-qw", "net.ipv6.conf.all.disable_ipv6=1"],
            check=True,
            capture_output=True,
        )
        _ip("-n", name, "addr", "add", f"{ns.inside}/30", "dev", inner)
        _ip("-n", name, "link", "set", "lo", "up")
        _ip("-n", name, "link", "set", inner, "up")
        _ip("addr", "add", f"{ns.outside}/30", "dev", outer)
        _ip("link", "set", outer, "up")
        # A browser sends from each of this machine's addresses (its TURN allocations too): the
        # namespace answers them back through the veth. They are local addresses here, so
        # nothing is forwarded onwards.
        for address in _local_addresses() - {ns.outside}:
            _ip("-n", name, "route", "add", f"{address}/32", "via", ns.outside, "dev", inner)
        yield ns
    finally:
        subprocess.run(["ip", "link", "del", outer], capture_output=True)
        subprocess.run(["ip", "netns", "del", name], capture_output=True)
