"""Scheduling settings: the chassis settings plus link lifetime, reminders and the default join link."""

from __future__ import annotations

from services.chassis.settings import Settings


class SchedulingSettings(Settings):
    service_name: str = "scheduling"
    # How long a candidate's self-scheduling link stays valid after it was issued.
    token_days: int = 30
    # Reminders go out this many minutes before an interview (JSON list in the environment).
    reminder_offsets_minutes: list[int] = [1440, 60]
    reminder_poll_seconds: float = 30.0
    # Used when a tenant has set no template; {booking_id} and {request_id} are filled in.
    # An outside tool's join link for every tenant without one of its own ("" : the interview
    # happens in the platform's live room).
    default_join_url_template: str = ""
