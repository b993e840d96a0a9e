"""JSON: the ingested articles, and one article with its clean text, removed spans and statements."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query

from redlines.kb.store import Store
from redlines.web import schemas, service
from redlines.web.deps import get_store

router = APIRouter(prefix="/api", tags=["documents"])


@router.get("/documents", response_model=list[schemas.DocumentSummary])
def list_documents(
    limit: Annotated[int, Query(ge=1, le=10_000)] = 1000,
    offset: Annotated[int, Query(ge=0)] = 0,
    store: Store = Depends(get_store),
) -> list[dict]:
    """Documents in publication order, `limit` at a time from `offset`."""
    return service.documents(store, limit, offset)


@router.get("/documents/{doc_id}", response_model=schemas.DocumentDetail,
            responses={404: {"model": schemas.ErrorOut}})
def get_document(doc_id: Annotated[str, Path(max_length=100)], store: Store = Depends(get_store)) -> dict:
    """One document by id or unique id prefix."""
    return service.document_detail(store, doc_id)
