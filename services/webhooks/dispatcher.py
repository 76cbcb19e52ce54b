"""Sending deliveries: claim the due head of each lane, check the target, sign, POST with a
timeout, log the attempt, then finish the delivery (and promote the next of its lane) or schedule
the next attempt with exponential backoff; disable an endpoint that failed for too long and mail
the tenant's contacts.

At least once: a delivery is claimed by moving its `due_at` past the attempt's timeout, so a crash
mid-attempt releases it to another round; the receiver deduplicates on `webhook-id`. In order:
only a lane's head (`pending`) is attempted; the others wait (`waiting`) and the head's end
promotes the next one, so one request per endpoint and aggregate is in flight."""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any, cast

import httpx
from pymongo import ASCENDING
from pymongo.asynchronous.client_session import AsyncClientSession

from services.chassis.claims import claim_one
from services.chassis.mail import Mail, MailOutbox
from services.chassis.service import Service
from services.webhooks import metrics, signing
from services.webhooks.settings import WebhooksSettings
from services.webhooks.store import AttemptDoc, DeliveryDoc, EndpointDoc
from services.webhooks.targets import Policy, TargetRefused

log = logging.getLogger(__name__)
Clock = Callable[[], datetime]
# A lane's non-head deliveries and a disabled endpoint's deliveries are due "never".
NEVER = datetime(9999, 1, 1, tzinfo=UTC)
EXCERPT_BYTES = 1024
USER_AGENT = "Hireloop-Webhooks/1"
REPAIR_SECONDS = 10.0
BACKLOG_SECONDS = 30.0


def utc_now() -> datetime:
    return datetime.now(UTC)


