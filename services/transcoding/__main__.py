"""Entry point: `python -m services.transcoding`."""

from services.chassis.service import run
from services.transcoding.app import create

if __name__ == "__main__":
    run(create())
