"""SAML 2.0 sign-in against pysaml2's identity provider: its metadata configures the tenant, a
signed assertion signs the user in (created just in time, roles from the group attribute), and
unsigned, altered, foreign-signed and replayed answers are refused, each a clear 400."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from tests.gateway.harness import Api
from tests.gateway.saml_idp import IdentityProvider

pytestmark = pytest.mark.integration
ACS = "/v1/auth/saml/acs"


async def _start(client: httpx.AsyncClient, tenant: str) -> str:
    started = await client.get(f"/v1/auth/saml/{tenant}/start", params={"next": "/review"})
    assert started.status_code == 303, started.text
    return started.headers["location"]


async def test_a_signed_assertion_signs_in_and_others_are_refused(api: Api, tmp_path: Path) -> None:
    async with api.client(await api.tenant()) as admin:
        tenant = (await admin.get("/v1/me")).json()["tenant"]
        assert (await admin.get("/v1/sso/saml")).status_code == 404
        async with api.client() as anonymous:
            metadata = await anonymous.get(f"/v1/auth/saml/{tenant}/metadata")
        assert metadata.headers["content-type"].startswith("application/samlmetadata+xml")
        idp = IdentityProvider.make(tmp_path / "idp", "http://idp.test/saml", metadata.text)
        other = IdentityProvider.make(tmp_path / "other", "http://idp.test/saml", metadata.text)

        bad = await admin.put("/v1/sso/saml", json={"metadata_xml": "<not-metadata/>" * 10})
        assert bad.status_code == 422 and bad.json()["code"] == "saml_metadata_invalid", bad.text
        unknown = await admin.put(
            "/v1/sso/saml", json={"metadata_xml": idp.metadata, "default_roles": ["wizard"]}
        )
        assert unknown.status_code == 422 and unknown.json()["code"] == "unknown_role"
        configured = await admin.put(
            "/v1/sso/saml",
            json={"metadata_xml": idp.metadata, "role_map": {"recruiters": ["recruiter"]}},
        )
        assert configured.status_code == 200, configured.text
        assert configured.json()["entity_id"] == "http://idp.test/saml"
        assert configured.json()["sso_url"] == "http://idp.test/saml/sso"
        required = await admin.put("/v1/sso/policy", json={"require_sso": True})
        assert required.status_code == 200, required.text
        assert (await admin.delete("/v1/sso/saml")).json()["code"] == "sso_required"

    async with api.client() as browser:
        options = (await browser.get(f"/v1/auth/sso/{tenant}/options")).json()
        assert options["saml"] and options["start_path"] == f"/v1/auth/saml/{tenant}/start"

        location = await _start(browser, tenant)
        assert location.startswith("http://idp.test/saml/sso?SAMLRequest=")
        form = idp.answer(location, "ada@example.com", {"groups": ["recruiters"]})
        answered = await browser.post(ACS, data=form)
        assert answered.status_code == 303, answered.text
        handoff = parse_qs(urlsplit(answered.headers["location"]).query)["handoff"][0]
        token = (await browser.post("/v1/auth/sso/handoff", json={"handoff": handoff})).json()
        me = (
            await browser.get(
                "/v1/me", headers={"Authorization": f"Bearer {token['access_token']}"}
            )
        ).json()
        assert me["tenant"] == tenant and me["roles"] == ["recruiter"], me

        # The same answer again, and with a new sign-in's RelayState: refused.
        again = await browser.post(ACS, data=form)
        assert again.status_code == 400 and again.json()["code"] == "saml_state_invalid"
        fresh = await _start(browser, tenant)
        replayed = {**form, "RelayState": idp.answer(fresh, "x@example.com", {})["RelayState"]}
        refused = await browser.post(ACS, data=replayed)
        assert refused.status_code == 400, refused.text
        assert refused.json()["code"] in {"saml_assertion_invalid", "saml_replayed"}

        for answer in (
            idp.answer(await _start(browser, tenant), "eve@example.com", {}, signed=False),
            idp.answer(
                await _start(browser, tenant),
                "eve@example.com",
                {"groups": ["staff"]},
                alter=("staff", "recruiters"),
            ),
            other.answer(await _start(browser, tenant), "eve@example.com", {"groups": ["a"]}),
        ):
            refused = await browser.post(ACS, data=answer)
            assert refused.status_code == 400, refused.text
            assert refused.json()["code"] == "saml_assertion_invalid", refused.text

        # A user whose groups map to no role is refused, and garbage is a 400, never a 500.
        unmapped = idp.answer(await _start(browser, tenant), "bob@example.com", {"groups": ["x"]})
        assert (await browser.post(ACS, data=unmapped)).json()["code"] == "sso_no_role"
        garbage = {"SAMLResponse": "bm90IHhtbA==", "RelayState": unmapped["RelayState"]}
        assert (await browser.post(ACS, data=garbage)).status_code == 400

    async with api.client(await api.tenant()) as stranger:
        assert (await stranger.get("/v1/sso/saml")).status_code == 404
