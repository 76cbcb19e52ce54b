"""Builds the live service: Janus, its operations, what it consumes and the rooms job."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

from services.chassis.service import Service
from services.live import consumers, jobs, metrics, routes, store
from services.live.janus import Janus
from services.live.settings import LiveSettings
from services.live.store import Clock, Live


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _check(settings: LiveSettings) -> Callable[[], Awaitable[None]]:
    async def check() -> None:
        settings.check_secrets()

    return check


def create(
    settings: LiveSettings | None = None, *, clock: Clock | None = None, sweep: bool = True
) -> Service:
    """`clock` lets tests move time; `sweep=False` declares the rooms job without running it."""
    settings = settings or LiveSettings()
    service = Service(settings, title="live", uses_storage=True)
    nodes = {
        url: Janus(url, settings.janus_token_secret, settings.janus_admin_key)
        for url in settings.janus_nodes
    }
    live = Live(service, settings, nodes, clock or _utc_now)
    service.app.state.live = live
    metrics.export(service.name)
    for api in routes.APIS:
        service.app.include_router(api.router)
    consumers.register(live)
    service.on_startup(_check(settings))
    service.on_startup(lambda: store.ensure_indexes(service.db))
    service.app.state.jobs = jobs.declare(live, enabled=sweep)
    return service
