"""MongoDB and S3 latency as the chassis measures it, against the real servers: the command
listener a Service gives its client, and every request of the ObjectStore."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from minio.error import S3Error
from prometheus_client import REGISTRY
from pymongo import AsyncMongoClient
from pymongo.errors import OperationFailure

from embedded import Endpoints
from services.chassis.service import Service
from services.chassis.storage import ObjectStore, tenant_key
from services.chassis.telemetry import MongoCommandMetrics
from tests.support import settings_for, unique

pytestmark = pytest.mark.integration


def count(metric: str, **labels: str) -> float:
    return REGISTRY.get_sample_value(f"{metric}_count", labels) or 0.0


def mongodb(service: str, command: str, outcome: str) -> float:
    return count(
        "mongodb_command_duration_seconds", service=service, command=command, outcome=outcome
    )


def s3(service: str, operation: str, outcome: str) -> float:
    return count(
        "s3_request_duration_seconds", service=service, operation=operation, outcome=outcome
    )


async def test_mongodb_commands_are_timed_by_name_and_outcome(stack: Endpoints) -> None:
    name = unique("mongo-metrics")
    settings = settings_for(stack, name)
    client: AsyncMongoClient[dict[str, Any]] = AsyncMongoClient(
        settings.mongodb_url, tz_aware=True, event_listeners=[MongoCommandMetrics(name)]
    )
    try:
        collection = client[settings.database_name]["things"]
        await collection.insert_one({"_id": 1})
        await collection.insert_one({"_id": 2})
        assert await collection.find_one({"_id": 1}) == {"_id": 1}
        with pytest.raises(OperationFailure):
            await client[settings.database_name].command("noSuchCommandAtAll")
    finally:
        await client.close()
    assert mongodb(name, "insert", "succeeded") == 2
    assert mongodb(name, "find", "succeeded") == 1
    assert mongodb(name, "noSuchCommandAtAll", "failed") == 1
    seconds = REGISTRY.get_sample_value(
        "mongodb_command_duration_seconds_sum",
        {"service": name, "command": "insert", "outcome": "succeeded"},
    )
    assert seconds is not None and 0 < seconds < 10


async def test_a_service_times_the_commands_of_its_client(stack: Endpoints) -> None:
    """The listener is on the client every service uses: its own commands are timed."""
    name = unique("service-metrics")
    # Building a Service configures the process's logging: put it back afterwards.
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    try:
        service = Service(settings_for(stack, name), title=name)
    finally:
        root.handlers[:] = handlers
        root.setLevel(level)
    try:
        await service.client.admin.command("ping")
    finally:
        await service.client.close()
    assert mongodb(name, "ping", "succeeded") == 1


async def test_every_s3_request_is_timed_by_operation_and_outcome(stack: Endpoints) -> None:
    name = unique("s3-metrics")
    store = ObjectStore(settings_for(stack, name))
    key = tenant_key("t1", "metrics", unique("object"))
    await store.ensure_bucket()
    await store.put_bytes(key, b"hello", "text/plain")
    assert await store.get_bytes(key) == b"hello"
    assert [p.key for p in await store.list_prefix(key)] == [key]
    with pytest.raises(S3Error):
        await store.get_bytes(key + "-missing")
    upload = await store.start_multipart(key + "-multipart", "text/plain")
    await store.abort_multipart(key + "-multipart", upload)
    await store.delete_keys([key])
    await store.presigned_get(key)  # signed locally: no request, nothing timed

    assert s3(name, "bucket_exists", "succeeded") == 1
    assert s3(name, "put_object", "succeeded") == 1
    assert s3(name, "get_object", "succeeded") == 1
    assert s3(name, "get_object", "failed") == 1
    assert s3(name, "list_objects", "succeeded") == 1
    assert s3(name, "create_multipart_upload", "succeeded") == 1
    assert s3(name, "abort_multipart_upload", "succeeded") == 1
    assert s3(name, "remove_objects", "succeeded") == 1
    timed = {
        sample.labels["operation"]
        for family in REGISTRY.collect()
        if family.name == "s3_request_duration_seconds"
        for sample in family.samples
        if sample.labels.get("service") == name
    }
    assert timed == {
        "bucket_exists",
        "put_object",
        "get_object",
        "list_objects",
        "create_multipart_upload",
        "abort_multipart_upload",
        "remove_objects",
    }
