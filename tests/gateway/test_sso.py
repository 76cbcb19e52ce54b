"""Single sign-on with OpenID Connect against a real provider (`oidc-provider` on 127.0.0.1): the
browser through the provider's own login and consent pages, refusals at the API (state, browser,
nonce, replayed code, issuer, unmapped roles), the ID token's checks, sign-out, and a tenant that
requires single sign-on with its break-glass admin."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

import httpx
import pytest
from joserfc import jwt
from joserfc.jwk import RSAKey
from playwright.async_api import async_playwright
from prometheus_client import REGISTRY

from embedded import Endpoints
from services.chassis.errors import ProblemError
from services.gateway.app import create as create_gateway
from services.gateway.settings import GatewaySettings
from services.gateway.sso import validate_id_token
from tests.gateway.oidc_provider import (
    CLIENT_ID,
    CLIENT_SECRET,
    Provider,
    oidc_provider,
    sign_in_at_provider,
)
from tests.support import conditional_puts, free_port, serving, settings_for, unique

pytestmark = pytest.mark.integration
PLATFORM_KEY = "hlp_sso-tests-platform-key-0123456789"
ROLE_MAP = {"hiring-admins": ["admin"], "reviewers": ["reviewer"]}


@dataclass
class Sso:
    url: str
    provider: Provider
    service_name: str

    def client(self, token: str | None = None) -> httpx.AsyncClient:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return httpx.AsyncClient(base_url=self.url, headers=headers, timeout=60, trust_env=False)

    async def tenant(self, *, configured: bool = True) -> tuple[str, str]:
        """A new tenant (with the provider configured); returns (tenant, admin key)."""
        tenant = unique("sso")
        async with self.client(PLATFORM_KEY) as platform:
            created = await platform.post("/v1/tenants", json={"id": tenant, "name": "SSO"})
        key = str(created.json()["api_key"])
        if configured:
            async with self.client(key) as admin:
                response = await admin.put("/v1/sso/oidc", json=self.provider_config())
            assert response.status_code == 200, response.text
        return tenant, key

    def provider_config(self) -> dict[str, object]:
        return {
            "issuer": self.provider.issuer,
            "client_id": CLIENT_ID,
            "client_secret": CLIENT_SECRET,
            "scopes": ["openid", "email", "profile", "groups"],
            "role_claim": "groups",
            "role_map": ROLE_MAP,
        }

    async def start(self, browser: httpx.AsyncClient, tenant: str) -> str:
        started = await browser.get(f"/v1/auth/sso/{tenant}/start", params={"next": "/console"})
        assert started.status_code == 303, started.text
        return started.headers["location"]


@pytest.fixture(scope="module")
def gateway_port() -> int:
    return free_port()


@pytest.fixture(scope="module")
def provider(tmp_path_factory: pytest.TempPathFactory, gateway_port: int) -> Iterator[Provider]:
    with oidc_provider(tmp_path_factory.mktemp("oidc"), f"http://127.0.0.1:{gateway_port}") as p:
        yield p


@pytest.fixture(scope="module")
async def sso(stack: Endpoints, provider: Provider, gateway_port: int) -> AsyncIterator[Sso]:
    gateway = create_gateway(
        settings_for(
            stack,
            unique("gateway-sso"),
            GatewaySettings,
            service_port=gateway_port,
            public_url=f"http://127.0.0.1:{gateway_port}",
            platform_admin_key=PLATFORM_KEY,
            rate_limit_burst=10_000,
        )
    )
    async with serving(gateway) as url:
        yield Sso(url, provider, gateway.settings.service_name)


def _sign_ins(sso: Sso, outcome: str) -> float:
    labels = {"service": sso.service_name, "method": "oidc", "outcome": outcome}
    return REGISTRY.get_sample_value("sign_ins_total", labels) or 0.0


def _with_query(url: str, **changes: str) -> str:
    parts = urlsplit(url)
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    return urlunsplit(parts._replace(query=urlencode({**query, **changes})))


async def test_the_browser_signs_in_through_the_providers_pages_and_out(
    sso: Sso, tmp_path: Path
) -> None:
    tenant, _ = await sso.tenant()
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"],
        )
        page = await browser.new_page()
        await page.goto(f"{sso.url}/login?next=/console")
        await page.fill("#tenant", tenant)
        await page.press("#tenant", "Tab")
        start = page.get_by_role("link", name="Sign in with your organisation's account")
        await start.click()
        # The provider's own login page, then its consent page.
        await page.wait_for_url(f"{sso.provider.issuer}/interaction/**")
        await page.fill("input[name=login]", "ann")
        await page.fill("input[name=password]", "whatever the provider accepts")
        await page.click("button[type=submit]")
        await page.get_by_role("button", name="Continue").click()
        await page.wait_for_url(f"{sso.url}/console**")
        token = await page.evaluate("sessionStorage.getItem('hl.token')")
        async with sso.client(token) as ann:
            me = (await ann.get("/v1/me")).json()
        assert me["tenant"] == tenant and me["roles"] == ["admin"]
        # Sign-out ends the token here and the provider's session there.
        await page.click("#signout")
        await page.wait_for_url(f"{sso.provider.issuer}/session/end**")
        await page.get_by_role("button", name="Yes, sign me out").click()
        await page.wait_for_url(f"{sso.url}/login**")
        await browser.close()
    async with sso.client(token) as ann:
        after = await ann.get("/v1/me")
    assert after.status_code == 401 and after.json()["code"] == "session_ended"


async def test_roles_follow_the_group_claim_and_answers_are_taken_once(sso: Sso) -> None:
    tenant, key = await sso.tenant()
    async with sso.client() as browser:
        authorize = await sso.start(browser, tenant)
        callback = await sign_in_at_provider(authorize, "rob")
        answered = await browser.get(callback)
        assert answered.status_code == 303, answered.text
        handoff = parse_qs(urlsplit(answered.headers["location"]).query)["handoff"][0]
        taken = await browser.post("/v1/auth/sso/handoff", json={"handoff": handoff})
        again = await browser.post("/v1/auth/sso/handoff", json={"handoff": handoff})
        replayed = await browser.get(callback)
        # The used code with a fresh state: the provider refuses it.
        fresh = await sso.start(browser, tenant)
        code = parse_qs(urlsplit(callback).query)["code"][0]
        state = parse_qs(urlsplit(fresh).query)["state"][0]
        reused = await browser.get("/v1/auth/sso/callback", params={"state": state, "code": code})
    assert taken.status_code == 200, taken.text
    assert again.status_code == 400 and again.json()["code"] == "handoff_invalid"
    assert replayed.status_code == 400 and replayed.json()["code"] == "sso_state_invalid"
    assert reused.status_code == 400 and reused.json()["code"] == "sso_code_refused"
    async with sso.client(taken.json()["access_token"]) as rob:
        me = (await rob.get("/v1/me")).json()
        assert me["roles"] == ["reviewer"]
        assert (await rob.get("/v1/users")).status_code == 403
    async with sso.client(key) as admin:
        users = (await admin.get("/v1/users")).json()["items"]
    assert [(u["email"], u["roles"]) for u in users] == [("rob@example.com", ["reviewer"])]


async def test_without_the_role_claim_an_existing_users_roles_stay(sso: Sso) -> None:
    tenant, key = await sso.tenant(configured=False)
    async with sso.client(key) as admin:
        await admin.put("/v1/sso/oidc", json={**sso.provider_config(), "role_claim": "roles"})
        made = await admin.post(
            "/v1/users",
            json={
                "email": "rob@example.com",
                "name": "Rob",
                "roles": ["recruiter"],
                "password": "a long enough password",
            },
        )
    async with sso.client() as browser:
        rob = await browser.get(await sign_in_at_provider(await sso.start(browser, tenant), "rob"))
        ann = await browser.get(await sign_in_at_provider(await sso.start(browser, tenant), "ann"))
        handoff = parse_qs(urlsplit(rob.headers["location"]).query)["handoff"][0]
        token = (await browser.post("/v1/auth/sso/handoff", json={"handoff": handoff})).json()
    async with sso.client(token["access_token"]) as signed_in:
        me = (await signed_in.get("/v1/me")).json()
    assert me["principal"] == f"user:{made.json()['id']}" and me["roles"] == ["recruiter"]
    # A new user with no claim and no defaults has no role.
    assert ann.status_code == 403 and ann.json()["code"] == "sso_no_role"


async def test_refusals_state_browser_nonce_issuer_and_unmapped_user(sso: Sso) -> None:
    tenant, _ = await sso.tenant()
    refused_before = _sign_ins(sso, "refused")
    async with sso.client() as browser, sso.client() as other_browser:
        unknown = await browser.get(
            "/v1/auth/sso/callback", params={"state": "not-a-state", "code": "x"}
        )
        # Another browser carrying this browser's answer (no binding cookie).
        authorize = await sso.start(browser, tenant)
        stolen = await other_browser.get(await sign_in_at_provider(authorize, "rob"))
        # The provider is asked with another nonce than the one this sign-in holds.
        authorize = await sso.start(browser, tenant)
        forged = _with_query(authorize, nonce="a-nonce-of-someone-else")
        wrong_nonce = await browser.get(await sign_in_at_provider(forged, "rob"))
        # The answer names another issuer (RFC 9207).
        authorize = await sso.start(browser, tenant)
        callback = await sign_in_at_provider(authorize, "rob")
        other_issuer = await browser.get(_with_query(callback, iss="https://idp.other.example"))
        # A user whose groups map to no role.
        authorize = await sso.start(browser, tenant)
        no_role = await browser.get(await sign_in_at_provider(authorize, "nora"))
        denied = await browser.get(
            "/v1/auth/sso/callback", params={"state": "x" * 40, "error": "access_denied"}
        )
        not_configured = await browser.get("/v1/auth/sso/no-such-tenant/start")
        bad_next = await browser.get(f"/v1/auth/sso/{tenant}/start", params={"next": "//evil"})
    assert unknown.status_code == 400 and unknown.json()["code"] == "sso_state_invalid"
    assert stolen.status_code == 400 and stolen.json()["code"] == "sso_state_invalid"
    assert wrong_nonce.status_code == 400 and wrong_nonce.json()["code"] == "sso_nonce_mismatch"
    assert other_issuer.status_code == 400
    assert other_issuer.json()["code"] == "sso_issuer_mismatch"
    assert no_role.status_code == 403 and no_role.json()["code"] == "sso_no_role"
    assert denied.status_code == 400 and denied.json()["code"] == "sso_state_invalid"
    assert not_configured.status_code == 404
    assert bad_next.status_code == 422
    # Each refused answer is counted (the metric SingleSignOnFailing reads beside its failures).
    assert _sign_ins(sso, "refused") - refused_before == 6
    assert _sign_ins(sso, "provider_failed") == 0


async def test_provider_configuration_is_discovered_and_checked(sso: Sso) -> None:
    tenant, key = await sso.tenant(configured=False)
    async with sso.client() as anonymous:
        before = (await anonymous.get(f"/v1/auth/sso/{tenant}/options")).json()
    async with sso.client(key) as admin:
        plain_http = await admin.put(
            "/v1/sso/oidc", json={**sso.provider_config(), "issuer": "http://idp.example"}
        )
        mismatch = await admin.put(
            "/v1/sso/oidc", json={**sso.provider_config(), "issuer": f"{sso.provider.issuer}/"}
        )
        missing = await admin.get("/v1/sso/oidc")
        configured = await admin.put("/v1/sso/oidc", json=sso.provider_config())
        shown = await admin.get("/v1/sso/oidc")
    async with sso.client() as anonymous:
        after = (await anonymous.get(f"/v1/auth/sso/{tenant}/options")).json()
    assert before == {"oidc": False, "saml": False, "start_path": None, "required": False}
    assert plain_http.status_code == 422 and plain_http.json()["code"] == "invalid_issuer"
    assert mismatch.status_code == 422
    assert mismatch.json()["code"] in {"issuer_mismatch", "issuer_unreachable"}
    assert missing.status_code == 404
    assert configured.status_code == 200
    assert "client_secret" not in shown.json()
    assert shown.json()["redirect_uri"] == f"{sso.url}/v1/auth/sso/callback"
    assert after == {
        "oidc": True,
        "saml": False,
        "start_path": f"/v1/auth/sso/{tenant}/start",
        "required": False,
    }


async def test_a_tenant_requiring_sso_refuses_passwords_but_its_break_glass_admin(
    sso: Sso,
) -> None:
    tenant, key = await sso.tenant(configured=False)
    password = "a long enough password"
    async with sso.client(key) as admin:
        for email, roles in (("root@example.com", ["admin"]), ("rita@example.com", ["admin"])):
            created = await admin.post(
                "/v1/users",
                json={"email": email, "name": "X", "roles": roles, "password": password},
            )
            assert created.status_code == 201
        no_provider = await admin.put("/v1/sso/policy", json={"require_sso": True})
        assert (await admin.put("/v1/sso/oidc", json=sso.provider_config())).status_code == 200
        not_admin = await admin.put(
            "/v1/sso/policy", json={"require_sso": True, "break_glass_email": "ann@example.com"}
        )
        required = await admin.put(
            "/v1/sso/policy", json={"require_sso": True, "break_glass_email": "Root@example.com"}
        )
        removing = await admin.delete("/v1/sso/oidc")
    async with sso.client() as anonymous:
        options = (await anonymous.get(f"/v1/auth/sso/{tenant}/options")).json()
        rita = await anonymous.post(
            "/v1/auth/login",
            json={"tenant": tenant, "email": "rita@example.com", "password": password},
        )
        root = await anonymous.post(
            "/v1/auth/login",
            json={"tenant": tenant, "email": "root@example.com", "password": password},
        )
    assert no_provider.status_code == 409 and no_provider.json()["code"] == "sso_not_configured"
    assert not_admin.status_code == 409 and not_admin.json()["code"] == "break_glass_not_admin"
    assert required.json() == {"require_sso": True, "break_glass_email": "root@example.com"}
    assert removing.status_code == 409
    assert options == {
        "oidc": True,
        "saml": False,
        "start_path": f"/v1/auth/sso/{tenant}/start",
        "required": True,
    }
    assert rita.status_code == 403 and rita.json()["code"] == "sso_required"
    assert root.status_code == 200


def test_the_id_token_checks_signature_audience_time_and_nonce() -> None:
    """The validator alone (pure logic): tokens signed here, checked as a provider's would be."""
    key = RSAKey.generate_key(2048, parameters={"kid": "k1"})
    stranger = RSAKey.generate_key(2048, parameters={"kid": "k1"})
    jwks = {"keys": [key.as_dict(private=False)]}
    now = int(time.time())
    good = {
        "iss": "https://idp.example",
        "sub": "u1",
        "aud": "client",
        "iat": now,
        "exp": now + 300,
        "nonce": "n1",
    }

    def check(claims: dict[str, object], signer: RSAKey = key) -> str:
        token = jwt.encode({"alg": "RS256", "kid": "k1"}, claims, signer)
        try:
            validate_id_token(
                token,
                jwks,
                issuer="https://idp.example",
                client_id="client",
                nonce="n1",
                access_token=None,
                algorithms=["RS256"],
            )
        except ProblemError as exc:
            return exc.problem.code
        return "valid"

    assert check(good) == "valid"
    assert check(good, stranger) == "sso_id_token_invalid"  # tampered: another key signed it
    assert check({**good, "aud": "another-client"}) == "sso_id_token_invalid"
    assert check({**good, "iss": "https://idp.other.example"}) == "sso_id_token_invalid"
    assert check({**good, "exp": now - 3600, "iat": now - 7200}) == "sso_id_token_invalid"
    assert check({**good, "nonce": "n2"}) == "sso_nonce_mismatch"


