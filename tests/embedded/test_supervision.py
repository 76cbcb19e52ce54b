"""`make run` supervises its services: one that exits is started again with a backoff, each restart
and a crash loop is a console line, and stopping ends every process of the run, restarted or not."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from embedded import System, process
from embedded.launcher import repo_root
from embedded.process import RestartPolicy, Restarts
from embedded.stack import Stack
from tests.embedded.test_console import Run

POLICY = RestartPolicy(
    first_delay=1, max_delay=30, stable_after=60, loop_restarts=5, loop_window=300
)


def test_backoff_doubles_to_the_maximum_and_starts_over_after_a_stable_run() -> None:
    restarts = Restarts(POLICY)
    now = 0.0
    delays = []
    for _ in range(4):  # quick exits, spaced out so no crash loop is counted
        now += 100
        delays.append(restarts.exited(uptime=2, now=now).delay)
    assert delays == [1, 2, 4, 8]
    assert restarts.exited(uptime=2, now=now + 400).delay == 16
    assert restarts.exited(uptime=2, now=now + 800).delay == 30  # capped, not 32
    assert restarts.exited(uptime=2, now=now + 1200).delay == 30
    after_a_long_run = restarts.exited(uptime=61, now=now + 1600)
    assert (after_a_long_run.delay, after_a_long_run.count) == (1, 8)
    assert restarts.exited(uptime=1, now=now + 2000).delay == 2
    assert not restarts.crash_loop


def test_a_crash_loop_is_reported_once_retried_at_the_maximum_and_settles() -> None:
    restarts = Restarts(POLICY)
    decisions = [restarts.exited(uptime=0.5, now=float(t)) for t in (0, 2, 5, 10, 19)]
    assert [d.delay for d in decisions] == [1, 2, 4, 8, 30]  # the fifth within 300 s is the loop
    assert [d.loop_began for d in decisions] == [False, False, False, False, True]
    assert [d.crash_loop for d in decisions] == [False, False, False, False, True]
    later = [restarts.exited(uptime=0.5, now=float(t)) for t in (50, 81, 112)]
    assert [(d.delay, d.crash_loop, d.loop_began) for d in later] == [(30, True, False)] * 3
    # Up since t=112: the loop ends once fewer than five restarts are left in the window.
    assert not restarts.settled(now=299)
    assert restarts.settled(now=310)  # t=0, 2, 5 and 10 have left the 300 s window
    assert not restarts.settled(now=311)  # said once
    assert not restarts.crash_loop
    assert restarts.exited(uptime=20, now=320).delay == 1  # backed off from the start again
    assert restarts.count == 9


def test_a_stable_run_alone_does_not_hide_a_flapping_service() -> None:
    """A service that dies every 61 s resets its backoff each time, yet five restarts within the
    window are still a crash loop."""
    restarts = Restarts(POLICY)
    decisions = [restarts.exited(uptime=61, now=61.0 * i) for i in range(1, 6)]
    assert [d.delay for d in decisions] == [1, 1, 1, 1, 30]
    assert decisions[-1].loop_began


def test_exit_descriptions_and_notices_use_the_console_style() -> None:
    assert process.describe_exit(3) == "exited with code 3"
    assert process.describe_exit(-9) == "killed by SIGKILL"
    assert process.notice("review", "critical", "crash loop") == "     review | CRITICAL crash loop"


def session_members(sessions: set[int]) -> list[tuple[int, str]]:
    """Live processes (not zombies) in any of these sessions: what a run could leave behind."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if fields[0] != "Z" and int(fields[3]) in sessions:
            found.append((int(entry.name), cmdline))
    return found


@pytest.fixture
def run_dir(tmp_path: Path) -> Iterator[Path]:
    yield tmp_path / "data"
    process.stop_recorded(tmp_path / "data" / "services.json")
    Stack.stop_from_file(tmp_path / "data")


