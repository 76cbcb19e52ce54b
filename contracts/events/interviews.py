"""Interviews events."""

from __future__ import annotations

from contracts.events.base import EventSpec

SPECS: list[EventSpec] = []
