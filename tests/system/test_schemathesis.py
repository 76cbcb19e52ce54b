"""The public API fuzzed by schemathesis against the whole system as `make run` starts it: once as
staff with the bootstrap administrator key, once as a candidate holding e-mailed links.

Every response must be a non-5xx, with a documented status, content type and body schema, and no
operation may mostly reject what its schema calls valid (a constraint the schema does not show)."""

from __future__ import annotations

import email
import email.policy
import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from schemathesis.core.warnings import SchemathesisWarning

from embedded import System, SystemInfo
from tests.support import free_port, unique

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.e2e

PLATFORM_KEY = "hlp_schemathesis-platform-key-0123456789"
CHECKS = (
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_schema_conformance",
)
PHASES = "examples,coverage,fuzzing,stateful"
# Bounds that keep both passes to a few minutes on two cores: examples per operation and
# phase, and a deadline for a whole pass.
MAX_EXAMPLES = 12
DEADLINE_SECONDS = 1200  # the staff pass covers about 120 operations in every phase
# Operations whose refusals of valid-looking input come from rules no schema keyword states (a
# rule across fields, the state of the system or the clock), each with the only reasons it may
# refuse a case the fuzzer calls valid: the config turns off the validation-mismatch warning for
# these alone, and the test reads every refusal of theirs (FUZZ_OUTCOMES) and fails on any other
# reason. 404, 409 and 429 are never counted as a mismatch, so state those need not be listed.
ZONE = r"unknown time zone"  # ~600 zone names; a pattern cannot list them without ~600 cases
ORDERED = r"(a range|a period) ends after it starts|two overrides for"  # start before end
RUBRIC = (  # an anchor for every point of the rubric's own scale
    r"give an anchor for every point|criterion ids must be unique|scale_max must be above"
)
RESERVED = r"special-use or reserved name"
PUBLIC = r"^(https_required|target_unresolvable|target_forbidden): "  # DNS answers, at that instant
EXEMPT: dict[tuple[str, str], tuple[str, ...]] = {
    # After its first success a cancel has ended its own link.
    ("POST", "/v1/candidate/scheduling/cancel"): (r"^link_revoked: ",),
    # A booking or a move succeeds only for a slot open at that instant (409s, not counted), and
    # its time zone is a name the zone data knows.
    ("POST", "/v1/candidate/scheduling/booking"): (ZONE,),
    ("POST", "/v1/candidate/scheduling/reschedule"): (ZONE,),
    ("POST", "/v1/interview-requests/{request_id}/booking"): (ZONE,),
    ("POST", "/v1/interview-requests/{request_id}/reschedule"): (ZONE,),
    # An e-mail address on a reserved domain is refused by the address check, not by its format.
    ("POST", "/v1/interviewers"): (ZONE, ORDERED, RESERVED),
    ("PUT", "/v1/interviewers/{interviewer_id}"): (ZONE, ORDERED, RESERVED),
    # A type's interviewers must exist.
    ("POST", "/v1/interview-types"): (RUBRIC, r"^interviewer_not_found: "),
    ("PUT", "/v1/interview-types/{type_id}"): (RUBRIC, r"^interviewer_not_found: "),
    ("PUT", "/v1/question-sets/{set_id}/rubric"): (RUBRIC,),
    # The URL's pattern is checked after its format (a value of `format: uri` the pattern then
    # refuses, e.g. one with a space the URI grammar allows escaped).
    ("POST", "/v1/webhooks/endpoints"): (PUBLIC, r"String should match pattern '\^https\?://"),
    # Greenhouse's callback must be on a host the operator allows.
    ("POST", "/v1/partners/greenhouse/send_test"): (
        r"^callback_not_allowed: ",
        r"e-mail is invalid",
    ),
    # At most five years from now: a bound relative to the clock.
    ("POST", "/v1/invitations/{invitation_id}/extend"): (
        r"a deadline is after 2000",
        r"^deadline_in_past: ",
    ),
    # An OpenID provider's issuer is read by discovery, over HTTPS.
    ("PUT", "/v1/sso/oidc"): (r"^(invalid_issuer|issuer_unreachable): ",),
    # A provider's answer and its handoff are accepted only for a sign-in that was started.
    ("GET", "/v1/auth/sso/callback"): (r"^sso_state_invalid: ",),
    ("POST", "/v1/auth/sso/handoff"): (r"^handoff_invalid: ",),
    # A SAML provider is configured by real metadata (a signed EntityDescriptor's content), and
    # its answer is accepted only for a sign-in that was started.
    ("PUT", "/v1/sso/saml"): (r"^saml_metadata_invalid: ",),
    ("POST", "/v1/auth/saml/acs"): (r"^saml_state_invalid: ",),
}
NOT_A_MISMATCH = {401, 403, 404, 409, 429}  # schemathesis's own rule
WEEK = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


