"""`make run`'s console: each service's full JSON log goes to its file, the console gets the banner,
readiness and one line per warning or error; `--verbose` streams every line."""

from __future__ import annotations

import asyncio
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from aiokafka import AIOKafkaProducer

from embedded import process
from embedded.launcher import SERVICES, repo_root
from embedded.stack import Stack
from tests.support import free_port

SERVERS = ("s3", "kafka", "mongo", "smtp")

# A real process logging through the services' JSON logging, at every level.
NOISY = """
import logging, sys
from services.chassis.logs import configure_logging
configure_logging("noisy", "DEBUG")
log = logging.getLogger("services.noisy")
print("not json: a stray print")
log.debug("debug detail")
log.info("service started", extra={"seconds": 0.1})
log.warning("waiting for dependency", extra={"dependency": "kafka"})
log.error("event dead-lettered\\nsecond line")
try:
    raise KeyError("gone")
except KeyError:
    log.exception("handler failed")
sys.stdout.flush()
"""


def json_lines(path: Path) -> list[dict[str, object]]:
    records = []
    for line in path.read_text().splitlines():
        if line.startswith("{"):
            records.append(json.loads(line))
    return records


def test_console_line_keeps_only_warnings_and_errors_on_one_line() -> None:
    def record(level: str, message: str, **extra: str) -> str:
        return json.dumps({"level": level, "service": "review", "message": message, **extra})

    assert process.console_line("review", record("info", "service started")) is None
    assert process.console_line("review", record("debug", "x")) is None
    assert process.console_line("review", "--- starting review: python -m services.review") is None
    assert process.console_line("review", "Traceback (most recent call last):") is None
    assert process.console_line("review", "[1, 2]") is None
    assert (
        process.console_line("review", record("warning", "mail not sent"))
        == "     review | WARNING mail not sent"
    )
    line = process.console_line(
        "review",
        record("error", "round\nfailed", exception="Traceback ...\n  File x\nKeyError: 'gone'\n"),
    )
    assert line == "     review | ERROR   round failed (KeyError: 'gone')"


def test_follow_passes_whole_lines_only_and_drains_on_stop(tmp_path: Path) -> None:
    path = tmp_path / "svc.log"
    path.write_text("before\n")
    seen: list[str] = []
    stop = threading.Event()
    thread = threading.Thread(
        target=process.follow, args=(path, path.stat().st_size, stop, seen.append, 0.02)
    )
    thread.start()
    with open(path, "a") as f:
        f.write('{"level": "warn')
        f.flush()
        time.sleep(0.1)
        assert seen == []  # half a record is held back
        f.write('ing"}\nlast\n')
    stop.set()
    thread.join(timeout=5)
    assert seen == ['{"level": "warning"}\n', "last\n"]


@pytest.mark.parametrize("verbose", [False, True])
def test_a_service_log_goes_whole_to_its_file_and_only_warnings_to_the_console(
    tmp_path: Path, verbose: bool
) -> None:
    log_path = tmp_path / "logs" / "noisy.log"
    env = {**os.environ, "PYTHONPATH": str(repo_root())}
    proc, popen = process.spawn(
        "noisy", [sys.executable, "-c", NOISY], log_path, env, cwd=repo_root()
    )
    console: list[str] = []
    stop = threading.Event()

    def show(line: str) -> None:
        text = f"noisy | {line.rstrip()}" if verbose else process.console_line("noisy", line)
        if text is not None:
            console.append(text)

    thread = threading.Thread(target=process.follow, args=(log_path, 0, stop, show, 0.02))
    thread.start()
    assert popen.wait(timeout=30) == 0
    stop.set()
    thread.join(timeout=5)

    levels = [(r["level"], r["message"]) for r in json_lines(log_path)]
    assert levels == [
        ("debug", "debug detail"),
        ("info", "service started"),
        ("warning", "waiting for dependency"),
        ("error", "event dead-lettered\nsecond line"),
        ("error", "handler failed"),
    ]
    assert all(r["service"] == "noisy" for r in json_lines(log_path))
    if verbose:
        assert len(console) == len(log_path.read_text().splitlines())
        assert any('"level": "info"' in line for line in console)
    else:
        assert console == [
            "      noisy | WARNING waiting for dependency",
            "      noisy | ERROR   event dead-lettered second line",
            "      noisy | ERROR   handler failed (KeyError: 'gone')",
        ]
    assert not process.is_running(proc)


# --- the launcher as `make run` starts it ------------------------------------------------------

