"""Start processes in their own process group, record them in a JSON file, stop them by PID,
follow what they write to their log files, and decide when one that exited is started again."""

from __future__ import annotations

import json
import logging
import os
import signal
import socket
import subprocess
import threading
import time
from collections import deque
from collections.abc import Callable, Collection, Iterable, Mapping
from contextlib import ExitStack, suppress
from dataclasses import asdict, dataclass
from pathlib import Path

log = logging.getLogger("embedded")

# The levels of a service's JSON log records (services/chassis/logs.py) that reach a quiet console.
CONSOLE_LEVELS = frozenset({"warning", "error", "critical"})


@dataclass(frozen=True)
class Proc:
    """A process we started: name (also its log file's), PID, argv, and start time (guards PID reuse)."""

    name: str
    pid: int
    argv: list[str]
    started: int | None = None


def start_time(pid: int) -> int | None:
    """The process start time in clock ticks since boot (Linux /proc), or None if unknown or a zombie."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return None if fields[0] == "Z" else int(fields[19])


def free_ports(count: int) -> list[int]:
    """Return `count` distinct TCP ports on 127.0.0.1 that were free a moment ago."""
    with ExitStack() as stack:
        socks = [stack.enter_context(socket.socket()) for _ in range(count)]
        for sock in socks:
            sock.bind(("127.0.0.1", 0))
        return [sock.getsockname()[1] for sock in socks]


def free_port_pair(offset: int, exclude: Collection[int] = ()) -> tuple[int, int]:
    """A free port P such that P + offset is free too, neither in `exclude`."""
    for _ in range(200):
        (port,) = free_ports(1)
        twin = port + offset
        if twin <= 65535 and not {port, twin} & set(exclude) and port_is_free(twin):
            return port, twin
    raise RuntimeError(f"found no free pair of ports {offset} apart")


def port_is_free(port: int) -> bool:
    """True if `port` can be bound on 127.0.0.1 right now."""
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def spawn(
    name: str, argv: list[str], log_path: Path, env: Mapping[str, str], cwd: Path
) -> tuple[Proc, subprocess.Popen[bytes]]:
    """Start `argv` in a new session (own process group), stdout and stderr appended to `log_path`."""
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with open(log_path, "ab") as out:
        out.write(
            f"--- {time.strftime('%Y-%m-%d %H:%M:%S')} starting {name}: {' '.join(argv)}\n".encode()
        )
        out.flush()
        popen = subprocess.Popen(
            argv,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            env=dict(env),
            cwd=cwd,
            start_new_session=True,
        )
    return Proc(name, popen.pid, argv, start_time(popen.pid)), popen


def spawn_until_ready(
    name: str,
    argv: list[str],
    log_path: Path,
    cwd: Path,
    ready: Callable[[], bool],
    *,
    timeout: float = 20.0,
    show: Path | None = None,
) -> tuple[Proc, subprocess.Popen[bytes], float]:
    """`spawn` a server and poll `ready` until it answers: its process, its Popen and the seconds
    it took. One that exits or is not ready in `timeout` is stopped, and the error quotes the tail
    of `show` (its own log file, else `log_path`)."""
    began = time.monotonic()
    proc, popen = spawn(name, argv, log_path, {}, cwd)
    while not ready():
        if popen.poll() is not None or time.monotonic() > began + timeout:
            where = show or log_path
            tail = log_tail(where)
            stop([proc], {proc.pid: popen})
            raise RuntimeError(f"{name} did not start; {where}:\n{tail}")
        time.sleep(0.05)
    return proc, popen, time.monotonic() - began


def log_tail(log_path: Path, lines: int = 25) -> str:
    """The last `lines` lines of a log file, or a note that it is missing."""
    try:
        text = log_path.read_text(errors="replace")
    except FileNotFoundError:
        return f"(no log at {log_path})"
    return "\n".join(text.splitlines()[-lines:])


def console_line(name: str, line: str) -> str | None:
    """The one console line for a WARNING or ERROR JSON log record of service `name`, else None.

    A quiet console should not lose what needs attention, yet a record's message or traceback may
    span lines: the message is folded onto one line and only the exception's last line is kept.
    """
    try:
        record = json.loads(line)
    except ValueError:
        return None
    if not isinstance(record, dict):
        return None
    level = str(record.get("level", "")).lower()
    if level not in CONSOLE_LEVELS:
        return None
    message = " ".join(str(record.get("message", "")).split())
    exception = str(record.get("exception") or "").strip().splitlines()
    if exception:
        message += f" ({exception[-1].strip()})"
    return notice(name, level, message)


def notice(name: str, level: str, message: str) -> str:
    """A console line in the quiet console's one-line style: `   name | LEVEL   message`."""
    return f"{name:>11} | {level.upper():<7} {message}"


def describe_exit(code: int) -> str:
    """How a process ended, in words: `exited with code 1` or `killed by SIGKILL`."""
    if code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exited with code {code}"


def follow(
    log_path: Path,
    offset: int,
    stop: threading.Event,
    on_line: Callable[[str], None],
    poll: float = 0.2,
) -> None:
    """Call `on_line` with each whole line appended to `log_path` after `offset`, until `stop` is set.

    A line still being written is held back until its newline arrives, so a JSON record is never
    seen in two halves; what arrived before `stop` is still passed on.
    """
    pending = ""
    with open(log_path, errors="replace") as f:
        f.seek(offset)
        while True:
            stopping = stop.is_set()
            while True:
                chunk = f.readline()
                if not chunk:
                    break
                pending += chunk
                if pending.endswith("\n"):
                    on_line(pending)
                    pending = ""
            if stopping:
                if pending:
                    on_line(pending)
                return
            stop.wait(poll)


