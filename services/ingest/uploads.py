"""Where an attempt's bytes live while it uploads (chunk objects or a multipart upload) and how they become one object."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import timedelta

from minio.error import S3Error

from services.chassis.errors import ProblemError
from services.chassis.storage import ObjectStore, StoredPart, tenant_key
from services.ingest.settings import MIB, IngestSettings
from services.ingest.store import AttemptDoc

# stream mode: chunk `seq` is its own object `.../attempts/<id>/chunks/<seq:08d>`, any size;
# completing assembles them into `.../attempts/<id>/source` with a multipart upload (chunks of
# 5 MiB or more are copied server-side, small ones are joined into parts of `part_bytes`).
# file mode: a multipart upload of `.../attempts/<id>/source` itself; chunk `seq` is part `seq + 1`.
# See docs/adr/0011-resumable-upload.md.
S3_MIN_PART = 5 * MIB
_PREFETCH = 16


@dataclass(frozen=True)
class Chunk:
    seq: int
    size: int
    etag: str
    key: str


def source_key(tenant: str, attempt_id: str) -> str:
    return tenant_key(tenant, "attempts", attempt_id, "source")


def attempt_prefix(tenant: str, attempt_id: str) -> str:
    """Everything stored for one attempt: chunks, `source`, `salvaged`."""
    return tenant_key(tenant, "attempts", attempt_id) + "/"


def salvaged_key(tenant: str, attempt_id: str) -> str:
    """What an interrupted recording kept (see `validation.salvage`); `source` stays as received."""
    return tenant_key(tenant, "attempts", attempt_id, "salvaged")


CONTENT_TYPES = {"webm": "video/webm", "mp4": "video/mp4"}


def chunk_key(tenant: str, attempt_id: str, seq: int) -> str:
    return tenant_key(tenant, "attempts", attempt_id, "chunks", f"{seq:08d}")


def chunk_prefix(tenant: str, attempt_id: str) -> str:
    return tenant_key(tenant, "attempts", attempt_id, "chunks") + "/"


def contiguous(chunks: list[Chunk]) -> int:
    """How many chunks form the prefix 0..n-1."""
    seqs = {c.seq for c in chunks}
    n = 0
    while n in seqs:
        n += 1
    return n


def _upload_id(attempt: AttemptDoc) -> str:
    """A file-mode attempt's multipart upload (begun when it opened)."""
    upload_id = attempt["upload_id"]
    assert upload_id is not None, "a file-mode attempt has a multipart upload"
    return upload_id


class Uploads:
    def __init__(self, store: ObjectStore, settings: IngestSettings) -> None:
        self.store = store
        self.settings = settings

    async def begin(self, tenant: str, attempt_id: str, mode: str, content_type: str) -> str | None:
        """Start the attempt's multipart upload in file mode; returns its upload id."""
        if mode != "file":
            return None
        return await self.store.start_multipart(source_key(tenant, attempt_id), content_type)

    async def url(self, attempt: AttemptDoc, seq: int, expires: timedelta) -> str:
        tenant, attempt_id = attempt["tenant"], attempt["_id"]
        if attempt["mode"] == "file":
            key = source_key(tenant, attempt_id)
            return await self.store.presigned_part_put(key, _upload_id(attempt), seq + 1, expires)
        return await self.store.presigned_put(chunk_key(tenant, attempt_id, seq), expires)

    async def stored(self, attempt: AttemptDoc) -> list[Chunk]:
        tenant, attempt_id = attempt["tenant"], attempt["_id"]
        if attempt["mode"] == "file":
            key = source_key(tenant, attempt_id)
            parts = await self.store.list_parts(key, _upload_id(attempt))
            return [Chunk(p.number - 1, p.size, p.etag, key) for p in parts]
        prefix = chunk_prefix(tenant, attempt_id)
        chunks = []
        for obj in await self.store.list_prefix(prefix):
            name = obj.key.removeprefix(prefix)
            if name.isdigit():
                chunks.append(Chunk(int(name), obj.size, obj.etag, obj.key))
        return sorted(chunks, key=lambda c: c.seq)

    async def assemble(self, attempt: AttemptDoc, chunks: list[Chunk]) -> None:
        """Make `source` from chunks 0..n-1 (`chunks`, in order)."""
        key = source_key(attempt["tenant"], attempt["_id"])
        if attempt["mode"] == "file":
            parts = [StoredPart(key, c.size, c.etag, c.seq + 1) for c in chunks]
            try:
                await self.store.complete_multipart(key, _upload_id(attempt), parts)
            except S3Error as exc:
                if exc.code == "EntityTooSmall":
                    raise ProblemError(
                        422,
                        "part_too_small",
                        f"In file mode every part but the last must be at least "
                        f"{S3_MIN_PART} bytes; upload the recording again in bigger parts.",
                    ) from exc
                raise
            return
        upload_id = await self.store.start_multipart(key, attempt["content_type"])
        try:
            parts = await self._join(key, upload_id, chunks)
            await self.store.complete_multipart(key, upload_id, parts)
        except BaseException:
            await asyncio.shield(self.store.abort_multipart(key, upload_id))
            raise

    async def _join(self, key: str, upload_id: str, chunks: list[Chunk]) -> list[StoredPart]:
        parts: list[StoredPart] = []
        buffer = bytearray()
        pending: dict[int, asyncio.Task[bytes]] = {}
        try:
            for index, chunk in enumerate(chunks):
                number = len(parts) + 1
                if not buffer and chunk.size >= S3_MIN_PART:
                    parts.append(
                        await self.store.copy_part(key, upload_id, number, chunk.key, chunk.size)
                    )
                    continue
                # Fetch the next few small chunks concurrently; they are joined in order.
                for ahead in chunks[index : index + _PREFETCH]:
                    if ahead.seq not in pending and ahead.size < S3_MIN_PART:
                        pending[ahead.seq] = asyncio.ensure_future(self.store.get_bytes(ahead.key))
                task = pending.pop(chunk.seq, None)
                buffer += await (task or self.store.get_bytes(chunk.key))
                if len(buffer) >= self.settings.part_bytes:
                    parts.append(
                        await self.store.upload_part(key, upload_id, number, bytes(buffer))
                    )
                    buffer.clear()
            if buffer or not parts:
                number = len(parts) + 1
                parts.append(await self.store.upload_part(key, upload_id, number, bytes(buffer)))
        finally:
            for task in pending.values():
                task.cancel()
        return parts

    async def discard_chunks(self, attempt: AttemptDoc) -> None:
        """Remove what the upload left besides `source`: chunk objects, or the unfinished upload."""
        tenant, attempt_id = attempt["tenant"], attempt["_id"]
        if attempt["mode"] == "file":
            upload_id = attempt.get("upload_id")
            if upload_id and not attempt.get("assembled_bytes"):
                await self.store.abort_multipart(source_key(tenant, attempt_id), upload_id)
            return
        chunks = await self.store.list_prefix(chunk_prefix(tenant, attempt_id))
        await self.store.delete_keys([c.key for c in chunks])
