"""Entry point: `python -m services.scheduling`."""

from services.chassis.service import run
from services.scheduling.app import create

if __name__ == "__main__":
    run(create())
