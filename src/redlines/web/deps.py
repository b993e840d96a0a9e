"""Request dependencies: the store opened by the app and the Jinja2 templates (autoescaped)."""

from __future__ import annotations

from pathlib import Path

from fastapi import Request
from fastapi.templating import Jinja2Templates

from redlines.kb.store import Store

HERE = Path(__file__).resolve().parent
templates = Jinja2Templates(directory=str(HERE / "templates"))
templates.env.autoescape = True


def get_store(request: Request) -> Store:
    """The store this app serves."""
    return request.app.state.store
