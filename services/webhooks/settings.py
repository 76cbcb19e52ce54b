"""Webhooks settings: the delivery policy (timeouts, backoff, when to give up on an endpoint) and
which targets the operator allows."""

from __future__ import annotations

from services.chassis.settings import Settings


class WebhooksSettings(Settings):
    service_name: str = "webhooks"
    # Targets must be https:// unless the operator allows plain http (development, tests).
    webhooks_allow_http: bool = False
    # Networks the operator allows although they are private, loopback or link-local (JSON list of
    # CIDRs, e.g. ["10.20.0.0/16"] for an integration inside the company network). Empty: none.
    webhooks_allowed_networks: list[str] = []
    # One attempt: connect, send and read the answer within this many seconds.
    webhooks_attempt_timeout_seconds: float = 10.0
    # Attempt n waits backoff * 2**(n-1) seconds after attempt n-1, at most a day; a delivery
    # is abandoned after max_attempts (about five days with the defaults).
    webhooks_backoff_seconds: float = 5.0
    webhooks_backoff_max_seconds: float = 86_400.0
    webhooks_max_attempts: int = 20
    # An endpoint whose every attempt failed for this long is disabled, and the tenant told.
    webhooks_disable_after_seconds: float = 5 * 86_400.0
    # The old secret of a rotation still signs for this long, so receivers can switch over.
    webhooks_rotation_window_seconds: float = 86_400.0
    # The delivery job: a round at least this often (and at once when a delivery is created),
    # with up to `concurrency` requests in flight.
    webhooks_poll_seconds: float = 1.0
    webhooks_concurrency: int = 32