@dataclass(frozen=True)
class Links:
    interview: str
    scheduling: str
    # Cancelling ends a scheduling link: that operation gets a link of its own.
    cancelled: str


@pytest.fixture(scope="module")
def system(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SystemInfo]:
    launched = System(
        tmp_path_factory.mktemp("fuzzed-system"),
        extra_env={
            "GATEWAY_PORT": str(free_port()),
            "PLATFORM_ADMIN_KEY": PLATFORM_KEY,
            # The fuzzer is one caller sending thousands of requests; 429s would hide the rest.
            "RATE_LIMIT_PER_MINUTE": "1000000",
            "RATE_LIMIT_BURST": "1000000",
        },
    )
    try:
        yield launched.start()
    finally:
        launched.stop()


def _mailed_token(info: SystemInfo, address: str, path: str, timeout: float = 60) -> str:
    """The token of the first `<public url><path>/<token>` link mailed to `address`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for file in sorted(Path(info.endpoints.smtp_maildir).glob("*.eml")):
            message = email.message_from_bytes(file.read_bytes(), policy=email.policy.default)
            if message["To"] != address:
                continue
            text = "".join(
                str(part.get_content())
                for part in message.walk()
                if part.get_content_type() == "text/plain"
            )
            found = re.search(rf"{re.escape(path)}/([\w-]+)", text)
            if found:
                return found.group(1)
        time.sleep(0.2)
    raise AssertionError(f"no mail with a {path} link to {address}")


def _known(client: httpx.Client, token: str, path: str, timeout: float = 60) -> None:
    """Until the gateway's link read model has the token (it follows the events)."""
    deadline = time.monotonic() + timeout
    while client.get(path, headers={"Authorization": f"Bearer {token}"}).status_code == 401:
        assert time.monotonic() < deadline, f"the gateway never learned the link for {path}"
        time.sleep(0.2)


