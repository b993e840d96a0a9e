"""What the web layer asks of the library: parse parameters, call `redlines.query`, return plain dicts."""

from __future__ import annotations

from datetime import date

from redlines import query
from redlines.errors import UsageError
from redlines.jsonable import to_jsonable  # noqa: F401  (re-exported)
from redlines.kb.store import Store
from redlines.model import Document, Statement, Zone

ZONE_CHOICES = ("RU_BORDER", "RU_DEEP", "UA_OCCUPIED", "UA_HELD")


def parse_date(value: str | None, name: str = "date") -> date:
    """A YYYY-MM-DD parameter; today when empty."""
    if not value:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{name} must be a date YYYY-MM-DD, got {value[:40]!r}") from None


def parse_zone(value: str) -> str:
    """A zone name of LEDGER.md (case-insensitive)."""
    v = (value or "").strip().upper()
    if v not in Zone.__members__:
        raise UsageError(f"zone must be one of {', '.join(z.value for z in Zone)}, got {value[:40]!r}")
    return v


def ask(store: Store, donor: str, weapon: str, zone: str, day: date) -> dict:
    """Status of one donor/weapon/zone on a date: LEDGER.md shape plus fact ids when known."""
    answer = query.ask(store, donor, weapon, zone, day)
    full = getattr(answer, "to_full_dict", None)
    return to_jsonable(full() if full else answer)


def matrix(store: Store, as_of: date) -> dict:
    """The donors x weapons x zones grid as of a date."""
    return to_jsonable(query.matrix(store, as_of))


def ledger(store: Store, as_of: date) -> dict:
    """Red lines removed and remaining as of a date."""
    return to_jsonable(query.ledger(store, as_of))


_EFFECTS = {
    ("use_permission", "allow"): "permitted", ("use_permission", "lift"): "permitted",
    ("use_permission", "restrict"): "restricted", ("use_permission", "keep"): "restricted",
    ("transfer", "deliver"): "permitted", ("transfer", "approve"): "permitted", ("transfer", "pledge"): "permitted",
    ("transfer", "refuse"): "not_supplied", ("transfer", "withhold"): "not_supplied",
}
_NEGATED = {"permitted": "restricted", "restricted": "permitted", "not_supplied": "permitted"}


def effect(entry: dict) -> str:
    """The status a timeline entry pushes towards (unknown for facts that change no state)."""
    if entry.get("modality") not in (None, "confirmed", "reported"):
        return "unknown"
    out = _EFFECTS.get((entry.get("type"), entry.get("action")), "unknown")
    if entry.get("polarity") is False and out != "unknown":
        return "not_supplied" if entry.get("type") == "transfer" else _NEGATED[out]
    return out


def timeline(store: Store, donor: str | None = None, weapon: str | None = None) -> dict:
    """Dated decisions, oldest first, optionally for one donor or weapon; each with its `effect`."""
    entries = [{**e, "effect": effect(e)} for e in to_jsonable(query.timeline(store, donor, weapon))]
    return {"donor": donor, "weapon": weapon, "entries": entries}


def fact(store: Store, fact_id: str) -> dict:
    """One fact with its sources, corroboration and contradictions (NotFound when unknown)."""
    return to_jsonable(query.fact(store, fact_id))


def contradictions(store: Store) -> list[dict]:
    """Every contradiction in the store, both sides with their sources."""
    return to_jsonable(query.contradictions(store))


def search(store: Store, q: str, limit: int = 50) -> dict:
    """Full-text search over documents and statements."""
    q = (q or "").strip()
    if not q:
        return {"q": "", "hits": []}
    if len(q) > 200:
        raise UsageError("q must be at most 200 characters")
    return {"q": q, "hits": to_jsonable(query.search(store, q, limit))}


def document_summary(doc: Document) -> dict:
    """The `redlines docs --json` shape of one document."""
    p = doc.published
    return {
        "id": doc.id, "url": doc.url, "outlet": doc.outlet, "title": doc.title,
        "published": p.value.isoformat() if p.value else None, "published_how": p.how.value,
        "published_confidence": p.confidence, "words_kept": doc.words_kept, "words_removed": doc.words_removed,
    }


