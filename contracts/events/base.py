"""What every event specification is: a payload model with its type name, topic, key, version and
the service that emits it."""

from __future__ import annotations

import builtins
from dataclasses import dataclass, field

from pydantic import BaseModel, ConfigDict


class Payload(BaseModel):
    """Base of every payload. Unknown fields are ignored so that adding optional fields is safe."""

    model_config = ConfigDict(extra="ignore", frozen=True)


@dataclass(frozen=True)
class EventSpec:
    type: str
    topic: str
    model: builtins.type[Payload]
    key: str  # the payload field whose value keys the message (the aggregate id)
    version: int = 1
    description: str = ""
    # The one service that emits the event (writes it to its outbox); named in docs/events.md.
    producer: str = field(kw_only=True)
