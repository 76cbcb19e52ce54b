"""Hooks of the schemathesis runs (loaded through SCHEMATHESIS_HOOKS): an Idempotency-Key the
schema allows is made unique per request. The fuzzer draws the same few keys again and again for
different bodies, which the gateway rightly refuses (422 `idempotency_key_reused`); unique keys let
each case reach the operation's own validation. Keys the schema forbids are sent as drawn."""

from __future__ import annotations

import itertools
import re
from typing import Any

import schemathesis

KEY = re.compile(r"^[!-~]{1,255}$")
_numbers = itertools.count()


def _unique(headers: Any) -> None:
    if headers is None or not hasattr(headers, "items"):
        return  # none drawn (a mapping of some kind when drawn)
    for name, value in list(headers.items()):
        if name.lower() == "idempotency-key" and isinstance(value, str) and KEY.match(value):
            headers[name] = f"{value[:200]}-{next(_numbers)}"


@schemathesis.hook
def before_call(ctx: Any, case: Any, kwargs: dict[str, Any]) -> None:
    _unique(case.headers)
    _unique(kwargs.get("headers"))
