"""The system tools the project needs, installed with apt-get (Debian/Ubuntu, as root) when missing."""

from __future__ import annotations

import os
import shutil
import subprocess

# command -> Debian package. ffmpeg for media; for the tests: docker-compose validates
# docker-compose.yml, chromium and firefox-esr run the pages (driven by Playwright and by
# puppeteer-core over WebDriver BiDi), npm fetches pinned front-end
# code, prometheus (with promtool) checks the alert rules and runs the dashboards' queries,
# espeak-ng speaks the sentences the transcription tests and benchmark transcribe; janus is the
# live rooms' media server (janus-pp-rec turns its recordings into files; coturn relays media);
# xmlsec1 checks SAML signatures for the gateway's SAML sign-in.
SYSTEM_TOOLS: dict[str, str] = {
    "ffmpeg": "ffmpeg",
    "ffprobe": "ffmpeg",
    "docker-compose": "docker-compose",
    "chromium": "chromium",
    "firefox-esr": "firefox-esr",
    "npm": "npm",
    "promtool": "prometheus",
    "prometheus": "prometheus",
    "espeak-ng": "espeak-ng",
    "janus": "janus",
    "janus-pp-rec": "janus-tools",
    "turnserver": "coturn",
    "xmlsec1": "xmlsec1",
}


def ensure_tools(tools: dict[str, str] = SYSTEM_TOOLS) -> dict[str, str]:
    """Return each command's path, installing the Debian packages of the missing ones first."""
    missing = sorted({package for command, package in tools.items() if not shutil.which(command)})
    if missing:
        if not shutil.which("apt-get"):
            raise RuntimeError(
                f"missing {missing} and apt-get is unavailable: install them yourself"
            )
        if os.geteuid() != 0:
            raise RuntimeError(
                f"missing {missing}; installing needs root: sudo apt-get update && "
                f"sudo apt-get install -y --no-install-recommends {' '.join(missing)}"
            )
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        wait_lock = ["-o", "DPkg::Lock::Timeout=300"]  # another apt run may hold the lock
        subprocess.run(["apt-get", *wait_lock, "update", "-q"], check=True, env=env)
        subprocess.run(
            ["apt-get", *wait_lock, "install", "-y", "-q", "--no-install-recommends", *missing],
            check=True,
            env=env,
        )
    paths = {command: shutil.which(command) for command in tools}
    absent = [command for command, path in paths.items() if not path]
    if absent:
        raise RuntimeError(f"apt-get install finished but {absent} are still not on PATH")
    return {command: str(path) for command, path in paths.items()}
