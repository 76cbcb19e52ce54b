"""What review consumes: exactly the events the read model folds (the rebuild reads the same)."""

from __future__ import annotations

from typing import Any

from services.review import consumers, submission_projection


class Recorder:
    """Stands in for the Service: records each `on` registration."""

    db: Any = None

    def __init__(self) -> None:
        self.handled: list[str] = []

    def on(self, event_type: str) -> Any:
        self.handled.append(event_type)
        return lambda handler: handler


def test_every_folded_event_has_one_handler() -> None:
    service = Recorder()
    consumers.register(service)  # type: ignore[arg-type]
    assert sorted(service.handled) == sorted(submission_projection.EVENT_TYPES)
    assert len(set(service.handled)) == len(service.handled)
