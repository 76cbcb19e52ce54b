"""The load test's simulated people (Locust users), run by tests/load/run.py against the gateway.

Candidates record (one chunk PUT a second through presigned URLs, attempts opened and
completed), reviewers take their next candidate, play the answers and rate them, a recruiter
bulk-invites and lists. The plan (links, keys, ids, the chunks) comes from the JSON file named by
HIRELOOP_LOAD_PLAN. Every answer that is not the one expected counts as a failure."""

from __future__ import annotations

import json
import os
import random
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from locust import HttpUser, between, constant, task
from locust.exception import StopUser

PLAN: dict[str, Any] = json.loads(Path(os.environ["HIRELOOP_LOAD_PLAN"]).read_text())
CHUNKS: list[bytes] = [Path(p).read_bytes() for p in PLAN["chunks"]]
_links: Iterator[str] = iter(PLAN["links"])


def _token(link: str) -> str:
    return link.rsplit("/", 1)[1]


class Candidate(HttpUser):
    """One interview after another, each on a link of its own, recording as the page does."""

    weight = PLAN["candidates"]
    fixed_count = PLAN["candidates"]
    wait_time = constant(0)

    def call(self, method: str, path: str, name: str, expect: int = 200, **kw: Any) -> Any:
        with self.client.request(
            method, path, name=name, headers=self.auth, catch_response=True, **kw
        ) as response:
            if response.status_code != expect:
                response.failure(f"{response.status_code}: {response.error or response.text[:200]}")
                raise StopUser  # the rest of this interview would only fail again
            return response.json() if response.content else None

    @task
    def interview(self) -> None:
        link = next(_links, None)
        if link is None:
            raise StopUser
        self.auth = {"Authorization": f"Bearer {_token(link)}"}
        interview = self.call("GET", "/v1/candidate/interview", "candidate: interview")
        self.call(
            "POST",
            "/v1/candidate/consent",
            "candidate: consent",
            json={"notice_version": interview["notice"]["version"], "accepted": True},
        )
        self.call("POST", "/v1/candidate/start", "candidate: start")
        for question in [q["question_id"] for q in interview["questions"] if not q["practice"]]:
            self.call("POST", f"/v1/candidate/questions/{question}/reveal", "candidate: reveal")
            attempt = self.call(
                "POST",
                "/v1/candidate/attempts",
                "candidate: open attempt",
                201,
                json={"question_id": question, "mode": "stream", "content_type": "video/webm"},
            )
            attempt_id = attempt["attempt_id"]
            for seq, chunk in enumerate(CHUNKS):
                started = time.monotonic()
                [url] = self.call(
                    "POST",
                    f"/v1/candidate/attempts/{attempt_id}/upload-urls",
                    "candidate: upload url",
                    json={"first": seq, "count": 1},
                )["urls"]
                with self.client.put(
                    url["url"], data=chunk, name="candidate: PUT chunk (presigned)",
                    catch_response=True,
                ) as put:  # fmt: skip
                    if put.status_code != 200:
                        put.failure(f"{put.status_code}: {put.error or put.text[:200]}")
                        raise StopUser
                time.sleep(max(0.0, 1.0 - (time.monotonic() - started)))  # a chunk a second
            done = self.call(
                "POST",
                f"/v1/candidate/attempts/{attempt_id}/complete",
                "candidate: complete attempt",
                json={"parts": len(CHUNKS)},
            )
            if done.get("status") != "uploaded":
                self.environment.events.request.fire(
                    request_type="CHECK",
                    name="candidate: attempt uploaded",
                    response_time=0,
                    response_length=0,
                    exception=AssertionError(f"not uploaded: {str(done)[:200]}"),
                )
                raise StopUser
        self.call("POST", "/v1/candidate/complete", "candidate: complete interview")


class Reviewer(HttpUser):
    """Takes the next candidate assigned, lists the position, plays every ready answer, rates."""

    weight = PLAN["reviewers"]
    fixed_count = PLAN["reviewers"]
    wait_time = between(1, 3)

    def on_start(self) -> None:
        self.auth = {"Authorization": f"Bearer {PLAN['reviewer_keys'].pop()}"}

    def get(self, path: str, name: str, expect: tuple[int, ...] = (200,)) -> Any:
        with self.client.get(path, name=name, headers=self.auth, catch_response=True) as r:
            if r.status_code not in expect:
                r.failure(f"{r.status_code}: {r.error or r.text[:200]}")
                return None
            return r

    @task
    def review(self) -> None:
        position = PLAN["position_id"]
        self.get(f"/v1/positions/{position}/submissions", "reviewer: list submissions")
        found = self.get(
            f"/v1/review-queue/next?position_id={position}", "reviewer: next", (200, 204)
        )
        if found is None or found.status_code == 204:
            return
        submission = found.json()
        ready = [a for a in submission["answers"] if a["status"] == "ready"]
        if len(ready) < len(submission["answers"]):
            return  # come back when every answer is transcoded
        for answer in ready:
            url = f"/v1/recordings/{answer['attempt_id']}/playback"
            playback = self.get(url, "reviewer: playback")
            if playback is None:
                return
            url = urljoin(url, playback.json()["master_playlist"])
            master = self.get(url, "reviewer: master playlist")
            if master is None:
                return
            url = urljoin(url, next(x for x in master.text.splitlines() if x and x[0] != "#"))
            media = self.get(url, "reviewer: media playlist")
            if media is None:
                return
            segment = next(x for x in media.text.splitlines() if x and x[0] != "#")
            self.get(urljoin(url, segment), "reviewer: segment (presigned)")
        criteria = PLAN["criteria"]
        body = {
            "ratings": [
                {"question_id": a["question_id"], "criterion_id": c, "score": random.randint(1, 5)}
                for a in ready
                for c in criteria
            ],
            "recommendation": random.choice(["yes", "no"]),
        }
        with self.client.post(
            f"/v1/submissions/{submission['invitation_id']}/review",
            json=body, name="reviewer: rate", headers=self.auth, catch_response=True,
        ) as rated:  # fmt: skip
            if rated.status_code != 201:
                rated.failure(f"{rated.status_code}: {rated.error or rated.text[:200]}")


class Recruiter(HttpUser):
    """One bulk invitation of PLAN['bulk'] rows, then lists the invitations now and then."""

    weight = 1
    fixed_count = 1
    wait_time = between(5, 10)

    def on_start(self) -> None:
        self.auth = {"Authorization": f"Bearer {PLAN['recruiter_key']}"}
        rows = [
            {"name": f"Bulk {i}", "email": f"bulk-{i}@example.com"} for i in range(PLAN["bulk"])
        ]
        with self.client.post(
            f"/v1/positions/{PLAN['bulk_position_id']}/invitations/bulk",
            json=rows, name="recruiter: bulk invite", headers=self.auth, catch_response=True,
            timeout=300,
        ) as response:  # fmt: skip
            if response.status_code != 200 or response.json()["created"] != PLAN["bulk"]:
                response.failure(f"{response.status_code}: {response.error or response.text[:200]}")

    @task
    def list_invitations(self) -> None:
        with self.client.get(
            f"/v1/positions/{PLAN['bulk_position_id']}/invitations",
            name="recruiter: list invitations", headers=self.auth, catch_response=True,
        ) as response:  # fmt: skip
            if response.status_code != 200:
                response.failure(f"{response.status_code}: {response.error or response.text[:200]}")