@pytest.fixture(scope="module")
def links(system: SystemInfo) -> Links:
    """An interview link (question set, position, invitation) and a scheduling link (interviewer,
    interview type, interview request), both read from the mails the services send."""
    headers = {"Authorization": f"Bearer {system.api_key}"}
    with httpx.Client(
        base_url=system.gateway_url, headers=headers, timeout=30, trust_env=False
    ) as admin:
        qs = admin.post(
            "/v1/question-sets",
            json={
                "name": "Fuzzed screen",
                "questions": [
                    {"prompt": "Why this role?", "answer_seconds": 30},
                    {"prompt": "Pick one", "kind": "choice", "choices": ["a", "b"]},
                ],
            },
        )
        assert qs.status_code == 201, qs.text
        # Self-reported categories are accepted only where the tenant collects them.
        enabled = admin.put("/v1/settings/selection-report", json={"enabled": True})
        assert enabled.status_code == 200, enabled.text
        position = admin.post(
            "/v1/positions", json={"title": "Engineer", "question_set_id": qs.json()["id"]}
        )
        assert position.status_code == 201, position.text
        candidate = f"{unique('cand')}@example.com"
        invitation = admin.post(
            f"/v1/positions/{position.json()['id']}/invitations",
            json={"name": "Cleo", "email": candidate},
        )
        assert invitation.status_code == 201, invitation.text
        interviewer = admin.post(
            "/v1/interviewers",
            json={
                "name": "Grace Hopper",
                "email": f"{unique('grace')}@example.com",
                "time_zone": "UTC",
                "weekly": {d: [{"start": "00:00", "end": "23:55"}] for d in WEEK},
            },
        )
        assert interviewer.status_code == 201, interviewer.text
        kind = admin.post(
            "/v1/interview-types",
            json={
                "position_id": position.json()["id"],
                "name": "Technical interview",
                "duration_minutes": 30,
                "interviewer_ids": [interviewer.json()["interviewer_id"]],
                "min_notice_minutes": 60,
                "booking_window_days": 14,
            },
        )
        assert kind.status_code == 201, kind.text
        invitees = []
        for _ in range(2):
            invitees.append(f"{unique('ada')}@example.com")
            request = admin.post(
                "/v1/interview-requests",
                json={
                    "invitation_id": unique("inv"),
                    "interview_type_id": kind.json()["interview_type_id"],
                    "candidate_name": "Ada Lovelace",
                    "candidate_email": invitees[-1],
                },
            )
            assert request.status_code == 201, request.text
        found = Links(
            interview=_mailed_token(system, candidate, "/interview"),
            scheduling=_mailed_token(system, invitees[0], "/schedule"),
            cancelled=_mailed_token(system, invitees[1], "/schedule"),
        )
        _known(admin, found.interview, "/v1/candidate/progress")
        _known(admin, found.scheduling, "/v1/candidate/scheduling")
        _known(admin, found.cancelled, "/v1/candidate/scheduling")
    return found


def _fuzz(system: SystemInfo, tmp_path: Path, name: str, config: str, *args: str) -> None:
    """Run `st run` over the gateway's OpenAPI document; fail on any failure, error or
    schema validation mismatch, printing schemathesis's summary line and its failures."""
    config_file = tmp_path / f"{name}.toml"
    config_file.write_text(config)
    report = tmp_path / f"{name}.json"
    command = [
        str(Path(sys.executable).with_name("st")),
        "--config-file",
        str(config_file),
        "run",
        f"{system.gateway_url}/openapi.json",
        "--phases",
        PHASES,
        "--checks",
        ",".join(CHECKS),
        "--max-examples",
        str(MAX_EXAMPLES),
        "--workers",
        "1",  # CPython 3.11's parser is not thread-safe under hypothesis's lambda introspection
        "--request-timeout",
        "30",
        "--seed",
        "20261201",
        "--generation-database",
        "none",
        "--no-color",
        "--report",
        "json",
        "--report-json-path",
        str(report),
        *args,
    ]
    log = tmp_path / f"{name}.txt"
    with open(log, "w") as out:
        outcomes = tmp_path / f"{name}.outcomes.jsonl"
        env = {**os.environ, "SCHEMATHESIS_HOOKS": "tests.system.fuzz_hooks"}
        env["FUZZ_OUTCOMES"] = str(outcomes)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
        run = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, text=True, env=env)
        try:
            run.wait(timeout=DEADLINE_SECONDS)
        except subprocess.TimeoutExpired:
            run.kill()
            run.wait()
            pytest.fail(f"schemathesis {name} ran over {DEADLINE_SECONDS} s:\n{log.read_text()}")
    output = log.read_text()
    summary = [line for line in output.splitlines() if re.match(r"^=+ .* in [\d.]+s =+$", line)]
    print(f"schemathesis {name}: {summary[-1] if summary else '(no summary line)'}")
    assert report.exists(), output[-5000:]
    result = json.loads(report.read_text())
    problems = {
        "exit code": run.returncode,
        "failures": [(f["code"], f["title"], f["operations"]) for f in result["failures"]],
        "errors": result["errors"],
        "schema validation mismatch": result["warnings"].get("validation_mismatch") or [],
        "exempt operations refusing for another reason": _unexplained(outcomes),
    }
    failed = run.returncode != 0 or any(problems[k] for k in list(problems)[1:])
    assert not failed, f"{json.dumps(problems, indent=1)}\n{_failures(output)}"


