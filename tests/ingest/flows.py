"""What a candidate's page does: open an attempt, PUT chunks or parts to presigned URLs, complete."""

from __future__ import annotations

from typing import Any

import httpx

from tests.support import eventually

MIB = 1024 * 1024


def split(data: bytes, size: int) -> list[bytes]:
    """`data` in pieces of `size` bytes (the last may be shorter); one empty piece for no data."""
    return [data[i : i + size] for i in range(0, len(data), size)] or [b""]


async def reveal(candidate: httpx.AsyncClient, question_id: str) -> dict[str, Any]:
    """Go on to the question (a repeat returns it as it is), as the page does before recording."""
    response = await candidate.post(f"/v1/candidate/questions/{question_id}/reveal")
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def open_attempt(
    candidate: httpx.AsyncClient, question_id: str, mode: str = "stream", **extra: Any
) -> dict[str, Any]:
    await reveal(candidate, question_id)
    response = await candidate.post(
        "/v1/candidate/attempts", json={"question_id": question_id, "mode": mode, **extra}
    )
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


async def put_pieces(
    candidate: httpx.AsyncClient, attempt_id: str, pieces: list[bytes], first: int = 0
) -> None:
    """PUT pieces first.. to their presigned URLs, as the browser would (straight to S3)."""
    response = await candidate.post(
        f"/v1/candidate/attempts/{attempt_id}/upload-urls",
        json={"first": first, "count": len(pieces)},
    )
    assert response.status_code == 200, response.text
    urls = response.json()["urls"]
    async with httpx.AsyncClient(timeout=60) as s3:
        for url, piece in zip(urls, pieces, strict=True):
            put = await s3.put(url["url"], content=piece)
            assert put.status_code == 200, put.text


async def complete(
    candidate: httpx.AsyncClient, attempt_id: str, parts: int, *, interrupted: bool = False
) -> httpx.Response:
    return await candidate.post(
        f"/v1/candidate/attempts/{attempt_id}/complete",
        json={"parts": parts, "interrupted": interrupted},
    )


async def record(
    candidate: httpx.AsyncClient,
    question_id: str,
    data: bytes,
    *,
    mode: str = "stream",
    piece: int = 64 * 1024,
    **extra: Any,
) -> dict[str, Any]:
    """A whole attempt; returns the completed attempt (uploaded or rejected)."""
    attempt = await open_attempt(candidate, question_id, mode, **extra)
    pieces = split(data, piece if mode == "stream" else max(piece, 5 * MIB))
    await put_pieces(candidate, attempt["attempt_id"], pieces)
    response = await complete(candidate, attempt["attempt_id"], len(pieces))
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def transcoded(client: httpx.AsyncClient, path: str, timeout: float = 120) -> dict[str, Any]:
    """The recording's status once its transcode is done or failed."""

    async def finished() -> dict[str, Any] | None:
        response = await client.get(path)
        body: dict[str, Any] = response.json()
        return (
            body if response.status_code == 200 and body["status"] in {"done", "failed"} else None
        )

    return await eventually(finished, timeout=timeout, what=f"{path} to finish")
