"""JSON: one fact with every source sentence, its corroboration and contradictions."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path

from redlines.kb.store import Store
from redlines.web import schemas, service
from redlines.web.deps import get_store

router = APIRouter(prefix="/api", tags=["facts"])


@router.get("/facts/{fact_id}", response_model=schemas.Fact, responses={404: {"model": schemas.ErrorOut}})
def get_fact(fact_id: Annotated[str, Path(max_length=100)], store: Store = Depends(get_store)) -> dict:
    """A fact and the evidence behind it."""
    return service.fact(store, fact_id)


@router.get("/contradictions", response_model=list[schemas.Contradiction])
def get_contradictions(store: Store = Depends(get_store)) -> list[dict]:
    """Every flagged disagreement between sources, with both sides."""
    return service.contradictions(store)