def _unexplained(outcomes: Path) -> list[str]:
    """Each refusal of an exempt operation's valid-looking case whose reason is not one named for
    it in `EXEMPT` (one line per operation and reason)."""
    allowed = {f"{method} {path}": reasons for (method, path), reasons in EXEMPT.items()}
    found: set[str] = set()
    lines = outcomes.read_text().splitlines() if outcomes.exists() else []
    for outcome in map(json.loads, lines):
        patterns = allowed.get(outcome["operation"])
        status = outcome["status"]
        if patterns is None or not 400 <= status < 500 or status in NOT_A_MISMATCH:
            continue
        for reason in outcome["reasons"]:
            if not any(re.search(p, reason) for p in patterns):
                found.add(f"{outcome['operation']} {status}: {reason[:200]}")
    return sorted(found)


def _failures(output: str) -> str:
    """The ERRORS and FAILURES sections of schemathesis's output (each case with a curl line)."""
    start = min(
        (i for i in (output.find("=== ERRORS ==="), output.find("=== FAILURES ===")) if i >= 0),
        default=0,
    )
    end = output.find("=== WARNINGS ===")
    return output[start : end if end > start else None][:60_000]


def _config(tokens: list[tuple[str, str]], *, candidate: bool) -> str:
    """A schemathesis config failing on schema validation mismatches, with a bearer token per
    path regex (`[[operations]]` headers win over the run's own). The operations named above
    (`EXEMPT`) show every warning but that one (and its twin,
    missing test data): their refusals of valid-looking input say nothing about the schema."""
    # Off together: schemathesis judges both from the same refusals of valid-looking input.
    off = {"validation_mismatch", "missing_test_data", "low_valid_rate"}
    quiet = [w.value for w in SchemathesisWarning if w.value not in off]
    blocks = [
        f'[[operations]]\ninclude-name = "{method} {path}"\nwarnings = {{ display = {json.dumps(quiet)} }}\n'
        for method, path in sorted(EXEMPT)
        if path.startswith("/v1/candidate/") == candidate  # each pass names only its own
    ]
    blocks += [
        f'[[operations]]\ninclude-path-regex = "{regex}"\n'
        f'headers = {{ Authorization = "Bearer {token}" }}\n'
        for regex, token in tokens
    ]
    return '[warnings]\nfail-on = ["validation_mismatch"]\n\n' + "\n".join(blocks)


@pytest.mark.timeout(DEADLINE_SECONDS + 120)
def test_the_candidate_operations_hold_to_their_schema(
    system: SystemInfo, links: Links, tmp_path: Path
) -> None:
    config = _config(
        [
            ("^/v1/candidate/scheduling/cancel$", links.cancelled),
            # The live room is entered with the scheduling link, like the booking.
            ("^/v1/candidate/(scheduling(?!/cancel$)|live/)", links.scheduling),
            ("^/v1/candidate/(?!scheduling|live/)", links.interview),
        ],
        candidate=True,
    )
    _fuzz(system, tmp_path, "candidate", config, "--include-path-regex", "^/v1/candidate/")


@pytest.mark.timeout(DEADLINE_SECONDS + 120)
def test_the_staff_operations_hold_to_their_schema(
    system: SystemInfo, links: Links, tmp_path: Path
) -> None:
    """After the candidate pass, so staff actions (withdrawal, erasure) cannot end its links."""
    config = _config([("^/v1/tenants$", PLATFORM_KEY)], candidate=False)
    _fuzz(
        system,
        tmp_path,
        "staff",
        config,
        "--header",
        f"Authorization: Bearer {system.api_key}",
        "--exclude-path-regex",
        "^/v1/candidate/",
    )
