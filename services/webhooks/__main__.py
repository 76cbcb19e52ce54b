"""Entry point: `python -m services.webhooks`."""

from services.chassis.service import run
from services.webhooks.app import create

if __name__ == "__main__":
    run(create())
