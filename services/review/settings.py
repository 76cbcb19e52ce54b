"""Review service settings: the chassis settings under the service's own name (it adds none yet)."""

from __future__ import annotations

from services.chassis.settings import Settings


class ReviewSettings(Settings):
    service_name: str = "review"
