"""Transcripts on the real model: espeak-ng speech muxed as a browser records, through the
service's job queue, read back with word times, as WebVTT captions and through search."""

from __future__ import annotations

import itertools
import re

from tests.support import eventually, unique
from tests.transcription.conftest import SPOKEN
from tests.transcription.harness import Harness
from tests.transcription.speech import Answer, word_error_rate

_CUE = re.compile(r"^(\d{2}):(\d{2}):(\d{2})\.(\d{3}) --> (\d{2}):(\d{2}):(\d{2})\.(\d{3})$")


def parse_webvtt(text: str) -> list[tuple[float, float, str]]:
    """A strict reading of the WebVTT subset the service writes: header, then numbered cues."""
    blocks = text.split("\n\n")
    assert blocks[0] == "WEBVTT", blocks[0]
    cues = []
    for block in filter(None, (b.strip("\n") for b in blocks[1:])):
        lines = block.split("\n")
        assert lines[0].isdigit(), block
        match = _CUE.match(lines[1])
        assert match, lines[1]
        n = [int(g) for g in match.groups()]
        start = n[0] * 3600 + n[1] * 60 + n[2] + n[3] / 1000
        end = n[4] * 3600 + n[5] * 60 + n[6] + n[7] / 1000
        assert len(lines) >= 3 and all(lines[2:]), block
        cues.append((start, end, " ".join(lines[2:])))
    return cues


async def test_speech_is_transcribed_with_word_times_captions_and_search(
    transcription: Harness, answers: dict[str, Answer]
) -> None:
    tenant, other = unique("t"), unique("t")
    position = unique("pos")
    invitation = await transcription.invitation(tenant, position)
    spoken = answers["speech"]
    attempt = await transcription.transcoded(tenant, invitation, spoken)

    transcript = await transcription.transcript(tenant, attempt)
    assert transcript["status"] == "transcribed" and transcript["language"] == "en"
    assert transcript["no_speech"] is False
    words = [w for s in transcript["segments"] for w in s["words"]]
    text = " ".join(w["word"] for w in words)
    assert word_error_rate(SPOKEN, text) < 0.3, text
    assert {"kubernetes", "python", "billing"} <= set(re.findall(r"[a-z]+", text.lower()))
    times = [t for w in words for t in (w["start"], w["end"])]
    assert times == sorted(times), "word times go backwards"
    assert times[0] >= 0 and times[-1] <= spoken.duration + 0.05

    (event,) = await transcription.events("recording.transcribed", attempt)
    assert event["transcribed"] and event["position_id"] == position
    assert event["word_count"] == len(words)

    captions = await transcription.get(tenant, f"/transcripts/{attempt}/captions.vtt")
    assert captions.status_code == 200
    assert captions.headers["content-type"].startswith("text/vtt")
    cues = parse_webvtt(captions.text)
    assert cues and all(start < end for start, end, _ in cues)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(cues))
    assert "Kubernetes" in " ".join(c[2] for c in cues)

    response = await transcription.get(
        tenant, f"/positions/{position}/transcripts/search", params={"q": "kubernetes"}
    )
    assert response.status_code == 200, response.text
    (hit,) = response.json()["hits"]
    assert (hit["invitation_id"], hit["attempt_id"], hit["question_id"]) == (
        invitation,
        attempt,
        "q1",
    )
    word = next(w for w in words if w["word"].lower().startswith("kubernetes"))
    assert hit["at"] == word["start"] and hit["start"] <= hit["at"] <= hit["end"]
    plural = await transcription.get(
        tenant, f"/positions/{position}/transcripts/search", params={"q": "Team moved"}
    )
    assert len(plural.json()["hits"]) == 1
    nothing = await transcription.get(
        tenant, f"/positions/{position}/transcripts/search", params={"q": "kubernetes java"}
    )
    assert nothing.json()["hits"] == []

    # Another tenant sees neither the transcript nor the passage.
    assert (await transcription.get(other, f"/transcripts/{attempt}")).status_code == 404
    assert (
        await transcription.get(other, f"/transcripts/{attempt}/captions.vtt")
    ).status_code == 404
    elsewhere = await transcription.get(
        other, f"/positions/{position}/transcripts/search", params={"q": "kubernetes"}
    )
    assert elsewhere.json()["hits"] == []

    # Erasure removes the transcript and its passages.
    await transcription.erase(tenant, [invitation])

    async def erased() -> bool:
        gone = await transcription.get(tenant, f"/transcripts/{attempt}")
        return gone.status_code == 404

    await eventually(erased, what="the transcript to be erased")
    after = await transcription.get(
        tenant, f"/positions/{position}/transcripts/search", params={"q": "kubernetes"}
    )
    assert after.json()["hits"] == []
    assert await transcription.service.db.segments.count_documents({"attempt_id": attempt}) == 0


async def test_silence_and_a_tone_give_no_words_and_the_no_speech_flag(
    transcription: Harness, answers: dict[str, Answer]
) -> None:
    tenant = unique("t")
    invitation = await transcription.invitation(tenant, unique("pos"))
    attempts = [
        await transcription.transcoded(tenant, invitation, answers[name], question_id=name)
        for name in ("silence", "tone")
    ]
    for attempt in attempts:
        transcript = await transcription.transcript(tenant, attempt)
        assert transcript["status"] == "transcribed"
        assert transcript["no_speech"] is True
        assert [w for s in transcript["segments"] for w in s["words"]] == []
        captions = await transcription.get(tenant, f"/transcripts/{attempt}/captions.vtt")
        assert parse_webvtt(captions.text) == []


async def test_a_language_the_model_cannot_handle_is_left_untranscribed(
    transcription: Harness, answers: dict[str, Answer]
) -> None:
    tenant = unique("t")
    invitation = await transcription.invitation(tenant, unique("pos"), language="de")
    attempt = await transcription.transcoded(tenant, invitation, answers["speech"])
    transcript = await transcription.transcript(tenant, attempt)
    assert transcript["status"] == "untranscribed"
    assert transcript["reason"] == "unsupported_language"
    assert transcript["segments"] == [] and transcript["no_speech"] is False
    (event,) = await transcription.events("recording.transcribed", attempt)
    assert event["transcribed"] is False
    assert event["untranscribed_reason"] == "unsupported_language"


async def test_unknown_attempts_and_bad_queries_are_problems(transcription: Harness) -> None:
    tenant = unique("t")
    missing = await transcription.get(tenant, "/transcripts/no-such-attempt")
    assert missing.status_code == 404 and missing.json()["code"] == "transcript_not_found"
    empty = await transcription.get(tenant, "/positions/p/transcripts/search", params={"q": "?!"})
    assert empty.status_code == 422
    long = await transcription.get(
        tenant, "/positions/p/transcripts/search", params={"q": "x" * 201}
    )
    assert long.status_code == 422
