"""Gateway settings: the chassis settings plus where the services are, credentials and limits."""

from __future__ import annotations

from pydantic import Field

from services.chassis.settings import Settings


class GatewaySettings(Settings):
    service_name: str = "gateway"
    invite_url: str = "http://127.0.0.1:8001"
    ingest_url: str = "http://127.0.0.1:8002"
    transcoding_url: str = "http://127.0.0.1:8003"
    review_url: str = "http://127.0.0.1:8004"
    scheduling_url: str = "http://127.0.0.1:8005"
    webhooks_url: str = "http://127.0.0.1:8006"
    transcription_url: str = "http://127.0.0.1:8007"
    live_url: str = "http://127.0.0.1:8008"
    # Where browsers reach Janus's HTTP API (the live rooms' pages call it; the CSP allows it).
    janus_public_url: str = ""
    # The first tenant's administrator key, created at start so a new installation can act at once.
    bootstrap_api_key: str = ""
    bootstrap_tenant: str = "demo"
    # With a password, an administrator user `admin@<tenant>.example` is created too (web login).
    bootstrap_admin_password: str = ""
    # Lets a platform operator create tenants through the API; empty disables that route.
    platform_admin_key: str = ""
    # Signs the short-lived user tokens issued at login.
    auth_token_secret: str = Field(default="", min_length=0)
    auth_token_minutes: int = 15
    rate_limit_per_minute: int = 1200
    rate_limit_burst: int = 200
    bulk_request_bytes: int = 20 * 1024 * 1024
    upstream_timeout_seconds: float = 60.0
    # How long a POST's answer is replayed for a retry with the same Idempotency-Key.
    idempotency_ttl_hours: float = Field(default=24.0, gt=0, le=24 * 30)

    @property
    def token_secret(self) -> str:
        """User tokens need their own secret; falls back to one derived from the internal secret."""
        return self.auth_token_secret or f"user-token:{self.internal_secret}"
