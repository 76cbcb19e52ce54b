"""A scripted participant of a live room: aiortc publishing synthetic video and audio into a Janus
VideoRoom and subscribing to the others, over Janus's HTTP API with the token the live service
minted. ICE gathers only on the given address (the test's end of the namespace's veth) and uses
no STUN server, so nothing leaves the namespace."""

from __future__ import annotations

import asyncio
import contextlib
import fractions
import math
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import aioice.ice
import httpx
from aiortc import (
    MediaStreamTrack,
    RTCConfiguration,
    RTCPeerConnection,
    RTCSessionDescription,
)
from aiortc.mediastreams import AUDIO_PTIME, AudioStreamTrack, VideoStreamTrack
from av import AudioFrame


class ToneTrack(AudioStreamTrack):
    """A voice that is a steady sine tone of `hertz` (tells participants apart in a mix)."""

    RATE = 48000

    def __init__(self, hertz: float) -> None:
        super().__init__()
        self.hertz = hertz
        self._sent = 0
        self._began = 0.0

    async def recv(self) -> AudioFrame:
        samples = int(AUDIO_PTIME * self.RATE)
        if self._sent:
            await asyncio.sleep(self._began + self._sent / self.RATE - time.time())
        else:
            self._began = time.time()
        step = 2 * math.pi * self.hertz / self.RATE
        pcm = b"".join(
            int(12000 * math.sin(step * (self._sent + i))).to_bytes(2, "little", signed=True)
            for i in range(samples)
        )
        frame = AudioFrame(format="s16", layout="mono", samples=samples)
        frame.planes[0].update(pcm)
        frame.pts = self._sent
        frame.sample_rate = self.RATE
        frame.time_base = fractions.Fraction(1, self.RATE)
        self._sent += samples
        return frame


def pin_host_address(address: str) -> None:
    """aioice gathers every interface but loopback by default; gather only `address`."""

    def only(use_ipv4: bool, use_ipv6: bool) -> list[str]:
        return [address]

    aioice.ice.get_host_addresses = only


NO_SUCH_FEED = 428


class Refused(Exception):
    def __init__(self, code: int, reason: str) -> None:
        super().__init__(f"{code}: {reason}")
        self.code = code


