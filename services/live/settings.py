"""Live settings: the Janus node, the secrets shared with it, and when a booking's room is open."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from services.chassis.settings import Settings


class LiveSettings(Settings):
    service_name: str = "live"
    # Janus's HTTP API as the service reaches it, and as browsers reach it (empty: the same).
    janus_url: str = "http://127.0.0.1:8088/janus"
    janus_public_url: str = ""
    # Several Janus nodes (comma-separated, replacing janus_url) and where browsers reach each
    # (the same order; empty: the same URLs). Rooms go to the node with the fewest open rooms; a
    # node that stops answering has its open rooms moved to the others.
    janus_urls: str = ""
    janus_public_urls: str = ""
    # Janus's `token_auth_secret`: the service signs participants' tokens with it; and VideoRoom's
    # `admin_key`: only the service creates and destroys rooms. Both are required to start (at
    # least 16 characters); empty only lets tools build the service without running it.
    janus_token_secret: str = ""
    janus_admin_key: str = ""
    # A booking's room opens this long before its start and closes this long after its end.
    live_open_minutes_before: int = Field(default=10, ge=0, le=1440)
    live_close_minutes_after: int = Field(default=15, ge=0, le=1440)
    # A participant's token lasts this long (and never past the room's close).
    live_token_seconds: int = Field(default=4 * 3600, ge=60)
    # Publishers a room holds (the candidate and a panel of up to seven).
    live_max_participants: int = Field(default=8, ge=2, le=32)
    # TURN relays (coturn with `use-auth-secret`) for participants whose network blocks UDP to
    # Janus: the URLs browsers are given (e.g. `turn:turn.example.com:3478?transport=udp`), the
    # `static-auth-secret` coturn checks credentials with, and `relay` to allow relays only.
    # The URLs are comma-separated.
    turn_urls: str = ""
    turn_secret: str = ""
    ice_transport_policy: Literal["all", "relay"] = "all"
    # Where Janus records the rooms of interview types that record (a folder per tenant and
    # booking) and this service reads the tracks from: the same path on a volume both mount.
    # Empty: no room is recorded (the candidate is told nothing is).
    live_recordings_dir: str = ""
    # The job that opens and closes rooms runs this often.
    live_poll_seconds: float = 5.0

    def check_secrets(self) -> None:
        short = [
            name
            for name in ("janus_token_secret", "janus_admin_key")
            if len(getattr(self, name)) < 16
        ]
        if self.turn_relays and len(self.turn_secret) < 16:
            short.append("turn_secret")
        nodes, public = _split(self.janus_urls), _split(self.janus_public_urls)
        if public and len(public) != len(nodes):
            raise RuntimeError("JANUS_PUBLIC_URLS must name one URL per node of JANUS_URLS")
        if short:
            raise RuntimeError(f"set {', '.join(n.upper() for n in short)} (16+ characters)")

    @property
    def turn_relays(self) -> list[str]:
        return _split(self.turn_urls)

    @property
    def janus_nodes(self) -> dict[str, str]:
        """Every Janus node: its HTTP API as the service reaches it -> as browsers reach it."""
        nodes = _split(self.janus_urls)
        if not nodes:
            return {self.janus_url: self.janus_public_url or self.janus_url}
        public = _split(self.janus_public_urls) or nodes
        return dict(zip(nodes, public, strict=False))


def _split(urls: str) -> list[str]:
    return [url.strip() for url in urls.split(",") if url.strip()]
