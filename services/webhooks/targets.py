"""Where a webhook may go (SSRF): https only unless allowed, and no host whose addresses include a
private, loopback, link-local, multicast, reserved or metadata address, unless the operator
allows that network. Checked at registration and again at every attempt, and the request goes to
the address that was checked (a DNS answer that changes in between cannot redirect it)."""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

IP = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network

METADATA = {ipaddress.ip_address("169.254.169.254"), ipaddress.ip_address("fd00:ec2::254")}


class TargetRefused(Exception):
    """The target may not be called; `code` is the stable problem code."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(detail)
        self.code = code
        self.detail = detail


@dataclass(frozen=True)
class Target:
    """A checked target: the URL to request (the host replaced by the checked address), the
    Host header and the TLS server name of the original."""

    url: str
    host_header: str
    server_name: str | None


@dataclass(frozen=True)
class Policy:
    allow_http: bool
    allowed: tuple[Network, ...]

    @classmethod
    def of(cls, allow_http: bool, networks: list[str]) -> Policy:
        return cls(allow_http, tuple(ipaddress.ip_network(n, strict=False) for n in networks))

    def forbidden(self, address: IP) -> bool:
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
            address = address.ipv4_mapped
        if any(address in network for network in self.allowed):
            return False
        return (
            address in METADATA
            or address.is_private
            or address.is_loopback
            or address.is_link_local
            or address.is_multicast
            or address.is_reserved
            or address.is_unspecified
            or (isinstance(address, ipaddress.IPv4Address) and address in _SHARED)
        )

    def check_url(self, url: str) -> tuple[str, str, int]:
        """The scheme, host and port of an acceptable URL; raises TargetRefused."""
        parts = urlsplit(url)
        if parts.scheme not in {"https", "http"}:
            raise TargetRefused("invalid_target", "The URL must be https://.")
        if parts.scheme == "http" and not self.allow_http:
            raise TargetRefused("https_required", "Webhook URLs must use https://.")
        if parts.username or parts.password:
            raise TargetRefused("invalid_target", "The URL may not carry credentials.")
        if not parts.hostname:
            raise TargetRefused("invalid_target", "The URL has no host.")
        try:
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError:
            raise TargetRefused("invalid_target", "The URL's port is not valid.") from None
        return parts.scheme, parts.hostname, port

    async def resolve(self, url: str) -> Target:
        """Resolve the host now and refuse it if any of its addresses is forbidden."""
        scheme, host, port = self.check_url(url)
        try:
            literal: IP | None = ipaddress.ip_address(host)
        except ValueError:
            literal = None
        if literal is not None:
            addresses: list[IP] = [literal]
        else:
            try:
                infos = await asyncio.get_running_loop().getaddrinfo(
                    host, port, type=socket.SOCK_STREAM
                )
            except (socket.gaierror, UnicodeError):
                raise TargetRefused("target_unresolvable", f"{host} does not resolve.") from None
            addresses = list(dict.fromkeys(ipaddress.ip_address(i[4][0]) for i in infos))
            if not addresses:
                raise TargetRefused("target_unresolvable", f"{host} does not resolve.")
        refused = [a for a in addresses if self.forbidden(a)]
        if refused:
            raise TargetRefused(
                "target_forbidden",
                f"{host} resolves to {refused[0]}, a private, loopback, link-local or "
                "metadata address.",
            )
        address = addresses[0]
        parts = urlsplit(url)
        netloc = f"[{address}]:{port}" if address.version == 6 else f"{address}:{port}"
        default_port = port == (443 if scheme == "https" else 80)
        named = f"[{host}]" if ":" in host else host
        host_header = named if default_port else f"{named}:{port}"
        return Target(
            urlunsplit((scheme, netloc, parts.path or "/", parts.query, "")),
            host_header,
            host if scheme == "https" and literal is None else None,
        )


_SHARED = ipaddress.ip_network("100.64.0.0/10")  # carrier-grade NAT, not global
