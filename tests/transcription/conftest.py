"""The transcription tests share one service with the real model (tests/transcription/harness.py)
and answers made once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.transcription import speech
from tests.transcription.harness import transcription

__all__ = ["answers", "transcription"]

SPOKEN = (
    "Hello, my name is Alice. I have worked with Kubernetes and Python for five years. "
    "Last spring I led a team that moved our billing system to the cloud."
)


@pytest.fixture(scope="session")
def answers(tmp_path_factory: pytest.TempPathFactory) -> dict[str, speech.Answer]:
    folder: Path = tmp_path_factory.mktemp("answers")
    return {
        "speech": speech.answer(folder, "speech", text=SPOKEN),
        "silence": speech.answer(folder, "silence", seconds=3),
        "tone": speech.answer(folder, "tone", tone=True, seconds=3),
    }
