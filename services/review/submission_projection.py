"""The submissions projection (pure): events fold into per-invitation facts, and answers/status derive from them.

Facts are order-independent: per-attempt sub-documents keyed by attempt id, one time per lifecycle
step, the newest selection per question (by `selected_at`), the newest questions (by their time).
Whatever order events arrive in, duplicated or replayed, the same set of events gives the same
facts, and `derive` is a function of the facts only. The live consumer and the rebuild both call
`apply` and `derive`; nothing else writes these fields. The live interview's scores
(`interview.completed`) are a fact of their own, `interview`, kept apart from the screening.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any

from contracts.events.base import Payload
from contracts.events.interviews import InterviewCompleted
from contracts.events.invitations import (
    InvitationAccommodated,
    InvitationCompleted,
    InvitationConsented,
    InvitationCreated,
    InvitationExpired,
    InvitationExtended,
    InvitationOpened,
    InvitationStarted,
    InvitationWithdrawn,
)
from contracts.events.privacy import CandidateErasureRequested
from contracts.events.recordings import (
    AnswerSubmitted,
    QuestionRevealed,
    RecordingRejected,
    RecordingSelected,
    RecordingStarted,
    RecordingTranscoded,
    RecordingTranscodeFailed,
    RecordingTranscoding,
    RecordingUploaded,
)
from contracts.events.rooms import RoomNotePinned, RoomRecordingStored

Doc = dict[str, Any]

# The event types the projection folds; every one is keyed by invitation id except the erasure.
INVITATION_EVENTS = (
    "invitation.created",
    "invitation.opened",
    "invitation.consented",
    "invitation.started",
    "invitation.completed",
    "invitation.expired",
    "invitation.withdrawn",
    "invitation.extended",
    "invitation.accommodated",
)
RECORDING_EVENTS = (
    "question.revealed",
    "answer.submitted",
    "recording.started",
    "recording.uploaded",
    "recording.rejected",
    "recording.selected",
    "recording.transcoding",
    "recording.transcoded",
    "recording.transcode_failed",
)
ERASURE_EVENT = "candidate.erasure_requested"
INTERVIEW_EVENTS = ("interview.completed", "room.recording_stored", "room.note_pinned")
EVENT_TYPES = (*INVITATION_EVENTS, *RECORDING_EVENTS, ERASURE_EVENT, *INTERVIEW_EVENTS)
TOPICS = ("invitations", "recordings", "privacy", "interviews")

# Fields `apply` and `derive` own on a submission document; everything else (`review`) is the
# review service's own state.
FACT_FIELDS = (
    "position_id",
    "position_title",
    "question_set_id",
    "question_set_version",
    "blind_default",
    "candidate",
    "deadline",
    "questions",
    "questions_at",
    "times",
    "attempts",
    "selections",
    "reveals",
    "written",
    "erased",
    "interview",
    "interview_recordings",
    "interview_notes",
)
# A question without a selected take is missing only once no take can come any more; after
# `completed` the recording events of the last answers may still be on their way (another topic).
TERMINAL = ("expired", "withdrawn")


def ms(at: datetime) -> datetime:
    """Times to the millisecond, as BSON stores them: a fold from stored facts and a fold in memory
    (the rebuild) then compare and derive identically."""
    return at.replace(microsecond=at.microsecond // 1000 * 1000)


def _safe_key(value: str) -> str:
    if not value or "." in value or value.startswith("$"):
        raise ValueError(f"{value!r} cannot be a document key")
    return value


def _set_time(doc: Doc, step: str, at: datetime, *, latest: bool = False) -> None:
    at = ms(at)
    times = doc.setdefault("times", {})
    current = times.get(step)
    if current is None:
        times[step] = at
    else:  # the first occurrence for one-off steps, the latest for repeatable ones
        times[step] = max(current, at) if latest else min(current, at)


def _newest(attempt: Doc, fact: str, value: Doc) -> None:
    """Keep the newest of a repeated fact (a re-upload, a re-transcode), whatever the order."""
    current = attempt.get(fact)
    if current is None or value["at"] >= current["at"]:
        attempt[fact] = value


def _attempt(doc: Doc, attempt_id: str, question_id: str) -> Doc:
    attempt: Doc = doc.setdefault("attempts", {}).setdefault(_safe_key(attempt_id), {})
    attempt["question_id"] = question_id
    return attempt


def apply(doc: Doc, event_type: str, payload: Payload, at: datetime) -> Doc:
    """Fold one event into a submission's facts (in place; also returned). `at` is the event's
    envelope time, used where a payload carries no time of its own."""
    at = ms(at)
    if doc.get("erased"):  # nothing about an erased candidate is recorded again
        if isinstance(payload, CandidateErasureRequested):
            _set_time(doc, "erased", payload.requested_at)
        return doc
    if isinstance(payload, CandidateErasureRequested):
        return erase(doc, payload.requested_at)
    if isinstance(payload, InvitationCreated):
        doc.update(
            position_id=payload.position_id,
            position_title=payload.position_title,
            question_set_id=payload.question_set_id,
            question_set_version=payload.question_set_version,
            blind_default=payload.blind_review,
            candidate={"name": payload.candidate_name, "email": payload.candidate_email},
            deadline=doc.get("deadline") or ms(payload.deadline),
        )
        _set_questions(doc, [q.model_dump() for q in payload.questions], ms(payload.created_at))
        _set_time(doc, "created", payload.created_at)
    elif isinstance(payload, InvitationAccommodated):
        _set_questions(doc, [q.model_dump() for q in payload.questions], at)
    elif isinstance(payload, InvitationExtended):
        _set_time(doc, "extended", at, latest=True)
        if doc["times"]["extended"] == at:
            doc["deadline"] = ms(payload.deadline)
    elif isinstance(payload, InvitationOpened):
        _set_time(doc, "opened", payload.opened_at)
    elif isinstance(payload, InvitationConsented):
        _set_time(doc, "consented", payload.consented_at)
    elif isinstance(payload, InvitationStarted):
        _set_time(doc, "started", payload.started_at)
    elif isinstance(payload, InvitationCompleted):
        _set_time(doc, "completed", payload.completed_at)
        if payload.candidate_language and doc.get("candidate"):
            doc["candidate"]["language"] = payload.candidate_language
    elif isinstance(payload, InvitationExpired):
        _set_time(doc, "expired", payload.expired_at, latest=True)
    elif isinstance(payload, InvitationWithdrawn):
        _set_time(doc, "withdrawn", payload.withdrawn_at)
    elif isinstance(payload, InterviewCompleted):
        _set_interview(doc, payload)
    elif isinstance(payload, RoomRecordingStored):
        rec = _recording_of(doc, payload.booking_id, payload.recording_id)
        _newest(rec, "stored", {"at": ms(payload.stored_at), "started_at": ms(payload.started_at)})
    elif isinstance(payload, RoomNotePinned):
        doc.setdefault("interview_notes", {})[_safe_key(payload.note_id)] = {
            "booking_id": payload.booking_id,
            "interviewer_id": payload.interviewer_id,
            "author": payload.author,
            "text": payload.text,
            "at": ms(payload.at),
        }
    else:
        _apply_recording(doc, payload)
    return doc


def _set_questions(doc: Doc, questions: list[Doc], at: datetime) -> None:
    if doc.get("questions_at") is None or at >= doc["questions_at"]:
        kept = ("question_id", "position", "kind", "prompt", "practice", "think_seconds")
        doc["questions"] = [
            {**{k: q[k] for k in kept}, "choices": q.get("choices")} for q in questions
        ]
        doc["questions_at"] = at


def _set_interview(doc: Doc, p: InterviewCompleted) -> None:
    """The newest completed live interview (by completion time, then request id) with its rubric
    reference and scorecards; version 1 events, scored on no rubric, are not kept."""
    if p.rubric is None:
        return
    mine = (ms(p.completed_at), p.request_id)
    current = doc.get("interview")
    if current is not None and mine <= (current["completed_at"], current["request_id"]):
        return
    doc["interview"] = {
        "request_id": p.request_id,
        "completed_at": mine[0],
        "rubric": p.rubric.model_dump(),
        "scorecards": [
            {**c.model_dump(), "submitted_at": ms(c.submitted_at)} for c in p.scorecards
        ],
    }


def _recording_of(doc: Doc, booking_id: str, recording_id: str) -> Doc:
    booking = _safe_key(booking_id)
    recordings = doc.setdefault("interview_recordings", {})
    rec: Doc = recordings.setdefault(booking, {"booking_id": booking, "recording_id": recording_id})
    return rec


def _interview_recording(
    doc: Doc, p: RecordingTranscoding | RecordingTranscoded | RecordingTranscodeFailed
) -> None:
    """A live interview's recorded call (transcoding's events with `stage: interview`), kept by
    its booking apart from the screening's answers."""
    rec = _recording_of(doc, p.booking_id or p.attempt_id, p.attempt_id)
    if isinstance(p, RecordingTranscoding):
        _newest(rec, "transcoding", {"at": ms(p.at), "playable": bool(p.playable_rendition)})
    elif isinstance(p, RecordingTranscoded):
        _newest(
            rec, "transcoded", {"at": ms(p.transcoded_at), "duration_seconds": p.duration_seconds}
        )
    else:
        _newest(rec, "failed", {"at": ms(p.failed_at), "message": p.message})


