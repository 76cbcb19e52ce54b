"""The committed contract files match the code, and schema changes stay backward compatible."""

from __future__ import annotations

import dataclasses
from datetime import datetime

import pytest
from pydantic import BaseModel, create_model

from contracts import EVENTS, TOPICS, Envelope
from contracts.compat import incompatibilities
from contracts.envelope import EnvelopeError
from contracts.generate import (
    ASYNCAPI_FILE,
    HISTORY_FILE,
    WEBHOOK_HISTORY_FILE,
    asyncapi_document,
    dump,
    load_history,
    updated_history,
    updated_webhook_history,
)
from contracts.webhooks import WEBHOOK_EVENTS


def test_committed_contract_files_match_the_code() -> None:
    history, problems = updated_history(load_history())
    assert problems == []
    assert HISTORY_FILE.read_text() == dump(history), "run `make contracts` and commit the result"
    assert ASYNCAPI_FILE.read_text() == dump(asyncapi_document()), "run `make contracts`"


def test_every_current_schema_is_compatible_with_every_committed_revision() -> None:
    for event_type, entry in load_history().items():
        current = EVENTS[event_type].model.model_json_schema()
        for number, old in enumerate(entry["revisions"], start=1):
            assert incompatibilities(old, current) == [], f"{event_type} vs revision {number}"


def test_committed_webhook_payloads_match_the_code_and_stay_compatible(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    history, problems = updated_webhook_history()
    assert problems == []
    assert WEBHOOK_HISTORY_FILE.read_text() == dump(history), "run `make contracts`"
    assert set(history) == set(WEBHOOK_EVENTS)
    # A receiver's code is a consumer too: dropping a public field is refused.
    event = WEBHOOK_EVENTS["recording.ready"]
    kept = {n: (f.annotation, f) for n, f in event.model.model_fields.items()}
    kept.pop("duration_seconds")
    narrowed = create_model("Narrowed", **kept)  # type: ignore[call-overload]
    monkeypatch.setitem(WEBHOOK_EVENTS, event.type, dataclasses.replace(event, model=narrowed))
    _, problems = updated_webhook_history()
    assert any("duration_seconds: field removed" in p for p in problems), problems


def test_every_event_names_a_topic_and_a_key_field() -> None:
    for spec in EVENTS.values():
        assert spec.topic in TOPICS
        assert spec.key in spec.model.model_fields


class _V1(BaseModel):
    id: str
    score: int
    note: str | None = None


class _Removed(BaseModel):
    id: str
    note: str | None = None


class _ChangedType(BaseModel):
    id: str
    score: str
    note: str | None = None


class _NewRequired(BaseModel):
    id: str
    score: int
    note: str | None = None
    reason: str


class _MadeRequired(BaseModel):
    id: str
    score: int
    note: str


class _NewOptional(BaseModel):
    """Descriptions may change."""

    id: str
    score: int
    note: str | None = None
    reason: str | None = None


class _Inner(BaseModel):
    at: datetime


class _Nested(BaseModel):
    id: str
    inner: _Inner


class _InnerChanged(BaseModel):
    at: int


class _NestedChanged(BaseModel):
    id: str
    inner: _InnerChanged


@pytest.mark.parametrize(
    ("new", "expected"),
    [
        (_Removed, ["score: field removed"]),
        (_ChangedType, ["score: type changed"]),
        (_NewRequired, ["reason: new required field"]),
        (_MadeRequired, ["note: new required field", "note: type changed"]),
        (_NewOptional, []),
    ],
)
def test_compatibility_rules(new: type[BaseModel], expected: list[str]) -> None:
    assert incompatibilities(_V1.model_json_schema(), new.model_json_schema()) == expected


def test_compatibility_looks_inside_nested_models() -> None:
    problems = incompatibilities(_Nested.model_json_schema(), _NestedChanged.model_json_schema())
    assert problems == ["inner.at: type changed"]


def test_generator_refuses_a_breaking_change(monkeypatch: pytest.MonkeyPatch) -> None:
    spec = EVENTS["probe.requested"]
    broken = dataclasses.replace(spec, model=_Removed, key="id")  # type: ignore[arg-type]
    monkeypatch.setitem(EVENTS, "probe.requested", broken)
    _, problems = updated_history(load_history())
    assert any("probe_id: field removed" in p for p in problems)


def test_envelope_round_trips_through_headers() -> None:
    envelope = Envelope(
        type="probe.requested",
        source="/test",
        tenant="t1",
        subject="p1",
        schemaversion=1,
        traceparent="00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
    )
    headers = envelope.headers()
    assert headers["ce_specversion"] == "1.0"
    assert Envelope.from_headers({k: v.encode() for k, v in headers.items()}) == envelope


@pytest.mark.parametrize("missing", ["ce_id", "ce_type", "ce_tenant", "ce_time", "ce_specversion"])
def test_envelope_without_a_required_attribute_is_refused(missing: str) -> None:
    headers = Envelope(
        type="probe.requested", source="/test", tenant="t1", subject="p1", schemaversion=1
    ).headers()
    del headers[missing]
    with pytest.raises(EnvelopeError):
        Envelope.from_headers(headers)
