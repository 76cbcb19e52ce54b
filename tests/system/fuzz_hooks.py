"""Hooks of the schemathesis runs (loaded through SCHEMATHESIS_HOOKS), so that each case the schema
allows reaches the operation's own validation rather than a refusal that depends on state:

- an Idempotency-Key is made unique per request: the fuzzer draws the same few keys again and
  again for different bodies, which the gateway rightly refuses (422 `idempotency_key_reused`);
- an If-Match the schema allows becomes `*`: a drawn ETag is almost never the resource's current
  one, so it would be refused as stale (412) whatever the body.

Values the schema forbids are sent as drawn."""

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


def _unique(headers: Any) -> None:
    if headers is None or not hasattr(headers, "items"):
        return  # none drawn (a mapping of some kind when drawn)
    for name, value in list(headers.items()):
        if not isinstance(value, str):
            continue
        if name.lower() == "idempotency-key" and KEY.match(value):
            headers[name] = f"{value[:200]}-{next(_numbers)}"
        elif name.lower() == "if-match" and TAGS.match(value) and len(value) <= 300:
            headers[name] = "*"


@schemathesis.hook
def before_call(ctx: Any, case: Any, kwargs: dict[str, Any]) -> None:
    _unique(case.headers)
    _unique(kwargs.get("headers"))


OUTCOMES = os.environ.get("FUZZ_OUTCOMES")


@schemathesis.hook
def after_call(ctx: Any, case: Any, response: Any) -> None:
    """With FUZZ_OUTCOMES set, one JSON line per call of a positive case: the operation, the
    status and the problem's code (what the test reads to check why an exempt operation refused)."""
    if not OUTCOMES or case.meta is None or case.meta.generation.mode.value != "positive":
        return
    code = None
    if response.headers.get("content-type", [""])[0].startswith("application/problem+json"):
        with contextlib.suppress(ValueError, AttributeError):
            code = json.loads(response.content).get("code")
    line = {"operation": case.operation.label, "status": response.status_code, "code": code}
    with open(OUTCOMES, "a") as out:
        out.write(json.dumps(line) + "\n")