def _apply_recording(doc: Doc, p: Payload) -> None:
    if (
        isinstance(p, RecordingTranscoding | RecordingTranscoded | RecordingTranscodeFailed)
        and p.stage == "interview"
    ):
        _interview_recording(doc, p)
    elif isinstance(p, QuestionRevealed):
        reveals = doc.setdefault("reveals", {})
        current = reveals.get(_safe_key(p.question_id))
        if current is None or ms(p.revealed_at) < current["at"]:  # written once at the source
            reveals[p.question_id] = {"at": ms(p.revealed_at), "start_by": ms(p.start_by)}
    elif isinstance(p, AnswerSubmitted):
        doc.setdefault("written", {})[_safe_key(p.question_id)] = {
            "kind": p.kind,
            "text": p.text,
            "choices": p.choices,
            "revealed_at": ms(p.revealed_at),
            "at": ms(p.submitted_at),
        }
    elif isinstance(p, RecordingStarted):
        a = _attempt(doc, p.attempt_id, p.question_id)
        a.update(number=p.attempt_number, started_at=ms(p.started_at))
    elif isinstance(p, RecordingUploaded):
        a = _attempt(doc, p.attempt_id, p.question_id)
        a["number"] = p.attempt_number
        _newest(
            a,
            "uploaded",
            {
                "at": ms(p.uploaded_at),
                "duration_seconds": p.duration_seconds,
                "width": p.width,
                "height": p.height,
                "has_audio": p.audio_codec is not None,
            },
        )
    elif isinstance(p, RecordingRejected):
        a = _attempt(doc, p.attempt_id, p.question_id)
        _newest(a, "rejected", {"at": ms(p.rejected_at), "reason": p.reason, "message": p.message})
    elif isinstance(p, RecordingTranscoding):
        a = _attempt(doc, p.attempt_id, p.question_id)
        _newest(
            a,
            "transcoding",
            {
                "at": ms(p.at),
                "progress_percent": p.progress_percent,
                "playable_rendition": p.playable_rendition,
            },
        )
    elif isinstance(p, RecordingTranscoded):
        a = _attempt(doc, p.attempt_id, p.question_id)
        _newest(
            a,
            "transcoded",
            {
                "at": ms(p.transcoded_at),
                "master_playlist_key": p.master_playlist_key,
                "renditions": [r.model_dump() for r in p.renditions],
                "poster_key": p.poster_key,
                "thumbnails": p.thumbnails.model_dump(),
                "duration_seconds": p.duration_seconds,
                "audio": p.audio.model_dump(),
            },
        )
    elif isinstance(p, RecordingTranscodeFailed):
        a = _attempt(doc, p.attempt_id, p.question_id)
        _newest(a, "failed", {"at": ms(p.failed_at), "reason": p.reason, "message": p.message})
    elif isinstance(p, RecordingSelected):
        _attempt(doc, p.attempt_id, p.question_id)
        selections = doc.setdefault("selections", {})
        current = selections.get(_safe_key(p.question_id))
        mine = (ms(p.selected_at), p.attempt_id)
        if current is None or mine > (current["at"], current["attempt_id"]):
            selections[p.question_id] = {"attempt_id": p.attempt_id, "at": mine[0]}
    else:
        raise TypeError(f"the projection does not fold {type(p).__name__}")


