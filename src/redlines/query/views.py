"""Timeline, matrix, single fact, fact list, contradictions and full-text search over the store."""

from __future__ import annotations

from datetime import date

from sqlalchemy import or_, select

from redlines.errors import NotFound, UsageError
from redlines.kb.merge import Fact
from redlines.kb.rows import load_facts, row_to_state
from redlines.kb.schema import ContradictionRow, DocumentRow, FactEvidenceRow, FactRow, PolicyStateRow, StatementRow
from redlines.kb.store import Store
from redlines.model import Status, Zone
from redlines.query.asof import decide
from redlines.query.resolve import levels, resolve_date, resolve_donor, resolve_weapon, weapon_label
from redlines.query.types import (
    ContradictionView,
    FactView,
    Matrix,
    MatrixCell,
    SearchHit,
    Source,
    TimelineEntry,
)


def _sources(f: Fact) -> list[Source]:
    return [Source(e.outlet, f.date_start, e.published, e.sentence, e.document_id, f.id) for e in f.evidence]


def _summary(f: Fact) -> str:
    zones = "+".join(f.zones) if f.zones else ""
    verb = f.action or f.type
    neg = " not" if not f.polarity else ""
    parts = [f.actor or f.speaker or "?", f"{neg.strip()} {verb}".strip(), f.weapon or f.topic or ""]
    if zones:
        parts.append(f"in {zones}")
    if f.quantity:
        parts.append(f"x{f.quantity}")
    if f.money_amount:
        parts.append(f"{f.money_amount:,.0f} {f.money_currency or ''}".strip())
    return " ".join(p for p in parts if p)


def timeline(store: Store, donor: str | None = None, weapon: str | None = None) -> list["TimelineEntry"]:
    """Facts in chronological order (fact date), optionally for one donor and/or weapon."""
    where = []
    if donor:
        where.append(FactRow.actor == resolve_donor(donor))
    if weapon:
        kind, wid = resolve_weapon(weapon)
        where += [FactRow.weapon_kind == kind, FactRow.weapon_id == wid]
    with store.session() as s:
        facts = load_facts(s, *where)
    facts.sort(key=lambda f: (f.date_start or date.max, f.id))
    return [TimelineEntry(f.id, f.date_start, f.type, f.actor, f.action, f.polarity, f.weapon, list(f.zones),
                          f.modality, f.corroboration, _summary(f), _sources(f)) for f in facts]


def matrix(store: Store, as_of: date | str | None = None) -> Matrix:
    """Donors x weapons (every level with a state) x zones -> status as of a date (default today)."""
    day = resolve_date(as_of)
    with store.session() as s:
        rows = s.scalars(select(PolicyStateRow).where(
            PolicyStateRow.valid_from <= day, or_(PolicyStateRow.valid_to.is_(None), PolicyStateRow.valid_to > day)))
        in_force: dict[tuple[str, str], dict[tuple[str, str], object]] = {}
        for r in rows:
            in_force.setdefault((r.donor, r.zone), {})[(r.weapon_kind, r.weapon_id)] = row_to_state(r)
    weapons_by_donor: dict[str, set[tuple[str, str]]] = {}
    for (donor, _zone), states in in_force.items():
        weapons_by_donor.setdefault(donor, set()).update(states)
    zones = [z.value for z in Zone]
    m = Matrix(day, sorted(weapons_by_donor), [], zones)
    labels: set[str] = set()
    for donor in m.donors:
        for kind, wid in sorted(weapons_by_donor[donor]):
            chain = levels(donor, kind, wid)
            labels.add(weapon_label(kind, wid))
            for z in zones:
                st, _lvl = decide(chain, in_force.get((donor, z), {}))  # type: ignore[arg-type]
                if st is None:
                    m.cells.append(MatrixCell(donor, weapon_label(kind, wid), z, Status.UNKNOWN.value, None, []))
                else:
                    m.cells.append(MatrixCell(donor, weapon_label(kind, wid), z, st.status, st.valid_from,
                                              list(st.support_ids or st.fact_ids)))
    m.weapons = sorted(labels)
    return m


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _contradiction_view(r: ContradictionRow) -> ContradictionView:
    srcs = [Source(x.get("outlet"), _day(x.get("fact_date")), _day(x.get("published")),
                   x.get("sentence", ""), x.get("document_id", ""), x.get("fact_id")) for x in (r.sources or [])]
    return ContradictionView(r.id, r.field, [i for i in r.fact_ids.split(",") if i], list(r.values or []), srcs, r.note)