class Dispatcher:
    """The delivery rounds of one replica."""

    def __init__(
        self,
        service: Service,
        mail: MailOutbox,
        *,
        clock: Clock = utc_now,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.service = service
        self.settings = service.settings_as(WebhooksSettings)
        self.mail = mail
        self.clock = clock
        self.policy = Policy.of(
            self.settings.webhooks_allow_http, self.settings.webhooks_allowed_networks
        )
        self.transport = transport
        self.client: httpx.AsyncClient | None = None
        self.wake: Callable[[], None] = lambda: None
        self._repaired = 0.0
        metrics.export(service.name)
        db = service.db
        self.endpoints = db.endpoints
        self.deliveries = db.deliveries
        self.attempts = db.attempts

    async def start(self) -> None:
        # Redirects are not followed: a 3xx is an answer, and following it would skip the check.
        self.client = httpx.AsyncClient(
            follow_redirects=False, trust_env=False, transport=self.transport
        )

    async def stop(self) -> None:
        if self.client is not None:
            await self.client.aclose()
            self.client = None

    def backoff(self, attempts: int) -> float:
        s = self.settings
        return float(
            min(s.webhooks_backoff_seconds * 2 ** (attempts - 1), s.webhooks_backoff_max_seconds)
        )

    # -- one round ---------------------------------------------------------------------------------

    async def deliver_due(self) -> int:
        """Attempt every due lane head, `concurrency` at a time, until none is due; returns how
        many attempts were made."""
        made = 0
        if time.monotonic() - self._repaired > REPAIR_SECONDS:
            await self.repair_lanes()
            self._repaired = time.monotonic()
        while True:
            claimed = await self._claim(self.settings.webhooks_concurrency)
            if not claimed:
                await self._wake_when_due()
                return made
            await asyncio.gather(*(self.attempt(d) for d in claimed))
            made += len(claimed)

    async def _wake_when_due(self) -> None:
        """A retry due before the next round starts a round at its time, so short backoffs
        are kept, not rounded up to the poll interval. Only deliveries due before that round are
        read: a deep retry queue (a failing endpoint's backlog) costs this query nothing."""
        poll = self.settings.webhooks_poll_seconds
        head = await self.deliveries.find_one(
            {"status": "pending", "due_at": {"$lte": self.clock() + timedelta(seconds=poll)}},
            {"due_at": 1},
            sort=[("due_at", ASCENDING)],
        )
        if head is None:
            return
        delay = (head["due_at"] - self.clock()).total_seconds()
        if delay < poll:
            asyncio.get_running_loop().call_later(max(0.0, delay), self.wake)

    async def _claim(self, limit: int) -> list[DeliveryDoc]:
        """Claim up to `limit` due lane heads: read the candidates, then take each with an update
        guarded on the `due_at` read (another replica's claim makes it miss), all at once."""
        now = self.clock()
        hold = now + timedelta(seconds=self.settings.webhooks_attempt_timeout_seconds + 30)
        candidates = await (
            self.deliveries.find({"status": "pending", "due_at": {"$lte": now}})
            .sort("due_at", ASCENDING)
            .limit(limit)
            .to_list()
        )

        async def take(doc: dict[str, Any]) -> DeliveryDoc | None:
            result = await self.deliveries.update_one(
                {"_id": doc["_id"], "status": "pending", "due_at": doc["due_at"]},
                {"$set": {"due_at": hold}},
            )
            return cast(DeliveryDoc, {**doc, "due_at": hold}) if result.modified_count else None

        taken = await asyncio.gather(*(take(doc) for doc in candidates))
        return [doc for doc in taken if doc is not None]

    async def attempt(self, delivery: DeliveryDoc) -> bool:
        """One attempt of a claimed delivery; returns whether the endpoint accepted it."""
        endpoint = cast(
            EndpointDoc | None,
            await self.endpoints.find_one(
                {"_id": delivery["endpoint_id"], "tenant": delivery["tenant"]}
            ),
        )
        if endpoint is None:
            await self._finish(delivery, "failed", None, "endpoint deleted")
            return False
        if not endpoint["enabled"]:
            # Held until the endpoint is enabled again (which makes its heads due).
            await self.deliveries.update_one({"_id": delivery["_id"]}, {"$set": {"due_at": NEVER}})
            return False
        now = self.clock()
        started = time.perf_counter()
        status: int | None = None
        excerpt = ""
        error: str | None = None
        try:
            target = await self.policy.resolve(endpoint["url"])
            timestamp = int(now.timestamp())
            headers = signing.headers(
                active_secrets(endpoint, now), delivery["webhook_id"], timestamp, delivery["body"]
            )
            status, excerpt = await self._post(
                target.url, target.host_header, target.server_name, headers, delivery["body"]
            )
        except TargetRefused as exc:
            error = f"{exc.code}: {exc.detail}"
        except (httpx.HTTPError, TimeoutError, OSError) as exc:
            error = f"{type(exc).__name__}: {exc}"[:500] if str(exc) else type(exc).__name__
        latency_ms = round((time.perf_counter() - started) * 1000, 1)
        ok = status is not None and 200 <= status < 300
        attempts = delivery["attempts"] + 1
        retry = not ok and attempts < self.settings.webhooks_max_attempts
        # The next attempt's due time is decided here and logged with this attempt.
        next_at = now + timedelta(seconds=self.backoff(attempts)) if retry else None
        await self.attempts.insert_one(
            cast(
                dict[str, Any],
                AttemptDoc(
                    _id=str(uuid.uuid4()),
                    tenant=delivery["tenant"],
                    delivery_id=delivery["_id"],
                    endpoint_id=delivery["endpoint_id"],
                    at=now,
                    status_code=status,
                    latency_ms=latency_ms,
                    response=excerpt,
                    error=error,
                    replay=bool(delivery.get("replaying")),
                    next_attempt_at=next_at,
                ),
            )
        )
        metrics.ATTEMPTS.labels(self.service.name, "ok" if ok else "failed").inc()
        if ok:
            metrics.LATENCY.labels(self.service.name).observe(
                max(0.0, (self.clock() - delivery["created_at"]).total_seconds())
            )
            await self._finish(delivery, "delivered", status, None)
            if endpoint["failing_since"] is not None:
                await self.endpoints.update_one(
                    {"_id": endpoint["_id"], "tenant": endpoint["tenant"]},
                    {"$set": {"failing_since": None}},
                )
            return True
        reason = error or f"HTTP {status}"
        if next_at is None:
            metrics.ABANDONED.labels(self.service.name).inc()
            await self._finish(delivery, "failed", status, reason)
        else:
            await self.deliveries.update_one(
                {"_id": delivery["_id"]},
                {
                    "$set": {
                        "attempts": attempts,
                        "due_at": next_at,
                        "last_status": status,
                        "last_error": reason,
                    }
                },
            )
        await self._failing(endpoint, now)
        return False

    async def _post(
        self, url: str, host: str, server_name: str | None, headers: dict[str, str], body: str
    ) -> tuple[int, str]:
        assert self.client is not None, "the dispatcher is not started"
        timeout = self.settings.webhooks_attempt_timeout_seconds
        extensions = {"sni_hostname": server_name} if server_name else {}
        async with asyncio.timeout(timeout):
            async with self.client.stream(
                "POST",
                url,
                content=body.encode(),
                headers={
                    **headers,
                    "host": host,
                    "content-type": "application/json",
                    "user-agent": USER_AGENT,
                },
                timeout=timeout,
                extensions=extensions,
            ) as response:
                read = b""
                async for chunk in response.aiter_bytes():
                    read += chunk
                    if len(read) >= EXCERPT_BYTES:
                        break
                return response.status_code, read[:EXCERPT_BYTES].decode("utf-8", "replace")

    async def _finish(
        self, delivery: DeliveryDoc, status: str, code: int | None, error: str | None
    ) -> None:
        """The delivery is done (delivered, or failed for good): the next of its lane is due."""
        now = self.clock()
        await self.deliveries.update_one(
            {"_id": delivery["_id"]},
            {
                "$set": {
                    "status": status,
                    "due_at": NEVER,
                    "attempts": delivery["attempts"] + (1 if code is not None or error else 0),
                    "delivered_at": now if status == "delivered" else None,
                    "last_status": code,
                    "last_error": error,
                    "replaying": False,
                }
            },
        )
        await self.promote(delivery["lane"], now)

    async def promote(self, lane: str, now: datetime) -> bool:
        """Make the oldest waiting delivery of `lane` its head, if it has no head."""
        if await self.deliveries.find_one({"lane": lane, "status": "pending"}, {"_id": 1}):
            return False
        promoted = await claim_one(
            self.deliveries,
            {"lane": lane, "status": "waiting"},
            {"$set": {"status": "pending", "due_at": now}},
            sort=[("seq", ASCENDING)],
        )
        return promoted is not None

    async def repair_lanes(self) -> int:
        """Promote the head of any lane left without one (a delivery queued behind a head that
        finished at the same moment)."""
        now = self.clock()
        lanes = await self.deliveries.distinct("lane", {"status": "waiting"})
        return sum([await self.promote(lane, now) for lane in lanes[:1000]])

    async def _failing(self, endpoint: EndpointDoc, now: datetime) -> None:
        """Record that the endpoint is failing; past the limit disable it and tell the tenant."""
        since = endpoint["failing_since"]
        if since is None:
            await self.endpoints.update_one(
                {"_id": endpoint["_id"], "tenant": endpoint["tenant"], "failing_since": None},
                {"$set": {"failing_since": now}},
            )
            since = now
        limit = self.settings.webhooks_disable_after_seconds
        if (now - since).total_seconds() < limit:
            return
        reason = f"Every attempt failed since {since.isoformat()}."
        tenant = endpoint["tenant"]
        contacts = await self.service.db.contacts.find_one({"_id": tenant, "tenant": tenant})

        async def disable(session: AsyncClientSession) -> bool:
            result = await self.endpoints.update_one(
                {"_id": endpoint["_id"], "tenant": tenant, "enabled": True},
                {"$set": {"enabled": False, "disabled_reason": reason}, "$inc": {"revision": 1}},
                session=session,
            )
            if not result.modified_count:
                return False
            await self.deliveries.update_many(
                {"tenant": tenant, "endpoint_id": endpoint["_id"], "status": "pending"},
                {"$set": {"due_at": NEVER}},
                session=session,
            )
            for email in (contacts or {}).get("emails", []):
                await self.mail.queue(
                    session,
                    tenant,
                    Mail(
                        to=email,
                        subject=f"Webhook endpoint disabled: {endpoint['url']}",
                        text=(
                            f"The webhook endpoint {endpoint['url']} ({endpoint['_id']}) "
                            f"failed every delivery since {since:%Y-%m-%d %H:%M} UTC and was "
                            "disabled. Its undelivered events are kept: enable it again once "
                            "it answers, and they are sent in order.\n"
                        ),
                        message_key=f"webhooks.{endpoint['_id']}.disabled.{int(since.timestamp())}",
                    ),
                )
            return True

        if await self.service.transaction(disable):
            metrics.DISABLED.labels(self.service.name).inc()
            log.warning(
                "webhook endpoint disabled",
                extra={"tenant": tenant, "endpoint_id": endpoint["_id"], "reason": reason},
            )
            if not contacts:
                log.warning("no contacts to tell of a disabled endpoint", extra={"tenant": tenant})
            self.mail.wake()

    async def observe(self) -> None:
        """The backlog gauges. Counting every undelivered delivery reads the whole queue, so it
        is its own job (every BACKLOG_SECONDS), never a step of a delivery round."""
        pending = await self.deliveries.count_documents({"status": {"$in": ["pending", "waiting"]}})
        metrics.PENDING.labels(self.service.name).set(pending)
        due = await self.deliveries.count_documents(
            {"status": "pending", "due_at": {"$lte": self.clock()}}
        )
        metrics.DUE.labels(self.service.name).set(due)


def active_secrets(endpoint: EndpointDoc, now: datetime) -> list[str]:
    """The secrets that sign now: the current one and any rotated out less than a window ago."""
    return [
        s["secret"] for s in endpoint["secrets"] if s["expires_at"] is None or s["expires_at"] > now
    ]
