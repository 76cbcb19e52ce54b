"""The chaos test: candidates flow through the whole system as `make run` starts it (persistent
stack, supervised services) while every service is killed with SIGKILL in turn and the Kafka- and
MongoDB-protocol servers are restarted; then nothing may be lost and nothing duplicated.

Each candidate is invited (an e-mail), records one answer through presigned chunk uploads, is
transcoded, reviewed and advanced, and books a live interview from the link the scheduling mail
carries. Every client call is retried through the outages, every POST with an Idempotency-Key,
as a careful client would. At the end: one invitation per candidate, one mail of each kind, one
transcode (one set of renditions) per answer, one review, one decision and one booking each, one
room per booking, and no dead letter. `python -m tests.chaos` is the full version (`make chaos`),
`python -m tests.chaos --short` the short one (ten candidates)."""

from __future__ import annotations

import contextlib
import email
import email.policy
import os
import re
import signal
import subprocess
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from minio import Minio
from pymongo import MongoClient

from embedded import System
from embedded.process import RestartPolicy
from tests.support import free_port

CRITERIA = ["clarity"]
WEEK = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
# Generous upper bounds for a stuck system, not performance expectations.
CALL_DEADLINE = 600.0
STAGE_DEADLINE = 900.0
# Set when the run ends early, so no client thread outlives it.
ABORT = threading.Event()
# Transient answers a careful client retries: outages (5xx, 429) and a first try of the same
# Idempotency-Key still running (409 idempotency_in_progress), or a link the gateway has not learnt.
RETRY = {429, 500, 502, 503, 504}
# The order of the kills: the stages they hit are under way by then (see Chaos.run).
ORDER = [
    "invite",
    "gateway",
    "ingest",
    "transcoding",
    "kafka",
    "transcription",
    "review",
    "mongo",
    "webhooks",
    "live",
    "scheduling",
]


@dataclass(frozen=True)
class Profile:
    candidates: int
    workers: int  # candidates in flight at once
    answer_seconds: int  # chunks of the answer, one a second


FULL = Profile(candidates=100, workers=12, answer_seconds=3)
SHORT = Profile(candidates=10, workers=10, answer_seconds=2)


@dataclass
class Disruption:
    target: str
    how: str
    at: float  # seconds into the flow
    back_after: float  # seconds until it answered again
    under_way: str  # what the flow had reached


@dataclass
class Report:
    disruptions: list[Disruption] = field(default_factory=list)
    counts: dict[str, Any] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)  # what was lost or duplicated
    dead_letters: list[dict[str, Any]] = field(default_factory=list)
    restarts: dict[str, int] = field(default_factory=dict)
    elapsed: float = 0.0


class Api:
    """A gateway client that retries through outages; each POST carries an Idempotency-Key."""

    def __init__(self, base: str, token: str) -> None:
        self.client = httpx.Client(
            base_url=base,
            headers={"Authorization": f"Bearer {token}"},
            timeout=120,
            trust_env=False,
        )

    def close(self) -> None:
        self.client.close()

    def call(
        self,
        method: str,
        path: str,
        body: Any = None,
        expect: tuple[int, ...] = (200, 201),
        done_if: tuple[str, ...] = (),
        params: dict[str, str] | None = None,
    ) -> Any:
        """The answer's JSON; a problem code in `done_if` on a retry means the first try took
        effect before its answer was lost (returned as None)."""
        headers = {"Idempotency-Key": uuid.uuid4().hex} if method == "POST" else {}
        deadline = time.monotonic() + CALL_DEADLINE
        tries = 0
        while True:
            tries += 1
            try:
                r = self.client.request(method, path, json=body, headers=headers, params=params)
            except httpx.HTTPError as exc:
                last = repr(exc)
            else:
                if r.status_code in expect:
                    return r.json() if r.content else None
                code = _code(r)
                if tries > 1 and code in done_if:
                    return None
                unknown_link = r.status_code == 401 and path.startswith("/v1/candidate")
                transient = r.status_code in RETRY or code == "idempotency_in_progress"
                if not (transient or unknown_link):
                    raise AssertionError(f"{method} {path}: {r.status_code} {r.text[:300]}")
                last = f"{r.status_code} {r.text[:200]}"
            if time.monotonic() > deadline or ABORT.is_set():
                raise AssertionError(f"{method} {path}: no answer in {CALL_DEADLINE:.0f} s: {last}")
            time.sleep(0.3)


