"""One service process: the FastAPI app with health, metrics and problem errors, the MongoDB
database, the Kafka broker with its consumer group and outbox relay, and an orderly start and stop."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager, suppress
from typing import Any, TypeVar

import uvicorn
from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse
from opentelemetry.instrumentation.fastapi import FastAPIInstrumentor
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, generate_latest
from pymongo import AsyncMongoClient
from pymongo.asynchronous.client_session import AsyncClientSession
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint

from services.chassis.api import install_openapi
from services.chassis.bus import (
    ConsumerGroup,
    all_topics,
    ensure_topics,
    group_topics,
    make_broker,
)
from services.chassis.errors import Problem, install_problem_handlers, problem_response
from services.chassis.jobs import Periodic, Round
from services.chassis.logs import configure_logging
from services.chassis.outbox import Outbox, OutboxRelay
from services.chassis.settings import Settings
from services.chassis.storage import ObjectStore
from services.chassis.telemetry import MongoCommandMetrics, configure_tracing, metrics

log = logging.getLogger(__name__)
T = TypeVar("T")
S = TypeVar("S", bound=Settings)
StartupHook = Callable[[], Awaitable[None]]


class Service:
    def __init__(
        self,
        settings: Settings,
        *,
        title: str,
        uses_storage: bool = False,
        body_limits: dict[str, int] | None = None,
    ) -> None:
        self.settings = settings
        self.name = settings.service_name
        configure_logging(self.name, settings.log_level)
        self.tracer_provider = configure_tracing(self.name, settings.otel_exporter_otlp_endpoint)
        self.client: AsyncMongoClient[dict[str, Any]] = AsyncMongoClient(
            settings.mongodb_url, tz_aware=True, event_listeners=[MongoCommandMetrics(self.name)]
        )
        self.db = self.client[settings.database_name]
        self.broker = make_broker(settings, self.tracer_provider)
        self.outbox = Outbox(self.db, source=f"/hireloop/{self.name}")
        self.relay = OutboxRelay(
            self.outbox,
            self.broker,
            service=self.name,
            lease_seconds=settings.outbox_lease_seconds,
            poll_seconds=settings.outbox_poll_seconds,
        )
        self.consumers = ConsumerGroup(self.name, self.broker, self.client, self.db, settings)
        self.storage = ObjectStore(settings) if uses_storage else None
        self.ready = False
        self.jobs: dict[str, Periodic] = {}
        self._startup: list[StartupHook] = []
        self._shutdown: list[StartupHook] = []
        self.app = FastAPI(title=title, lifespan=self._lifespan)
        install_openapi(self.app)
        self.app.state.settings = settings
        self.app.state.service = self
        install_problem_handlers(self.app)
        self.app.add_middleware(_RequestMetrics, service=self.name)
        self.app.add_middleware(
            _BodyLimit, limit=settings.max_request_bytes, overrides=body_limits or {}
        )
        FastAPIInstrumentor.instrument_app(
            self.app, tracer_provider=self.tracer_provider, excluded_urls="healthz,readyz,metrics"
        )
        self._add_health_routes()

    # -- what a service's own code uses ---------------------------------------------------------

    def on(self, event_type: str) -> Callable[[Any], Any]:
        """Register an event handler (see ConsumerGroup.on)."""
        return self.consumers.on(event_type)

    def settings_as(self, kind: type[S]) -> S:
        """The service's own settings class (a service is built with it; this checks and types it)."""
        if not isinstance(self.settings, kind):
            raise TypeError(f"{self.name} runs with {type(self.settings).__name__}, not {kind}")
        return self.settings

    def on_startup(self, hook: StartupHook) -> StartupHook:
        """Run `hook` at start, before consuming (e.g. to create the service's indexes)."""
        self._startup.append(hook)
        return hook

    def on_shutdown(self, hook: StartupHook) -> StartupHook:
        """Run `hook` at stop, after consuming and serving have ended."""
        self._shutdown.append(hook)
        return hook

    def every(self, seconds: float, name: str, round: Round, *, enabled: bool = True) -> Periodic:
        """A periodic background job, started after start-up hooks and stopped first at stop.
        `enabled=False` declares it without running it (tests drive `run_once` on their clock)."""
        if name in self.jobs:
            raise ValueError(f"job {name!r} is declared twice in {self.name}")
        job = Periodic(self.name, name, round, seconds)
        self.jobs[name] = job
        if enabled:
            self.on_startup(_start(job))
            self._shutdown.insert(0, job.stop)
        return job

    async def transaction(self, work: Callable[[AsyncClientSession], Awaitable[T]]) -> T:
        """Run `work` in one MongoDB transaction; write events with `self.outbox.add(session, ...)`."""
        async with self.client.start_session() as session:
            result: T = await session.with_transaction(work)
            return result

    # -- lifecycle ------------------------------------------------------------------------------

    @asynccontextmanager
    async def _lifespan(self, _: FastAPI) -> AsyncIterator[None]:
        started = time.perf_counter()
        topics = {**all_topics(), **group_topics(self.name)}
        await _retrying(
            "kafka topics", lambda: ensure_topics(self.settings.kafka_bootstrap_servers, topics)
        )
        await _retrying("mongodb indexes", self.outbox.ensure_indexes)
        await self.consumers.ensure_indexes()
        if self.storage is not None:
            await _retrying("object storage", self.storage.ensure_bucket)
        for hook in self._startup:
            await hook()
        self.consumers.subscribe()
        await self.broker.start()
        relay = asyncio.create_task(self.relay.run(), name=f"{self.name}-outbox-relay")
        lag = asyncio.create_task(self._observe_lag(), name=f"{self.name}-consumer-lag")
        self.ready = True
        log.info("service started", extra={"seconds": round(time.perf_counter() - started, 3)})
        try:
            yield
        finally:
            self.ready = False
            for task in (relay, lag):
                task.cancel()
                with suppress(asyncio.CancelledError):
                    await task
            await self.relay.release_lease()
            await self.broker.stop()
            for hook in self._shutdown:
                await hook()
            await self.client.close()
            log.info("service stopped")

    async def _observe_lag(self, every: float = 10.0) -> None:
        while True:
            await asyncio.sleep(every)
            try:
                await self.consumers.observe_lag()
            except Exception:
                log.exception("could not read consumer lag")

    def _add_health_routes(self) -> None:
        app = self.app

        @app.get("/healthz", include_in_schema=False)
        async def healthz() -> dict[str, str]:
            return {"status": "alive"}

        @app.get("/readyz", include_in_schema=False)
        async def readyz() -> Response:
            checks = await self.readiness()
            ok = self.ready and all(checks.values())
            body = {"status": "ready" if ok else "not_ready", "checks": checks}
            return JSONResponse(body, status_code=200 if ok else 503)

        @app.get("/metrics", include_in_schema=False)
        async def prometheus() -> Response:
            return Response(generate_latest(REGISTRY), media_type=CONTENT_TYPE_LATEST)

    async def readiness(self) -> dict[str, bool]:
        async def check(probe: Callable[[], Awaitable[Any]]) -> bool:
            try:
                return bool(await asyncio.wait_for(probe(), timeout=2))
            except Exception:
                return False

        checks = {
            "mongodb": await check(lambda: self.client.admin.command("ping")),
            "kafka": await check(lambda: self.broker.ping(timeout=2)),
        }
        if self.storage is not None:
            checks["s3"] = await check(self.storage.ready)
        return checks


