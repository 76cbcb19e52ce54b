"""Fixtures: the webhooks service, invite and the gateway on the test stack, with a receiver."""

from tests.webhooks.harness import hooks  # noqa: F401  (a fixture)
