"""HTML pages (server-rendered, autoescaped); the matrix and timeline are filled by static JS from /api."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import HTMLResponse

from redlines.kb.store import Store
from redlines.web import service
from redlines.web.charts import STATUS_COLORS
from redlines.web.deps import get_store, templates
from redlines.web.highlight import locate, segments

router = APIRouter(include_in_schema=False)
DateParam = Annotated[str | None, Query(max_length=10)]
PAGE_SIZE = 100
Filter = Annotated[str | None, Query(max_length=200)]
STATUS_HELP = {
    "permitted": "the donor allows this use",
    "restricted": "the donor forbids it or keeps a ban",
    "not_supplied": "the donor has not supplied this weapon",
    "contested": "sources disagree",
    "unknown": "nothing in the corpus decides it",
}


def _page(request: Request, name: str, **context: object) -> HTMLResponse:
    base = {"statuses": STATUS_HELP, "colors": STATUS_COLORS, "weapon_label": service.weapon_label,
            "nav": name.removesuffix(".html")}
    return templates.TemplateResponse(request, name, {**base, **context})


def _default_as_of(store: Store, as_of: str | None) -> tuple[date, date | None, date | None]:
    lo, hi = service.date_bounds(store)
    day = service.parse_date(as_of, "as_of") if as_of else (hi or date.today())
    return day, lo, hi


@router.get("/", response_class=HTMLResponse)
def matrix_page(request: Request, as_of: DateParam = None,
                zone: Annotated[str, Query(max_length=20)] = "RU_BORDER",
                store: Store = Depends(get_store)) -> HTMLResponse:
    """Donors x weapons, one zone at a time, as of a date."""
    day, lo, hi = _default_as_of(store, as_of)
    return _page(request, "matrix.html", as_of=day, zone=service.parse_zone(zone), zones=service.ZONE_CHOICES,
                 date_min=lo or day, date_max=max(hi or day, day))


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(request: Request, donor: Filter = None, weapon: Filter = None, as_of: DateParam = None,
                  store: Store = Depends(get_store)) -> HTMLResponse:
    """Decisions over time (chart) and the red lines removed and remaining."""
    day, _, _ = _default_as_of(store, as_of)
    donors, weapons = service.filter_options(store)
    led = service.ledger(store, day)
    keep = [(donor is None or r["donor"] == donor) and (weapon is None or r["weapon"] == weapon)
            for r in led["removed"] + led["remaining"]]
    removed = [r for r, k in zip(led["removed"], keep) if k]
    remaining = [r for r, k in zip(led["remaining"], keep[len(led["removed"]):]) if k]
    return _page(request, "timeline.html", as_of=day, donor=donor or "", weapon=weapon or "", donors=donors,
                 weapons=weapons, removed=removed, remaining=remaining)


@router.get("/facts/{fact_id}", response_class=HTMLResponse)
def fact_page(request: Request, fact_id: Annotated[str, Path(max_length=100)],
              store: Store = Depends(get_store)) -> HTMLResponse:
    """Every source sentence of a fact, highlighted in its article, and any contradiction side by side."""
    fact = service.fact(store, fact_id)
    groups: dict[str, dict] = {}
    for src in fact.get("evidence", []):
        g = groups.get(src["document_id"])
        if g is None:
            g = groups[src["document_id"]] = {"doc": store.get_document(src["document_id"]), "sources": [], "spans": []}
        g["sources"].append(src)
        where = locate(g["doc"].text, src.get("sentence", ""), src.get("start_char"), src.get("end_char"))
        if where:
            g["spans"].append((*where, "source sentence"))
        src["found"] = where is not None
    sources = [{**g, "segments": segments(g["doc"].text, g["spans"], f"src{i}-")}
               for i, g in enumerate(groups.values())]
    return _page(request, "fact.html", fact=fact, sources=sources,
                 contradictions=[{**c, "sides": contradiction_sides(c)} for c in fact.get("contradictions", [])])


def contradiction_sides(c: dict) -> list[dict]:
    """One column per disagreeing source: its value, sentence, outlet, date and fact id."""
    values, ids, srcs = c.get("values") or [], c.get("fact_ids") or [], c.get("sources") or []
    if not srcs:
        return [{"value": v, "fact_id": ids[i] if i < len(ids) else None, "source": None} for i, v in enumerate(values)]
    sides = []
    for i, src in enumerate(srcs):
        if len(values) == len(srcs):
            value = values[i]
        elif src.get("fact_id") in ids and len(values) == len(ids):
            value = values[ids.index(src["fact_id"])]
        else:
            value = src.get("value", "")
        sides.append({"value": value, "fact_id": src.get("fact_id"), "source": src})
    return sides


@router.get("/documents", response_class=HTMLResponse)
def documents_page(request: Request, page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
                   store: Store = Depends(get_store)) -> HTMLResponse:
    """The ingested articles, PAGE_SIZE a page."""
    total = service.count_documents(store)
    docs = service.documents(store, PAGE_SIZE, (page - 1) * PAGE_SIZE)
    return _page(request, "documents.html", documents=docs, total=total, page=page,
                 pages=max(1, -(-total // PAGE_SIZE)))


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(request: Request, doc_id: Annotated[str, Path(max_length=100)],
                  store: Store = Depends(get_store)) -> HTMLResponse:
    """One article: clean text with statement sentences marked, what cleaning removed and why."""
    doc = service.document_detail(store, doc_id)
    marks = [(s["start_char"], s["end_char"], s["type"]) for s in doc["statements"]]
    struck = [(r["start"], r["end"], r["reason"]) for r in doc["removed"]]
    return _page(request, "document.html", doc=doc, text_segments=segments(doc["text"], marks, "st"),
                 raw_segments=segments(store.get_document(doc["id"]).raw, struck, "rm"))


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: Annotated[str, Query(max_length=200)] = "",
                store: Store = Depends(get_store)) -> HTMLResponse:
    """Full-text search over documents and statements."""
    results = service.search(store, q)
    pattern = re.compile(re.escape(q.strip()), re.IGNORECASE) if q.strip() else None
    for hit in results["hits"]:
        text = hit.get("snippet") or ""
        spans = [(m.start(), m.end(), "match") for m in pattern.finditer(text)] if pattern else []
        hit["segments"] = segments(text, spans, "q")
    return _page(request, "search.html", q=q, hits=results["hits"])
