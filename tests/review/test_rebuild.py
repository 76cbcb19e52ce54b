"""The rebuild from offset 0 gives the live read model, tombstones and interviews included."""

from __future__ import annotations

import pytest

from services.review.rebuild import rebuild
from tests.review.conftest import Api, setup
from tests.review.test_submission_view import interviewed
from tests.support import eventually

pytestmark = pytest.mark.integration


async def test_rebuild_from_offset_zero_equals_the_live_model(api: Api) -> None:
    tenant, _, cands = await setup(api, 2, ["ann"])
    await api.publish(tenant.id, [cands[1].erasure()])
    await api.until(cands[1].invitation_id, erased=True)
    await api.publish(tenant.id, [cands[0].interviewed(("grace", {"coding": 3}, "yes"))])
    await eventually(lambda: interviewed(api, cands[0].invitation_id), what="the interview")
    coll = api.review.db.submissions
    live = {d["_id"]: d async for d in coll.find({"tenant": tenant.id})}
    assert len(live) == 2
    result = await rebuild(api.review.settings)
    assert result.submissions >= 2 and result.events > 0
    rebuilt = {d["_id"]: d async for d in coll.find({"tenant": tenant.id})}
    assert rebuilt == live
    indexes = await coll.index_information()
    assert any("review.score_key" in str(v["key"]) for v in indexes.values())
