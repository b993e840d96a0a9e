"""`redlines serve`: the dashboard and JSON API over one store (read-only, loopback by default)."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from redlines.cli.common import DbOption, err_console, handle_errors
from redlines.errors import UsageError


def register(app: typer.Typer) -> None:
    """Add `serve`."""

    @app.command()
    @handle_errors
    def serve(
        db: DbOption = None,
        host: Annotated[str, typer.Option("--host", help="Interface to bind (loopback by default).")] = "127.0.0.1",
        port: Annotated[int, typer.Option("--port", help="TCP port.", min=0, max=65535)] = 8000,
        read_write: Annotated[bool, typer.Option(
            "--read-write", help="Allow POST /api/documents (ingest an article); refused otherwise.")] = False,
        workers: Annotated[int, typer.Option("--workers", help="Server processes.", min=1, max=64)] = 1,
    ) -> None:
        """Serve the dashboard (matrix, timeline, evidence, documents, search) and the JSON API."""
        import uvicorn

        from redlines.web.app import create_app

        if not host.strip():
            raise UsageError("--host must not be empty")
        check_port(host, port)
        web_app = create_app(db, read_only=not read_write)
        mode = "read-write" if read_write else "read-only"
        err_console.print(f"serving {web_app.state.store.url} ({mode}) on http://{host}:{port}/", highlight=False,
                          markup=False)
        if host not in ("127.0.0.1", "localhost", "::1"):
            err_console.print(f"warning: listening on {host}, reachable from other machines", markup=False)
        if workers == 1:
            uvicorn.run(web_app, host=host, port=port, log_level="warning")
            return
        os.environ["REDLINES_DB"] = web_app.state.store.url
        os.environ["REDLINES_WEB_MODE"] = "rw" if read_write else "ro"
        uvicorn.run("redlines.web.app:app_from_env", factory=True, workers=workers, host=host, port=port,
                    log_level="warning")


def check_port(host: str, port: int) -> None:
    """Fail with a clear usage error when the address cannot be bound (in use, unknown host...)."""
    import socket

    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        family, _, _, _, addr = infos[0]
        with socket.socket(family, socket.SOCK_STREAM) as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind(addr)
    except OSError as exc:
        raise UsageError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
