"""Bulk invitations: per-row results, bad files, the row limit, and safe CSV export."""

from __future__ import annotations

import csv
import io

import pytest

from services.invite.bulk import csv_safe
from tests.gateway.harness import Api, make_position

pytestmark = pytest.mark.integration
CSV = {"content-type": "text/csv"}


async def test_csv_rows_are_created_duplicate_or_invalid_independently(api: Api) -> None:
    async with api.client(await api.tenant()) as admin:
        position = await make_position(admin)
        url = f"/v1/positions/{position['id']}/invitations/bulk"
        body = (
            "Name,Email,time_multiplier\r\n"
            "Ann,ann@example.com,\r\n"
            '=HYPERLINK("http://evil"),evil@example.com,\r\n'
            "Bad,not-an-email,\r\n"
            "Ann again,ANN@example.com,\r\n"
            "Slow,slow@example.com,9\r\n"
            ",noname@example.com,\r\n"
        )
        result = await admin.post(url, content=body.encode(), headers=CSV)
        repeat = await admin.post(url, content=body.encode(), headers=CSV)
        export = await admin.get(f"/v1/positions/{position['id']}/invitations.csv")
    assert result.status_code == 200, result.text
    data = result.json()
    assert [r["status"] for r in data["rows"]] == [
        "created",
        "created",
        "invalid",
        "duplicate",
        "invalid",
        "invalid",
    ]
    assert (data["created"], data["duplicate"], data["invalid"]) == (2, 1, 3)
    assert "email" in data["rows"][2]["reason"]
    assert "time_multiplier" in data["rows"][4]["reason"]
    assert [r["status"] for r in repeat.json()["rows"]][:2] == ["duplicate", "duplicate"]
    rows = list(csv.reader(io.StringIO(export.text)))
    names = {row[1] for row in rows[1:]}
    assert '\'=HYPERLINK("http://evil")' in names  # shown as text, never evaluated
    assert not any(cell.startswith("=") for row in rows for cell in row)


async def test_json_bulk_and_bad_files_get_clear_errors(api: Api) -> None:
    async with api.client(await api.tenant()) as admin:
        position = await make_position(admin)
        url = f"/v1/positions/{position['id']}/invitations/bulk"
        good = await admin.post(url, json=[{"name": "Jo", "email": "jo@example.com"}, 5])
        missing = await admin.post(url, content=b"name,mail\nA,a@example.com\n", headers=CSV)
        latin1 = await admin.post(
            url, content="name,email\nJos\u00e9,j@example.com\n".encode("latin-1"), headers=CSV
        )
        malformed = await admin.post(
            url, content=b"[{", headers={"content-type": "application/json"}
        )
        xml = await admin.post(url, content=b"<rows/>", headers={"content-type": "application/xml"})
        too_many = "name,email\n" + "".join(f"P{i},p{i}@example.com\n" for i in range(10_001))
        over = await admin.post(url, content=too_many.encode(), headers=CSV)
        listed = await admin.get(f"/v1/positions/{position['id']}/invitations")
    assert [r["status"] for r in good.json()["rows"]] == ["created", "invalid"]
    assert missing.status_code == 422 and missing.json()["code"] == "missing_columns"
    assert latin1.status_code == 422 and latin1.json()["code"] == "invalid_encoding"
    assert malformed.status_code == 422 and malformed.json()["code"] == "malformed_json"
    assert xml.status_code == 415
    assert over.status_code == 413 and over.json()["code"] == "too_many_rows"
    assert len(listed.json()["items"]) == 1  # nothing from the refused files was stored


def test_csv_safe_neutralises_every_formula_prefix() -> None:
    for cell in ("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"):
        assert csv_safe(cell).startswith("'")
    assert csv_safe("Ann") == "Ann"