def erase(doc: Doc, at: datetime) -> Doc:
    """A tombstone: identity, position and media gone (so it leaves every list), and `apply`
    ignores every later event about the invitation."""
    kept: Doc = {k: doc[k] for k in ("_id", "tenant") if k in doc}
    doc.clear()
    doc.update(kept, erased=True, times={"erased": ms(at)}, candidate=None)
    return doc


def invitation_state(times: Doc) -> str:
    if "withdrawn" in times:
        return "withdrawn"
    if "completed" in times:
        return "completed"
    expired, extended = times.get("expired"), times.get("extended")
    if expired is not None and (extended is None or extended < expired):
        return "expired"
    for step in ("started", "consented", "opened", "created"):
        if step in times:
            return step
    return "unknown"


def _pace(question: Doc, doc: Doc) -> Doc:
    """Think time used (reveal to the first take or the written answer) and takes used."""
    qid = question["question_id"]
    reveal = doc.get("reveals", {}).get(qid)
    if question["kind"] != "video":
        written = doc.get("written", {}).get(qid)
        if written is None:
            return {}
        used = (written["at"] - written["revealed_at"]).total_seconds()
        return {"think_seconds_used": round(used, 1), "takes_used": 1}
    takes = [a for a in doc.get("attempts", {}).values() if a.get("question_id") == qid]
    numbers = [a["number"] for a in takes if "number" in a]
    out: Doc = {"takes_used": max(numbers) if numbers else None}
    started = [a["started_at"] for a in takes if "started_at" in a and a.get("number") == 1]
    if reveal is not None and started:
        used = (min(started) - reveal["at"]).total_seconds()
        out["think_seconds_used"] = round(
            min(max(used, 0.0), question.get("think_seconds", used)), 1
        )
    elif reveal is not None and numbers and min(numbers) > 1:  # the first take was missed
        out["think_seconds_used"] = float(question.get("think_seconds", 0))
    return out


