"""`make load`: the full load test (tests/load/run.py FULL); exits 1 on any error."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from tests.load.run import FULL, run


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="load-") as workdir:
        report = run(FULL, Path(workdir))
    return 1 if report.errors or not report.requests else 0


if __name__ == "__main__":
    sys.exit(main())