def contradictions(store: Store) -> list[ContradictionView]:
    """Every flagged disagreement, with both sides and their sources."""
    with store.session() as s:
        return [_contradiction_view(r) for r in s.scalars(select(ContradictionRow).order_by(
            ContradictionRow.field, ContradictionRow.id))]


def _fact_view(f: Fact, cons: list[ContradictionView]) -> FactView:
    return FactView(f.id, f.type, f.actor, f.recipient, f.action, f.polarity, f.modality, f.weapon, list(f.zones),
                    f.date_start, f.date_end, f.precision, f.corroboration, f.quantity, f.money_amount,
                    f.money_currency, f.speaker, f.topic, _sources(f), cons)


def fact(store: Store, fact_id: str) -> FactView:
    """One fact with its evidence and the contradictions it takes part in (NotFound if absent)."""
    with store.session() as s:
        found = load_facts(s, FactRow.id == fact_id)
        if not found and len(fact_id) >= 4:
            found = load_facts(s, FactRow.id.startswith(fact_id, autoescape=True))
            if len(found) > 1:
                raise NotFound(f"fact id prefix {fact_id!r} is ambiguous")
        if not found:
            raise NotFound(f"no fact {fact_id!r}")
        f = found[0]
        cons = [_contradiction_view(r) for r in s.scalars(
            select(ContradictionRow).where(ContradictionRow.fact_ids.contains(f.id, autoescape=True)))]
    return _fact_view(f, cons)


def facts(store: Store, type_: str | None = None, limit: int | None = None) -> list[FactView]:
    """Facts by date (optionally one statement type), without contradictions."""
    with store.session() as s:
        found = load_facts(s, *([FactRow.type == type_] if type_ else []))
    found.sort(key=lambda f: (f.date_start or date.max, f.id))
    return [_fact_view(f, []) for f in found[:limit]]


def _snippet(text: str, q: str, width: int = 90) -> str:
    i = text.lower().find(q.lower())
    if i < 0:
        return text[: 2 * width]
    start, end = max(0, i - width), min(len(text), i + len(q) + width)
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


def search(store: Store, q: str, limit: int = 20) -> list[SearchHit]:
    """Documents (title, text) and statements (sentence) containing `q`; bound, escaped LIKE."""
    # NUL and other control characters cannot be stored or matched (PostgreSQL refuses them in text,
    # SQLite's LIKE stops at NUL and would match everything): drop them before searching.
    q = "".join(ch for ch in (q or "") if ch.isprintable() or ch in " \t").strip()
    if not q:
        raise UsageError("empty search")
    if limit <= 0:
        raise UsageError("limit must be positive")
    hits: list[SearchHit] = []
    with store.session() as s:
        docs = s.execute(select(DocumentRow.id, DocumentRow.title, DocumentRow.outlet, DocumentRow.published,
                                DocumentRow.text).where(or_(
            DocumentRow.title.icontains(q, autoescape=True), DocumentRow.text.icontains(q, autoescape=True)))
            .order_by(DocumentRow.published.desc(), DocumentRow.id).limit(limit))
        for did, title, outlet, published, text in docs:
            hits.append(SearchHit("document", did, title, outlet, published, _snippet(text, q)))
        sts = s.execute(select(StatementRow.document_id, StatementRow.sentence, StatementRow.start_char,
                               DocumentRow.title, DocumentRow.outlet, DocumentRow.published)
                        .join(DocumentRow, DocumentRow.id == StatementRow.document_id)
                        .where(StatementRow.sentence.icontains(q, autoescape=True))
                        .order_by(DocumentRow.published.desc(), StatementRow.id).limit(limit))
        seen: set[tuple[str, str]] = set()
        for did, sentence, start, title, outlet, published in sts:
            if (did, sentence) in seen:
                continue
            seen.add((did, sentence))
            fid = s.scalars(select(FactEvidenceRow.fact_id).where(
                FactEvidenceRow.document_id == did, FactEvidenceRow.start_char == start).limit(1)).first()
            hits.append(SearchHit("statement", did, title, outlet, published, sentence, fid))
    return hits[: limit * 2]
