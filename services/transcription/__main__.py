"""Entry point: `python -m services.transcription`."""

from services.chassis.service import run
from services.transcription.app import create

if __name__ == "__main__":
    run(create())
