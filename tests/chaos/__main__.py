"""`make chaos`: the full chaos test (tests/chaos/run.py FULL); exits 1 if anything was lost or
duplicated or a dead letter was left."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from tests.chaos.run import FULL, SHORT, run


def main() -> int:
    profile = SHORT if "--short" in sys.argv[1:] else FULL
    with tempfile.TemporaryDirectory(prefix="chaos-") as workdir:
        report = run(profile, Path(workdir))
    return 1 if report.problems or report.dead_letters else 0


if __name__ == "__main__":
    sys.exit(main())
