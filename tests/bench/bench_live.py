"""Live rooms: the time from joining to the first remote video frame (p50, p95), and, as a room
fills with participants publishing 720p, Janus's CPU and memory per participant and the packet
loss, up to the largest room under 1 % loss. aiortc participants and Janus in a network namespace
of its own (as the tests run it); in the filling rooms they send pre-encoded 720p VP8 and count
what they receive without decoding it, so that the load generator, on the same two cores, is not
what limits the room. Prints figures; asserts nothing."""

from __future__ import annotations

import asyncio
import fractions
import multiprocessing
import os
import secrets
import statistics
import subprocess
import tempfile
import time
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import aiortc.rtcrtpreceiver
import av
from aiortc import MediaStreamTrack

from embedded import Endpoints
from embedded.janus import Janus as JanusProcess
from embedded.janus import JanusConfig
from services.live.janus import Janus, participant_token
from tests.live import netns
from tests.live.participant import Participant, pin_host_address
from tests.support import free_port

ROUNDS = 10
MAX_ROOM = 8  # the live service's default room size (LIVE_MAX_PARTICIPANTS)
TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


async def join_pair(janus: Janus, config: JanusConfig, room: int) -> tuple[float, float]:
    """Two participants; from the second's join request to the first frame of the first's video
    it receives, and from its subscribe request to that frame."""
    expires = int(time.time()) + 600
    tokens = [participant_token(config.token_secret, expires, room) for _ in range(2)]
    await janus.create_room(room, "s", "bench", tokens, 8)
    a, b = (Participant(config.url, t, room, n) for t, n in zip(tokens, "ab", strict=True))
    try:
        await a.connect()
        await a.publish()
        started = time.perf_counter()
        await b.connect()
        await b.publish()
        subscribing = time.perf_counter()
        await b.subscribe(a.publisher_id)
        assert b.first_frame is not None
        first = await asyncio.wait_for(b.first_frame, 20)
        return first - started, first - subscribing
    finally:
        for p in (a, b):
            await p.close()
        await janus.destroy_room(room, "s")


class EncodedTrack(MediaStreamTrack):
    """A camera's 720p VP8, encoded once by ffmpeg and sent as it is (aiortc packetises a packet
    without encoding it), at 30 frames/s, looping: what a browser sends, at no encoding cost to
    this machine, so the room's size is bounded by Janus rather than by the load generator."""

    kind = "video"

    def __init__(self, packets: list[bytes]) -> None:
        super().__init__()
        self.packets = packets
        self.n = 0
        self.began = 0.0

    async def recv(self) -> av.Packet:
        if self.n == 0:
            self.began = time.monotonic()
        await asyncio.sleep(max(0.0, self.began + self.n / 30 - time.monotonic()))
        packet = av.Packet(self.packets[self.n % len(self.packets)])
        packet.pts, packet.time_base = self.n * 3000, fractions.Fraction(1, 90000)
        self.n += 1
        return packet


def encoded_720p(folder: Path) -> Path:
    """Ten seconds of changing 720p video in VP8 (a keyframe every 2 s, 1.5 Mbit/s)."""
    path = folder / "camera.webm"
    subprocess.run(
        [
            "ffmpeg",
            "-v",
            "error",
            "-f",
            "lavfi",
            "-i",
            "testsrc2=size=1280x720:rate=30",
            "-t",
            "10",
            "-c:v",
            "libvpx",
            "-b:v",
            "1500k",
            "-g",
            "60",
            "-deadline",
            "realtime",
            "-cpu-used",
            "8",
            "-an",
            str(path),
        ],
        check=True,
    )
    return path


def count_without_decoding() -> None:
    """Receivers count the frames they get rather than decode them (decoding 720p in Python
    would bound the room by the load generator): each frame is handed on as it arrived."""

    def worker(loop: Any, input_q: Any, output_q: Any, decode_error: Any) -> None:
        while (task := input_q.get()) is not None:
            asyncio.run_coroutine_threadsafe(output_q.put(task[1]), loop)
        asyncio.run_coroutine_threadsafe(output_q.put(None), loop)

    aiortc.rtcrtpreceiver.decoder_worker = worker  # type: ignore[assignment]


def machine_busy() -> tuple[float, float]:
    """The machine's busy and total CPU time so far (all cores), from /proc/stat."""
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = values[3] + values[4]
    return sum(values) - idle, sum(values)


WORKERS = 2  # processes the participants are spread over: one Python process holds about five


async def _worker_loop(
    conn: Connection, url: str, room: int, tokens: list[str], packets: str, address: str
) -> None:
    """One load-generator process: its participants publish, subscribe to every other feed the
    parent names, and report what they received between the parent's marks."""
    pin_host_address(address)
    count_without_decoding()
    with av.open(packets) as media:
        encoded = [bytes(p) for p in media.demux(video=0) if p.size]
    people = [
        Participant(url, t, room, f"w{os.getpid()}-{i}", video=lambda: EncodedTrack(encoded))
        for i, t in enumerate(tokens)
    ]
    try:
        for p in people:
            await p.connect()
            await p.publish()
        conn.send([p.publisher_id for p in people])
        feeds: list[int] = await asyncio.to_thread(conn.recv)
        for p in people:
            for feed in feeds:
                if feed != p.publisher_id:
                    await p.subscribe(feed)
        conn.send("subscribed")
        await asyncio.to_thread(conn.recv)  # start
        start = [await p.received() for p in people]
        frames, own = sum(sum(p.frames.values()) for p in people), sum(os.times()[:2])
        await asyncio.to_thread(conn.recv)  # stop
        end = [await p.received() for p in people]
        deltas = [
            (after[k][0] - before[k][0], after[k][1] - before[k][1])
            for before, after in zip(start, end, strict=True)
            for k in before.keys() & after.keys()
        ]
        conn.send(
            {
                "lost": sum(max(0, lost) for lost, _ in deltas),
                "received": sum(max(0, got) for _, got in deltas),
                "frames": sum(sum(p.frames.values()) for p in people) - frames,
                "cpu": sum(os.times()[:2]) - own,
            }
        )
        await asyncio.to_thread(conn.recv)  # done
    finally:
        for p in people:
            await p.close()