BANNER = re.compile(
    r"^(Hireloop is up in [\d.]+ s: http://\S+  \(Ctrl-C to stop\)"
    r"|  (API docs|Admin API key|Admin login|Logs|Try|Status): +.+)$"
)
READINESS = re.compile(r"^\d\d:\d\d:\d\d .*\bready in [\d.]+ s")
WARNING = re.compile(r"^ *[a-z]+ \| (WARNING|ERROR|CRITICAL) +\S")
STOPPING = re.compile(r"^(stopping\.\.\.|stopped)$")


class Run:
    """`python -m embedded run` in a process of its own, its console collected line by line."""

    def __init__(self, data_dir: Path, *flags: str) -> None:
        self.data_dir = data_dir
        env = {**os.environ, "GATEWAY_PORT": str(free_port()), "PYTHONUNBUFFERED": "1"}
        argv = [sys.executable, "-m", "embedded", "run", "--data-dir", str(data_dir), *flags]
        self.popen = subprocess.Popen(
            argv,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=env,
            cwd=repo_root(),
            start_new_session=True,
        )
        self.lines: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.popen.stdout is not None
        for line in self.popen.stdout:
            self.lines.append(line.rstrip("\n"))

    def wait_for(self, pattern: str, timeout: float = 180) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in list(self.lines):
                if re.search(pattern, line):
                    return line
            if self.popen.poll() is not None and not self._reader.is_alive():
                break
            time.sleep(0.1)
        raise AssertionError(f"no line matching {pattern!r}; console:\n" + "\n".join(self.lines))

    def stop(self) -> list[str]:
        if self.popen.poll() is None:
            os.kill(self.popen.pid, signal.SIGINT)
        try:
            self.popen.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(self.popen.pid, signal.SIGKILL)
            self.popen.wait()
        self._reader.join(timeout=10)
        return self.lines


@pytest.fixture
def data_dir(tmp_path: Path) -> Iterator[Path]:
    yield tmp_path / "data"
    process.stop_recorded(tmp_path / "data" / "services.json")
    Stack.stop_from_file(tmp_path / "data")


async def publish_headerless(bootstrap: str, topic: str) -> None:
    """A message with no CloudEvents headers: every consumer of the topic dead-letters it."""
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all")
    await producer.start()
    try:
        await producer.send_and_wait(topic, b"{}", key=b"console-test")
    finally:
        await producer.stop()


@pytest.mark.e2e
def test_make_run_console_shows_banner_readiness_and_warnings_only(data_dir: Path) -> None:
    run = Run(data_dir)
    try:
        run.wait_for(r"^Hireloop is up in ")
        run.wait_for(r"^  Try: ")
        endpoints = Stack.read_endpoints(data_dir)
        assert endpoints is not None
        asyncio.run(publish_headerless(endpoints.kafka_bootstrap_servers, "probes"))
        dead_letter = run.wait_for(r"ingest \| ERROR +event dead-lettered", timeout=60)
    finally:
        console = run.stop()
    assert run.popen.returncode == 0, "\n".join(console)
    assert dead_letter == "     ingest | ERROR   event dead-lettered"
    unexpected = [
        line
        for line in console
        if line and not any(p.match(line) for p in (BANNER, READINESS, WARNING, STOPPING))
    ]
    assert unexpected == [], "\n".join(console)
    assert not any('"level"' in line for line in console), "\n".join(console)
    for name in SERVICES:
        assert any(re.match(rf"^\S+ {name} ready in ", line) for line in console), name
        records = json_lines(data_dir / "logs" / f"{name}.log")
        started = [r for r in records if r["message"] == "service started"]
        assert [(r["service"], r["level"]) for r in started] == [(name, "info")], name
    ingest = json_lines(data_dir / "logs" / "ingest.log")
    assert any(r["level"] == "error" and r["message"] == "event dead-lettered" for r in ingest)
    for server in SERVERS:
        assert (data_dir / "logs" / f"{server}.log").stat().st_size > 0, server


@pytest.mark.e2e
def test_make_run_verbose_streams_every_service_line(data_dir: Path) -> None:
    run = Run(data_dir, "--verbose")
    try:
        run.wait_for(r"^Hireloop is up in ")
        started = run.wait_for(r"^ +gateway \| \{.*\"message\": \"service started\"")
    finally:
        console = run.stop()
    assert run.popen.returncode == 0, "\n".join(console)
    assert json.loads(started.split(" | ", 1)[1])["level"] == "info"
    for name in SERVICES:
        assert any(re.match(rf"^ *{name} \| --- .* starting {name}: ", line) for line in console)
