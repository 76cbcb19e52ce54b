"""10,000 invitations in one request, on a stack of its own so that the 10,000 events it causes
do not queue behind or ahead of other tests' events."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from embedded import Endpoints, Stack
from tests.gateway.harness import make_position, running_api
from tests.support import unique

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def own_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Endpoints]:
    servers = Stack(Path(tmp_path_factory.mktemp("volume")), persistent=False)
    try:
        yield servers.start()
    finally:
        servers.stop()


async def test_ten_thousand_rows_in_one_request(own_stack: Endpoints) -> None:
    async with running_api(own_stack) as api, api.client(await api.tenant()) as admin:
        position = await make_position(admin)
        prefix = unique("bulk")
        rows = [
            {"name": f"Person {i}", "email": f"{prefix}-{i}@example.com"} for i in range(10_000)
        ]
        response = await admin.post(
            f"/v1/positions/{position['id']}/invitations/bulk",
            content=json.dumps(rows).encode(),
            headers={"content-type": "application/json"},
        )
        assert response.status_code == 200, response.text
        assert response.json()["created"] == 10_000
        page = await admin.get(f"/v1/positions/{position['id']}/invitations", params={"limit": 500})
        assert len(page.json()["items"]) == 500
        second = await admin.get(
            f"/v1/positions/{position['id']}/invitations",
            params={"limit": 500, "cursor": page.json()["next_cursor"]},
        )
        assert len(second.json()["items"]) == 500
        first_ids = {i["id"] for i in page.json()["items"]}
        assert not first_ids & {i["id"] for i in second.json()["items"]}
        position_after = await admin.get(f"/v1/positions/{position['id']}")
    assert position_after.json()["counts"] == {"created": 10_000}