def _worker(conn: Connection, *args: Any) -> None:
    asyncio.run(_worker_loop(conn, *args))


async def fill(
    janus: Janus, config: JanusConfig, proc: JanusProcess, size: int, packets: Path, address: str
) -> float:
    """`size` participants publishing 720p, each receiving everyone else: Janus's CPU and memory,
    the load generator's and the machine's CPU, frames received and packet loss over 10 s;
    returns the loss."""
    room = 900 + size
    expires = int(time.time()) + 600
    tokens = [participant_token(config.token_secret, expires, room) for _ in range(size)]
    await janus.create_room(room, "s", "bench", tokens, MAX_ROOM)
    context = multiprocessing.get_context("spawn")
    links, workers = [], []
    for n in range(WORKERS):
        mine = tokens[n::WORKERS]
        if not mine:
            continue
        parent, child = context.Pipe()
        worker = context.Process(
            target=_worker, args=(child, config.url, room, mine, str(packets), address)
        )
        worker.start()
        links.append(parent)
        workers.append(worker)
    try:
        rss_before = proc.rss_bytes()
        feeds = [f for link in links for f in await asyncio.to_thread(link.recv)]
        for link in links:
            link.send(feeds)
        for link in links:
            assert await asyncio.to_thread(link.recv) == "subscribed"
        await asyncio.sleep(5)
        assert proc.proc is not None
        before, at = cpu_seconds(proc.proc.pid), time.monotonic()
        busy0, total0 = machine_busy()
        for link in links:
            link.send("start")
        await asyncio.sleep(10)
        for link in links:
            link.send("stop")
        elapsed = time.monotonic() - at
        used = (cpu_seconds(proc.proc.pid) - before) / elapsed
        busy1, total1 = machine_busy()
        reports = [await asyncio.to_thread(link.recv) for link in links]
        for link in links:
            link.send("done")
        lost = sum(r["lost"] for r in reports)
        got = sum(r["received"] for r in reports)
        loss = lost / (lost + got) if lost + got else 1.0
        received = sum(r["frames"] for r in reports) / elapsed
        generator = sum(r["cpu"] for r in reports) / elapsed
        wanted = size * (size - 1) * 30
        rss = proc.rss_bytes()
        print(
            f"room of {size} at 720p: Janus {used * 100:.1f} % of a core "
            f"({used * 100 / size:.1f} % per participant), {rss / 2**20:.1f} MiB "
            f"(+{(rss - rss_before) / 2**20 / size:.1f} MiB per participant); participants "
            f"{generator * 100:.0f} % of a core in {len(links)} processes; machine "
            f"{(busy1 - busy0) / (total1 - total0) * 100:.0f} % busy; {received:.0f} of "
            f"{wanted} video frames/s received; packet loss {loss * 100:.2f} %"
        )
        return loss
    finally:
        for worker in workers:
            worker.join(timeout=30)
            if worker.is_alive():
                worker.kill()
        await janus.destroy_room(room, "s")


async def run(endpoints: Endpoints) -> None:
    if (why := netns.available()) is not None:
        print(f"skipped: {why}")
        return
    with netns.namespace() as ns, tempfile.TemporaryDirectory() as tmp:
        config = JanusConfig(
            ns.inside, free_port(), secrets.token_hex(16), secrets.token_hex(16), (22000, 22999)
        )
        proc = JanusProcess(config, Path(tmp), prefix=ns.prefix).start()
        try:
            pin_host_address(ns.outside)
            janus = Janus(config.url, config.token_secret, config.admin_key)
            print(f"janus ready in {proc.ready_seconds:.3f} s, {proc.rss_bytes() / 2**20:.1f} MiB")
            joins, subscribes = [], []
            for n in range(ROUNDS):
                join, subscribe = await join_pair(janus, config, 100 + n)
                joins.append(join)
                subscribes.append(subscribe)
            for name, values in (("join", joins), ("subscribe", subscribes)):
                q = statistics.quantiles(values, n=20)
                print(
                    f"{name} to first remote frame over {ROUNDS}: "
                    f"p50 {statistics.median(values):.3f} s, p95 {q[18]:.3f} s"
                )
            # Rooms grow until the packet loss passes 1 % or the room is full.
            largest = 0
            packets = encoded_720p(Path(tmp))
            for size in range(2, MAX_ROOM + 1):
                if await fill(janus, config, proc, size, packets, ns.outside) > 0.01:
                    break
                largest = size
            print(f"largest room under 1 % packet loss: {largest} participants")
        finally:
            proc.stop()
