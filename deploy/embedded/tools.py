"""Make sure ffmpeg and ffprobe are installed (Debian/Ubuntu apt-get, as root)."""

from __future__ import annotations

import os
import shutil
import subprocess


def ensure_ffmpeg() -> str:
    """Return the path of `ffmpeg`, installing the Debian package first when ffmpeg or ffprobe is missing."""
    if shutil.which("ffmpeg") and shutil.which("ffprobe"):
        return shutil.which("ffmpeg") or "ffmpeg"
    if not shutil.which("apt-get"):
        raise RuntimeError(
            "ffmpeg/ffprobe are not on PATH and apt-get is unavailable: install ffmpeg yourself"
        )
    if os.geteuid() != 0:
        raise RuntimeError(
            "ffmpeg/ffprobe are not on PATH; installing needs root: "
            "sudo apt-get update && sudo apt-get install -y --no-install-recommends ffmpeg"
        )
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    wait_lock = ["-o", "DPkg::Lock::Timeout=300"]  # another apt run may hold the lock
    subprocess.run(["apt-get", *wait_lock, "update"], check=True, env=env)
    subprocess.run(
        ["apt-get", *wait_lock, "install", "-y", "--no-install-recommends", "ffmpeg"],
        check=True,
        env=env,
    )
    found = shutil.which("ffmpeg")
    if not found or not shutil.which("ffprobe"):
        raise RuntimeError(
            "apt-get install ffmpeg finished but ffmpeg/ffprobe are still not on PATH"
        )
    return found


def main() -> None:
    """`python -m embedded.tools`: install ffmpeg if needed and print where it is."""
    print(ensure_ffmpeg())


if __name__ == "__main__":
    main()
