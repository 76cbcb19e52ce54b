"""Scheduling figures: slot computation for a 5-interviewer panel over 14 days (pure, and through
the service with its MongoDB reads), and booking throughput under concurrent requests, with and
without contention, against the embedded servers."""

from __future__ import annotations

import asyncio
import statistics
import time
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx

from embedded import Endpoints
from services.chassis.identity import Identity, encode
from services.scheduling.app import create
from services.scheduling.settings import SchedulingSettings
from services.scheduling.slots import Calendar, LocalRange, Rules, Span, panel_slots
from tests.support import INTERNAL_SECRET, serving, settings_for, unique

PANEL_ZONES = [
    "Europe/London",
    "Europe/Berlin",
    "America/New_York",
    "Europe/Lisbon",
    "Europe/Warsaw",
]
NOW = datetime(2031, 3, 3, tzinfo=UTC)
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday"]
BOOKINGS = 300
CONCURRENCY = 16
RACERS = 50


def _calendars() -> list[Calendar]:
    """Realistic rules: split days, an override and a day off, buffers, a daily maximum, one or
    two outside meetings a day and an interview every other day each."""
    out = []
    for n, zone in enumerate(PANEL_ZONES):
        tz = ZoneInfo(zone)
        start_hour = 7 if zone == "America/New_York" else 8
        weekly = {
            d: [LocalRange(start_hour * 60, 12 * 60 + 30), LocalRange(13 * 60 + 30, 19 * 60)]
            for d in range(5)
        }
        busy, booked = [], []
        for day in range(16):
            base = datetime.combine(date(2031, 3, 3) + timedelta(days=day), datetime.min.time(), tz)
            busy.append(Span(base + timedelta(hours=9 + n % 3), base + timedelta(hours=10 + n % 3)))
            if day % 3 == n % 3:
                busy.append(Span(base + timedelta(hours=14), base + timedelta(hours=15)))
            if day % 2 == n % 2:
                booked.append(Span(base + timedelta(hours=11), base + timedelta(hours=12)))
        rules = Rules(
            tz,
            weekly,
            overrides={date(2031, 3, 7): [], date(2031, 3, 12): [LocalRange(14 * 60, 20 * 60)]},
            buffer_before=timedelta(minutes=10),
            buffer_after=timedelta(minutes=10),
            max_per_day=4,
        )
        out.append(Calendar(f"i{n}", rules, busy=busy, booked=booked))
    return out


def _pure() -> None:
    cals = _calendars()
    window = Span(NOW + timedelta(days=1), NOW + timedelta(days=15))
    rounds = 200
    timings = []
    for _ in range(rounds):
        started = time.perf_counter()
        found = panel_slots(cals, timedelta(minutes=60), window, timedelta(minutes=15))
        timings.append(time.perf_counter() - started)
    print(
        f"slots (pure): 5-interviewer panel, 14 days, {len(found)} slots: "
        f"median {statistics.median(timings) * 1000:.2f} ms, "
        f"p95 {sorted(timings)[int(rounds * 0.95)] * 1000:.2f} ms per request"
    )


class _Client:
    def __init__(self, http: httpx.AsyncClient, tenant: str) -> None:
        self.http = http
        self.tenant = tenant

    def staff(self) -> dict[str, str]:
        who = Identity(self.tenant, "bench", "user", roles=("recruiter",))
        return {"x-identity": encode(who, INTERNAL_SECRET)}

    def candidate(self, request_id: str) -> dict[str, str]:
        who = Identity(self.tenant, request_id, "candidate", scopes=("scheduling",))
        return {"x-identity": encode(who, INTERNAL_SECRET)}

    async def post(
        self, path: str, body: dict[str, Any], headers: dict[str, str] | None = None
    ) -> Any:
        response = await self.http.post(path, json=body, headers=headers or self.staff())
        return response

    async def interviewer(self, zone: str) -> str:
        body = {
            "name": unique("iv"),
            "email": f"{unique('iv')}@example.com",
            "time_zone": zone,
            "weekly": {
                d: [{"start": "08:00", "end": "12:30"}, {"start": "13:30", "end": "19:00"}]
                for d in WEEKDAYS
            },
            "buffer_before_minutes": 10,
            "buffer_after_minutes": 10,
        }
        response = await self.post("/interviewers", body)
        return str(response.json()["interviewer_id"])

    async def requests(self, type_id: str, count: int) -> list[str]:
        ids = []
        for _ in range(count):
            body = {
                "invitation_id": unique("inv"),
                "interview_type_id": type_id,
                "candidate_name": "Bench",
                "candidate_email": f"{unique('c')}@example.com",
                "self_scheduling": True,
            }
            ids.append((await self.post("/interview-requests", body)).json()["request_id"])
        return ids


