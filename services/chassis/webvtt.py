"""WebVTT text tracks (W3C WebVTT): the captions of an answer and the storyboard of its
thumbnails are both a list of timed cues."""

from __future__ import annotations

from collections.abc import Iterable


def timestamp(seconds: float) -> str:
    millis = max(0, round(seconds * 1000))
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    secs, ms = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}.{ms:03d}"


def document(cues: Iterable[tuple[float, float, str]]) -> str:
    """A WebVTT file of numbered cues (start, end, payload); none gives a valid empty track."""
    lines = ["WEBVTT", ""]
    number = 0
    for start, end, payload in cues:
        number += 1
        lines += [str(number), f"{timestamp(start)} --> {timestamp(end)}", payload, ""]
    return "\n".join(lines) + ("\n" if number == 0 else "")
