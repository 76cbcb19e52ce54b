"""Builds the review service: the submissions read model, rubrics, panels and queues, reviews,
decisions and reports."""

from __future__ import annotations

from services.chassis.service import Service
from services.chassis.settings import Settings
from services.review import (
    assignment,
    decisions,
    panels,
    ratings,
    readmodel,
    reports,
    rubrics,
    submissions,
)


async def ensure_indexes(service: Service) -> None:
    db = service.db
    await submissions.ensure_indexes(db)
    for module in (assignment, ratings, rubrics, decisions, reports):
        await module.ensure_indexes(db)


def create(settings: Settings | None = None) -> Service:
    settings = settings or Settings(service_name="review")
    service = Service(settings, title="review")
    for module in (submissions, assignment, panels, rubrics, ratings, decisions, reports):
        service.app.include_router(module.router)
    readmodel.register(service)

    @service.on_startup
    async def indexes() -> None:
        await ensure_indexes(service)

    return service
