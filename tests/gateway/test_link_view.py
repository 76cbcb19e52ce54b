"""The gateway's link read model against an erasure consumed out of order: the erasure (topic
`privacy`) may come before the invitation's own events (topic `invitations`), or beside them in
another transaction. Either way the erased candidate's link must not be left working."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from pymongo.errors import OperationFailure

from contracts.envelope import Envelope
from contracts.events.invitations import InvitationCreated
from contracts.events.privacy import CandidateErasureRequested
from services.chassis.bus import Delivery
from services.gateway.link_view import LinkView
from tests.gateway.harness import Api
from tests.support import unique


def _events(tenant: str) -> tuple[Envelope, InvitationCreated, CandidateErasureRequested]:
    invitation = str(uuid.uuid4())
    envelope = Envelope(
        type="test", source="/tests", tenant=tenant, subject=invitation, schemaversion=1
    )
    created = InvitationCreated.model_construct(
        invitation_id=invitation,
        token_hash=uuid.uuid4().hex,
        token_expires_at=datetime.now(UTC) + timedelta(days=7),
    )
    erased = CandidateErasureRequested(
        erasure_id=str(uuid.uuid4()),
        candidate_email="cy@example.com",
        invitation_ids=[invitation],
        requested_by="admin",
        requested_at=datetime.now(UTC),
    )
    return envelope, created, erased


async def _link(api: Api, token_hash: str) -> dict[str, Any] | None:
    assert api.gateway
    found: dict[str, Any] | None = await api.gateway.db.candidate_links.find_one(
        {"_id": token_hash}
    )
    return found


async def test_an_erasure_consumed_before_the_invitation_leaves_no_link(api: Api) -> None:
    assert api.gateway
    view, client = LinkView(api.gateway), api.gateway.db.client
    envelope, created, erased = _events(unique("t"))
    async with client.start_session() as session:
        await view.candidate_erased(Delivery(envelope, erased, session, 1))
        await view.invitation_created(Delivery(envelope, created, session, 1))
    assert await _link(api, created.token_hash) is None

    # The usual order still issues a link, and an erasure then removes it.
    envelope, created, erased = _events(envelope.tenant)
    async with client.start_session() as session:
        await view.invitation_created(Delivery(envelope, created, session, 1))
        assert await _link(api, created.token_hash) is not None
        await view.candidate_erased(Delivery(envelope, erased, session, 1))
    assert await _link(api, created.token_hash) is None


async def test_an_erasure_beside_the_invitation_conflicts_instead_of_missing_it(api: Api) -> None:
    """Two open transactions: the invitation's has written its link, the erasure's has not seen
    it. The erasure's write to the same invitation's document is refused as a write conflict, so
    the consumer retries it after the other commits (and then deletes the link)."""
    assert api.gateway
    view, client = LinkView(api.gateway), api.gateway.db.client
    envelope, created, erased = _events(unique("t"))
    async with client.start_session() as first, client.start_session() as second:
        await first.start_transaction()
        await view.invitation_created(Delivery(envelope, created, first, 1))
        await second.start_transaction()
        with pytest.raises(OperationFailure) as refused:
            await view.candidate_erased(Delivery(envelope, erased, second, 1))
        assert refused.value.has_error_label("TransientTransactionError"), refused.value.details
        await second.abort_transaction()
        await first.commit_transaction()
    async with client.start_session() as session:
        await view.candidate_erased(Delivery(envelope, erased, session, 1))
    assert await _link(api, created.token_hash) is None
