"""Entry point: `python -m services.gateway`."""

from services.chassis.service import run
from services.gateway.app import create

if __name__ == "__main__":
    run(create())
