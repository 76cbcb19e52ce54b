"""The public webhook catalogue in the OpenAPI document's `webhooks` section (OpenAPI 3.1): one
entry per public event type, with its versioned body and the Standard Webhooks headers, derived
from `contracts.webhooks` so the document and the deliveries cannot drift apart."""

from __future__ import annotations

import inspect
from typing import Annotated, Any

from fastapi import Body, FastAPI, Header, Response

from contracts.webhooks import WEBHOOK_EVENTS, WebhookEvent, message_model

SIGNING = (
    "Signed by the Standard Webhooks specification: verify `webhook-signature` (`v1,<base64 "
    "HMAC-SHA256 of webhook-id.webhook-timestamp.body>`, one per valid secret while a secret "
    "rotates) with the endpoint's `whsec_` secret, refuse a `webhook-timestamp` more than five "
    "minutes away, and deduplicate on `webhook-id` (delivery is at least once, in order per "
    "endpoint and aggregate). Answer 2xx within the timeout; anything else is retried with "
    "backoff and logged."
)


def install(app: FastAPI) -> None:
    for event in WEBHOOK_EVENTS.values():
        app.webhooks.add_api_route(
            event.type,
            _receiver(event),
            methods=["POST"],
            summary=event.description,
            description=f"{event.description}\n\n{SIGNING}\n\nSchema version {event.version}; "
            f"derived from the internal event `{event.source}`.",
            status_code=204,
            response_class=Response,
            tags=["webhooks"],
            operation_id=f"webhook_{event.type.replace('.', '_')}",
        )


def _receiver(event: WebhookEvent) -> Any:
    """A handler whose signature documents the request a receiver gets (it never runs)."""

    def receive(**_: Any) -> None:  # pragma: no cover - documentation only
        return None

    header = inspect.Parameter.KEYWORD_ONLY
    receive.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [
            inspect.Parameter(
                "webhook_id",
                header,
                annotation=Annotated[
                    str,
                    Header(alias="webhook-id", description="Unique per message; replay keeps it."),
                ],
            ),
            inspect.Parameter(
                "webhook_timestamp",
                header,
                annotation=Annotated[
                    int, Header(alias="webhook-timestamp", description="Seconds since the epoch.")
                ],
            ),
            inspect.Parameter(
                "webhook_signature",
                header,
                annotation=Annotated[
                    str,
                    Header(alias="webhook-signature", description="Space-separated `v1,<sig>`."),
                ],
            ),
            inspect.Parameter("body", header, annotation=Annotated[message_model(event), Body()]),
        ]
    )
    receive.__name__ = f"webhook_{event.type.replace('.', '_')}"
    return receive
