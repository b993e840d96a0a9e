"""JSON: full-text search over documents and statements."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from redlines.kb.store import Store
from redlines.web import schemas, service
from redlines.web.deps import get_store

router = APIRouter(prefix="/api", tags=["search"])


@router.get("/search", response_model=schemas.SearchResults)
def get_search(
    q: Annotated[str, Query(max_length=200)] = "",
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    store: Store = Depends(get_store),
) -> dict:
    """Documents and statements containing the words of `q`."""
    return service.search(store, q, limit)