async def test_the_provider_and_the_policy_are_changed_conditionally(sso: Sso) -> None:
    _, key = await sso.tenant()
    async with sso.client(key) as admin:
        configs = [
            {**sso.provider_config(), "default_roles": [role]}
            for role in ("reviewer", "recruiter", "admin")
        ]
        await conditional_puts(
            admin, "/v1/sso/oidc", configs, shown=lambda body: body["default_roles"]
        )
        # The policy has no read of its own: its ETag comes from the answer of a change.
        first = await admin.put("/v1/sso/policy", json={"require_sso": False})
        assert first.status_code == 200 and first.headers["etag"] == '"1"', first.text
        answers = await asyncio.gather(
            *(
                admin.put("/v1/sso/policy", headers={"If-Match": '"1"'}, json={"require_sso": n})
                for n in (True, False, True)
            )
        )
        assert sorted(a.status_code for a in answers) == [200, 412, 412]
        assert {a.json()["code"] for a in answers if a.status_code == 412} == {
            "precondition_failed"
        }
        [won] = [a for a in answers if a.status_code == 200]
        stale = await admin.put("/v1/sso/policy", headers={"If-Match": '"1"'}, json=won.json())
        assert stale.status_code == 412
        # Removing the provider moves its ETag too.
        tag = (await admin.get("/v1/sso/oidc")).headers["etag"]
        if won.json()["require_sso"]:
            await admin.put("/v1/sso/policy", json={"require_sso": False})
        assert (await admin.delete("/v1/sso/oidc")).status_code == 204
        late = await admin.put("/v1/sso/oidc", headers={"If-Match": tag}, json=configs[0])
        assert late.status_code == 412
