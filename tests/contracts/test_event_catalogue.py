"""docs/events.md is the catalogue the code implies, and every event consumed has a producer."""

from __future__ import annotations

import pytest

from contracts import EVENTS
from services import catalogue


@pytest.fixture(scope="module")
def consumed() -> dict[str, list[str]]:
    return catalogue.consumers()


def test_docs_events_md_matches_the_code(consumed: dict[str, list[str]]) -> None:
    assert catalogue.DOC.read_text() == catalogue.render(consumed), "run `make events` and commit"


def test_every_consumer_names_a_known_event(consumed: dict[str, list[str]]) -> None:
    unknown = {(s, t) for s, types in consumed.items() for t in types if t not in EVENTS}
    assert unknown == set()


def test_every_event_is_emitted_by_a_known_service(consumed: dict[str, list[str]]) -> None:
    services = set(catalogue.service_names())
    assert {"gateway", "invite", "ingest", "transcoding", "review", "scheduling"} <= services
    assert {t: s.producer for t, s in EVENTS.items() if s.producer not in services} == {}


def test_every_event_consumed_has_a_producer(consumed: dict[str, list[str]]) -> None:
    assert any(consumed.values()), "no service consumes anything: the handlers were not read"
    services = set(catalogue.service_names())
    orphans = {
        t for types in consumed.values() for t in types if EVENTS[t].producer not in services
    }
    assert orphans == set()


def test_the_page_names_every_event_with_its_producer_and_consumers() -> None:
    page = catalogue.render({"review": ["invitation.created"], "ingest": ["probe.requested"]})
    assert "| `invitation.created` | 1 | `invitation_id` | `invite` | `review` |" in page
    assert "| `probe.requested` | 1 | `probe_id` | `invite` | `ingest` |" in page
    assert "| `interview.scheduled` | 1 | `request_id` | `scheduling` | — |" in page
    for event_type in EVENTS:
        assert f"| `{event_type}` |" in page
