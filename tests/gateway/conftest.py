"""Fixtures: the gateway and the invite service on the test stack."""

from tests.gateway.harness import api  # noqa: F401  (a fixture)
