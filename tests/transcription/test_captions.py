"""WebVTT captions from segments: cue cutting, times and escaping (pure)."""

from __future__ import annotations

import itertools

from services.chassis.webvtt import timestamp
from services.transcription.captions import webvtt
from services.transcription.store import SegmentDoc, WordDoc
from tests.transcription.test_transcripts import parse_webvtt


def word(text: str, start: float, end: float) -> WordDoc:
    return {"w": text, "s": start, "e": end, "p": 1.0}


def test_timestamps() -> None:
    assert timestamp(0) == "00:00:00.000"
    assert timestamp(3725.5) == "01:02:05.500"


def test_long_segments_are_cut_into_short_cues_that_never_overlap() -> None:
    words = [word(f"w{i}&<b>", i * 0.5, i * 0.5 + 0.4) for i in range(30)]
    segment: SegmentDoc = {"start": 0.0, "end": 15.0, "text": "...", "words": words}
    cues = parse_webvtt(webvtt([segment]))
    assert len(cues) >= 3
    assert all(end - start <= 6.0 for start, end, _ in cues)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(cues))
    assert "&amp;&lt;b&gt;" in cues[0][2]


def test_no_segments_is_a_valid_empty_track() -> None:
    assert webvtt([]) == "WEBVTT\n\n"
    assert parse_webvtt(webvtt([])) == []