def _code(r: httpx.Response) -> str:
    try:
        return str(r.json().get("code", ""))
    except ValueError:
        return ""


def until(check: Callable[[], Any], what: str, timeout: float = STAGE_DEADLINE) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        try:
            found = check()
        except (httpx.HTTPError, OSError):
            found = None
        if found:
            return found
        if time.monotonic() > deadline or ABORT.is_set():
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(0.3)


class Flow:
    """The candidates' way through the system, stage by stage, with what each one reached."""

    def __init__(self, system: System, profile: Profile, chunks: list[bytes]) -> None:
        assert system.info is not None
        self.info = system.info
        self.profile = profile
        self.chunks = chunks
        self.maildir = Path(system.info.endpoints.smtp_maildir)
        self.staff = Api(self.info.gateway_url, self.info.api_key)
        self.stages: Counter[str] = Counter()
        self.lock = threading.Lock()
        self.candidates: list[dict[str, Any]] = []
        self.errors: list[str] = []
        self.started = threading.Event()
        self.booked_slots: set[str] = set()

    def reached(self, stage: str) -> None:
        with self.lock:
            self.stages[stage] += 1
        self.started.set()

    def summary(self) -> str:
        with self.lock:
            order = ["invited", "recorded", "transcoded", "reviewed", "advanced", "booked"]
            return ", ".join(f"{s} {self.stages[s]}" for s in order)

    def set_up(self) -> None:
        api = self.staff
        questions = [
            {"prompt": "Tell us about a project.", "think_seconds": 600, "answer_seconds": 1800}
        ]
        qs = api.call("POST", "/v1/question-sets", {"name": "Chaos", "questions": questions})
        anchors = {str(p): f"Level {p}" for p in range(1, 6)}
        rubric = {
            "scale_min": 1,
            "scale_max": 5,
            "criteria": [{"id": c, "name": c, "anchors": anchors} for c in CRITERIA],
        }
        api.call("PUT", f"/v1/question-sets/{qs['id']}/rubric", rubric)
        self.position = api.call(
            "POST", "/v1/positions", {"title": "Chaos", "question_set_id": qs["id"]}
        )["id"]
        interviewers = [
            api.call(
                "POST",
                "/v1/interviewers",
                {
                    "name": f"Interviewer {n}",
                    "email": f"interviewer-{n}-{uuid.uuid4().hex[:6]}@example.com",
                    "time_zone": "UTC",
                    "weekly": {d: [{"start": "00:00", "end": "24:00"}] for d in WEEK},
                },
            )["interviewer_id"]
            for n in range(2)
        ]
        key = api.call(
            "POST",
            "/v1/api-keys",
            {"name": "reviewer", "scopes": ["positions:read", "reviews:read", "reviews:write"]},
        )
        self.reviewer = Api(self.info.gateway_url, key["key"])
        api.call(
            "PUT",
            f"/v1/positions/{self.position}/review-settings",
            {"reviewer_ids": [f"key:{key['id']}"], "per_candidate": 1},
        )
        api.call(
            "POST",
            "/v1/interview-types",
            {
                "position_id": self.position,
                "name": "Live interview",
                "duration_minutes": 30,
                "interviewer_ids": interviewers,
                "mode": "round_robin",
                "min_notice_minutes": 60,
                "booking_window_days": 30,
                "slot_step_minutes": 30,
            },
        )

    def candidate(self, i: int) -> None:
        try:
            self._candidate(i)
        except BaseException as exc:
            with self.lock:
                self.errors.append(f"candidate {i}: {exc}")
            print(f"  candidate {i} failed: {str(exc)[:500]}", flush=True)
            raise

    def _candidate(self, i: int) -> None:
        address = f"chaos-{i}-{uuid.uuid4().hex[:6]}@example.com"
        invited = self.staff.call(
            "POST",
            f"/v1/positions/{self.position}/invitations",
            {"name": f"Candidate {i}", "email": address},
            done_if=("duplicate_invitation",),
        )
        if invited is None:  # created by a try whose answer was lost: as the mail has it
            invited = {
                "id": self._invitation_of(address),
                "link": "/interview/"
                + until(lambda: self._link_in_mail(address, "interview"), "the invitation"),
            }
        record = {"email": address, "invitation_id": invited["id"]}
        with self.lock:
            self.candidates.append(record)
        self.reached("invited")
        token = invited["link"].rsplit("/", 1)[1]
        me = Api(self.info.gateway_url, token)
        try:
            attempt = self._interview(me, invited["id"])
            record["attempt_id"] = attempt
            self.reached("recorded")
            self._review(invited["id"])
            self._book(address)
        finally:
            me.close()

    def _invitation_of(self, address: str) -> str:
        page = self.staff.call(
            "GET", f"/v1/positions/{self.position}/invitations", params={"limit": "200"}
        )
        [found] = [i["id"] for i in page["items"] if i["email"] == address]
        return str(found)

    def _interview(self, me: Api, invitation: str) -> str:
        interview = me.call("GET", "/v1/candidate/interview")
        me.call(
            "POST",
            "/v1/candidate/consent",
            {"notice_version": interview["notice"]["version"], "accepted": True},
            done_if=("invalid_state",),
        )
        me.call("POST", "/v1/candidate/start", done_if=("invalid_state",))
        [question] = [q["question_id"] for q in interview["questions"] if not q["practice"]]
        me.call("POST", f"/v1/candidate/questions/{question}/reveal")
        opened = me.call(
            "POST",
            "/v1/candidate/attempts",
            {"question_id": question, "mode": "stream", "content_type": "video/webm"},
            done_if=("attempt_open",),
        )
        if opened is None:  # opened by a try whose answer was lost
            listed = self.staff.call("GET", f"/v1/invitations/{invitation}/attempts")
            rows = listed["attempts"] if isinstance(listed, dict) else listed
            [opened] = [a for a in rows if a["status"] == "open"]
        attempt = str(opened.get("attempt_id") or opened["id"])
        urls = me.call(
            "POST",
            f"/v1/candidate/attempts/{attempt}/upload-urls",
            {"first": 0, "count": len(self.chunks)},
        )["urls"]
        for url, chunk in zip(urls, self.chunks, strict=True):
            until(
                lambda u=url["url"], c=chunk: (
                    httpx.put(u, content=c, timeout=30).status_code == 200
                ),
                "a chunk upload",
            )
        done = me.call(
            "POST",
            f"/v1/candidate/attempts/{attempt}/complete",
            {"parts": len(self.chunks)},
            done_if=("attempt_not_open",),
        )
        assert done is None or done["status"] == "uploaded", done
        me.call("POST", "/v1/candidate/complete", done_if=("invalid_state",))
        return attempt

    def _review(self, invitation: str) -> None:
        def ready() -> Any:
            found = self.staff.call("GET", f"/v1/submissions/{invitation}")
            return found if found["status"] == "ready" else None

        submission = until(ready, f"submission {invitation} ready")
        self.reached("transcoded")
        ratings = [
            {"question_id": a["question_id"], "criterion_id": c, "score": 4}
            for a in submission["answers"]
            for c in CRITERIA
        ]
        self.reviewer.call(
            "POST",
            f"/v1/submissions/{invitation}/review",
            {"ratings": ratings, "recommendation": "yes"},
            done_if=("already_reviewed",),
        )
        self.reached("reviewed")
        self.staff.call("POST", f"/v1/submissions/{invitation}/decision", {"outcome": "advance"})
        self.reached("advanced")

    def _book(self, address: str) -> None:
        token = until(lambda: self._link_in_mail(address, "schedule"), f"the mail to {address}")
        me = Api(self.info.gateway_url, token)
        try:
            while True:
                slots = me.call("GET", "/v1/candidate/scheduling/slots")["slots"]
                with self.lock:
                    free = [s for s in slots if s["start"] not in self.booked_slots]
                    assert free, "no open slot left"
                    start = free[0]["start"]
                    self.booked_slots.add(start)
                try:
                    me.call(
                        "POST",
                        "/v1/candidate/scheduling/booking",
                        {"start": start},
                        done_if=("request_state",),
                    )
                    break
                except AssertionError as exc:
                    if "slot_taken" not in str(exc):
                        raise
        finally:
            me.close()
        self.reached("booked")

    def _link_in_mail(self, address: str, path: str) -> str | None:
        for message in mails(self.maildir):
            if message["To"] == address:
                found = re.search(rf"/{path}/([\w-]+)", text_of(message))
                if found:
                    return found.group(1)
        return None