def wait_until_ready(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    with httpx.Client(timeout=2, trust_env=False) as client:
        while True:
            try:
                if client.get(f"{url}/readyz").status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, f"{url}/readyz never answered 200"
            time.sleep(0.2)


@pytest.mark.e2e
def test_make_run_restarts_a_killed_service_and_stop_leaves_nothing(run_dir: Path) -> None:
    run = Run(run_dir)
    try:
        run.wait_for(r"^  Status: ")
        state = process.read_state(run_dir / "services.json")
        before = {p.name: p for p in process.recorded_procs(run_dir / "services.json")}
        url = state["services"]["review"]["url"]  # type: ignore[index]
        stack = process.recorded_procs(run_dir / "stack.json")
        os.kill(before["review"].pid, signal.SIGKILL)
        exited = run.wait_for(r"review \| ERROR", timeout=30)
        ready = run.wait_for(r"review \| WARNING +restarted", timeout=90)
        wait_until_ready(url)
        after = {p.name: p for p in process.recorded_procs(run_dir / "services.json")}
        status = subprocess.run(
            [sys.executable, "-m", "embedded", "status", "--data-dir", str(run_dir)],
            capture_output=True,
            text=True,
            cwd=repo_root(),
            timeout=30,
        )
    finally:
        console = run.stop()
    text = "\n".join(console)
    assert run.popen.returncode == 0, text
    assert re.fullmatch(
        r" +review \| ERROR   killed by SIGKILL after [\d.]+ s; restart 1 in 1 s \(log: \S+review\.log\)",
        exited,
    ), exited
    assert re.fullmatch(r" +review \| WARNING restarted, ready in [\d.]+ s \(1 restart\)", ready)
    assert after["review"].pid != before["review"].pid
    assert {n: p.pid for n, p in after.items() if n != "review"} == {
        n: p.pid for n, p in before.items() if n != "review"
    }, "only the killed service is restarted"
    assert f"# review: running at {url}, 1 restart" in status.stdout.splitlines(), status.stdout
    assert "# invite: running" in status.stdout, status.stdout
    assert console[-1] == "restarts during this run: review 1", text
    restarts = [line for line in console if re.search(r"\| ERROR +(killed by|exited with)", line)]
    assert restarts == [exited], text
    everything = [*before.values(), *after.values(), *stack]
    assert [p for p in everything if process.is_running(p)] == []
    assert session_members({p.pid for p in everything}) == []
    assert not (run_dir / "services.json").exists()


@pytest.mark.e2e
def test_a_service_that_cannot_start_is_reported_as_a_crash_loop_and_retried(
    tmp_path: Path,
) -> None:
    crash = tmp_path / "crash"
    system = System(
        tmp_path / "data",
        services=["flaky"],
        module_template="tests.embedded.{name}",
        extra_env={"FLAKY_CRASH_FILE": str(crash), "PYTHONPATH": str(repo_root())},
    )
    lines: list[str] = []

    def wait_for(pattern: str, timeout: float = 30) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in list(lines):
                if re.search(pattern, line):
                    return line
            time.sleep(0.05)
        raise AssertionError(f"no line matching {pattern!r}:\n" + "\n".join(lines))

    policy = RestartPolicy(
        first_delay=0.2, max_delay=0.8, stable_after=5, loop_restarts=3, loop_window=30
    )
    try:
        system.start()
        system.supervise(policy, say=lines.append)
        crash.touch()
        os.kill(system.procs[0].pid, signal.SIGKILL)
        wait_for(r"restart 4 in ")
        crash.unlink()
        wait_for(r"restarted, ready in")
        restarts = system.restart_counts()["flaky"]
        pid = system.procs[0].pid
    finally:
        system.stop()
    exits = [line for line in lines if " | ERROR " in line]
    assert [re.sub(r"after [\d.]+ s", "after _", line) for line in exits[:4]] == [
        "      flaky | ERROR   killed by SIGKILL after _; restart 1 in 0.2 s"
        f" (log: {tmp_path}/data/logs/flaky.log)",
        "      flaky | ERROR   exited with code 3 after _; restart 2 in 0.4 s"
        f" (log: {tmp_path}/data/logs/flaky.log)",
        "      flaky | ERROR   exited with code 3 after _; restart 3 in 0.8 s"
        f" (log: {tmp_path}/data/logs/flaky.log)",
        "      flaky | ERROR   exited with code 3 after _; restart 4 in 0.8 s"
        f" (log: {tmp_path}/data/logs/flaky.log)",
    ]
    loops = [line for line in lines if "CRITICAL" in line]
    assert loops == [
        "      flaky | CRITICAL crash loop: 3 restarts within 30 s; retrying every 0.8 s"
    ]
    assert lines.index(loops[0]) == lines.index(exits[2]) + 1
    assert restarts == len(exits) >= 4
    time.sleep(1)  # past the backoff: nothing started again after stop()
    assert session_members({pid}) == []
    assert flaky_processes(crash) == []


def flaky_processes(crash: Path) -> list[int]:
    """Live stand-in services of this test (their environment names its crash file)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if not entry.name.isdigit() or entry.stat().st_uid != os.getuid():
                continue
            cmdline = (entry / "cmdline").read_bytes()
            environ = (entry / "environ").read_bytes()
        except OSError:
            continue
        if b"tests.embedded.flaky" in cmdline and str(crash).encode() in environ:
            found.append(int(entry.name))
    return found
