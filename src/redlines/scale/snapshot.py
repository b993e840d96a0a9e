"""A store's content as normalised sets, to prove two runs (1 vs N workers, killed vs clean) agree.

Row ids that depend on insertion order (autoincrement keys, statement ids copied into evidence
links, timestamps) are dropped; everything else is compared as a set of tuples per table.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import Integer, MetaData, select

from redlines.errors import RedlinesError
from redlines.kb.store import Store

VOLATILE_COLUMNS = frozenset({"ingested_at", "created_at", "updated_at", "statement_id", "supports"})


def table_snapshot(store: Store, skip: Iterable[str] = ()) -> dict[str, frozenset[tuple]]:
    """Every table as a frozenset of normalised rows (order-dependent columns removed)."""
    meta = MetaData()
    meta.reflect(bind=store.engine)
    out: dict[str, frozenset[tuple]] = {}
    with store.engine.connect() as conn:
        for name, table in sorted(meta.tables.items()):
            if name in skip or name.startswith("alembic"):
                continue
            cols = [c for c in table.columns if not _volatile(c)]
            rows = conn.execute(select(*cols)).all()
            out[name] = frozenset(tuple(_norm(v) for v in row) for row in rows)
    return out


def asof_snapshot(store: Store, dates: Iterable[date]) -> frozenset[tuple]:
    """`query.ask` for every (donor, weapon, zone) the ledger knows, on each date: (key, status, since)."""
    try:
        from redlines import query
    except ImportError:  # pragma: no cover
        return frozenset()
    ask = getattr(query, "ask", None)
    meta = MetaData()
    meta.reflect(bind=store.engine)
    states = meta.tables.get("policy_states")
    if ask is None or states is None:
        return frozenset()
    with store.engine.connect() as conn:
        keys = conn.execute(select(states.c.donor, states.c.weapon_kind, states.c.weapon_id, states.c.zone)
                            .distinct()).all()
    out = set()
    for donor, kind, wid, zone in sorted(keys):
        weapon = wid if kind == "system" else f"{kind}:{wid}"
        for d in dates:
            try:
                answer = ask(store, donor, weapon, zone, d)
            except RedlinesError as exc:
                out.add((donor, weapon, zone, d.isoformat(), "error", exc.message, frozenset()))
                continue
            data = answer.to_dict() if hasattr(answer, "to_dict") else answer
            facts = data.get("facts") or []
            out.add((donor, weapon, zone, d.isoformat(), str(data.get("status")), str(data.get("since")),
                     frozenset((f.get("document_id"), f.get("sentence")) for f in facts)))
    return frozenset(out)


def _volatile(col) -> bool:
    if col.name in VOLATILE_COLUMNS:
        return True
    return bool(col.primary_key and isinstance(col.type, Integer))


def _norm(value):
    if isinstance(value, float):
        return round(value, 6)
    if isinstance(value, (list, dict)):
        return repr(value)
    if isinstance(value, str) and "," in value and value.replace(",", "").replace("-", "").isalnum():
        return ",".join(sorted(value.split(",")))  # comma-joined id lists: order is not meaningful
    return value
