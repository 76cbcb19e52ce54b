"""TURN relays for participants whose network blocks UDP to the media server: coturn's REST
API credentials (`use-auth-secret`), a user name that is its own expiry and an HMAC-SHA1 of it
under the secret coturn is started with, so coturn checks them without calling the service."""

from __future__ import annotations

import base64
import hashlib
import hmac

from services.live.schemas import IceServer


def credentials(secret: str, expires: int, label: str) -> tuple[str, str]:
    """(user name, password) valid until the Unix time `expires`."""
    username = f"{expires}:{label}"
    digest = hmac.new(secret.encode(), username.encode(), hashlib.sha1).digest()
    return username, base64.b64encode(digest).decode()


def ice_servers(urls: list[str], secret: str, expires: int, label: str) -> list[IceServer]:
    """The relays a participant's browser may use (none when no TURN is configured)."""
    if not urls:
        return []
    username, password = credentials(secret, expires, label)
    return [IceServer(urls=urls, username=username, credential=password)]