@dataclass(frozen=True)
class RestartPolicy:
    """When a supervised process that exited is started again.

    The delay doubles from `first_delay` up to `max_delay` with each exit, so a process that
    cannot start does not spin; a process that stayed up `stable_after` seconds starts again from
    `first_delay`, so one crash after a long run costs one second. `loop_restarts` restarts within
    `loop_window` seconds is a crash loop: reported once, and retried at `max_delay` while it lasts.
    """

    first_delay: float = 1.0
    max_delay: float = 30.0
    stable_after: float = 60.0
    loop_restarts: int = 5
    loop_window: float = 300.0


@dataclass(frozen=True)
class Restart:
    """The decision for one exit: wait `delay` s, then start restart number `count`."""

    delay: float
    count: int
    crash_loop: bool
    loop_began: bool  # this exit made it a crash loop: the moment to tell the operator


class Restarts:
    """One supervised process's restart history under a policy; times are the caller's clock."""

    def __init__(self, policy: RestartPolicy) -> None:
        self.policy = policy
        self.count = 0
        self.crash_loop = False
        self._quick_exits = 0  # exits in a row, each before `stable_after`
        self._recent: deque[float] = deque()

    def exited(self, uptime: float, now: float) -> Restart:
        """Record an exit after `uptime` s; return how long to wait before the next start."""
        policy = self.policy
        if uptime >= policy.stable_after:
            self._quick_exits = 0
        self._recent.append(now)
        self._forget(now)
        self.count += 1
        began = not self.crash_loop and len(self._recent) >= policy.loop_restarts
        self.crash_loop = self.crash_loop or began
        if self.crash_loop:
            delay = policy.max_delay
        else:
            delay = min(policy.first_delay * 2**self._quick_exits, policy.max_delay)
        self._quick_exits += 1
        return Restart(delay, self.count, self.crash_loop, began)

    def settled(self, now: float) -> bool:
        """True once, when a process in a crash loop has run long enough for the loop's restarts
        to fall out of the window; the next exit is then backed off from `first_delay` again."""
        self._forget(now)
        if self.crash_loop and len(self._recent) < self.policy.loop_restarts:
            self.crash_loop = False
            self._quick_exits = 0
            return True
        return False

    def _forget(self, now: float) -> None:
        while self._recent and now - self._recent[0] >= self.policy.loop_window:
            self._recent.popleft()


def is_running(proc: Proc) -> bool:
    """True if `proc.pid` is alive (not a zombie) and is still the process that was recorded."""
    if proc.started is None or not Path("/proc").is_dir():
        return _pid_alive(proc.pid)
    return start_time(proc.pid) == proc.started


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _signal_group(pid: int, sig: signal.Signals) -> None:
    with suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, sig)


def kill_group(proc: Proc) -> None:
    """SIGKILL what is left of the process group of a leader that ended (its children), so a
    restart does not leave the old run's helpers behind."""
    _signal_group(proc.pid, signal.SIGKILL)


def stop(
    procs: Iterable[Proc],
    popens: Mapping[int, subprocess.Popen[bytes]] | None = None,
    timeout: float = 10.0,
) -> list[Proc]:
    """SIGTERM each process group, wait up to `timeout` s, then SIGKILL the groups.

    `popens` maps PIDs of our own children to their Popen, so they are reaped (no zombies).
    Returns the processes that survived even SIGKILL (logged; normally none).
    """
    popens = popens or {}
    alive = [p for p in procs if is_running(p)]
    for proc in alive:
        _signal_group(proc.pid, signal.SIGTERM)
    left = _wait_gone(alive, popens, timeout)
    for proc in alive:  # also ends any process the leader left behind in its group
        _signal_group(proc.pid, signal.SIGKILL)
    left = _wait_gone(left, popens, 5.0)
    if left:
        log.error("could not stop %s", [(p.name, p.pid) for p in left])
    return left


def _wait_gone(
    procs: list[Proc], popens: Mapping[int, subprocess.Popen[bytes]], timeout: float
) -> list[Proc]:
    deadline = time.monotonic() + timeout
    while True:
        for popen in popens.values():
            popen.poll()
        procs = [p for p in procs if is_running(p)]
        if not procs or time.monotonic() >= deadline:
            return procs
        time.sleep(0.05)


def write_state(path: Path, procs: Iterable[Proc], **extra: object) -> None:
    """Atomically write `{"processes": [...], **extra}` to `path`."""
    data = {"processes": [asdict(p) for p in procs], **extra}
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, indent=2) + "\n")
    os.replace(tmp, path)


def read_state(path: Path) -> dict[str, object]:
    """The JSON object in `path`, or {} when there is none."""
    try:
        data = json.loads(path.read_text())
    except (FileNotFoundError, json.JSONDecodeError):
        return {}
    return data if isinstance(data, dict) else {}


def recorded_procs(path: Path) -> list[Proc]:
    """The processes recorded in a state file."""
    raw = read_state(path).get("processes", [])
    return [Proc(**p) for p in raw] if isinstance(raw, list) else []


def stop_recorded(path: Path, timeout: float = 10.0) -> list[Proc]:
    """Stop every live process recorded in `path`, delete the file, return those that were alive."""
    procs = recorded_procs(path)
    alive = [p for p in procs if is_running(p)]
    stop(alive, timeout=timeout)
    path.unlink(missing_ok=True)
    return alive
