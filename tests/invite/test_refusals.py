"""Invitations refuse what cannot work: a deadline already over (single, bulk, extension) and a
look-alike address; the same address written another way is the same candidate."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest

from services.invite.addresses import canonical, deliverable, lookalike
from tests.gateway.harness import Api, make_position
from tests.support import unique

CYRILLIC_A = "\u0430"  # looks like the Latin a
FULLWIDTH_A = "\uff41"


def test_mixed_scripts_and_whole_script_lookalikes_are_named() -> None:
    mixed = lookalike(f"{CYRILLIC_A}nn@example.com")
    assert mixed is not None and "Cyrillic and Latin" in mixed and "U+0430" in mixed
    domain = lookalike(f"ann@ex{CYRILLIC_A}mple.com")
    assert domain is not None and "domain label" in domain
    whole = lookalike("\u0430\u0440\u0435@example.com")  # Cyrillic letters reading "ape"
    assert whole is not None and "'ape'" in whole
    punycode = lookalike("ann@xn--80ak6aa92e.com")  # the Cyrillic look-alike of a Latin name
    assert punycode is not None and "domain label" in punycode
    for fine in (
        "ann@example.com",
        "jos\u00e9.m\u00fcller@b\u00fccher.example",
        "\u0438\u0432\u0430\u043d@\u043f\u0440\u0438\u043c\u0435\u0440.\u0440\u0444",  # all Cyrillic
        "\u5c71\u7530\u305f\u308d\u3046@example.jp",  # Han with Hiragana: one writing system
        "\u03b1\u03b2\u03b3@example.gr",  # Greek letters that do not read as Latin
    ):
        assert lookalike(fine) is None, fine


def test_one_canonical_form_per_address() -> None:
    assert canonical(f"{FULLWIDTH_A}nn@example.com") == "ann@example.com"
    assert canonical("ann@xn--bcher-kva.example") == "ann@b\u00fccher.example"
    assert canonical("ann@B\u00dcCHER.example") == "ann@b\u00fccher.example"
    assert deliverable("ann@b\u00fccher.example") == "ann@xn--bcher-kva.example"


@pytest.mark.integration
async def test_a_deadline_already_over_is_refused_with_its_code(api: Api) -> None:
    past = (datetime.now(UTC) - timedelta(hours=1)).isoformat()
    async with api.client(await api.tenant()) as admin:
        position = await make_position(admin)
        url = f"/v1/positions/{position['id']}/invitations"
        single = await admin.post(
            url, json={"name": "Al", "email": f"{unique('al')}@example.com", "deadline": past}
        )
        created = await admin.post(url, json={"name": "Bo", "email": f"{unique('bo')}@example.com"})
        invitation = created.json()
        extend = f"/v1/invitations/{invitation['id']}/extend"
        extended_to_past = await admin.post(extend, json={"deadline": past})
        sooner = (datetime.now(UTC) + timedelta(days=1)).isoformat()
        not_later = await admin.post(extend, json={"deadline": sooner})
        bulk = await admin.post(
            f"{url}/bulk",
            json=[
                {"name": "Cy", "email": f"{unique('cy')}@example.com", "deadline": past},
                {"name": "Di", "email": f"{unique('di')}@example.com"},
            ],
        )
        listed = await admin.get(url)
    assert single.status_code == 422 and single.json()["code"] == "deadline_in_past"
    assert extended_to_past.status_code == 422
    assert extended_to_past.json()["code"] == "deadline_in_past"
    assert not_later.status_code == 409 and not_later.json()["code"] == "deadline_not_later"
    rows = bulk.json()["rows"]
    assert [r["status"] for r in rows] == ["invalid", "created"]
    assert rows[0]["reason"].startswith("deadline:") and "(deadline_in_past)" in rows[0]["reason"]
    assert len(listed.json()["items"]) == 2  # Bo and Di; nothing of the refused ones was stored


@pytest.mark.integration
async def test_lookalike_addresses_are_flagged_and_one_address_is_one_candidate(api: Api) -> None:
    name = unique("ann")
    idn = f"{name}@xn--bcher-kva.example"
    async with api.client(await api.tenant()) as admin:
        position = await make_position(admin)
        url = f"/v1/positions/{position['id']}/invitations"
        spoof = await admin.post(
            url, json={"name": "Ann", "email": f"{CYRILLIC_A}{name[1:]}@example.com"}
        )
        body = (
            "name,email\r\n"
            f"Ann,{name}@example.com\r\n"
            f"Ann (spoof),{CYRILLIC_A}{name[1:]}@example.com\r\n"
            f"Ann (domain),{name}@ex{CYRILLIC_A}mple.com\r\n"
            f"Ann (full width),{FULLWIDTH_A}{name[1:]}@example.com\r\n"
            f"Ann (IDN),{idn}\r\n"
            f"Ann (IDN again),{name}@B\u00dcCHER.example\r\n"
            f"Ivan,\u0438\u0432\u0430\u043d{uuid.uuid4().int % 10**8}@\u043f\u0440\u0438\u043c\u0435\u0440.\u0440\u0444\r\n"
        )
        result = await admin.post(
            f"{url}/bulk", content=body.encode(), headers={"content-type": "text/csv"}
        )
        listed = await admin.get(url)
        # Looked up by the address written another way, the candidate is found all the same.
        exported = await admin.get(
            "/v1/candidates/export", params={"email": f"{FULLWIDTH_A}{name[1:]}@EXAMPLE.com"}
        )
    assert spoof.status_code == 422 and spoof.json()["code"] == "lookalike_address"
    assert exported.status_code == 200 and len(exported.json()["invitations"]) == 1
    assert "U+0430" in spoof.json()["detail"]
    rows = result.json()["rows"]
    assert [r["status"] for r in rows] == [
        "created",
        "invalid",
        "invalid",
        "duplicate",
        "created",
        "duplicate",
        "created",
    ]
    for flagged in rows[1:3]:
        assert flagged["reason"].startswith("email: look-alike address")
        assert flagged["reason"].endswith("(lookalike_address)")
    assert "Cyrillic and Latin" in rows[1]["reason"] and "domain label" in rows[2]["reason"]
    emails = sorted(i["email"] for i in listed.json()["items"])
    assert f"{name}@b\u00fccher.example" in emails and len(emails) == 3
    [mail] = await api.wait_mails(idn, 1)  # sent to the domain's ASCII form
    assert str(mail["To"]) == idn
