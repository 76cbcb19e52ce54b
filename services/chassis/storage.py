"""Object storage on the S3 API (MinIO client): tenant-scoped deterministic keys, async wrappers, presigned URLs."""

from __future__ import annotations

import asyncio
import io
import re
from datetime import timedelta

from minio import Minio
from minio.error import S3Error

from services.chassis.settings import Settings

_SEGMENT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._=-]{0,199}$")


def tenant_key(tenant: str, *parts: str) -> str:
    """The object key of a tenant's object. Every key starts with the tenant; segments are validated
    so a caller cannot climb out of its prefix."""
    segments = (tenant, *parts)
    for segment in segments:
        if not _SEGMENT.match(segment) or segment in {".", ".."}:
            raise ValueError(f"invalid object key segment {segment!r}")
    return "tenants/" + "/".join(segments)


class ObjectStore:
    def __init__(self, settings: Settings) -> None:
        self.bucket = settings.s3_bucket
        self.client = Minio(
            settings.s3_endpoint,
            access_key=settings.s3_access_key,
            secret_key=settings.s3_secret_key,
            secure=settings.s3_secure,
            region=settings.s3_region,
        )

    async def ensure_bucket(self) -> None:
        if not await asyncio.to_thread(self.client.bucket_exists, self.bucket):
            try:
                await asyncio.to_thread(self.client.make_bucket, self.bucket)
            except S3Error as exc:
                if exc.code not in {"BucketAlreadyOwnedByYou", "BucketAlreadyExists"}:
                    raise

    async def ready(self) -> bool:
        return bool(await asyncio.to_thread(self.client.bucket_exists, self.bucket))

    async def put_bytes(self, key: str, data: bytes, content_type: str) -> None:
        await asyncio.to_thread(
            self.client.put_object, self.bucket, key, io.BytesIO(data), len(data), content_type
        )

    async def get_bytes(self, key: str) -> bytes:
        def read() -> bytes:
            response = self.client.get_object(self.bucket, key)
            try:
                return response.read()
            finally:
                response.close()
                response.release_conn()

        return await asyncio.to_thread(read)

    async def presigned_get(self, key: str, expires: timedelta = timedelta(minutes=10)) -> str:
        return await asyncio.to_thread(self.client.presigned_get_object, self.bucket, key, expires)
