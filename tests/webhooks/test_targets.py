"""SSRF: private, loopback, link-local and metadata targets are refused at registration and at
every attempt (a name that resolves elsewhere later is checked again), unless allowed."""

from __future__ import annotations

import pytest

from services.webhooks.dispatcher import Dispatcher
from services.webhooks.targets import Policy, TargetRefused
from tests.support import eventually
from tests.webhooks.harness import Harness, completed

STRICT = Policy.of(allow_http=False, networks=[])


@pytest.mark.parametrize(
    ("url", "code"),
    [
        ("https://10.0.0.1/hook", "target_forbidden"),
        ("https://169.254.169.254/latest/meta-data/", "target_forbidden"),
        ("https://localhost/hook", "target_forbidden"),
        ("https://127.0.0.1/hook", "target_forbidden"),
        ("https://[::1]/hook", "target_forbidden"),
        ("https://[::ffff:10.0.0.1]/hook", "target_forbidden"),
        ("https://100.64.0.1/hook", "target_forbidden"),
        ("https://224.0.0.1/hook", "target_forbidden"),
        ("http://93.184.215.14/hook", "https_required"),
        ("ftp://example.com/hook", "invalid_target"),
        ("https://user:pw@93.184.215.14/hook", "invalid_target"),
        ("https://no-such-host.invalid/hook", "target_unresolvable"),
    ],
)
async def test_the_strict_policy_refuses(url: str, code: str) -> None:
    with pytest.raises(TargetRefused) as refused:
        await STRICT.resolve(url)
    assert refused.value.code == code


async def test_an_allowed_network_is_called_at_the_checked_address() -> None:
    policy = Policy.of(allow_http=True, networks=["127.0.0.1/32"])
    target = await policy.resolve("http://127.0.0.1:8443/a?b=1")
    assert target.url == "http://127.0.0.1:8443/a?b=1"
    assert target.host_header == "127.0.0.1:8443"
    public = await Policy.of(False, []).resolve("https://93.184.215.14/x")
    assert public.url == "https://93.184.215.14:443/x" and public.host_header == "93.184.215.14"
    with pytest.raises(TargetRefused):
        await policy.resolve("http://127.0.0.2:8443/")  # only the allowed network


async def test_registration_refuses_forbidden_targets(hooks: Harness) -> None:
    _, key = await hooks.tenant()
    dispatcher: Dispatcher = hooks.webhooks.app.state.dispatcher
    allowed = dispatcher.policy

    async def register(url: str) -> tuple[int, str]:
        async with hooks.client(key) as client:
            response = await client.post(
                "/v1/webhooks/endpoints", json={"url": url, "event_types": ["recording.ready"]}
            )
        return response.status_code, response.json().get("code", "")

    for url in ("http://10.0.0.1/hook", "https://169.254.169.254/latest/meta-data/"):
        assert await register(url) == (422, "target_forbidden"), url
    assert (await register("http://localhost:9/hook"))[0] == 201  # the tests allow 127.0.0.1
    dispatcher.policy = Policy.of(allow_http=True, networks=[])
    try:
        assert await register("http://localhost:9/hook") == (422, "target_forbidden")
    finally:
        dispatcher.policy = allowed


async def test_every_attempt_checks_the_target_again(hooks: Harness) -> None:
    """Registered while allowed, then the operator's policy no longer allows 127.0.0.1 (as when
    a name starts resolving to a private address): the attempt is refused and logged."""
    tenant, key = await hooks.tenant()
    endpoint, path = await hooks.endpoint(key)
    dispatcher: Dispatcher = hooks.webhooks.app.state.dispatcher
    allowed = dispatcher.policy
    dispatcher.policy = Policy.of(allow_http=True, networks=[])
    try:
        (event_id,) = await hooks.publish(tenant, completed())
        delivery = f"/v1/webhooks/deliveries/{endpoint['id']}:{event_id}"

        async def refused() -> list[dict[str, object]]:
            async with hooks.client(key) as client:
                response = await client.get(delivery)
            return response.json().get("log", []) if response.status_code == 200 else []

        log = await eventually(refused, what="a refused attempt")
        assert log[0]["status_code"] is None
        assert str(log[0]["error"]).startswith("target_forbidden")
        assert not hooks.receiver.at(path)
    finally:
        dispatcher.policy = allowed
    await hooks.receiver.wait(path, 1)  # allowed again: the retry arrives
