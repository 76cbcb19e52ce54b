"""Session fixtures: one throwaway embedded stack (real Kafka-, MongoDB- and S3-protocol servers)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from embedded import Endpoints, Stack


@pytest.fixture(scope="session")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Endpoints]:
    servers = Stack(tmp_path_factory.mktemp("stack"), persistent=False)
    try:
        yield servers.start()
    finally:
        servers.stop()
