"""Object storage on the S3 API (MinIO client): tenant-scoped deterministic keys, async wrappers, presigned URLs."""

from __future__ import annotations

import asyncio
import io
import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, TypeVar

from minio import Minio
from minio.datatypes import Part
from minio.deleteobjects import DeleteObject
from minio.error import S3Error
from minio.helpers import DictType

from services.chassis.settings import Settings
from services.chassis.telemetry import metrics

T = TypeVar("T")
_SEGMENT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._=-]{0,199}$")


def tenant_key(tenant: str, *parts: str) -> str:
    """The object key of a tenant's object. Every key starts with the tenant; segments are validated
    so a caller cannot climb out of its prefix."""
    segments = (tenant, *parts)
    for segment in segments:
        if not _SEGMENT.match(segment) or segment in {".", ".."}:
            raise ValueError(f"invalid object key segment {segment!r}")
    return "tenants/" + "/".join(segments)


@dataclass(frozen=True)
class StoredPart:
    """An object under a prefix, or a part of a multipart upload (`number` 0 for objects)."""

    key: str
    size: int
    etag: str
    number: int = 0


@dataclass(frozen=True)
class PendingUpload:
    """A multipart upload that was started and neither completed nor aborted."""

    key: str
    upload_id: str
    initiated: datetime | None


