"""Candidates' e-mails in their language: the catalogues translate every default message with
its placeholders, the tenant's default language applies, the candidate's own choice wins, the
deadline is written as their language writes dates, and a tenant's own template is sent as is."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from email.header import decode_header, make_header

import pytest

from services.chassis.i18n import LANGUAGES, format_instant, negotiate
from services.invite.mail import CATALOGUES, DEFAULTS
from tests.chassis.test_bus import read_topic
from tests.gateway.harness import Api, make_position
from tests.support import eventually, unique

MESSAGES = [m for t in DEFAULTS.values() for m in (t.subject, t.text)]


def test_every_language_translates_every_default_message_with_its_placeholders() -> None:
    assert CATALOGUES.missing(MESSAGES) == {lang: [] for lang in LANGUAGES if lang != "en"}
    for lang in LANGUAGES:
        for message in MESSAGES:
            translated = CATALOGUES.gettext(lang, message)
            assert set(re.findall(r"\$\w+", translated)) == set(re.findall(r"\$\w+", message))


def test_languages_are_negotiated_and_dates_written_in_them() -> None:
    assert negotiate(None, "es-MX", "de") == "es" and negotiate("pt-BR") == "en"
    instant = datetime(2026, 12, 8, 13, 5, tzinfo=UTC)
    assert format_instant(instant, "de") == "Dienstag, 8. Dezember 2026, 13:05 (UTC)"
    assert format_instant(instant, "es").startswith("martes, 8 de diciembre de 2026")
    assert format_instant(instant, "en", "Asia/Tokyo").endswith("10:05\u202fPM (Asia/Tokyo)")


def _subject(message: object) -> str:
    return str(make_header(decode_header(str(message["Subject"]))))  # type: ignore[index]


def _text(message: object) -> str:
    payload = message.get_payload(decode=True)  # type: ignore[attr-defined]
    return payload.decode(message.get_content_charset() or "utf-8")  # type: ignore[attr-defined,no-any-return]


@pytest.mark.integration
async def test_the_tenant_default_then_the_candidates_choice(api: Api) -> None:
    address = f"{unique('lucia')}@example.com"
    async with api.client(await api.tenant()) as admin:
        assert (await admin.get("/v1/candidate-language")).json() == {"language": "en"}
        put = await admin.put("/v1/candidate-language", json={"language": "es"})
        bad = await admin.put("/v1/candidate-language", json={"language": "pt"})
        position = await make_position(admin)
        created = await admin.post(
            f"/v1/positions/{position['id']}/invitations",
            json={"name": "Luc\u00eda", "email": address},
        )
    assert put.json() == {"language": "es"} and bad.status_code == 422
    [invitation] = await api.wait_mails(address, 1)
    assert "Su entrevista en v\u00eddeo" in _subject(invitation)
    body = _text(invitation)
    assert "Hola, Luc\u00eda" in body and " de 20" in body and "(UTC)" in body
    token = created.json()["link"].rsplit("/", 1)[1]

    async def interview() -> dict[str, object] | None:
        async with api.client(token) as c:
            r = await c.get("/v1/candidate/interview")
        return r.json() if r.status_code == 200 else None

    notice = (await eventually(interview, what="the link at the gateway"))["notice"]
    async with api.client(token) as candidate:
        before = (await candidate.get("/v1/candidate/language")).json()
        chosen = await candidate.put("/v1/candidate/language", json={"language": "de"})
        await candidate.post(
            "/v1/candidate/consent", json={"notice_version": notice["version"], "accepted": True}
        )
        await candidate.post("/v1/candidate/start")
        await candidate.post("/v1/candidate/complete")
    assert before == {
        "language": "es",
        "chosen": None,
        "default": "es",
        "available": list(LANGUAGES),
    }
    assert chosen.json()["language"] == "de" and chosen.json()["chosen"] == "de"
    receipt = (await api.wait_mails(address, 2))[1]
    assert "Wir haben Ihr Interview" in _subject(receipt)
    assert "vielen Dank" in _text(receipt)

    # The completion tells the later stages (the decision, then scheduling's mails) which
    # language the candidate reads.
    invitation_id = created.json()["id"]

    async def completion() -> dict[str, object] | None:
        records = await read_topic(
            api.invite.settings.kafka_bootstrap_servers, "invitations", invitation_id
        )
        done = [r for r in records if dict(r.headers)["ce_type"] == b"invitation.completed"]
        return json.loads(done[0].value) if done else None

    assert (await eventually(completion, what="invitation.completed"))["candidate_language"] == "de"


@pytest.mark.integration
async def test_a_tenants_own_template_is_sent_as_written(api: Api) -> None:
    address = f"{unique('jo')}@example.com"
    async with api.client(await api.tenant()) as admin:
        await admin.put("/v1/candidate-language", json={"language": "fr"})
        custom = await admin.put(
            "/v1/email-templates/invitation",
            json={"subject": "Interview at Acme", "text": "Hi $candidate_name: $link by $deadline"},
        )
        position = await make_position(admin)
        await admin.post(
            f"/v1/positions/{position['id']}/invitations", json={"name": "Jo", "email": address}
        )
    assert custom.status_code == 200
    [mail] = await api.wait_mails(address, 1)
    assert _subject(mail) == "Interview at Acme"
    assert "Hi Jo:" in _text(mail) and " 20" in _text(mail)  # the date, in French
