"""The dashboard and JSON API: `create_app(db_url)` builds the FastAPI application."""

from __future__ import annotations

import logging
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from sqlalchemy import inspect
from sqlalchemy.exc import SQLAlchemyError
from starlette.datastructures import Headers, MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from redlines.errors import InputRejected, NotFound, RedlinesError, StoreError, UsageError
from redlines.kb.store import Store
from redlines.web.deps import HERE, templates
from redlines.web.routers import documents, facts, ledger, matrix, pages, search

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}
STATUS_OF = {NotFound: 404, UsageError: 422, InputRejected: 422, StoreError: 503}
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
log = logging.getLogger("redlines.web")


class SecurityMiddleware:
    """Pure ASGI: refuse writes on a read-only server and cross-origin writes, add the security headers."""

    def __init__(self, app: ASGIApp, read_only: bool = True) -> None:
        self.app, self.read_only = app, read_only

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        api = scope["path"].startswith("/api/")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for k, v in SECURITY_HEADERS.items():
                    headers.setdefault(k, v)
                if api:
                    headers.setdefault("Cache-Control", "no-store")
            await send(message)

        refusal = self.refusal(scope)
        if refusal is not None:
            await refusal(scope, receive, send_with_headers)
        else:
            await self.app(scope, receive, send_with_headers)

    def refusal(self, scope: Scope) -> Response | None:
        """A 405/403 response for a write this server must not accept, else None."""
        if scope["method"] in SAFE_METHODS:
            return None
        if self.read_only:
            return JSONResponse({"detail": "this server is read-only"}, status_code=405)
        headers = Headers(scope=scope)
        origin = headers.get("origin")
        if origin and origin.split("://")[-1] != headers.get("host"):
            return JSONResponse({"detail": "cross-origin writes are refused"}, status_code=403)
        return None


def open_store(db_url: str | None, read_only: bool) -> Store:
    """Open the store; in read-only mode refuse a missing SQLite file or a database without our tables."""
    from redlines import settings

    if read_only and db_url and "://" not in db_url and not Path(db_url).expanduser().exists():
        raise StoreError(f"no store at {db_url} (ingest articles first, or pass --db)")  # and create no directory
    url = settings.to_db_url(db_url)
    if read_only and url.startswith("sqlite:///") and url != "sqlite:///:memory:":
        path = Path(url.removeprefix("sqlite:///"))
        if not path.exists():
            raise StoreError(f"no store at {path} (ingest articles first, or pass --db)")
    store = Store(url, create=not read_only)
    try:
        tables = set(inspect(store.engine).get_table_names())
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot open store {url!r}: {exc.__class__.__name__}") from exc
    if "documents" not in tables:
        raise StoreError(f"{url!r} is not a redlines store (no documents table)")
    return store


def create_app(db_url: str | None = None, read_only: bool = True, store: Store | None = None) -> FastAPI:
    """The FastAPI app serving pages and JSON for one store (read-only unless told otherwise)."""
    app = FastAPI(
        title="redlines",
        summary="Who lets whom use which weapon where, since when — with sources.",
        version="1",
        docs_url=None,  # Swagger UI needs a CDN and inline scripts, which the CSP forbids
        redoc_url=None,
    )
    app.state.store = store or open_store(db_url, read_only)
    app.state.read_only = read_only
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    for module in (matrix, ledger, facts, documents, search, pages):
        app.include_router(module.router)

    app.add_middleware(SecurityMiddleware, read_only=read_only)

    def wants_html(request: Request) -> bool:
        return not request.url.path.startswith(("/api/", "/static/", "/openapi")) and request.method == "GET"

    def error(request: Request, status: int, message: str) -> Response:
        if wants_html(request):
            return templates.TemplateResponse(
                request, "error.html", {"status": status, "message": message}, status_code=status
            )
        return JSONResponse({"detail": message}, status_code=status)

    @app.exception_handler(RedlinesError)
    async def redlines_error(request: Request, exc: RedlinesError) -> Response:
        status = next((code for cls, code in STATUS_OF.items() if isinstance(exc, cls)), 400)
        return error(request, status, f"{exc.code}: {exc.message}")

    @app.exception_handler(RequestValidationError)
    async def bad_params(request: Request, exc: RequestValidationError) -> Response:
        if wants_html(request):
            first = exc.errors()[0] if exc.errors() else {}
            where = ".".join(str(x) for x in first.get("loc", ()))
            return error(request, 422, f"bad parameter {where}: {first.get('msg', 'invalid')}")
        return JSONResponse({"detail": jsonable_encoder(exc.errors())}, status_code=422)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path)
        return error(request, 500, "internal error (logged on the server)")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return error(request, exc.status_code, str(exc.detail))

    return app


def app_from_env() -> FastAPI:
    """Factory for `redlines serve --workers N`: each worker process opens the store named by the environment."""
    import os

    return create_app(os.environ.get("REDLINES_DB"), read_only=os.environ.get("REDLINES_WEB_MODE", "ro") != "rw")