def mails(maildir: Path) -> list[email.message.EmailMessage]:
    found = []
    for path in sorted(maildir.glob("*.eml")):
        message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        assert isinstance(message, email.message.EmailMessage)
        found.append(message)
    return found


def text_of(message: email.message.EmailMessage) -> str:
    return "".join(
        str(part.get_content())
        for part in message.walk()
        if part.get_content_type() == "text/plain"
    )


class Chaos:
    """Kills each service with SIGKILL in turn (the supervisor starts it again) and restarts
    Kafka and MongoDB, each once the stage it should hit is under way."""

    def __init__(self, system: System, flow: Flow, report: Report, began: float) -> None:
        self.system, self.flow, self.report, self.began = system, flow, report, began
        assert system.info is not None
        self.mongo_url = system.info.endpoints.mongodb_url

    def run(self) -> None:
        self.flow.started.wait()
        for target in ORDER:
            self._wait_for_work(target)
            if target in ("kafka", "mongo"):
                self._restart_server(target)
            else:
                self._kill(target)

    def _wait_for_work(self, target: str) -> None:
        """Until there is work in flight for `target` (within a bound: the flow may be past it)."""
        stage = {"transcoding": "recorded", "review": "transcoded", "scheduling": "advanced"}
        if target == "transcoding":
            with MongoClient(self.mongo_url) as client:
                jobs = client.hireloop_transcoding.jobs
                with contextlib.suppress(AssertionError):
                    until(lambda: jobs.find_one({"status": "running"}), "a running job", 60)
        elif target in stage:
            with contextlib.suppress(AssertionError):
                until(lambda: self.flow.stages[stage[target]] > 0, f"{stage[target]}", 120)

    def _say(self, text: str) -> None:
        print(f"  [{time.monotonic() - self.began:6.1f} s] {text}", flush=True)

    def _kill(self, name: str) -> None:
        system = self.system
        [proc] = [p for p in system.procs if p.name == name]
        url = system.info.service_urls[name] if system.info else ""
        before = system.restart_counts()[name]
        under_way = self.flow.summary()
        at = time.monotonic()
        os.kill(proc.pid, signal.SIGKILL)

        def back() -> bool:
            if system.restart_counts()[name] <= before:
                return False
            [now] = [p for p in system.procs if p.name == name]
            if now.pid == proc.pid:
                return False
            return httpx.get(f"{url}/readyz", timeout=2, trust_env=False).status_code == 200

        until(back, f"{name} to come back", STAGE_DEADLINE)
        took = time.monotonic() - at
        self.report.disruptions.append(
            Disruption(name, "SIGKILL", at - self.began, took, under_way)
        )
        self._say(f"killed {name} (pid {proc.pid}) with SIGKILL; ready again in {took:.1f} s")
        self._say(f"  flow then: {under_way}")

    def _restart_server(self, name: str) -> None:
        under_way = self.flow.summary()
        at = time.monotonic()
        took = self.system.stack.restart(name)
        self.report.disruptions.append(
            Disruption(name, "restart", at - self.began, took, under_way)
        )
        self._say(f"restarted {name}; answering again in {took:.1f} s")
        self._say(f"  flow then: {under_way}")


