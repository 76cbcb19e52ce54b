"""A real OpenID provider for the sign-in tests: the npm package `oidc-provider` (OpenID Certified)
started by node on 127.0.0.1 with its own login and consent pages, plus a scripted walk through
those pages for the API-level tests."""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import httpx

from tests.support import free_port

HERE = Path(__file__).parent / "oidc"
CLIENT_ID = "hireloop"
CLIENT_SECRET = "test-client-secret-0123456789abcdef"
# The directory the provider signs in: login name to claims.
ACCOUNTS: dict[str, dict[str, Any]] = {
    "ann": {
        "email": "ann@example.com",
        "email_verified": True,
        "name": "Ann Admin",
        "groups": ["hiring-admins"],
    },
    "rob": {
        "email": "rob@example.com",
        "email_verified": True,
        "name": "Rob Reviewer",
        "groups": ["reviewers", "staff"],
    },
    "nora": {"email": "nora@example.com", "email_verified": True, "name": "Nora", "groups": []},
}


@dataclass
class Provider:
    issuer: str


@contextmanager
def oidc_provider(tmp: Path, gateway_url: str) -> Iterator[Provider]:
    port = free_port()
    config = {
        "port": port,
        "clients": [
            {
                "client_id": CLIENT_ID,
                "client_secret": CLIENT_SECRET,
                "redirect_uris": [f"{gateway_url}/v1/auth/sso/callback"],
                "post_logout_redirect_uris": [f"{gateway_url}/login"],
                "token_endpoint_auth_method": "client_secret_basic",
            }
        ],
        "accounts": ACCOUNTS,
    }
    path = tmp / "oidc-provider.json"
    path.write_text(json.dumps(config))
    process = subprocess.Popen(
        ["node", str(HERE / "provider.mjs"), str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert line.startswith("ready "), f"oidc-provider did not start: {line!r}"
        yield Provider(issuer=line.split()[1])
    finally:
        process.terminate()
        process.wait(timeout=10)


def _form_action(page: httpx.Response) -> str:
    found = re.search(r'<form[^>]*action="([^"]+)"', page.text)
    assert found, page.text[:500]
    return urljoin(str(page.url), found.group(1))


async def sign_in_at_provider(authorize_url: str, login: str) -> str:
    """Through the provider's login and consent pages as a browser would post them; returns the
    URL the provider redirects to (the gateway's callback, not followed)."""
    async with httpx.AsyncClient(timeout=30, trust_env=False) as browser:
        page = await browser.get(authorize_url, follow_redirects=True)
        for form in (
            {"prompt": "login", "login": login, "password": "any"},
            {"prompt": "consent"},
        ):
            response = await browser.post(_form_action(page), data=form)
            while response.is_redirect:
                target = urljoin(str(response.url), response.headers["location"])
                if "/v1/auth/sso/callback" in target:
                    return target
                response = await browser.get(target)
            page = response
    raise AssertionError(f"the provider never redirected back: {page.text[:500]}")
