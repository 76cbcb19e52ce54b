"""Kafka topics: one per aggregate stream, explicit partition counts, and the retry/dead-letter naming."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Topic:
    name: str
    partitions: int
    description: str


# Keyed by aggregate id (invitation id, attempt id, submission id, booking id) so that one
# candidate's events stay in order within their partition.
TOPICS: dict[str, Topic] = {
    t.name: t
    for t in (
        Topic("invitations", 6, "Invitation lifecycle, keyed by invitation id."),
        Topic("recordings", 6, "Answer attempts, uploads and transcodes, keyed by invitation id."),
        Topic("reviews", 3, "Review decisions, keyed by invitation id."),
        Topic("interviews", 3, "Live-interview scheduling, keyed by scheduling request id."),
        Topic("privacy", 3, "Data-protection requests (erasure), keyed by candidate id."),
        Topic("probes", 3, "Synthetic end-to-end pipeline probes, keyed by probe id."),
    )
}

RETRY_PARTITIONS = 3
DEAD_LETTER_PARTITIONS = 1


def retry_topic(group: str) -> str:
    """The retry topic of one consumer group: failed messages wait here for their next attempt."""
    return f"{group}.retry"


def dead_letter_topic(group: str) -> str:
    """The dead-letter topic of one consumer group: messages parked after their last attempt."""
    return f"{group}.dlq"