def _start(job: Periodic) -> StartupHook:
    async def start() -> None:
        job.start()

    return start


async def _retrying(what: str, step: Callable[[], Awaitable[Any]], seconds: float = 60) -> None:
    """Dependencies may come up after us (compose, Kubernetes): retry start-up steps for a while."""
    deadline = time.monotonic() + seconds
    delay = 0.2
    while True:
        try:
            await step()
            return
        except Exception as exc:
            if time.monotonic() > deadline:
                raise
            log.warning("waiting for dependency", extra={"dependency": what, "error": repr(exc)})
            await asyncio.sleep(delay)
            delay = min(delay * 2, 5)


class _RequestMetrics(BaseHTTPMiddleware):
    def __init__(self, app: Any, service: str) -> None:
        super().__init__(app)
        self.service = service

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        started = time.perf_counter()
        response = await call_next(request)
        route = getattr(request.scope.get("route"), "path", "unmatched")
        m = metrics()
        m.http_requests.labels(self.service, request.method, route, str(response.status_code)).inc()
        m.http_duration.labels(self.service, request.method, route).observe(
            time.perf_counter() - started
        )
        return response


class _BodyLimit(BaseHTTPMiddleware):
    """Refuse a body over the limit: a declared length before reading anything, and a chunked body
    as soon as it grows past the limit. `overrides` maps a path suffix to a larger limit."""

    def __init__(self, app: Any, limit: int, overrides: dict[str, int]) -> None:
        super().__init__(app)
        self.limit = limit
        self.overrides = overrides

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        limit = next(
            (n for suffix, n in self.overrides.items() if request.url.path.endswith(suffix)),
            self.limit,
        )
        declared = request.headers.get("content-length")
        too_large = declared is not None and declared.isdigit() and int(declared) > limit
        if declared is None and request.method in {"POST", "PUT", "PATCH"}:
            body = b""
            async for chunk in request.stream():
                body += chunk
                if len(body) > limit:
                    too_large = True
                    break
            request._body = body  # starlette reuses the read body for the route
        if too_large:
            return problem_response(
                Problem(
                    type="urn:problem:payload_too_large",
                    title="payload too large",
                    status=413,
                    code="payload_too_large",
                    detail=f"Request bodies are limited to {limit} bytes here.",
                )
            )
        return await call_next(request)


def run(service: Service) -> None:
    """Serve until SIGTERM or Ctrl-C; uvicorn drains requests, then the lifespan stops the rest."""
    uvicorn.run(
        service.app,
        host=service.settings.service_host,
        port=service.settings.service_port,
        log_config=None,
        access_log=False,
        # Longer than any client's or load balancer's idle time (60 s is the usual): a server
        # closing an idle keep-alive connection races the client reusing it (a reset request).
        timeout_keep_alive=75,
        timeout_graceful_shutdown=10,
    )
