"""Entry point: `python -m services.live`."""

from services.chassis.service import run
from services.live.app import create

if __name__ == "__main__":
    run(create())
