"""Janus, the media server of live rooms: the HMAC-signed tokens its `token_auth_secret` verifies,
and the VideoRoom requests the service makes over Janus's HTTP API (create and destroy a room,
add and remove the tokens a room admits).

A Janus signed token is `<expiry>,janus,<descriptor>,...:<base64 HMAC-SHA1 of the part before
the colon>`. Janus checks the signature and the expiry on every request of a session and that
`janus.plugin.videoroom` is among the descriptors when a handle attaches. The descriptors after
it (`hireloop`, the room, a random nonce) are signed too, so every participant's token is its
own; a room admits only the tokens in its `allowed` list, so a token opens one room."""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import secrets
import time
import uuid
from dataclasses import dataclass
from typing import Any

import httpx

PLUGIN = "janus.plugin.videoroom"
REALM = "janus"


def sign_token(secret: str, expires: int, descriptors: list[str]) -> str:
    """A token Janus accepts until `expires` (Unix seconds) for the plugins named first."""
    data = ",".join([str(expires), REALM, *descriptors])
    digest = hmac.new(secret.encode(), data.encode(), hashlib.sha1).digest()
    return f"{data}:{base64.b64encode(digest).decode()}"


def participant_token(secret: str, expires: int, room: int) -> str:
    return sign_token(secret, expires, [PLUGIN, "hireloop", f"room{room}", secrets.token_hex(12)])


class JanusError(Exception):
    """Janus refused a request or could not be reached."""

    def __init__(self, code: int, reason: str) -> None:
        super().__init__(f"{code}: {reason}")
        self.code = code
        self.reason = reason


# VideoRoom's error codes the service handles.
NO_SUCH_ROOM = 426
ROOM_EXISTS = 427


@dataclass
class Janus:
    """One Janus node's HTTP API, as the service uses it: a session and a VideoRoom handle per
    request batch, created with a token of the service's own."""

    url: str
    token_secret: str
    admin_key: str
    timeout: float = 5.0

    def _token(self) -> str:
        return sign_token(self.token_secret, int(time.time()) + 60, [PLUGIN, "hireloop-service"])

    async def _post(self, client: httpx.AsyncClient, path: str, body: dict[str, Any]) -> Any:
        body = {**body, "transaction": uuid.uuid4().hex}
        try:
            reply = await client.post(self.url + path, json=body)
            data = reply.json()
        except (httpx.HTTPError, ValueError) as exc:
            raise JanusError(0, f"Janus did not answer: {type(exc).__name__}") from None
        if data.get("janus") == "error":
            error = data.get("error", {})
            raise JanusError(int(error.get("code", 0)), str(error.get("reason", "")))
        return data

    async def videoroom(self, *requests: dict[str, Any]) -> list[dict[str, Any]]:
        """Send VideoRoom requests in one session; the plugin's answers, in order. A plugin
        error answer raises JanusError with VideoRoom's code."""
        token = self._token()
        async with httpx.AsyncClient(timeout=self.timeout, trust_env=False) as client:
            session = await self._post(client, "", {"janus": "create", "token": token})
            sid = session["data"]["id"]
            try:
                handle = await self._post(
                    client, f"/{sid}", {"janus": "attach", "plugin": PLUGIN, "token": token}
                )
                hid = handle["data"]["id"]
                answers = []
                for request in requests:
                    reply = await self._post(
                        client,
                        f"/{sid}/{hid}",
                        {"janus": "message", "body": request, "token": token},
                    )
                    data = reply.get("plugindata", {}).get("data", {})
                    if "error_code" in data:
                        raise JanusError(int(data["error_code"]), str(data.get("error", "")))
                    answers.append(data)
                return answers
            finally:
                with contextlib.suppress(JanusError):
                    await self._post(client, f"/{sid}", {"janus": "destroy", "token": token})

    async def create_room(
        self,
        room: int,
        secret: str,
        description: str,
        allowed: list[str],
        publishers: int,
        *,
        rec_dir: str | None = None,
    ) -> None:
        """Create the room, or leave it as it is if it exists (a retried open). With `rec_dir`,
        Janus records every publisher's tracks there (one `.mjr` file per track)."""
        recording = {"record": True, "rec_dir": rec_dir} if rec_dir else {}
        try:
            await self.videoroom(
                {
                    "request": "create",
                    "admin_key": self.admin_key,
                    "room": room,
                    "secret": secret,
                    "description": description[:100],
                    "is_private": True,
                    "allowed": allowed,
                    "publishers": publishers,
                    "permanent": False,
                    "audiocodec": "opus",
                    "videocodec": "vp8",
                    "notify_joining": True,
                    **recording,
                }
            )
        except JanusError as exc:
            if exc.code != ROOM_EXISTS:
                raise

    async def destroy_room(self, room: int, secret: str) -> None:
        """Destroy the room (everyone in it is told and dropped); gone already is fine."""
        try:
            await self.videoroom({"request": "destroy", "room": room, "secret": secret})
        except JanusError as exc:
            if exc.code != NO_SUCH_ROOM:
                raise

    async def allow(self, room: int, secret: str, tokens: list[str]) -> None:
        await self.videoroom(
            {
                "request": "allowed",
                "room": room,
                "secret": secret,
                "action": "add",
                "allowed": tokens,
            }
        )

    async def ping(self) -> bool:
        """Whether the node answers (Janus's `info`, no session)."""
        try:
            async with httpx.AsyncClient(timeout=self.timeout, trust_env=False) as client:
                reply = await client.get(self.url + "/info")
            return reply.status_code == 200 and reply.json().get("janus") == "server_info"
        except (httpx.HTTPError, ValueError):
            return False

    async def participants(self, room: int, secret: str) -> dict[str, str]:
        """Who is in the room now: each feed's id and display name."""
        (answer,) = await self.videoroom(
            {"request": "listparticipants", "room": room, "secret": secret}
        )
        return {str(p["id"]): str(p.get("display") or "") for p in answer.get("participants", [])}
