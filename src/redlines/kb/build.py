"""Incremental update and full rebuild of facts, policy states and contradictions.

Units of recompute: a fact *block* (type|actor|weapon) is re-merged from all its statements; a policy
key (donor, weapon) is recomputed from its use_permission and transfer facts; contradictions are
recomputed per scope (value|block, date|actor, status|donor|weapon). Both paths call the same pure
functions, so an update equals a rebuild. Writers serialise per actor: PostgreSQL transaction-level
advisory locks (taken in sorted order), SQLite one writer at a time (file lock + busy timeout).
"""

from __future__ import annotations

import fcntl
import hashlib
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from types import SimpleNamespace

from sqlalchemy import delete, func, insert, select, text
from sqlalchemy.orm import Session

from redlines.kb import contradictions as contra
from redlines.kb.merge import Fact, block_key, merge_statements
from redlines.kb.policy import donor_timelines
from redlines.kb.rows import contradiction_dicts, fact_dicts, load_facts, state_dicts
from redlines.kb.schema import (
    ContradictionRow,
    DocumentRow,
    FactEvidenceRow,
    FactRow,
    PolicyStateRow,
    StatementRow,
)
from redlines.kb.store import Store, row_to_statement
from redlines.model import Statement

POLICY_TYPES = ("use_permission", "transfer")
BATCH = 5000
_LOCAL_LOCK = threading.Lock()


def _split_block(block: str) -> tuple[str, str, str, str]:
    type_, actor, weapon = block.split("|", 2)
    kind, _, wid = weapon.partition(":")
    return type_, actor, kind, wid


def _lock_id(actor: str) -> int:
    return int.from_bytes(hashlib.sha1(actor.encode()).digest()[:8], "big", signed=True)


@contextmanager
def _writer(store: Store, session: Session, actors: Iterable[str]) -> Iterator[None]:
    """Serialise writers of the same actors (PostgreSQL) or of the whole store (SQLite)."""
    if session.get_bind().dialect.name == "postgresql":
        if "*rebuild*" not in actors:
            session.execute(text("SELECT pg_advisory_xact_lock_shared(:k)"), {"k": _lock_id("*rebuild*")})
        for a in sorted(set(actors)):
            session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _lock_id(a)})
        yield
        return
    path = store.engine.url.database
    if not path or path == ":memory:":
        with _LOCAL_LOCK:
            yield
        return
    with open(f"{path}.kblock", "a+") as fh, _LOCAL_LOCK:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


RAW_TABLES = {FactRow, FactEvidenceRow, PolicyStateRow}  # plain scalar columns: DB-API executemany


def _insert(session: Session, table, rows: list[dict]) -> None:
    """Bulk insert in batches: DB-API executemany for the big plain tables, Core otherwise."""
    if not rows:
        return
    conn = session.connection()
    if table not in RAW_TABLES:
        for i in range(0, len(rows), BATCH):
            conn.execute(insert(table.__table__), rows[i:i + BATCH])
        return
    cols = list(rows[0])
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    sql = f"INSERT INTO {table.__tablename__} ({', '.join(cols)}) VALUES ({', '.join([mark] * len(cols))})"
    cur = conn.connection.driver_connection.cursor()
    try:
        for i in range(0, len(rows), BATCH):
            cur.executemany(sql, [tuple(r[c] for c in cols) for r in rows[i:i + BATCH]])
    finally:
        cur.close()


def _statements_of_blocks(session: Session, blocks: set[str]) -> list[tuple[int, Statement]]:
    out: list[tuple[int, Statement]] = []
    t = StatementRow.__table__
    for block in sorted(blocks):
        type_, actor, kind, wid = _split_block(block)
        weapon = t.c.weapon_id == wid if wid else t.c.weapon_id.is_(None)
        # two index-friendly queries (type, actor, weapon_id) rather than one OR
        no_actor = t.c.actor.is_(None) | (t.c.actor == "")
        whos = [t.c.actor == actor, no_actor & (t.c.speaker == actor)] if actor else [
            no_actor & (t.c.speaker.is_(None) | (t.c.speaker == ""))]
        for who in whos:
            q = (select(t, DocumentRow.outlet.label("doc_outlet"), DocumentRow.published.label("doc_published"))
                 .join(DocumentRow, DocumentRow.id == t.c.document_id)
                 .where(t.c.type == type_, who, weapon))
            for row in session.execute(q):
                st = row_to_statement(row, SimpleNamespace(outlet=row.doc_outlet, published=row.doc_published))
                if block_key(st) == block:
                    out.append((row.id, st))
    return out


