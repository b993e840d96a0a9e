"""Conversions between the knowledge-base dataclasses (facts, states, contradictions) and rows."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from redlines.kb.contradictions import Contradiction
from redlines.kb.merge import Fact, FactEvidence
from redlines.kb.policy import StateInterval
from redlines.kb.schema import FactEvidenceRow, FactRow, PolicyStateRow

FACT_FIELDS = (
    "id", "block", "type", "actor", "recipient", "weapon_kind", "weapon_id", "target_type", "action",
    "polarity", "modality", "date_start", "date_end", "precision", "dated_by_publication", "quantity",
    "money_amount", "money_currency", "speaker", "topic", "corroboration", "confidence",
)
EVIDENCE_FIELDS = (
    "statement_id", "document_id", "outlet", "published", "sentence_index", "start_char", "end_char",
    "sentence", "date_start", "quantity", "money_amount",
)


def fact_dicts(facts: Iterable[Fact]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Rows for the facts and fact_evidence tables."""
    frows, erows = [], []
    for f in facts:
        d = {k: getattr(f, k) for k in FACT_FIELDS}
        d["zones"] = ",".join(f.zones)
        frows.append(d)
        for e in f.evidence:
            ed = {k: getattr(e, k) for k in EVIDENCE_FIELDS}
            ed["fact_id"] = f.id
            erows.append(ed)
    return frows, erows


def state_dicts(states: Iterable[StateInterval]) -> list[dict[str, Any]]:
    """Rows for the policy_states table."""
    return [{"donor": s.donor, "weapon_kind": s.weapon_kind, "weapon_id": s.weapon_id, "zone": s.zone,
             "basis": s.basis, "status": s.status, "valid_from": s.valid_from, "valid_to": s.valid_to,
             "fact_ids": ",".join(s.fact_ids), "support_ids": ",".join(s.support_ids)} for s in states]


def contradiction_dicts(items: Iterable[Contradiction]) -> list[dict[str, Any]]:
    """Rows for the contradictions table."""
    return [{"id": c.id, "actor": c.actor, "scope": c.scope, "field": c.field, "fact_ids": ",".join(c.fact_ids),
             "values": list(c.values), "sources": list(c.sources), "note": c.note} for c in items]


def row_to_fact(row: Any, evidence: Sequence[Any] = ()) -> Fact:
    """A Fact from its row and evidence rows (ORM objects or Core rows)."""
    d = {k: getattr(row, k) for k in FACT_FIELDS}
    d["zones"] = tuple(z for z in (row.zones or "").split(",") if z)
    f = Fact(**d)
    f.evidence = [FactEvidence(**{k: getattr(e, k) for k in EVIDENCE_FIELDS}) for e in evidence]
    return f


def load_facts(session: Session, *where: Any) -> list[Fact]:
    """Facts matching the conditions (on FactRow columns), with their evidence, ordered by id.

    Reads plain rows (Core), not ORM objects: this runs on every incremental update."""
    ft, et = FactRow.__table__, FactEvidenceRow.__table__
    rows = list(session.execute(select(ft).where(*where).order_by(ft.c.id)))
    if not rows:
        return []
    ev: dict[str, list[Any]] = {}
    ids = [r.id for r in rows]
    for i in range(0, len(ids), 500):
        q = select(et).where(et.c.fact_id.in_(ids[i:i + 500])).order_by(
            et.c.fact_id, et.c.document_id, et.c.start_char)
        for e in session.execute(q):
            ev.setdefault(e.fact_id, []).append(e)
    return [row_to_fact(r, ev.get(r.id, [])) for r in rows]


def row_to_state(r: PolicyStateRow) -> StateInterval:
    """A StateInterval from its row."""
    return StateInterval(r.donor, r.weapon_kind, r.weapon_id, r.zone, r.basis, r.status, r.valid_from, r.valid_to,
                         [i for i in r.fact_ids.split(",") if i], [i for i in r.support_ids.split(",") if i])
