"""JSON: red lines removed and remaining, and the timeline of decisions (data and Vega-Lite chart)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from redlines.kb.store import Store
from redlines.web import charts, schemas, service
from redlines.web.deps import get_store

router = APIRouter(prefix="/api", tags=["ledger"])
DateParam = Annotated[str | None, Query(max_length=10, description="YYYY-MM-DD (default: today)")]
Filter = Annotated[str | None, Query(max_length=200)]


@router.get("/ledger", response_model=schemas.Ledger)
def get_ledger(as_of: DateParam = None, store: Store = Depends(get_store)) -> dict:
    """Red lines removed and still in force as of a date."""
    return service.ledger(store, service.parse_date(as_of, "as_of"))


@router.get("/timeline", response_model=schemas.Timeline)
def get_timeline(donor: Filter = None, weapon: Filter = None,
                 limit: Annotated[int, Query(ge=1, le=100_000)] = 10_000,
                 store: Store = Depends(get_store)) -> dict:
    """Dated decisions, oldest first, optionally for one donor and/or weapon (the newest `limit` of them)."""
    data = service.timeline(store, donor or None, weapon or None)
    total = len(data["entries"])
    return {**data, "entries": data["entries"][-limit:], "total": total, "truncated": total > limit}


@router.get("/timeline/chart", response_model=dict)
def get_timeline_chart(
    donor: Filter = None,
    weapon: Filter = None,
    by: Annotated[str, Query(pattern="^(donor|weapon|both)$")] = "both",
    store: Store = Depends(get_store),
) -> dict:
    """A Vega-Lite spec (built with Altair) of the decisions over time."""
    data = service.timeline(store, donor or None, weapon or None)
    return charts.timeline_spec(data["entries"], by)
