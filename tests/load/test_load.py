"""The load test's short version (one minute, 50 candidates): no request may fail, and under the
load every dashboard panel and alert expression must read data from Prometheus (or be one that
stays empty until something goes wrong). Figures are printed, never asserted."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.load.run import SHORT, run

pytestmark = pytest.mark.e2e


@pytest.mark.timeout(420)
def test_a_minute_of_load_answers_every_request_and_feeds_every_panel(tmp_path: Path) -> None:
    report = run(SHORT, tmp_path)
    assert report.requests > 0
    assert report.errors == 0, report.failures
    assert report.unexplained_empty() == []
    assert set(report.memory_end) == set(report.memory_start)
