"""Gateway settings: the chassis settings plus where the services are and the bootstrap credential."""

from __future__ import annotations

from services.chassis.settings import Settings


class GatewaySettings(Settings):
    service_name: str = "gateway"
    invite_url: str = "http://127.0.0.1:8001"
    ingest_url: str = "http://127.0.0.1:8002"
    transcoding_url: str = "http://127.0.0.1:8003"
    review_url: str = "http://127.0.0.1:8004"
    scheduling_url: str = "http://127.0.0.1:8005"
    # The first tenant's administrator key, created at start so a new installation can act at once.
    bootstrap_api_key: str = ""
    bootstrap_tenant: str = "demo"
    upstream_timeout_seconds: float = 30.0