def _written(question: Doc, doc: Doc, terminal: bool, answer: Doc) -> Doc:
    written = doc.get("written", {}).get(question["question_id"])
    answer["choice_labels"] = question.get("choices")
    if written is None:
        answer["status"] = "missing" if terminal else "awaiting"
        return answer
    answer.update(
        status="ready", text=written["text"], choices=written["choices"], ready_at=written["at"]
    )
    return answer


def _answer(question: Doc, doc: Doc, terminal: bool) -> Doc:
    answer: Doc = {
        "question_id": question["question_id"],
        "position": question["position"],
        "prompt": question["prompt"],
        "kind": question["kind"],
        **_pace(question, doc),
    }
    if question["kind"] != "video":
        return _written(question, doc, terminal, answer)
    selection = doc.get("selections", {}).get(question["question_id"])
    attempt = doc.get("attempts", {}).get(selection["attempt_id"]) if selection else None
    if attempt is None:
        answer["status"] = "missing" if terminal else "awaiting"
        return answer
    answer["attempt_id"] = selection["attempt_id"] if selection else None
    uploaded = attempt.get("uploaded") or {}
    answer["duration_seconds"] = uploaded.get("duration_seconds")
    if "transcoded" in attempt:
        t = attempt["transcoded"]
        answer.update(
            status="ready",
            duration_seconds=t["duration_seconds"],
            master_playlist_key=t["master_playlist_key"],
            renditions=t["renditions"],
            poster_key=t["poster_key"],
            thumbnails=t["thumbnails"],
            audio={k: t["audio"][k] for k in ("has_audio", "silent", "near_silent")},
            ready_at=t["at"],
        )
    elif "failed" in attempt or "rejected" in attempt:
        failure = attempt.get("failed") or attempt["rejected"]
        answer.update(status="failed", failure=failure["reason"])
    else:
        answer["status"] = "processing"
    return answer


def derive(doc: Doc) -> Doc:
    """The answers (final attempt of each recorded question, the written answer of each text or
    choice question), the submission's status and whether it can be reviewed, from the facts."""
    if doc.get("erased"):
        return {
            "invitation_state": "erased",
            "answers": [],
            "status": "missing",
            "reviewable": False,
            "ready_at": None,
            "ready_key": ready_key(None, doc["_id"]),
        }
    state = invitation_state(doc.get("times", {}))
    terminal = state in TERMINAL
    questions = sorted(
        (q for q in doc.get("questions", []) if not q["practice"]),
        key=lambda q: q["position"],
    )
    answers = [_answer(q, doc, terminal) for q in questions]
    statuses = {a["status"] for a in answers}
    status = next(
        (s for s in ("failed", "processing", "awaiting", "missing") if s in statuses), "ready"
    )
    if not answers:
        status = "awaiting"
    ready = [a for a in answers if a["status"] == "ready"]
    reviewable = bool(ready) and status in ("ready", "missing") and state != "withdrawn"
    ready_at = max(a["ready_at"] for a in ready) if reviewable else None
    for a in ready:
        del a["ready_at"]
    return {
        "invitation_state": state,
        "answers": answers,
        "status": status,
        "reviewable": reviewable,
        "ready_at": ready_at,
        "ready_key": ready_key(ready_at, doc["_id"]),
    }


def tie_fraction(invitation_id: str) -> float:
    """A stable number in [0, 1) from the id: spreads equal sort values apart (see paging)."""
    return int(hashlib.sha256(invitation_id.encode()).hexdigest()[:8], 16) / 2**32


def ready_key(ready_at: datetime | None, invitation_id: str) -> float:
    """Newest-first sort key: the ready time in seconds; not ready sorts below every ready one."""
    h = tie_fraction(invitation_id)
    if ready_at is None:
        return -1.0 - h
    return ready_at.timestamp() + h * 1e-3


def score_key(mean: float | None, invitation_id: str) -> float:
    """Best-first sort key: the mean to 3 decimals, ties spread within 0.0009; unscored below 0."""
    h = tie_fraction(invitation_id)
    if mean is None:
        return -1.0 - h
    return round(mean, 3) + (1 - h) * 0.0009
