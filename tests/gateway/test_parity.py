"""The gateway's forwarded operations and the services' declared routes agree one to one: method,
path, parameters (with their constraints and defaults) and body model. No server is started."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.routing import APIRoute

from services.chassis.api import ID_PATTERN, Operation
from services.gateway import forwarding
from services.gateway.app import create
from services.gateway.settings import GatewaySettings

# The gateway's own operations (accounts, tenants, probes, operations view): not forwarded.
LOCAL_PREFIXES = ("/v1/auth", "/v1/tenants", "/v1/api-keys", "/v1/users", "/v1/probes", "/v1/ops")


@pytest.fixture(scope="module")
def gateway_routes() -> dict[tuple[str, str], APIRoute]:
    settings = GatewaySettings(internal_secret="parity-test-secret-0123456789")
    app = create(settings).app
    return {
        (method, route.path): route
        for route in app.routes
        if isinstance(route, APIRoute)
        for method in route.methods
    }


@pytest.fixture(scope="module")
def operations() -> list[Operation]:
    return forwarding.operations()


def _fields(route: APIRoute) -> dict[str, tuple[str, Any, Any, Any]]:
    """Every parameter and body field the route validates: where, type, default, constraints."""
    return {
        f.name: (where, f.field_info.annotation, f.field_info.default, f.field_info.metadata)
        for where, fields in forwarding.fields_by_location(route.dependant).items()
        for f in fields
    }


def test_every_forwarded_route_is_a_declared_operation(
    gateway_routes: dict[tuple[str, str], APIRoute], operations: list[Operation]
) -> None:
    declared = {(op.method, op.public_path) for op in operations}
    forwarded = {
        key
        for key in gateway_routes
        if key[1].startswith("/v1/") and not key[1].startswith(LOCAL_PREFIXES)
    }
    assert forwarded == declared
    assert len(declared) == len(operations), "an operation is declared twice"


def test_parameters_body_and_response_match_the_service(
    gateway_routes: dict[tuple[str, str], APIRoute], operations: list[Operation]
) -> None:
    for op in operations:
        public = gateway_routes[(op.method, op.public_path)]
        service = op.route
        assert op.public_path == "/v1" + service.path
        assert public.path_format.removeprefix("/v1") == service.path_format
        gateway_only = {"idempotency_key"} if op.method == "POST" else set()
        fields = _fields(public)
        assert gateway_only <= set(fields), f"{op.name} takes no Idempotency-Key"
        assert {k: v for k, v in fields.items() if k not in gateway_only} == _fields(service), (
            op.name
        )
        assert public.status_code == service.status_code, op.name
        assert public.response_model == service.response_model, op.name
        assert public.responses.keys() == service.responses.keys(), op.name


def test_path_ids_are_constrained(operations: list[Operation]) -> None:
    """Every path parameter has a pattern or an enum, so nothing unchecked reaches a lookup."""
    for op in operations:
        for f in forwarding.fields_by_location(op.route.dependant)["path"]:
            patterns = [getattr(m, "pattern", None) for m in f.field_info.metadata]
            constrained = ID_PATTERN in patterns or any(patterns)
            literal = getattr(f.field_info.annotation, "__origin__", None) is not None
            assert constrained or literal, f"{op.name}: path parameter {f.name} is unconstrained"


def test_service_checks_the_declared_caller(operations: list[Operation]) -> None:
    """The service re-checks the caller kind its declaration names (the gateway checks scopes)."""
    for op in operations:
        assert op.route.dependencies, op.name
