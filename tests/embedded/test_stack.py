"""Integration tests of the embedded Stack against its real servers (no mocks)."""

from __future__ import annotations

import asyncio
import email
import io
import smtplib
import uuid
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from minio import Minio
from pymongo import AsyncMongoClient

from embedded import process
from embedded.stack import Endpoints, Stack

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def throwaway(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    s = Stack(tmp_path_factory.mktemp("stack"), persistent=False)
    try:
        s.start()
        print("ready in seconds:", s.ready_seconds)
        yield s
    finally:
        s.stop()


def endpoints(stack: Stack) -> Endpoints:
    assert stack.endpoints is not None
    return stack.endpoints


async def create_topic(bootstrap: str, topic: str) -> None:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    await admin.start()
    try:
        await admin.create_topics([NewTopic(topic, num_partitions=1, replication_factor=1)])
    finally:
        await admin.close()


async def produce(bootstrap: str, topic: str, value: bytes) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap, acks="all")
    await producer.start()
    try:
        await producer.send_and_wait(topic, value, key=b"k")
    finally:
        await producer.stop()


async def consume_one(bootstrap: str, topic: str) -> bytes | None:
    consumer = AIOKafkaConsumer(
        topic, bootstrap_servers=bootstrap, auto_offset_reset="earliest", group_id=None
    )
    await consumer.start()
    try:
        message = await asyncio.wait_for(consumer.getone(), timeout=30)
    finally:
        await consumer.stop()
    value: bytes | None = message.value
    return value


def test_env_names(throwaway: Stack) -> None:
    env = endpoints(throwaway).env()
    assert set(env) == {
        "KAFKA_BOOTSTRAP_SERVERS",
        "MONGODB_URL",
        "S3_ENDPOINT",
        "S3_ACCESS_KEY",
        "S3_SECRET_KEY",
        "S3_SECURE",
        "S3_BUCKET",
        "SMTP_HOST",
        "SMTP_PORT",
        "SMTP_MAILDIR",
    }
    assert env["S3_SECURE"] == "false" and env["S3_BUCKET"] == "media"
    assert (throwaway.data_dir / "stack.json").exists()


def test_s3_put_get(throwaway: Stack) -> None:
    ep = endpoints(throwaway)
    client = s3_client(ep)
    body = b"hello s3 " + uuid.uuid4().bytes
    client.put_object(ep.s3_bucket, "t/obj.bin", io.BytesIO(body), len(body))
    response = client.get_object(ep.s3_bucket, "t/obj.bin")
    try:
        assert response.read() == body
    finally:
        response.close()
        response.release_conn()


async def test_mongo_crud_and_transaction(throwaway: Stack) -> None:
    client: AsyncMongoClient[dict[str, object]] = AsyncMongoClient(endpoints(throwaway).mongodb_url)
    try:
        db = client["embedded_test"]
        await db.items.insert_one({"_id": "a", "n": 1})
        assert await db.items.find_one({"_id": "a"}) == {"_id": "a", "n": 1}

        await db.create_collection("orders")
        async with client.start_session() as session, await session.start_transaction():
            await db.orders.insert_one({"_id": 1}, session=session)
            await db.orders.insert_one({"_id": 2}, session=session)
        assert await db.orders.count_documents({}) == 2

        with pytest.raises(RuntimeError):
            async with client.start_session() as session, await session.start_transaction():
                await db.orders.insert_one({"_id": 3}, session=session)
                raise RuntimeError("abort")
        assert await db.orders.count_documents({}) == 2
    finally:
        await client.close()


async def test_kafka_produce_consume(throwaway: Stack) -> None:
    bootstrap = endpoints(throwaway).kafka_bootstrap_servers
    topic = f"t-{uuid.uuid4().hex[:8]}"
    await create_topic(bootstrap, topic)
    await produce(bootstrap, topic, b"hello kafka")
    assert await consume_one(bootstrap, topic) == b"hello kafka"


def test_smtp_writes_eml(throwaway: Stack) -> None:
    ep = endpoints(throwaway)
    message = EmailMessage()
    message["From"] = "noreply@hireloop.test"
    message["To"] = "candidate@example.com"
    message["Subject"] = subject = f"Invitation {uuid.uuid4().hex}"
    message.set_content("Please record your interview.")
    with smtplib.SMTP(ep.smtp_host, ep.smtp_port, timeout=10) as smtp:
        smtp.send_message(message)
    # The server writes the file before it answers 250, so it is there now.
    found = [email.message_from_bytes(p.read_bytes()) for p in Path(ep.smtp_maildir).glob("*.eml")]
    mine = [m for m in found if m["Subject"] == subject]
    assert len(mine) == 1
    assert mine[0]["X-Envelope-To"] == "candidate@example.com"


def test_restart_stops_stale_stack_and_stop_leaves_nothing(tmp_path: Path) -> None:
    first, second = Stack(tmp_path, persistent=False), Stack(tmp_path, persistent=False)
    try:
        first.start()
        stale = first.procs
        assert len(stale) == 4 and all(process.is_running(p) for p in stale)
        second.start()  # same data dir: must stop the stack recorded in stack.json first
        assert not any(process.is_running(p) for p in stale)
        procs = second.procs
        second.stop()
        assert not any(process.is_running(p) for p in procs)
        assert not (tmp_path / "stack.json").exists()
    finally:
        second.stop()
        first.stop()


def s3_client(ep: Endpoints) -> Minio:
    return Minio(ep.s3_endpoint, ep.s3_access_key, ep.s3_secret_key, secure=False)


async def test_persistent_stack_keeps_mongo_kafka_and_s3_data(tmp_path: Path) -> None:
    topic = "persisted"
    stack = Stack(tmp_path, persistent=True)
    try:
        ep = stack.start()
        s3_client(ep).put_object(ep.s3_bucket, "kept.txt", io.BytesIO(b"kept"), 4)
        client: AsyncMongoClient[dict[str, object]] = AsyncMongoClient(ep.mongodb_url)
        try:
            await client.db.kept.insert_one({"_id": "x", "v": 42})
        finally:
            await client.close()
        await create_topic(ep.kafka_bootstrap_servers, topic)
        await produce(ep.kafka_bootstrap_servers, topic, b"survives restart")
        stack.stop()

        ep = stack.start()
        client = AsyncMongoClient(ep.mongodb_url)
        try:
            assert await client.db.kept.find_one({"_id": "x"}) == {"_id": "x", "v": 42}
        finally:
            await client.close()
        assert await consume_one(ep.kafka_bootstrap_servers, topic) == b"survives restart"
        response = s3_client(ep).get_object(ep.s3_bucket, "kept.txt")
        try:
            assert response.read() == b"kept"
        finally:
            response.close()
            response.release_conn()
    finally:
        stack.stop()
    assert not (tmp_path / "stack.json").exists()