class ObjectStore:
    """Every request to the S3 server goes through `_request` (directly or by `_call`), which
    times it into s3_request_duration_seconds. Presigning is not measured: it is computed locally
    (with the configured region), without a request."""

    def __init__(self, settings: Settings) -> None:
        self.service = settings.service_name
        self.bucket = settings.s3_bucket
        self.client = Minio(
            settings.s3_endpoint,
            access_key=settings.s3_access_key,
            secret_key=settings.s3_secret_key,
            secure=settings.s3_secure,
            region=settings.s3_region,
        )
        # Presigned URLs are used by browsers: they must name the endpoint browsers reach, which
        # in production is not the in-cluster one. Signing needs no request, so this client
        # never connects.
        public = settings.s3_public_endpoint
        self.signer = (
            self.client
            if not public
            else Minio(
                public.split("://", 1)[-1],
                access_key=settings.s3_access_key,
                secret_key=settings.s3_secret_key,
                secure=public.startswith("https://")
                or (settings.s3_secure and "://" not in public),
                region=settings.s3_region,
            )
        )

    @contextmanager
    def _request(self, operation: str) -> Iterator[None]:
        """Time one request (or one paged listing) to the server, in the thread that makes it,
        so waiting for a free worker thread is not counted. `operation` is the client method's
        name: a fixed, small set."""
        started = time.perf_counter()
        outcome = "failed"
        try:
            yield
            outcome = "succeeded"
        finally:
            metrics().s3_duration.labels(self.service, operation, outcome).observe(
                time.perf_counter() - started
            )

    async def _call(self, operation: str, call: Callable[..., T], *args: Any) -> T:
        """`call(*args)` in a worker thread, timed as `operation`."""

        def timed() -> T:
            with self._request(operation):
                return call(*args)

        return await asyncio.to_thread(timed)

    async def ensure_bucket(self) -> None:
        if not await self._call("bucket_exists", self.client.bucket_exists, self.bucket):
            try:
                await self._call("make_bucket", self.client.make_bucket, self.bucket)
            except S3Error as exc:
                if exc.code not in {"BucketAlreadyOwnedByYou", "BucketAlreadyExists"}:
                    raise

    async def ready(self) -> bool:
        return bool(await self._call("bucket_exists", self.client.bucket_exists, self.bucket))

    async def put_bytes(self, key: str, data: bytes, content_type: str) -> None:
        await self._call(
            "put_object",
            self.client.put_object,
            self.bucket,
            key,
            io.BytesIO(data),
            len(data),
            content_type,
        )

    async def get_bytes(self, key: str) -> bytes:
        def read() -> bytes:
            with self._request("get_object"):  # the body's transfer included
                response = self.client.get_object(self.bucket, key)
                try:
                    return response.read()
                finally:
                    response.close()
                    response.release_conn()

        return await asyncio.to_thread(read)

    async def presigned_get(self, key: str, expires: timedelta = timedelta(minutes=10)) -> str:
        return await asyncio.to_thread(self.signer.presigned_get_object, self.bucket, key, expires)

    async def presigned_put(self, key: str, expires: timedelta) -> str:
        """A URL that lets its holder PUT exactly this key until it expires."""
        return await asyncio.to_thread(self.signer.presigned_put_object, self.bucket, key, expires)

    async def list_prefix(self, prefix: str) -> list[StoredPart]:
        """Every object under `prefix`, in key order."""

        def collect() -> list[StoredPart]:
            # The listing is requested page by page as it is iterated: timed as a whole.
            with self._request("list_objects"):
                found = self.client.list_objects(self.bucket, prefix=prefix, recursive=True)
                return [
                    StoredPart(o.object_name or "", int(o.size or 0), (o.etag or "").strip('"'))
                    for o in found
                ]

        return sorted(await asyncio.to_thread(collect), key=lambda p: p.key)

    async def delete_keys(self, keys: list[str]) -> None:
        def delete() -> None:
            with self._request("remove_objects"):  # sent as the result is iterated
                found = self.client.remove_objects(self.bucket, [DeleteObject(k) for k in keys])
                errors = list(found)
            if errors:
                raise RuntimeError(f"could not delete {len(errors)} object(s): {errors[0]}")

        if keys:
            await asyncio.to_thread(delete)

    async def delete_prefix(self, prefix: str) -> int:
        """Delete every object under `prefix` (end it with "/"); how many there were."""
        keys = [o.key for o in await self.list_prefix(prefix)]
        await self.delete_keys(keys)
        return len(keys)

    async def download_file(self, key: str, path: str) -> None:
        await self._call("fget_object", self.client.fget_object, self.bucket, key, path)

    async def upload_file(self, key: str, path: str, content_type: str) -> None:
        await self._call(
            "fput_object", self.client.fput_object, self.bucket, key, path, content_type
        )

    # -- multipart uploads (parts of at least 5 MiB except the last, as S3 requires) -------------

    async def start_multipart(self, key: str, content_type: str) -> str:
        headers: DictType = {"Content-Type": content_type}
        upload_id: str = await self._call(
            "create_multipart_upload",
            self.client._create_multipart_upload,
            self.bucket,
            key,
            headers,
        )
        return upload_id

    async def presigned_part_put(
        self, key: str, upload_id: str, number: int, expires: timedelta
    ) -> str:
        """A URL that lets its holder PUT part `number` (from 1) of one multipart upload."""
        query: DictType = {"partNumber": str(number), "uploadId": upload_id}
        return await asyncio.to_thread(
            self.signer.get_presigned_url,
            "PUT",
            self.bucket,
            key,
            expires,
            extra_query_params=query,
        )

    async def upload_part(self, key: str, upload_id: str, number: int, data: bytes) -> StoredPart:
        etag: str = await self._call(
            "upload_part", self.client._upload_part, self.bucket, key, data, None, upload_id, number
        )
        return StoredPart(key, len(data), etag.strip('"'), number)

    async def copy_part(
        self, key: str, upload_id: str, number: int, source_key: str, size: int
    ) -> StoredPart:
        """Part `number` of `key` becomes a server-side copy of the object `source_key`."""
        headers: DictType = {"x-amz-copy-source": f"/{self.bucket}/{source_key}"}
        etag, _ = await self._call(
            "upload_part_copy",
            self.client._upload_part_copy,
            self.bucket,
            key,
            upload_id,
            number,
            headers,
        )
        return StoredPart(key, size, etag.strip('"'), number)

    async def list_parts(self, key: str, upload_id: str) -> list[StoredPart]:
        def collect() -> list[StoredPart]:
            parts: list[StoredPart] = []
            marker: str | None = None
            while True:
                with self._request("list_parts"):
                    page = self.client._list_parts(
                        self.bucket, key, upload_id, part_number_marker=marker
                    )
                parts += [
                    StoredPart(key, int(p.size or 0), p.etag.strip('"'), p.part_number)
                    for p in page.parts
                ]
                if not page.is_truncated:
                    return parts
                marker = str(page.next_part_number_marker)

        return sorted(await asyncio.to_thread(collect), key=lambda p: p.number)

    async def complete_multipart(self, key: str, upload_id: str, parts: list[StoredPart]) -> None:
        chosen = [Part(p.number, p.etag) for p in sorted(parts, key=lambda p: p.number)]
        await self._call(
            "complete_multipart_upload",
            self.client._complete_multipart_upload,
            self.bucket,
            key,
            upload_id,
            chosen,
        )

    async def abort_multipart(self, key: str, upload_id: str) -> None:
        try:
            await self._call(
                "abort_multipart_upload",
                self.client._abort_multipart_upload,
                self.bucket,
                key,
                upload_id,
            )
        except S3Error as exc:
            if exc.code != "NoSuchUpload":
                raise

    async def pending_uploads(self, prefix: str) -> list[PendingUpload]:
        """Multipart uploads under `prefix` that were neither completed nor aborted."""

        def collect() -> list[PendingUpload]:
            found: list[PendingUpload] = []
            key_marker: str | None = None
            id_marker: str | None = None
            while True:
                with self._request("list_multipart_uploads"):
                    page = self.client._list_multipart_uploads(
                        self.bucket,
                        prefix=prefix,
                        key_marker=key_marker,
                        upload_id_marker=id_marker,
                    )
                found += [
                    PendingUpload(u.object_name or "", u.upload_id or "", u.initiated_time)
                    for u in page.uploads
                ]
                if not page.is_truncated:
                    return found
                key_marker, id_marker = page.next_key_marker, page.next_upload_id_marker

        return await asyncio.to_thread(collect)