async def _service(endpoints: Endpoints) -> None:
    settings = settings_for(
        endpoints,
        unique("bench-scheduling"),
        SchedulingSettings,
        smtp_host=endpoints.smtp_host,
        smtp_port=endpoints.smtp_port,
    )
    service = create(settings, clock=lambda: NOW)
    async with serving(service) as url, httpx.AsyncClient(base_url=url, timeout=120) as http:
        c = _Client(http, unique("bench"))
        panel = [await c.interviewer(z) for z in PANEL_ZONES[:4]]
        body = {
            "position_id": unique("p"),
            "name": "Panel",
            "duration_minutes": 60,
            "interviewer_ids": panel,
        }
        panel_type = (await c.post("/interview-types", body)).json()["interview_type_id"]
        [rid] = await c.requests(panel_type, 1)
        timings = []
        for _ in range(30):
            started = time.perf_counter()
            response = await http.get("/candidate/scheduling/slots", headers=c.candidate(rid))
            timings.append(time.perf_counter() - started)
        print(
            f"slots (service, HTTP + MongoDB): 4-interviewer panel, 14 days, "
            f"{len(response.json()['slots'])} slots: median {statistics.median(timings) * 1000:.1f} ms"
        )

        pool = [await c.interviewer("Europe/London") for _ in range(10)]
        body = {
            "position_id": unique("p"),
            "name": "Round robin",
            "duration_minutes": 30,
            "mode": "round_robin",
            "interviewer_ids": pool,
        }
        pool_type = (await c.post("/interview-types", body)).json()["interview_type_id"]
        ids = await c.requests(pool_type, BOOKINGS + RACERS)
        slots = (await http.get(f"/interview-requests/{ids[0]}/slots", headers=c.staff())).json()[
            "slots"
        ]
        # Distinct (start, interviewer) pairs one hour apart: no two bookings contend.
        pairs = [(s["start"], i) for s in slots[::2] for i in s["interviewer_ids"]][:BOOKINGS]
        gate = asyncio.Semaphore(CONCURRENCY)

        async def book(request_id: str, start: str, interviewer: str | None) -> int:
            async with gate:
                body = {"start": start} | ({"interviewer_id": interviewer} if interviewer else {})
                response = await c.post(f"/interview-requests/{request_id}/booking", body)
                return int(response.status_code)

        started = time.perf_counter()
        codes = await asyncio.gather(
            *(book(r, s, i) for r, (s, i) in zip(ids[:BOOKINGS], pairs, strict=True))
        )
        took = time.perf_counter() - started
        print(
            f"booking, no contention: {codes.count(201)}/{BOOKINGS} booked with {CONCURRENCY} "
            f"concurrent clients in {took:.2f} s = {BOOKINGS / took:.1f} bookings/s"
        )

        fresh = (await http.get(f"/interview-requests/{ids[0]}/slots", headers=c.staff())).json()[
            "slots"
        ]
        target = next(s["start"] for s in fresh if pool[0] in s["interviewer_ids"])
        gate = asyncio.Semaphore(RACERS)
        started = time.perf_counter()
        codes = await asyncio.gather(*(book(r, target, pool[0]) for r in ids[BOOKINGS:]))
        took = time.perf_counter() - started
        print(
            f"booking, contention: {RACERS} clients for one interviewer's slot: "
            f"{codes.count(201)} booked, {codes.count(409)} refused (409), all answered in {took:.2f} s"
        )


async def run(endpoints: Endpoints) -> None:
    _pure()
    await _service(endpoints)