def _changed_whos(session: Session, blocks: set[str], facts: list[Fact], doc_ids: set[str]) -> set[str]:
    """Speakers/actors of event facts that appear, disappear or touch the updated documents."""
    event_blocks = sorted(b for b in blocks if _split_block(b)[0] in contra.EVENT_TYPES)
    old: dict[str, str] = {}
    for chunk in _chunks(event_blocks):
        for fid, speaker, actor in session.execute(
                select(FactRow.id, FactRow.speaker, FactRow.actor).where(FactRow.block.in_(chunk))):
            old[fid] = speaker or actor or ""
    touched = set()
    for chunk in _chunks(sorted(doc_ids)):
        touched |= set(session.scalars(select(FactEvidenceRow.fact_id).where(FactEvidenceRow.document_id.in_(chunk))))
    new = {f.id: contra.who(f) for f in facts if f.type in contra.EVENT_TYPES}
    changed = (set(old) ^ set(new)) | (touched & set(old))
    changed |= {f.id for f in facts if f.id in new and any(e.document_id in doc_ids for e in f.evidence)}
    return {old.get(i, new.get(i, "")) for i in changed} | {new[i] for i in changed if i in new}


def _write_actor(session: Session, actor: str, blocks: set[str], facts: list[Fact], *, fresh: bool,
                 doc_ids: set[str] = frozenset()) -> None:  # type: ignore[assignment]
    """Replace the facts of `blocks`, then the policy states and contradictions they affect."""
    whos = set() if fresh else _changed_whos(session, blocks, facts, doc_ids)
    if not fresh:
        for i, chunk in enumerate(_chunks(sorted(blocks))):
            ids = select(FactRow.id).where(FactRow.block.in_(chunk))
            session.execute(delete(FactEvidenceRow).where(FactEvidenceRow.fact_id.in_(ids)))
            session.execute(delete(FactRow).where(FactRow.block.in_(chunk)))
            session.execute(delete(ContradictionRow).where(ContradictionRow.scope.in_([f"value|{b}" for b in chunk])))
    frows, erows = fact_dicts(facts)
    _insert(session, FactRow, frows)
    _insert(session, FactEvidenceRow, erows)
    _insert(session, ContradictionRow, contradiction_dicts(contra.value_contradictions(facts)))

    keys = sorted({(k, w) if w and k != "any" else ("origin", actor) for t, _, k, w in map(_split_block, blocks)
                   if t in POLICY_TYPES and (w and k != "any" or t == "use_permission")})
    if keys:
        if fresh:
            pfacts = [f for f in facts if f.type in POLICY_TYPES]
        else:
            pfacts = []
            for kind, wid in keys:
                session.execute(delete(PolicyStateRow).where(
                    PolicyStateRow.donor == actor, PolicyStateRow.weapon_kind == kind, PolicyStateRow.weapon_id == wid))
                session.execute(delete(ContradictionRow).where(ContradictionRow.scope == f"status|{actor}|{kind}:{wid}"))
                same = (FactRow.weapon_kind == kind) & (FactRow.weapon_id == wid)
                if (kind, wid) == ("origin", actor):  # permissions naming no weapon count as the donor's own
                    same = same | ((FactRow.weapon_id.is_(None) | (FactRow.weapon_kind == "any"))
                                   & (FactRow.type == "use_permission"))
                pfacts += load_facts(session, FactRow.actor == actor, FactRow.type.in_(POLICY_TYPES), same)
        states, conflicts = donor_timelines(actor, pfacts)
        _insert(session, PolicyStateRow, state_dicts(states))
        _insert(session, ContradictionRow, contradiction_dicts(contra.status_contradictions(actor, conflicts, pfacts)))

    if fresh:
        efacts = [f for f in facts if f.type in contra.EVENT_TYPES]
    elif whos:  # only the speakers whose events changed: a date contradiction never crosses speakers
        scopes = [f"date|{actor}|{w}" for w in sorted(whos)]
        session.execute(delete(ContradictionRow).where(ContradictionRow.scope.in_(scopes)))
        named = [w for w in whos if w != actor]
        who_match = FactRow.speaker.in_(named) if named else None
        if actor in whos:
            unnamed = FactRow.speaker.is_(None) | (FactRow.speaker == actor)
            who_match = unnamed if who_match is None else who_match | unnamed
        efacts = [f for f in load_facts(session, FactRow.actor == actor, FactRow.type.in_(contra.EVENT_TYPES),
                                        who_match) if contra.who(f) in whos]
    else:
        efacts = []
    if efacts:
        rows = contradiction_dicts(contra.date_contradictions(actor, efacts))
        if not fresh and rows:  # idempotent even over rows a differently scoped older version wrote
            for chunk in _chunks([r["id"] for r in rows]):
                session.execute(delete(ContradictionRow).where(ContradictionRow.id.in_(chunk)))
        _insert(session, ContradictionRow, rows)


