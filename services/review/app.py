"""Builds the review service: the submissions read model, rubrics, panels and queues, reviews,
decisions and reports."""

from __future__ import annotations

from services.chassis.service import Service
from services.review import consumers, routes, shares, store
from services.review.settings import ReviewSettings


def create(settings: ReviewSettings | None = None) -> Service:
    settings = settings or ReviewSettings()
    service = Service(settings, title="review")
    for api in routes.APIS:
        service.app.include_router(api.router)
    consumers.register(service)
    shares.export_metrics(settings.service_name)

    @service.on_startup
    async def indexes() -> None:
        await store.ensure_indexes(service.db)
        await shares.ensure_indexes(service.db)

    return service
