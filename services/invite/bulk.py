"""Bulk invitation input (CSV or JSON) and CSV export, as pure functions: parsing, row validation
and the escaping that keeps spreadsheet formulas from running when an export is opened."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime
from typing import Any

from pydantic import ValidationError

from services.invite import addresses
from services.invite.schemas import InvitationIn, deadline_passed

REQUIRED_COLUMNS = ("name", "email")
OPTIONAL_COLUMNS = ("deadline", "time_multiplier", "extra_retakes")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class BulkInputError(ValueError):
    """The whole request is unusable (encoding, shape, size); rows are never half-processed."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(detail)
        self.code = code
        self.detail = detail


def _text(body: bytes) -> str:
    try:
        return body.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BulkInputError(
            "invalid_encoding",
            f"The file is not UTF-8 (byte {exc.start}); save it as CSV UTF-8 and try again.",
        ) from None


def parse_csv(body: bytes, max_rows: int) -> list[dict[str, str]]:
    reader = csv.DictReader(io.StringIO(_text(body), newline=""))
    try:
        header = [h.strip().lower() for h in reader.fieldnames or []]
    except csv.Error as exc:
        raise BulkInputError("malformed_csv", f"Unreadable CSV header: {exc}.") from None
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise BulkInputError(
            "missing_columns",
            f"Missing columns: {', '.join(missing)}. Expected {', '.join(REQUIRED_COLUMNS)} "
            f"and optionally {', '.join(OPTIONAL_COLUMNS)}.",
        )
    reader.fieldnames = header
    rows: list[dict[str, str]] = []
    try:
        for row in reader:
            rows.append({k: (v or "").strip() for k, v in row.items() if isinstance(k, str)})
            if len(rows) > max_rows:
                raise BulkInputError("too_many_rows", f"At most {max_rows} rows per request.")
    except csv.Error as exc:
        raise BulkInputError(
            "malformed_csv", f"CSV error at line {reader.line_num}: {exc}."
        ) from None
    return rows


def parse_json(body: bytes, max_rows: int) -> list[dict[str, Any]]:
    try:
        data = json.loads(_text(body))
    except json.JSONDecodeError as exc:
        raise BulkInputError("malformed_json", f"Invalid JSON: {exc.msg} at {exc.pos}.") from None
    if isinstance(data, dict):
        data = data.get("invitations")
    if not isinstance(data, list):
        raise BulkInputError("malformed_json", "Send a JSON array of invitations.")
    if len(data) > max_rows:
        raise BulkInputError("too_many_rows", f"At most {max_rows} rows per request.")
    return [row if isinstance(row, dict) else {"_not_an_object": row} for row in data]


def validate_row(row: dict[str, Any]) -> InvitationIn | str:
    """The row as an invitation, or the reason it is invalid (never raises)."""
    if "_not_an_object" in row:
        return "row is not an object"
    data: dict[str, Any] = {"name": row.get("name"), "email": row.get("email")}
    if row.get("deadline"):
        data["deadline"] = row["deadline"]
    accommodations = {
        k: row[k] for k in ("time_multiplier", "extra_retakes") if row.get(k) not in (None, "")
    }
    if isinstance(row.get("accommodations"), dict):
        accommodations = row["accommodations"]
    if accommodations:
        data["accommodations"] = accommodations
    try:
        invitation = InvitationIn.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        return f"{where}: {first['msg']}"
    if deadline_passed(invitation.deadline, datetime.now(UTC)):
        return "deadline: in the past (deadline_in_past)"
    if reason := addresses.lookalike(str(invitation.email)):
        return f"email: {reason} (lookalike_address)"
    a = invitation.accommodations
    if a and not (1.0 <= a.time_multiplier <= 4.0 and 0 <= a.extra_retakes <= 10):
        return "accommodations: time_multiplier must be 1-4 and extra_retakes 0-10"
    return invitation


def csv_safe(value: object) -> str:
    """A cell that a spreadsheet will show as text, never evaluate (OWASP CSV injection)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def to_csv(header: list[str], rows: list[list[object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows([[csv_safe(v) for v in row] for row in rows])
    return out.getvalue()
