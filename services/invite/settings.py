"""Invite service settings."""

from __future__ import annotations

from services.chassis.settings import Settings


class InviteSettings(Settings):
    service_name: str = "invite"
    # Candidate link tokens are HMAC(link_secret, invitation, nonce): only the nonce and the token's
    # hash are stored, so a copy of the database does not reveal working links.
    link_secret: str = ""
    link_grace_days: int = 7  # a link stays usable this long after the deadline for the receipt
    notice_version: str = "2026-01"
    notice_text: str = (
        "Your answers are recorded as video and reviewed by the hiring team of this position. "
        "They are kept until the hiring decision plus the retention period of the employer, and "
        "you may ask for a copy or for their erasure at any time."
    )
    default_deadline_days: int = 7
    default_reminder_hours: tuple[int, ...] = (48, 24)
    sweep_seconds: float = 30.0
    max_bulk_rows: int = 10_000
    # Greenhouse's callback URLs must be on these hosts (or their subdomains), over https unless
    # `greenhouse_callback_http` (tests, with a receiver on 127.0.0.1).
    greenhouse_callback_hosts: list[str] = ["greenhouse.io"]
    greenhouse_callback_http: bool = False
    greenhouse_callback_seconds: float = 10.0

    @property
    def token_secret(self) -> str:
        return self.link_secret or f"candidate-link:{self.internal_secret}"
