"""One error shape for every HTTP API: RFC 9457 problem details with a stable machine-readable `code`."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger(__name__)
PROBLEM_JSON = "application/problem+json"


class Problem(BaseModel):
    """RFC 9457 problem details. `code` is stable; `detail` is for people."""

    type: str = "about:blank"
    title: str
    status: int
    code: str
    detail: str | None = None
    errors: list[dict[str, Any]] | None = None


class ProblemError(Exception):
    def __init__(
        self,
        status: int,
        code: str,
        detail: str | None = None,
        *,
        title: str | None = None,
        errors: list[dict[str, Any]] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(detail or code)
        self.problem = Problem(
            type=f"urn:problem:{code}",
            title=title or code.replace("_", " "),
            status=status,
            code=code,
            detail=detail,
            errors=errors,
        )
        self.headers = headers


def problem_response(problem: Problem, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(
        problem.model_dump(exclude_none=True),
        status_code=problem.status,
        media_type=PROBLEM_JSON,
        headers=headers,
    )


_HTTP_CODES = {
    400: "bad_request",
    401: "unauthenticated",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media_type",
    429: "rate_limited",
}


def install_problem_handlers(app: FastAPI) -> None:
    async def on_problem(_: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, ProblemError)
        return problem_response(exc.problem, exc.headers)

    async def on_validation(_: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        errors = [
            {"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
            for e in exc.errors()
        ]
        return problem_response(
            Problem(
                type="urn:problem:invalid_request",
                title="invalid request",
                status=422,
                code="invalid_request",
                detail="The request does not match the documented schema.",
                errors=errors,
            )
        )

    async def on_http(_: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, StarletteHTTPException)
        if exc.status_code == 400:
            # The framework's only 400 is a body it could not parse (not UTF-8, not JSON): to the
            # caller that is a body not matching the schema, the documented 422.
            return problem_response(
                Problem(
                    type="urn:problem:invalid_request",
                    title="invalid request",
                    status=422,
                    code="invalid_request",
                    detail="The body could not be parsed as the documented content type.",
                    errors=[{"loc": ["body"], "msg": str(exc.detail), "type": "body_unparsable"}],
                )
            )
        code = _HTTP_CODES.get(exc.status_code, "http_error")
        return problem_response(
            Problem(
                type=f"urn:problem:{code}",
                title=code.replace("_", " "),
                status=exc.status_code,
                code=code,
                detail=str(exc.detail),
            ),
            dict(exc.headers) if exc.headers else None,
        )

    async def on_unexpected(request: Request, exc: Exception) -> JSONResponse:
        # A bug, not bad input: logged with its trace; the caller still gets a problem document.
        log.exception("unhandled error", extra={"path": request.url.path})
        return problem_response(
            Problem(
                type="urn:problem:internal_error",
                title="internal error",
                status=500,
                code="internal_error",
                detail="Something went wrong on our side; it has been logged.",
            )
        )

    app.add_exception_handler(Exception, on_unexpected)
    app.add_exception_handler(ProblemError, on_problem)
    app.add_exception_handler(RequestValidationError, on_validation)
    app.add_exception_handler(StarletteHTTPException, on_http)