def run(profile: Profile, workdir: Path) -> Report:
    """Start everything (persistent), run the flow under chaos, check, print."""
    report = Report()
    began = time.monotonic()
    system = System(
        workdir / "system",
        persistent=True,
        extra_env={
            "GATEWAY_PORT": str(free_port()),
            # A request a killed gateway held keeps its Idempotency-Key for this plus 30 s.
            "UPSTREAM_TIMEOUT_SECONDS": "30",
            # A mail claimed by a sender that was killed is tried again after this.
            "MAIL_RETRY_SECONDS": "10",
        },
        ready_timeout=180,
    )
    ABORT.clear()
    try:
        info = system.start()
        print(f"system ready in {info.elapsed:.1f} s", flush=True)
        system.supervise(RestartPolicy(first_delay=0.5, max_delay=5, loop_restarts=100))
        flow = Flow(system, profile, _chunks(workdir / "chunks", profile.answer_seconds))
        flow.set_up()
        chaos = Chaos(system, flow, report, began)
        chaos_thread = threading.Thread(target=_catching(chaos.run, flow), daemon=True)
        chaos_thread.start()
        with ThreadPoolExecutor(profile.workers) as pool:
            list(pool.map(_quiet(flow.candidate), range(profile.candidates)))
        chaos_thread.join(timeout=STAGE_DEADLINE)
        assert not chaos_thread.is_alive(), "the chaos never finished"
        assert not flow.errors, flow.errors
        flow_took = time.monotonic() - began
        print(f"flow done {flow_took:.1f} s in: {flow.summary()}", flush=True)
        _check(system, flow, report)
        report.restarts = {n: c for n, c in system.restart_counts().items() if c}
    finally:
        ABORT.set()
        system.stop()
    report.elapsed = time.monotonic() - began
    _print(report, profile)
    return report


