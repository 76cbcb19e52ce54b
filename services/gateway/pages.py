"""The web pages: plain HTML and JavaScript modules served by the gateway, using the same public
API as every other client; third-party code comes from npm (pinned in web/package-lock.json)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from fastapi import APIRouter, FastAPI, Request
from fastapi.responses import FileResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint

from services.gateway.settings import GatewaySettings

WEB = Path(__file__).parent / "web"
VENDOR = {"hls": WEB / "node_modules" / "hls.js" / "dist", "axe": WEB / "node_modules" / "axe-core"}

router = APIRouter(include_in_schema=False)


def _page(name: str) -> Response:
    path = WEB / f"{name}.html"
    if not path.exists():
        return Response("Not found", status_code=404, media_type="text/plain")
    return FileResponse(path, media_type="text/html; charset=utf-8")


@router.get("/")
async def home() -> Response:
    return RedirectResponse("/console")


@router.get("/login")
async def login() -> Response:
    return _page("login")


@router.get("/console")
async def console() -> Response:
    return _page("console")


@router.get("/ops")
async def ops() -> Response:
    return _page("ops")


@router.get("/review")
async def review() -> Response:
    return _page("review")


@router.get("/interview/{token}")
async def interview(token: str) -> Response:
    return _page("interview")


@router.get("/schedule/{token}")
async def schedule(token: str) -> Response:
    return _page("schedule")


@router.get("/live/{token}")
async def live(token: str) -> Response:
    return _page("live")


@router.get("/shared/{token}")
async def shared_answers(token: str) -> Response:
    return _page("shared")


@router.get("/room/{booking_id}")
async def room(booking_id: str) -> Response:
    return _page("room")


class _SecurityHeaders(BaseHTTPMiddleware):
    """A strict content security policy for the pages: scripts only from this origin, media only
    from here and the object store (presigned URLs)."""

    def __init__(self, app: object, media_origin: str, janus_origin: str = "") -> None:
        super().__init__(app)  # type: ignore[arg-type]
        self.policy = (
            "default-src 'self'; script-src 'self'; style-src 'self'; "
            f"img-src 'self' data: blob: {media_origin}; media-src 'self' blob: {media_origin}; "
            f"connect-src 'self' {media_origin} {janus_origin}; worker-src 'self' blob:; "
            "frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
        )

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        response = await call_next(request)
        if not request.url.path.startswith(("/v1/", "/docs", "/redoc", "/openapi.json")):
            response.headers["Content-Security-Policy"] = self.policy
            response.headers["X-Content-Type-Options"] = "nosniff"
            response.headers["Referrer-Policy"] = "no-referrer"
            if request.url.path.startswith(("/interview/", "/schedule/", "/live/", "/shared/")):
                response.headers["Cache-Control"] = "no-store"
        return response


def install(app: FastAPI, settings: GatewaySettings) -> None:
    app.include_router(router)
    for name, directory in VENDOR.items():
        if directory.exists():
            app.mount(
                f"/static/vendor/{name}", StaticFiles(directory=directory), name=f"vendor-{name}"
            )
    app.mount("/static", StaticFiles(directory=WEB / "static"), name="static")
    scheme = "https" if settings.s3_secure else "http"
    media_origin = settings.s3_public_endpoint or f"{scheme}://{settings.s3_endpoint}"
    # Live rooms' pages call Janus's HTTP API (its origin, from JANUS_PUBLIC_URL).
    janus = urlsplit(settings.janus_public_url)
    janus_origin = f"{janus.scheme}://{janus.netloc}" if janus.netloc else ""
    app.add_middleware(_SecurityHeaders, media_origin=media_origin, janus_origin=janus_origin)
