"""JSON: the donors x weapons x zone matrix as of a date, and one cell's answer (`ask`)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from redlines.kb.store import Store
from redlines.web import schemas, service
from redlines.web.deps import get_store

router = APIRouter(prefix="/api", tags=["matrix"])
DateParam = Annotated[str | None, Query(max_length=10, description="YYYY-MM-DD (default: today)")]
Name = Annotated[str, Query(min_length=1, max_length=200)]


@router.get("/matrix", response_model=schemas.Matrix)
def get_matrix(as_of: DateParam = None, store: Store = Depends(get_store)) -> dict:
    """Every donor and weapon with the status in each zone as of a date."""
    return service.matrix(store, service.parse_date(as_of, "as_of"))


@router.get("/ask", response_model=schemas.Answer)
def get_ask(donor: Name, weapon: Name, zone: Name, date: DateParam = None,
            store: Store = Depends(get_store)) -> dict:
    """The status of one donor's weapon in one zone on a date, with the facts that decided it."""
    return service.ask(store, donor, weapon, service.parse_zone(zone), service.parse_date(date))