def statement_summary(st: Statement) -> dict:
    """A statement as shown on a document page."""
    ev = st.evidence
    return {
        "type": st.type.value, "sentence": ev.sentence, "start_char": ev.start_char, "end_char": ev.end_char,
        "actor": st.actor, "weapon": str(st.weapon) if st.weapon else None,
        "zones": [z.value for z in st.zones], "action": st.action, "modality": st.modality.value,
    }


def document_detail(store: Store, ref: str) -> dict:
    """A document with its clean text, removed spans and statements (NotFound when unknown)."""
    doc = store.get_document(ref)
    return {
        **document_summary(doc), "text": doc.text, "language": doc.language, "source_path": doc.source_path,
        "revision_of": doc.revision_of,
        "removed": [{"start": r.start, "end": r.end, "reason": r.reason, "text": r.text} for r in doc.removed],
        "statements": [statement_summary(s) for s in store.statements(doc.id)],
    }


def documents(store: Store, limit: int = 1000, offset: int = 0) -> list[dict]:
    """Documents in publication order (undated last), summary columns only, one page of them."""
    from sqlalchemy import select

    from redlines.kb.schema import DocumentRow as D

    cols = (D.id, D.url, D.outlet, D.title, D.published, D.published_how, D.published_confidence, D.words_kept,
            D.words_removed)
    q = select(*cols).order_by(D.published.is_(None), D.published, D.id).offset(offset).limit(limit)
    with store.session() as s:
        return [
            {"id": r.id, "url": r.url, "outlet": r.outlet, "title": r.title,
             "published": r.published.isoformat() if r.published else None, "published_how": r.published_how,
             "published_confidence": r.published_confidence, "words_kept": r.words_kept,
             "words_removed": r.words_removed}
            for r in s.execute(q)
        ]


def count_documents(store: Store) -> int:
    """How many documents the store holds."""
    from sqlalchemy import func, select

    from redlines.kb.schema import DocumentRow

    with store.session() as s:
        return s.scalar(select(func.count()).select_from(DocumentRow)) or 0


def filter_options(store: Store) -> tuple[list[str], list[str]]:
    """Donors and weapons (query labels) that have at least one fact, for the timeline selectors."""
    from sqlalchemy import select

    from redlines.kb.schema import FactRow

    with store.session() as s:
        donors = sorted({a for a in s.scalars(select(FactRow.actor).distinct()) if a})
        pairs = s.execute(select(FactRow.weapon_kind, FactRow.weapon_id).distinct()).all()
    weapons = sorted({w if k == "system" else f"{k}:{w}" for k, w in pairs if k and w})
    return donors, weapons


def date_bounds(store: Store) -> tuple[date | None, date | None]:
    """Earliest fact date (or publication) and latest publication date in the store."""
    from sqlalchemy import func, select

    from redlines.kb.schema import DocumentRow, StatementRow

    with store.session() as s:
        lo_doc, hi_doc = s.execute(select(func.min(DocumentRow.published), func.max(DocumentRow.published))).one()
        lo_st, hi_st = s.execute(select(func.min(StatementRow.valid_start), func.max(StatementRow.valid_start))).one()
    lows = [d for d in (lo_doc, lo_st) if d]
    highs = [d for d in (hi_doc, hi_st) if d]
    return (min(lows) if lows else None), (max(highs) if highs else None)


def weapon_label(weapon: str | None) -> str:
    """'class:long_range_missile' -> 'long range missile (class)'; systems stay as they are."""
    if not weapon:
        return "any weapon"
    kind, _, name = weapon.partition(":")
    if not name:
        return weapon
    name = name.replace("_", " ")
    return f"{name}-supplied weapons" if kind == "origin" else f"{name} ({kind})"


def ingest_article(store: Store, article: dict) -> dict:
    """Run one posted article through the pipeline; InputRejected (-> 422) carries the ingest's reason."""
    import json
    import tempfile
    from pathlib import Path

    from redlines.errors import InputRejected
    from redlines.pipeline import run_ingest

    if not (article.get("text") or "").strip() and not (article.get("html") or "").strip():
        raise UsageError("give the article as `text` or `html`")
    with tempfile.TemporaryDirectory(prefix="redlines-post-") as tmp:
        path = Path(tmp) / "article.json"
        path.write_text(json.dumps(article), encoding="utf-8")
        report = run_ingest([str(path)], store)
    if report.rejected:
        raise InputRejected(report.rejected[0][1])
    return {"added": report.added, "duplicates": report.duplicates, "statements": report.statements}
