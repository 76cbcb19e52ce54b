"""WebVTT captions derived from a transcript's segments: short cues cut on word times."""

from __future__ import annotations

from collections.abc import Sequence

from services.chassis.webvtt import document
from services.transcription.store import SegmentDoc, WordDoc

MAX_CUE_SECONDS = 6.0
MAX_CUE_CHARACTERS = 84  # two lines of 42, the usual broadcast limit


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _cues(segment: SegmentDoc) -> list[tuple[float, float, str]]:
    words = segment["words"]
    if not words:
        text = segment["text"].strip()
        return [(segment["start"], segment["end"], text)] if text else []
    cues: list[tuple[float, float, str]] = []
    group: list[WordDoc] = []
    for word in words:
        if group:
            length = sum(len(w["w"]) + 1 for w in group) + len(word["w"])
            if word["e"] - group[0]["s"] > MAX_CUE_SECONDS or length > MAX_CUE_CHARACTERS:
                cues.append((group[0]["s"], group[-1]["e"], " ".join(w["w"] for w in group)))
                group = []
        group.append(word)
    cues.append((group[0]["s"], group[-1]["e"], " ".join(w["w"] for w in group)))
    return cues


def webvtt(segments: Sequence[SegmentDoc]) -> str:
    """A WebVTT file: one cue per run of words (at most 6 s and two lines), in time order; cue
    times never go backwards and never overlap. No speech gives a valid file without cues."""
    cues: list[tuple[float, float, str]] = []
    last_end = 0.0
    for segment in segments:
        for start, end, text in _cues(segment):
            start = max(start, last_end)
            end = max(end, start + 0.001)
            cues.append((start, end, _escape(text)))
            last_end = end
    return document(cues)