@dataclass
class Participant:
    janus_url: str
    token: str
    room: int
    display: str
    client: httpx.AsyncClient = field(default_factory=lambda: httpx.AsyncClient(timeout=10))
    session: int = 0
    events: asyncio.Queue[dict[str, Any]] = field(default_factory=asyncio.Queue)
    pcs: list[RTCPeerConnection] = field(default_factory=list)
    frames: dict[int, int] = field(default_factory=dict)  # feed -> video frames received
    audio: dict[int, int] = field(default_factory=dict)  # feed -> audio frames received
    first_frame: asyncio.Future[float] | None = None
    tone: float | None = None  # publish this sine tone as the voice (else silence)
    video: Callable[[], MediaStreamTrack] | None = None  # the video to publish (else green)
    publisher_id: int = 0
    _poll: asyncio.Task[None] | None = None
    _tasks: list[asyncio.Future[None]] = field(default_factory=list)

    async def _post(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        body = {**body, "transaction": uuid.uuid4().hex, "token": self.token}
        data: dict[str, Any] = (await self.client.post(self.janus_url + path, json=body)).json()
        if data.get("janus") == "error":
            raise Refused(int(data["error"]["code"]), data["error"]["reason"])
        return data

    async def _long_poll(self) -> None:
        while True:
            reply = await self.client.get(
                f"{self.janus_url}/{self.session}",
                params={"maxev": 10, "token": self.token},
                timeout=40,
            )
            data = reply.json()
            for event in data if isinstance(data, list) else [data]:
                if event.get("janus") != "keepalive":
                    await self.events.put(event)

    async def _event(self, handle: int, wanted: str, timeout: float = 10) -> dict[str, Any]:
        """The next plugin event of `handle` that carries `wanted` (a JSEP, `joined`, ...);
        others (another publisher's notices) are set aside."""
        deadline = time.monotonic() + timeout
        kept = []
        try:
            while True:
                event = await asyncio.wait_for(
                    self.events.get(), max(0.01, deadline - time.monotonic())
                )
                if event.get("sender") == handle and event.get("janus") == "event":
                    data = event["plugindata"]["data"]
                    if "error_code" in data:
                        raise Refused(int(data["error_code"]), data["error"])
                    if wanted in event or data.get("videoroom") == wanted or wanted in data:
                        return event
                    continue
                kept.append(event)
        finally:
            for event in kept:
                self.events.put_nowait(event)

    async def connect(self) -> None:
        self.session = (await self._post("", {"janus": "create"}))["data"]["id"]
        self._poll = asyncio.create_task(self._long_poll())

    async def _attach(self) -> int:
        reply = await self._post(
            f"/{self.session}", {"janus": "attach", "plugin": "janus.plugin.videoroom"}
        )
        return int(reply["data"]["id"])

    async def _message(
        self, handle: int, body: dict[str, Any], wanted: str, jsep: dict[str, str] | None = None
    ) -> dict[str, Any]:
        message: dict[str, Any] = {"janus": "message", "body": body}
        if jsep:
            message["jsep"] = jsep
        await self._post(f"/{self.session}/{handle}", message)
        return await self._event(handle, wanted)

    async def publish(self) -> list[int]:
        """Join as a publisher and send video and audio; the feeds already publishing."""
        handle = await self._attach()
        joined = await self._message(
            handle,
            {
                "request": "join",
                "ptype": "publisher",
                "room": self.room,
                "token": self.token,
                "display": self.display,
            },
            "joined",
        )
        data = joined["plugindata"]["data"]
        self.publisher_id = int(data["id"])
        pc = RTCPeerConnection(RTCConfiguration(iceServers=[]))
        self.pcs.append(pc)
        up = asyncio.Event()

        @pc.on("connectionstatechange")
        def changed() -> None:
            if pc.connectionState == "connected":
                up.set()

        pc.addTrack(self.video() if self.video else VideoStreamTrack())
        pc.addTrack(ToneTrack(self.tone) if self.tone else AudioStreamTrack())
        await pc.setLocalDescription(await pc.createOffer())
        offer = pc.localDescription
        answered = await self._message(
            handle,
            {"request": "configure", "audio": True, "video": True},
            "jsep",
            {"type": offer.type, "sdp": offer.sdp},
        )
        jsep = answered["jsep"]
        await pc.setRemoteDescription(RTCSessionDescription(jsep["sdp"], jsep["type"]))
        # Others can subscribe to the feed once its media reaches Janus (else "no such feed").
        await asyncio.wait_for(up.wait(), 20)
        return [int(p["id"]) for p in data.get("publishers", [])]

    async def subscribe(self, feed: int) -> None:
        """Receive `feed`'s tracks, counting its frames; the first frame resolves `first_frame`."""
        handle = await self._attach()
        for attempt in range(50):
            try:
                attached = await self._message(
                    handle,
                    {
                        "request": "join",
                        "ptype": "subscriber",
                        "room": self.room,
                        "token": self.token,
                        "streams": [{"feed": feed}],
                    },
                    "attached",
                )
                break
            except Refused as refused:  # the feed's media not yet at Janus: a moment later
                if refused.code != NO_SUCH_FEED or attempt == 49:
                    raise
                await asyncio.sleep(0.1)
        pc = RTCPeerConnection(RTCConfiguration(iceServers=[]))
        self.pcs.append(pc)
        loop = asyncio.get_running_loop()
        self.first_frame = self.first_frame or loop.create_future()

        @pc.on("track")
        def on_track(track: MediaStreamTrack) -> None:
            counts = self.frames if track.kind == "video" else self.audio
            counts.setdefault(feed, 0)
            self._tasks.append(asyncio.ensure_future(self._count(track, counts, feed)))

        jsep = attached["jsep"]
        await pc.setRemoteDescription(RTCSessionDescription(jsep["sdp"], jsep["type"]))
        await pc.setLocalDescription(await pc.createAnswer())
        answer = pc.localDescription
        await self._message(
            handle, {"request": "start"}, "started", {"type": answer.type, "sdp": answer.sdp}
        )

    async def received(self) -> dict[str, tuple[int, int]]:
        """Packets lost and received so far on each stream of the feeds it subscribed to (RTCP
        statistics), by subscription and stream."""
        found: dict[str, tuple[int, int]] = {}
        for n, pc in enumerate(self.pcs[1:]):
            for key, stat in (await pc.getStats()).items():
                if stat.type == "inbound-rtp":
                    found[f"{n}/{key}"] = (max(0, stat.packetsLost), stat.packetsReceived)
        return found

    async def _count(self, track: MediaStreamTrack, counts: dict[int, int], feed: int) -> None:
        while True:
            try:
                await track.recv()
            except Exception:
                return
            counts[feed] += 1
            if track.kind == "video" and self.first_frame and not self.first_frame.done():
                self.first_frame.set_result(time.perf_counter())

    async def close(self) -> None:
        if self.client.is_closed:  # closed already (a test's leaving, then its clean-up)
            return
        for task in self._tasks:
            task.cancel()
        for pc in self.pcs:
            await pc.close()
        if self._poll is not None:
            self._poll.cancel()
            with contextlib.suppress(asyncio.CancelledError, httpx.HTTPError):
                await self._poll
        if self.session:
            with contextlib.suppress(Refused, httpx.HTTPError):
                await self._post(f"/{self.session}", {"janus": "destroy"})
        await self.client.aclose()
