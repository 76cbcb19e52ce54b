"""Builds the gateway: its own operations (accounts, probes, ops), the forwarded operations
built from the services' declarations, what it consumes, and the pages."""

from __future__ import annotations

from services.chassis.service import Service
from services.gateway import (
    accounts,
    audit,
    consumers,
    forwarding,
    idempotency,
    ops,
    pages,
    probes,
    saml,
    scim,
    sessions,
    sso,
    webhook_catalogue,
)
from services.gateway.auth import RateLimiter
from services.gateway.settings import GatewaySettings
from services.gateway.upstream import Upstreams


def create(settings: GatewaySettings | None = None) -> Service:
    settings = settings or GatewaySettings()
    service = Service(
        settings,
        title="Hireloop API",
        body_limits={"/invitations/bulk": settings.bulk_request_bytes},
    )
    app = service.app
    app.state.upstreams = Upstreams(settings.internal_secret, settings.upstream_timeout_seconds)
    app.state.rate_limiter = RateLimiter(settings.rate_limit_per_minute, settings.rate_limit_burst)
    for router in (
        accounts.router,
        probes.router,
        ops.router,
        sso.router,
        saml.router,
    ):
        app.include_router(router)
    scim.install(app)
    audit.install(app)
    audit.export_metrics(settings.service_name)
    forwarding.install(app, forwarding.operations())
    webhook_catalogue.install(app)
    consumers.register(service)
    pages.install(app, settings)

    @service.on_startup
    async def bootstrap() -> None:
        await accounts.ensure_indexes(service.db)
        await sessions.ensure_indexes(service.db)
        await sso.ensure_indexes(service.db)
        await saml.ensure_indexes(service.db)
        await scim.ensure_indexes(service.db)
        await audit.ensure_indexes(service.db)
        await idempotency.ensure_indexes(service.db)
        if settings.bootstrap_api_key:
            await accounts.create_tenant(
                service.db,
                settings.bootstrap_tenant,
                settings.bootstrap_tenant,
                api_key=settings.bootstrap_api_key,
            )
        if settings.bootstrap_admin_password:
            await accounts.ensure_admin_user(
                service.db,
                settings.bootstrap_tenant,
                f"admin@{settings.bootstrap_tenant}.example",
                settings.bootstrap_admin_password,
            )

    @service.on_shutdown
    async def close() -> None:
        await app.state.upstreams.close()

    return service
