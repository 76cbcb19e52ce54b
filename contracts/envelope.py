"""The CloudEvents 1.0 envelope in Kafka binary mode: attributes are `ce_*` headers, the body is the payload."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

SPEC_VERSION = "1.0"
HEADER_PREFIX = "ce_"
CONTENT_TYPE = "application/json"


class EnvelopeError(ValueError):
    """A message whose headers are not a valid envelope of ours."""


@dataclass(frozen=True)
class Envelope:
    """CloudEvents context attributes plus our extensions (tenant, schema version, trace parent)."""

    type: str
    source: str
    tenant: str
    subject: str
    schemaversion: int
    id: str = field(default_factory=lambda: str(uuid.uuid4()))
    time: datetime = field(default_factory=lambda: datetime.now(UTC))
    traceparent: str | None = None

    def headers(self) -> dict[str, str]:
        headers = {
            "ce_specversion": SPEC_VERSION,
            "ce_id": self.id,
            "ce_type": self.type,
            "ce_source": self.source,
            "ce_time": self.time.isoformat(),
            "ce_subject": self.subject,
            "ce_tenant": self.tenant,
            "ce_schemaversion": str(self.schemaversion),
            "content-type": CONTENT_TYPE,
        }
        if self.traceparent:
            headers["traceparent"] = self.traceparent
        return headers

    @classmethod
    def from_headers(cls, headers: Mapping[str, str | bytes]) -> Envelope:
        def get(name: str) -> str:
            value = headers.get(name)
            if value is None or value == "" or value == b"":
                raise EnvelopeError(f"missing header {name}")
            return value.decode() if isinstance(value, bytes) else value

        if get("ce_specversion") != SPEC_VERSION:
            raise EnvelopeError(f"unsupported ce_specversion {get('ce_specversion')!r}")
        try:
            time = datetime.fromisoformat(get("ce_time"))
            schemaversion = int(get("ce_schemaversion"))
        except ValueError as exc:
            raise EnvelopeError(str(exc)) from exc
        traceparent = headers.get("traceparent")
        return cls(
            id=get("ce_id"),
            type=get("ce_type"),
            source=get("ce_source"),
            time=time,
            subject=get("ce_subject"),
            tenant=get("ce_tenant"),
            schemaversion=schemaversion,
            traceparent=traceparent.decode() if isinstance(traceparent, bytes) else traceparent,
        )