def _chunks(items: list[str], n: int = 500) -> Iterator[list[str]]:
    for i in range(0, len(items), n):
        yield items[i:i + n]


def update(store: Store, doc_ids: list[str]) -> None:
    """Merge these documents' statements into facts and recompute only what they affect."""
    doc_ids = list(dict.fromkeys(doc_ids))
    if not doc_ids:
        return
    with store.session() as s:
        blocks: set[str] = set()
        for chunk in _chunks(doc_ids):
            q = (select(StatementRow).where(StatementRow.document_id.in_(chunk)))
            blocks |= {block_key(row_to_statement(r)) for r in s.scalars(q)}
            old = select(FactRow.block).join(FactEvidenceRow, FactEvidenceRow.fact_id == FactRow.id).where(
                FactEvidenceRow.document_id.in_(chunk))
            blocks |= set(s.scalars(old))
        by_actor: dict[str, set[str]] = {}
        for b in blocks:
            by_actor.setdefault(_split_block(b)[1], set()).add(b)
        with _writer(store, s, by_actor):
            for actor in sorted(by_actor):
                facts = merge_statements(_statements_of_blocks(s, by_actor[actor]))
                _write_actor(s, actor, by_actor[actor], facts, fresh=False, doc_ids=set(doc_ids))


def unmerged(store: Store, doc_ids: list[str]) -> list[str]:
    """Those of `doc_ids` whose statements were stored but never merged (e.g. an ingest killed
    between writing documents and updating the knowledge base)."""
    out: list[str] = []
    with store.session() as s:
        for chunk in _chunks(list(dict.fromkeys(doc_ids))):
            with_statements = set(s.scalars(
                select(StatementRow.document_id).where(StatementRow.document_id.in_(chunk)).distinct()))
            merged = set(s.scalars(
                select(FactEvidenceRow.document_id).where(FactEvidenceRow.document_id.in_(chunk)).distinct()))
            out.extend(d for d in chunk if d in with_statements and d not in merged)
    return out


def rebuild(store: Store) -> dict[str, int]:
    """Recompute every fact, policy state and contradiction from the stored statements."""
    with store.session() as s, _writer(store, s, ["*rebuild*"]):
        for table in (ContradictionRow, PolicyStateRow, FactEvidenceRow, FactRow):
            s.execute(delete(table))
        actor_expr = func.coalesce(func.nullif(StatementRow.actor, ""), func.nullif(StatementRow.speaker, ""), "")
        q = (select(StatementRow.__table__, DocumentRow.outlet.label("doc_outlet"),
                    DocumentRow.published.label("doc_published"))
             .join(DocumentRow, DocumentRow.id == StatementRow.document_id)
             .order_by(actor_expr, StatementRow.id)
             .execution_options(yield_per=BATCH, stream_results=True))
        current: str | None = None
        items: list[tuple[int, Statement]] = []
        counts = {"statements": 0, "facts": 0}

        def flush() -> None:
            if current is None or not items:
                return
            facts = merge_statements(items)
            counts["facts"] += len(facts)
            _write_actor(s, current, {block_key(st) for _, st in items}, facts, fresh=True)

        for row in s.connection().execute(q):
            st = row_to_statement(row, SimpleNamespace(outlet=row.doc_outlet, published=row.doc_published))
            a = st.actor or st.speaker or ""
            if a != current:
                flush()
                current, items = a, []
            items.append((row.id, st))
            counts["statements"] += 1
        flush()
        return counts
