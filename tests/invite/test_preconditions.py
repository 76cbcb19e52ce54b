"""ETag and If-Match on the invite service's updates, through the gateway: question sets (the
ETag is the version), e-mail templates, the tenant's and the candidate's language, and an
invitation's accommodations. Racing editors who read one ETag: one wins, the others get a 412."""

from __future__ import annotations

from typing import Any

import pytest

from tests.gateway.harness import QUESTION_SET, Api, make_position
from tests.support import conditional_puts, eventually, unique

pytestmark = pytest.mark.integration


async def test_question_set_edits_are_conditional_on_the_version_read(api: Api) -> None:
    async with api.client(await api.tenant()) as admin:
        created = await admin.post("/v1/question-sets", json=QUESTION_SET)
        url = f"/v1/question-sets/{created.json()['id']}"
        read = await admin.get(url)
        assert read.headers["etag"] == '"1"'
        edits = [{**QUESTION_SET, "name": f"Edit {n}"} for n in range(4)]
        await conditional_puts(
            admin, url, edits, shown=lambda body: (body["name"], body["version"])
        )
        # An older version's ETag is that version: an edit based on it is refused.
        old = await admin.get(url, params={"version": 1})
        assert old.headers["etag"] == '"1"'
        stale = await admin.put(url, headers={"If-Match": '"1"'}, json=QUESTION_SET)
        assert stale.status_code == 412


async def test_templates_and_languages_are_conditional(api: Api) -> None:
    async with api.client(await api.tenant()) as admin:
        template = "/v1/email-templates/receipt"
        default = await admin.get(template)
        assert default.headers["etag"] == '"0"' and default.json()["custom"] is False
        edits = [
            {"subject": f"Thanks {n}", "text": f"Hello $candidate_name ({n})"} for n in range(4)
        ]
        await conditional_puts(
            admin, template, edits, shown=lambda body: (body["subject"], body["text"])
        )
        listed = {t["kind"]: t for t in (await admin.get("/v1/email-templates")).json()}
        assert listed["receipt"]["custom"] is True

        languages = [{"language": lang} for lang in ("de", "es", "fr", "ar")]
        await conditional_puts(admin, "/v1/candidate-language", languages)


async def test_accommodations_and_the_candidates_language_are_conditional(api: Api) -> None:
    async with api.client(await api.tenant()) as admin:
        position = await make_position(admin)
        created = await admin.post(
            f"/v1/positions/{position['id']}/invitations",
            json={"name": "Ada", "email": f"{unique('ada')}@example.com"},
        )
        assert created.status_code == 201, created.text
        invitation = f"/v1/invitations/{created.json()['id']}"
        edits = [{"time_multiplier": 1.5, "extra_retakes": n} for n in range(4)]

        def accommodations(body: dict[str, Any]) -> Any:
            return body["accommodations"]

        await conditional_puts(
            admin, f"{invitation}/accommodations", edits, read=invitation, shown=accommodations
        )
        # A state change moves the ETag: an edit from before it is refused.
        tag = (await admin.get(invitation)).headers["etag"]
        withdrawn = await admin.post(f"{invitation}/withdraw", json={"reason": "role filled"})
        assert withdrawn.status_code == 200, withdrawn.text
        stale = await admin.put(
            f"{invitation}/accommodations", headers={"If-Match": tag}, json=edits[0]
        )
        assert stale.status_code == 412

        other = await admin.post(
            f"/v1/positions/{position['id']}/invitations",
            json={"name": "Grace", "email": f"{unique('grace')}@example.com"},
        )
    token = other.json()["link"].rsplit("/", 1)[1]

    async def linked() -> bool:
        async with api.client(token) as c:
            return (await c.get("/v1/candidate/language")).status_code == 200

    await eventually(linked, what="the link at the gateway")
    async with api.client(token) as candidate:
        choices = [{"language": lang} for lang in ("de", "es", "fr")]
        await conditional_puts(
            candidate,
            "/v1/candidate/language",
            choices,
            shown=lambda body: body["chosen"],
        )
