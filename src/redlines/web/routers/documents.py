"""JSON: the ingested articles, one article with its clean text, removed spans and statements, and
(read-write servers only) posting a new article through the whole pipeline."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query
from pydantic import BaseModel, Field

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


class ArticleIn(BaseModel):
    """An article to ingest: plain `text` or `html`, with optional metadata given by the user."""

    text: str | None = Field(None, max_length=2_000_000)
    html: str | None = Field(None, max_length=5_000_000)
    title: str | None = Field(None, max_length=1000)
    outlet: str | None = Field(None, max_length=200)
    url: str | None = Field(None, max_length=2000)
    published: str | None = Field(None, max_length=40)


@router.post("/documents", response_model=schemas.IngestOut, status_code=201,
             responses={405: {"model": schemas.ErrorOut}, 422: {"model": schemas.ErrorOut}})
def post_document(article: ArticleIn, store: Store = Depends(get_store)) -> dict:
    """Ingest one article (read-write servers only): clean, analyse, extract, update the knowledge base."""
    return service.ingest_article(store, article.model_dump(exclude_none=True))
