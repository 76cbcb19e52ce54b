"""Entry point: `python -m services.invite`."""

from services.chassis.service import run
from services.invite.app import create

if __name__ == "__main__":
    run(create())
