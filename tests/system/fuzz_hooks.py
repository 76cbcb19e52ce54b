"""Hooks of the schemathesis runs (loaded through SCHEMATHESIS_HOOKS), so that each case the schema
allows reaches the operation's own validation rather than a refusal that depends on state:

- an Idempotency-Key is made unique per request: the fuzzer draws the same few keys again and
  again for different bodies, which the gateway rightly refuses (422 `idempotency_key_reused`);
- an If-Match the schema allows becomes `*`: a drawn ETag is almost never the resource's current
  one, so it would be refused as stale (412) whatever the body;
- so does the If-Match of a case the fuzzer calls valid: its coverage phase narrows every header
  to letters and digits, which no ETag (quoted) can be, and then sends `0` as "valid".

Values the schema forbids are sent as drawn in the cases meant to be invalid."""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import re
from typing import Any

import schemathesis

from services.chassis.preconditions import IF_MATCH_PATTERN

KEY = re.compile(r"^[!-~]{1,255}$")
TAGS = re.compile(IF_MATCH_PATTERN)
_numbers = itertools.count()


def _positive(case: Any) -> bool:
    return case.meta is not None and case.meta.generation.mode.value == "positive"


def _unique(headers: Any, positive: bool) -> None:
    if headers is None or not hasattr(headers, "items"):
        return  # none drawn (a mapping of some kind when drawn)
    for name, value in list(headers.items()):
        if not isinstance(value, str):
            continue
        if name.lower() == "idempotency-key" and KEY.match(value):
            headers[name] = f"{value[:200]}-{next(_numbers)}"
        elif name.lower() == "if-match" and (positive or TAGS.match(value)):
            headers[name] = "*"


@schemathesis.hook
def before_call(ctx: Any, case: Any, kwargs: dict[str, Any]) -> None:
    _unique(case.headers, _positive(case))
    _unique(kwargs.get("headers"), _positive(case))


OUTCOMES = os.environ.get("FUZZ_OUTCOMES")


@schemathesis.hook
def after_call(ctx: Any, case: Any, response: Any) -> None:
    """With FUZZ_OUTCOMES set, one JSON line per call of a positive case: the operation, the
    status and why it was refused (each failed rule, else the problem's code and detail), which
    the test reads to check that an exempt operation refused only for its named reasons."""
    if not OUTCOMES or not _positive(case):
        return
    problem: dict[str, Any] = {}
    if response.headers.get("content-type", [""])[0].startswith("application/problem+json"):
        with contextlib.suppress(ValueError, AttributeError):
            problem = json.loads(response.content)
    code = problem.get("code")
    errors = problem.get("errors") if code == "invalid_request" else None
    if isinstance(errors, list) and errors:  # each failed rule of the body or a parameter
        reasons = [str(e.get("msg", e)) if isinstance(e, dict) else str(e) for e in errors]
    else:
        reasons = [f"{code}: {problem.get('detail', '')}"]
    line = {"operation": case.operation.label, "status": response.status_code, "reasons": reasons}
    with open(OUTCOMES, "a") as out:
        out.write(json.dumps(line) + "\n")
