"""Entry point: `python -m services.ingest`."""

from services.chassis.service import run
from services.ingest.app import create

if __name__ == "__main__":
    run(create())
