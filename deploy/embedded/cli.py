"""Command line: `python -m embedded run|up|down|status|tools` (also installed as `hireloop-stack`)."""

from __future__ import annotations

import argparse
import logging
import shlex
import signal
import sys
import time
from pathlib import Path
from types import FrameType

from embedded import process
from embedded.launcher import Echo, System, default_data_dir
from embedded.stack import Stack
from embedded.tools import ensure_tools


def _exports(env: dict[str, str]) -> str:
    return "\n".join(f"export {k}={shlex.quote(v)}" for k, v in env.items())


def _raise_exit(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)


def run(
    data_dir: Path,
    module_template: str,
    verbose: bool = False,
    policy: process.RestartPolicy | None = None,
) -> int:
    """Start the stack and every service, print the gateway URL, wait for Ctrl-C or SIGTERM, stop all.

    The console shows readiness, the banner and each service's warnings and errors; the full logs
    are in data_dir/logs/. `verbose` streams every line the services log instead. A service that
    exits is started again after a backoff (`policy`), so one crash does not take the system down
    until someone restarts all of it; each restart is a console line and counted in `status`.
    """
    signal.signal(signal.SIGINT, signal.default_int_handler)  # even if started with SIGINT ignored
    signal.signal(signal.SIGTERM, _raise_exit)
    signal.signal(signal.SIGHUP, _raise_exit)
    echo: Echo = "all" if verbose else "warnings"
    system = System(data_dir, persistent=True, module_template=module_template, echo=echo)
    try:
        info = system.start()
        print(
            f"\nHireloop is up in {info.elapsed:.1f} s: {info.gateway_url}  (Ctrl-C to stop)\n"
            f"  API docs:      {info.gateway_url}/docs\n"
            f"  Admin API key: {info.api_key}  (tenant 'demo'; kept in {data_dir}/secrets.json)\n"
            f"  Admin login:   tenant 'demo', admin@demo.example / {info.admin_password}\n"
            f"  Logs:          {data_dir}/logs/<service>.log"
            f"{'' if verbose else '  (here: warnings and errors only; --verbose for all)'}\n"
            f"  Try:           curl -s -X POST -H 'Authorization: Bearer {info.api_key}' "
            f"{info.gateway_url}/v1/probes\n"
            f"  Status:        {sys.executable} -m embedded status --data-dir {data_dir}"
            f"  (restart counts; a service that exits is restarted)\n",
            flush=True,
        )
        system.supervise(policy)
        while True:
            time.sleep(1)
    except KeyboardInterrupt:
        pass
    finally:
        for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(sig, signal.SIG_IGN)
        print("stopping...", flush=True)
        system.stop()
        print("stopped", flush=True)
        restarted = {name: n for name, n in system.restart_counts().items() if n}
        if restarted:
            counts = ", ".join(f"{name} {n}" for name, n in restarted.items())
            print(f"restarts during this run: {counts}", flush=True)
    return 0


def up(data_dir: Path, persistent: bool) -> int:
    """Start only the stack, leave it running in the background, print its environment."""
    endpoints = Stack(data_dir, persistent).start()
    print(_exports(endpoints.env()))
    return 0


def down(data_dir: Path) -> int:
    """Stop the stack (and any services) recorded in data_dir."""
    services = process.stop_recorded(data_dir / "services.json")
    stack = Stack.stop_from_file(data_dir)
    print(f"stopped {len(services) + len(stack)} process(es)", file=sys.stderr)
    return 0


def status(data_dir: Path) -> int:
    """Print the environment of the running stack, which of its processes are alive and, under
    `run`, each service's URL and restart count; 1 if not running."""
    endpoints = Stack.read_endpoints(data_dir)
    procs = process.recorded_procs(data_dir / "stack.json")
    alive = {p.name: process.is_running(p) for p in procs}
    for name, ok in alive.items():
        print(f"# {name}: {'running' if ok else 'not running'}")
    for line in service_status(data_dir / "services.json"):
        print(f"# {line}")
    if endpoints is None or not alive or not all(alive.values()):
        print("# stack is not running", file=sys.stderr)
        return 1
    print(_exports(endpoints.env()))
    return 0


def service_status(state_file: Path) -> list[str]:
    """One line per service `run` started: running or not, its URL, restarts, a crash loop."""
    services = process.read_state(state_file).get("services")
    if not isinstance(services, dict):
        return []
    pids = {p.name: p for p in process.recorded_procs(state_file)}
    lines = []
    for name, entry in services.items():
        if not isinstance(entry, dict):
            continue
        proc = pids.get(name)
        phase = entry.get("phase")
        if phase == "waiting":
            state = "restarting"
        elif proc is not None and process.is_running(proc):
            state = "running" if phase == "up" else "starting"
        else:
            state = "not running"
        restarts = entry.get("restarts", 0)
        line = f"{name}: {state} at {entry.get('url')}, {restarts} restart{'' if restarts == 1 else 's'}"
        if entry.get("crash_loop"):
            line += ", in a crash loop"
        lines.append(line)
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m embedded", description="Run Hireloop locally.")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, text in [
        ("run", "start the stack and all services; Ctrl-C stops everything"),
        ("up", "start only the stack in the background and print its env"),
        ("down", "stop what `up` or a crashed `run` left running"),
        ("status", "print the running stack's env"),
    ]:
        cmd = sub.add_parser(name, help=text)
        cmd.add_argument(
            "--data-dir",
            type=Path,
            default=default_data_dir(),
            help="where data, logs and stack.json live (default: %(default)s)",
        )
        if name == "run":
            cmd.add_argument(
                "--module-template",
                default="services.{name}",
                help="module run as `python -m` for each service (default: %(default)s)",
            )
            cmd.add_argument(
                "-v",
                "--verbose",
                action="store_true",
                help="stream every line the services log (default: only warnings and errors; "
                "the full logs are in DATA_DIR/logs/)",
            )
        if name == "up":
            cmd.add_argument(
                "--throwaway",
                action="store_true",
                help="keep Kafka and MongoDB in memory, S3 in a temp dir",
            )
    sub.add_parser("tools", help="install the system tools (ffmpeg, docker-compose) if missing")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", datefmt="%H:%M:%S")
    logging.getLogger("httpx").setLevel(logging.WARNING)
    # The stack's Kafka readiness probe fails by design until the broker listens.
    logging.getLogger("aiokafka").setLevel(logging.CRITICAL)
    if args.command == "tools":
        for command, path in ensure_tools().items():
            print(f"{command}: {path}")
        return 0
    data_dir: Path = args.data_dir.resolve()
    if args.command == "run":
        return run(data_dir, args.module_template, verbose=args.verbose)
    if args.command == "up":
        return up(data_dir, persistent=not args.throwaway)
    if args.command == "down":
        return down(data_dir)
    return status(data_dir)


if __name__ == "__main__":
    raise SystemExit(main())
