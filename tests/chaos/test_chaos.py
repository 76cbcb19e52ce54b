"""The chaos test's short version in `make test`: ten candidates go through the whole system
(invited, recording, transcoded, reviewed, advanced, booked) while every service is killed with
SIGKILL in turn and restarted by the supervisor, and the Kafka- and MongoDB-protocol servers
restart; nothing may be lost or duplicated and no dead letter left (tests/chaos/run.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.chaos.run import SHORT, run

pytestmark = pytest.mark.e2e


@pytest.mark.timeout(900)
def test_ten_candidates_survive_every_service_killed_and_the_servers_restarted(
    tmp_path: Path,
) -> None:
    report = run(SHORT, tmp_path)
    assert len(report.disruptions) >= 11, report.disruptions  # every service, Kafka and MongoDB
    assert report.problems == []
    assert report.dead_letters == []
    assert report.counts["invitations"] == SHORT.candidates
    assert report.counts["bookings"] == SHORT.candidates