def _catching(target: Callable[[], None], flow: Flow) -> Callable[[], None]:
    def run() -> None:
        try:
            target()
        except BaseException as exc:
            flow.errors.append(f"chaos: {exc!r}")

    return run


def _quiet(target: Callable[[int], None]) -> Callable[[int], None]:
    def run(i: int) -> None:
        with contextlib.suppress(BaseException):  # recorded in flow.errors
            target(i)

    return run


# -- checking -----------------------------------------------------------------------------------


def _check(system: System, flow: Flow, report: Report) -> None:
    """Wait until the mails and rooms the flow causes have settled, then count everything."""
    assert system.info is not None
    ep = system.info.endpoints
    n = len(flow.candidates)
    addresses = {c["email"] for c in flow.candidates}
    invitations = {c["invitation_id"] for c in flow.candidates}
    attempts = {c["attempt_id"] for c in flow.candidates}
    tenant = flow.staff.call("GET", "/v1/me")["tenant"]

    def mail_kinds() -> Counter[tuple[str, str]]:
        kinds: Counter[tuple[str, str]] = Counter()
        for message in mails(Path(ep.smtp_maildir)):
            if message["To"] in addresses:
                kinds[(str(message["To"]), _kind(message))] += 1
        return kinds

    kinds_expected = {"invitation", "received", "scheduling link", "booked"}

    def mails_settled() -> Counter[tuple[str, str]] | None:
        kinds = mail_kinds()
        have = {(a, k) for a, k in kinds}
        return kinds if all((a, k) in have for a in addresses for k in kinds_expected) else None

    with MongoClient(ep.mongodb_url) as client:
        rooms = client.hireloop_live.rooms
        bookings = client.hireloop_scheduling.bookings
        until(lambda: rooms.count_documents({"tenant": tenant}) >= n, "a room per booking", 180)
        with contextlib.suppress(AssertionError):  # a missing mail is reported below
            until(mails_settled, "every mail", 180)
        kinds = mail_kinds()
        by_kind: Counter[str] = Counter()
        for (address, kind), count in sorted(kinds.items()):
            by_kind[kind] += count
            if count > 1:
                report.problems.append(f"{count} '{kind}' mails to {address}")
        for address in addresses:
            for kind in kinds_expected:
                if kinds[(address, kind)] == 0:
                    report.problems.append(f"no '{kind}' mail to {address}")
        report.counts["mails"] = dict(by_kind)

        invite = client.hireloop_invite.invitations
        per_email = Counter(
            d["email"] for d in invite.find({"tenant": tenant, "position_id": flow.position})
        )
        report.counts["invitations"] = sum(per_email.values())
        for address in addresses:
            if per_email[address] != 1:
                report.problems.append(f"{per_email[address]} invitations for {address}")

        jobs = list(client.hireloop_transcoding.jobs.find({"tenant": tenant}))
        report.counts["transcode jobs"] = len(jobs)
        report.counts["transcode runs (job attempts)"] = sum(j.get("attempts", 0) for j in jobs)
        done = {j["_id"] for j in jobs if j["status"] == "done"}
        for attempt in attempts - done:
            report.problems.append(f"answer {attempt} not transcoded")
        s3 = Minio(ep.s3_endpoint, ep.s3_access_key, ep.s3_secret_key, secure=False)
        sets = 0
        for job in jobs:
            if job["status"] != "done":
                continue
            names = {r["name"] for r in job["result"]["renditions"]}
            prefix = f"tenants/{tenant}/recordings/{job['_id']}/"
            keys = [o.object_name for o in s3.list_objects(ep.s3_bucket, prefix, recursive=True)]
            masters = [k for k in keys if k.endswith("master.m3u8")]
            found = {
                k[len(prefix) :].split("/")[1] for k in keys if k[len(prefix) :].count("/") == 2
            }
            if len(masters) != 1 or found != names:
                report.problems.append(
                    f"answer {job['_id']}: {len(masters)} master playlists, renditions {found}"
                )
            else:
                sets += 1
        report.counts["rendition sets"] = sets

        review = client.hireloop_review
        reviews = Counter(d["invitation_id"] for d in review.reviews.find({"tenant": tenant}))
        decisions = Counter(d["invitation_id"] for d in review.decisions.find({"tenant": tenant}))
        report.counts["reviews"] = sum(reviews.values())
        report.counts["decisions"] = sum(decisions.values())
        for invitation in invitations:
            if reviews[invitation] != 1:
                report.problems.append(f"{reviews[invitation]} reviews of {invitation}")
            if decisions[invitation] != 1:
                report.problems.append(f"{decisions[invitation]} decisions on {invitation}")

        requests = client.hireloop_scheduling.requests
        per_invitation = Counter(
            d["invitation_id"] for d in requests.find({"tenant": tenant}) if d.get("invitation_id")
        )
        booked = list(bookings.find({"tenant": tenant}))
        per_request = Counter(b["request_id"] for b in booked)
        report.counts["interview requests"] = sum(per_invitation[i] for i in invitations)
        report.counts["bookings"] = len(booked)
        for invitation in invitations:
            if per_invitation[invitation] != 1:
                report.problems.append(f"{per_invitation[invitation]} requests for {invitation}")
        for request, count in per_request.items():
            if count != 1:
                report.problems.append(f"{count} bookings of request {request}")
        if len(booked) != n:
            report.problems.append(f"{len(booked)} bookings for {n} candidates")
        per_room = Counter(r["request_id"] for r in rooms.find({"tenant": tenant}))
        report.counts["rooms"] = sum(per_room.values())
        for request, count in per_room.items():
            if count != 1:
                report.problems.append(f"{count} rooms for request {request}")

    letters = flow.staff.call("GET", "/v1/ops/dead-letters")  # those parked, not re-driven
    report.dead_letters = letters if isinstance(letters, list) else letters.get("items", [])
    report.counts["dead letters"] = len(report.dead_letters)


