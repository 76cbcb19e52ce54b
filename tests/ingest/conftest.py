"""The ingest tests run on the whole media pipeline (tests/ingest/harness.py)."""

from tests.ingest.harness import clip_files, media

__all__ = ["clip_files", "media"]
