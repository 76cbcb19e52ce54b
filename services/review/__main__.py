"""Entry point: `python -m services.review` serves; `python -m services.review rebuild` rebuilds
the submissions read model from the topics."""

import sys

from services.chassis.service import run
from services.review.app import create
from services.review.rebuild import main as rebuild

if __name__ == "__main__":
    if sys.argv[1:] == ["rebuild"]:
        sys.exit(rebuild())
    run(create())