def _kind(message: email.message.EmailMessage) -> str:
    subject = str(message["Subject"] or "")
    body = text_of(message)
    if "/schedule/" in body:
        return "scheduling link"
    if subject.startswith("Reminder"):
        return "reminder"
    if subject.startswith("We received"):
        return "received"
    if "video interview" in subject:
        return "invitation"
    if any(p.get_content_type() == "text/calendar" for p in message.walk()):
        return "booked"
    return subject


def _chunks(folder: Path, seconds: int) -> list[bytes]:
    """A small WebM answer as the browser records it, cut into one piece per second."""
    folder.mkdir(parents=True, exist_ok=True)
    clip = folder / "answer.webm"
    subprocess.run(
        [
            "ffmpeg", "-v", "error", "-y", "-nostdin",
            "-f", "lavfi", "-i", f"testsrc2=size=320x240:rate=15:duration={seconds}",
            "-f", "lavfi", "-i", f"sine=frequency=440:duration={seconds}",
            "-c:v", "libvpx", "-deadline", "realtime", "-cpu-used", "8", "-b:v", "200k",
            "-c:a", "libopus", "-shortest", str(clip),
        ],
        check=True,
    )  # fmt: skip
    data = clip.read_bytes()
    size = -(-len(data) // seconds)
    return [data[i * size : (i + 1) * size] for i in range(seconds)]


def _print(report: Report, profile: Profile) -> None:
    print(f"\nchaos: {profile.candidates} candidates, {report.elapsed:.0f} s in all")
    print(f"{'what':14} {'how':8} {'at (s)':>7} {'back in (s)':>11}  flow under way")
    for d in report.disruptions:
        print(f"{d.target:14} {d.how:8} {d.at:7.1f} {d.back_after:11.1f}  {d.under_way}")
    missing = set(ORDER) - {d.target for d in report.disruptions}
    if missing:
        print(f"not disrupted: {sorted(missing)}")
    print("restarts counted by the supervisor: " + ", ".join(
        f"{n} {c}" for n, c in sorted(report.restarts.items())
    ))  # fmt: skip
    print("final counts:")
    for what, count in report.counts.items():
        print(f"  {what:30} {count}")
    for letter in report.dead_letters:
        print(f"  dead letter: {letter['group']} {letter['type']}: {letter['error'][:200]}")
    print("lost or duplicated: " + ("nothing" if not report.problems else ""))
    for problem in report.problems:
        print(f"  {problem}")


__all__ = ["FULL", "SHORT", "Profile", "Report", "run"]
