"""Writes the committed contract files (schema history and AsyncAPI) from the models; `--check` only compares.

python -m contracts.generate          # update contracts/schemas/ (refuses breaking changes)
python -m contracts.generate --check  # exit 1 if the committed files differ from the code
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from faststream.kafka import KafkaBroker
from faststream.specification import AsyncAPI

from contracts.compat import incompatibilities
from contracts.events import EVENTS
from contracts.topics import TOPICS

SCHEMA_DIR = Path(__file__).parent / "schemas"
HISTORY_FILE = SCHEMA_DIR / "events.json"
ASYNCAPI_FILE = SCHEMA_DIR / "asyncapi.json"


def dump(data: Any) -> str:
    return json.dumps(data, indent=2, sort_keys=True, default=str) + "\n"


def current_schemas() -> dict[str, dict[str, Any]]:
    return {t: spec.model.model_json_schema() for t, spec in sorted(EVENTS.items())}


def load_history() -> dict[str, Any]:
    if not HISTORY_FILE.exists():
        return {}
    data: dict[str, Any] = json.loads(HISTORY_FILE.read_text())
    return data


def updated_history(history: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """The history with each changed schema appended as a revision, and any breaking changes found."""
    problems: list[str] = []
    result: dict[str, Any] = {}
    for event_type, schema in current_schemas().items():
        spec = EVENTS[event_type]
        entry = history.get(event_type, {"revisions": []})
        revisions: list[dict[str, Any]] = list(entry["revisions"])
        for number, old in enumerate(revisions, start=1):
            for problem in incompatibilities(old, schema):
                problems.append(f"{event_type} (against revision {number}): {problem}")
        if not revisions or revisions[-1] != schema:
            revisions.append(schema)
        result[event_type] = {
            "topic": spec.topic,
            "key": spec.key,
            "version": spec.version,
            "description": spec.description,
            "producer": spec.producer,
            "revisions": revisions,
        }
    for removed in sorted(set(history) - set(result)):
        problems.append(f"{removed}: event type removed")
    return result, problems


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
    if problems:
        print("Backward-incompatible contract changes (make a new event type instead):")
        print("\n".join(f"  - {p}" for p in problems))
        return 1
    files = {HISTORY_FILE: dump(history), ASYNCAPI_FILE: dump(asyncapi_document())}
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
