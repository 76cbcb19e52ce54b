"""Writes the committed contract files (schema history and AsyncAPI) from the models; `--check` only compares.

The public webhook payloads (contracts/webhooks.py) keep a history of their own under the same
rule: a receiver's code is a consumer too.

python -m contracts.generate          # update contracts/schemas/ (refuses breaking changes)
python -m contracts.generate --check  # exit 1 if the committed files differ from the code
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from faststream.kafka import KafkaBroker
from faststream.specification import AsyncAPI

from contracts.compat import incompatibilities
from contracts.events import EVENTS
from contracts.topics import TOPICS
from contracts.webhooks import WEBHOOK_EVENTS, WebhookEvent

SCHEMA_DIR = Path(__file__).parent / "schemas"
HISTORY_FILE = SCHEMA_DIR / "events.json"
WEBHOOK_HISTORY_FILE = SCHEMA_DIR / "webhooks.json"
ASYNCAPI_FILE = SCHEMA_DIR / "asyncapi.json"


def dump(data: Any) -> str:
    return json.dumps(data, indent=2, sort_keys=True, default=str) + "\n"


def current_schemas() -> dict[str, dict[str, Any]]:
    return {t: spec.model.model_json_schema() for t, spec in sorted(EVENTS.items())}


def current_webhook_schemas() -> dict[str, dict[str, Any]]:
    return {t: e.model.model_json_schema() for t, e in sorted(WEBHOOK_EVENTS.items())}


def load_history(path: Path = HISTORY_FILE) -> dict[str, Any]:
    if not path.exists():
        return {}
    data: dict[str, Any] = json.loads(path.read_text())
    return data


def _event_entry(event_type: str) -> dict[str, Any]:
    spec = EVENTS[event_type]
    return {
        "topic": spec.topic,
        "key": spec.key,
        "version": spec.version,
        "description": spec.description,
        "producer": spec.producer,
    }


def _webhook_entry(event_type: str) -> dict[str, Any]:
    event: WebhookEvent = WEBHOOK_EVENTS[event_type]
    return {"version": event.version, "source": event.source, "description": event.description}


def updated_history(
    history: dict[str, Any],
    schemas: dict[str, dict[str, Any]] | None = None,
    entry: Callable[[str], dict[str, Any]] = _event_entry,
) -> tuple[dict[str, Any], list[str]]:
    """The history with each changed schema appended as a revision, and any breaking changes found."""
    problems: list[str] = []
    result: dict[str, Any] = {}
    for event_type, schema in (current_schemas() if schemas is None else schemas).items():
        revisions: list[dict[str, Any]] = list(history.get(event_type, {}).get("revisions", []))
        for number, old in enumerate(revisions, start=1):
            for problem in incompatibilities(old, schema):
                problems.append(f"{event_type} (against revision {number}): {problem}")
        if not revisions or revisions[-1] != schema:
            revisions.append(schema)
        result[event_type] = {**entry(event_type), "revisions": revisions}
    for removed in sorted(set(history) - set(result)):
        problems.append(f"{removed}: event type removed")
    return result, problems


def updated_webhook_history() -> tuple[dict[str, Any], list[str]]:
    return updated_history(
        load_history(WEBHOOK_HISTORY_FILE), current_webhook_schemas(), _webhook_entry
    )


def asyncapi_document() -> dict[str, Any]:
    broker = KafkaBroker()
    for event_type, spec in sorted(EVENTS.items()):
        broker.publisher(
            spec.topic,
            title=event_type,
            description=f"{spec.description} Emitted by {spec.producer}. Key: {spec.key}. "
            f"Partitions: {TOPICS[spec.topic].partitions}. Schema version {spec.version}.",
            schema=spec.model,
        )
    document = (
        AsyncAPI(
            broker,
            title="Interview platform events",
            version="1",
            description="CloudEvents 1.0 in Kafka binary mode: ce_* headers (with ce_tenant and "
            "ce_schemaversion extensions and W3C traceparent); the JSON body is the payload.",
        )
        .to_specification()
        .to_jsonable()
    )
    data: dict[str, Any] = json.loads(dump(document))
    return data


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    history, problems = updated_history(load_history())
    webhook_history, webhook_problems = updated_webhook_history()
    problems += [f"webhook {p}" for p in webhook_problems]
    if problems:
        print("Backward-incompatible contract changes (make a new event type instead):")
        print("\n".join(f"  - {p}" for p in problems))
        return 1
    files = {
        HISTORY_FILE: dump(history),
        ASYNCAPI_FILE: dump(asyncapi_document()),
        WEBHOOK_HISTORY_FILE: dump(webhook_history),
    }
    stale = [p for p, text in files.items() if not p.exists() or p.read_text() != text]
    if args.check:
        for path in stale:
            print(f"{path} differs from the code: run `make contracts`")
        return 1 if stale else 0
    SCHEMA_DIR.mkdir(exist_ok=True)
    for path in stale:
        path.write_text(files[path])
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
