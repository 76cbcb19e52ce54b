"""Entry point: `python -m services.review`."""

from services.chassis.service import run
from services.review.app import create

if __name__ == "__main__":
    run(create())
