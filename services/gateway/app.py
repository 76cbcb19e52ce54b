"""Builds the gateway."""

from __future__ import annotations

from services.chassis.service import Service
from services.gateway import probes
from services.gateway.settings import GatewaySettings
from services.gateway.upstream import Upstreams


def create(settings: GatewaySettings | None = None) -> Service:
    settings = settings or GatewaySettings()
    service = Service(settings, title="Interview platform API")
    upstreams = Upstreams(settings.internal_secret, settings.upstream_timeout_seconds)
    service.app.state.upstreams = upstreams
    service.app.include_router(probes.router)

    @service.on_shutdown
    async def close() -> None:
        await upstreams.close()

    return service
