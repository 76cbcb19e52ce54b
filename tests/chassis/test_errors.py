"""Every answer is a problem document, an unexpected failure included (logged, never a bare 500)."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient

from services.chassis.errors import PROBLEM_JSON, install_problem_handlers


def test_an_unhandled_error_is_a_logged_problem() -> None:
    app = FastAPI()
    install_problem_handlers(app)

    @app.get("/boom")
    async def boom() -> None:
        raise RuntimeError("a bug")

    client = TestClient(app, raise_server_exceptions=False)
    response = client.get("/boom")
    assert response.status_code == 500
    assert response.headers["content-type"] == PROBLEM_JSON
    assert response.json()["code"] == "internal_error"
    assert "a bug" not in response.text  # internals stay in the log


def test_an_unreadable_body_is_a_422_problem() -> None:
    app = FastAPI()
    install_problem_handlers(app)

    @app.post("/things")
    async def things(body: dict[str, int]) -> dict[str, int]:
        return body

    client = TestClient(app)
    response = client.post(
        "/things", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert response.status_code == 422
    assert response.json()["code"] == "invalid_request"
