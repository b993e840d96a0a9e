"""Integrity checks of a store: references, offsets, evidence text, content-hash ids, orphan facts.

Every query is built with SQLAlchemy Core on reflected tables, so the checks also cover the
knowledge-base tables (facts, evidence links, policy states) without knowing their layout:
any declared foreign key, and any `*document_id` / `*statement_id` column, must point at a row.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from sqlalchemy import MetaData, Table, exists, func, select
from sqlalchemy.exc import SQLAlchemyError

from redlines.errors import StoreError
from redlines.kb.store import Store
from redlines.model import Document

IdRule = Callable[[Document], str]

DOC_COLUMN_SUFFIXES = ("document_id", "doc_id")
STATEMENT_COLUMN_SUFFIXES = ("statement_id",)
ID_LIST_COLUMNS = {"statement_ids": "statements", "evidence_ids": "statements", "document_ids": "documents",
                   "fact_ids": "facts", "support_ids": "facts"}
EVIDENCE_COLUMNS = ("document_id", "start_char", "end_char")
MAX_PROBLEMS = 1000


@dataclass(frozen=True, slots=True)
class Problem:
    """One inconsistency: what kind, where (table and row id), and a one-line detail."""

    kind: str
    table: str
    row: str
    detail: str


@dataclass(slots=True)
class CheckReport:
    """What `check_store` looked at and what it found."""

    url: str
    tables: dict[str, int] = field(default_factory=dict)
    checks: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    truncated: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems

    def add(self, problem: Problem) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(problem)
        else:
            self.truncated = True

    def to_dict(self) -> dict:
        return {
            "ok": self.ok,
            "url": self.url,
            "tables": self.tables,
            "checks": self.checks,
            "problems": [
                {"kind": p.kind, "table": p.table, "row": p.row, "detail": p.detail} for p in self.problems
            ],
            "truncated": self.truncated,
        }


def check_store(store: Store, *, id_rule: IdRule | None = None, strict: bool = False) -> CheckReport:
    """Run every integrity check on `store`; never raises for inconsistent data (only StoreError).

    Evidence offsets may mark a clause inside the evidence sentence; `strict` demands the whole sentence.
    """
    report = CheckReport(url=_safe_url(store.url))
    try:
        meta = MetaData()
        meta.reflect(bind=store.engine)
        with store.engine.connect() as conn:
            for name in sorted(meta.tables):
                report.tables[name] = conn.scalar(select(func.count()).select_from(meta.tables[name])) or 0
            _check_references(conn, meta, report)
            _check_id_lists(conn, meta, report)
            _check_orphan_facts(conn, meta, report)
            _check_documents(conn, meta, report, id_rule if id_rule is not None else default_id_rule(), strict)
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot check store {_safe_url(store.url)!r}: {_first_line(exc)}") from exc
    return report


def default_id_rule() -> IdRule | None:
    """The ingest stage's content-hash rule: `document_id(doc)`, or `content_id(clean text)`."""
    try:
        from redlines import ingest
    except ImportError:  # pragma: no cover - ingest is part of the package
        return None
    rule = getattr(ingest, "document_id", None)
    if callable(rule):
        return rule
    by_text = getattr(ingest, "content_id", None)
    if callable(by_text):
        return lambda doc: by_text(doc.text)
    return None


# -- references --------------------------------------------------------------------------------


def _reference_pairs(meta: MetaData) -> Iterator[tuple[Table, str, Table, str]]:
    """(table, column, referenced table, referenced column): declared FKs plus id-named columns."""
    seen: set[tuple[str, str]] = set()
    for table in meta.sorted_tables:
        for fk in table.foreign_keys:
            seen.add((table.name, fk.parent.name))
            yield table, fk.parent.name, fk.column.table, fk.column.name
        for col in table.columns:
            if (table.name, col.name) in seen or col.primary_key:
                continue
            target = None
            if col.name.endswith(DOC_COLUMN_SUFFIXES):
                target = "documents"
            elif col.name.endswith(STATEMENT_COLUMN_SUFFIXES):
                target = "statements"
            if target and target in meta.tables and target != table.name:
                yield table, col.name, meta.tables[target], "id"


def _check_references(conn, meta: MetaData, report: CheckReport) -> None:
    report.checks.append("references")
    for table, col, ref, ref_col in _reference_pairs(meta):
        c = table.c[col]
        missing = ~exists().where(ref.c[ref_col] == c)
        row_id = _row_id_column(table)
        q = select(row_id if row_id is not None else c, c).where(c.is_not(None), missing).limit(MAX_PROBLEMS)
        for rid, value in conn.execute(q):
            report.add(Problem("dangling_reference", table.name, str(rid),
                               f"{col}={value!r} has no row in {ref.name}.{ref_col}"))


def _check_id_lists(conn, meta: MetaData, report: CheckReport) -> None:
    """JSON columns holding id lists (statement_ids, document_ids) must point at existing rows."""
    targets = [(t, c, ID_LIST_COLUMNS[c.name]) for t in meta.sorted_tables for c in t.columns
               if c.name in ID_LIST_COLUMNS and ID_LIST_COLUMNS[c.name] in meta.tables]
    if not targets:
        return
    report.checks.append("id_lists")
    known: dict[str, set[str]] = {}
    for table, col, target in targets:
        if target not in known:
            ids = meta.tables[target].c.id
            known[target] = {str(v) for v in conn.scalars(select(ids))}
        row_id = _row_id_column(table)
        for rid, value in conn.execute(select(row_id if row_id is not None else col, col)):
            for ref in _as_list(value):
                if str(ref) not in known[target]:
                    report.add(Problem("dangling_reference", table.name, str(rid),
                                       f"{col.name} lists {ref!r}, not in {target}"))


def _check_orphan_facts(conn, meta: MetaData, report: CheckReport) -> None:
    """A fact must be backed by at least one statement (an evidence link row or an id list)."""
    facts = meta.tables.get("facts")
    fid = _row_id_column(facts) if facts is not None else None
    if fid is None:
        return
    links = [fk.parent for t in meta.sorted_tables if t is not facts for fk in t.foreign_keys
             if fk.column.table is facts and _refers_to_statements(t)]
    lists = [c for c in facts.columns if c.name in ("statement_ids", "evidence_ids")]
    if not links and not lists:
        return
    report.checks.append("orphan_facts")
    q = select(fid, *lists)
    for col in links:
        q = q.where(~exists().where(col == fid))
    for row in conn.execute(q.limit(MAX_PROBLEMS)):
        if not any(_as_list(v) for v in row[1:]):
            report.add(Problem("orphan_fact", "facts", str(row[0]), "no statement supports this fact"))


def _refers_to_statements(table: Table) -> bool:
    return any(c.name.endswith(STATEMENT_COLUMN_SUFFIXES) for c in table.columns) or any(
        fk.column.table.name == "statements" for fk in table.foreign_keys
    )


# -- documents, statements, removed spans --------------------------------------------------------


def _check_documents(conn, meta: MetaData, report: CheckReport, id_rule: IdRule | None, strict: bool) -> None:
    """Offsets inside the text, evidence sentence equal to the text there, ids by the hash rule."""
    if "documents" not in meta.tables:
        report.add(Problem("missing_table", "documents", "-", "the store has no documents table"))
        return
    docs = meta.tables["documents"]
    evidence = [t for t in meta.sorted_tables if all(c in t.c for c in EVIDENCE_COLUMNS)]
    spans = meta.tables.get("removed_spans")
    report.checks += ["statement_offsets", "evidence_text", "removed_span_offsets"]
    if id_rule is not None:
        report.checks.append("content_hash_ids")
    for doc_id, text, raw in conn.execute(select(docs.c.id, docs.c.text, docs.c.raw).order_by(docs.c.id)):
        text, raw = text or "", raw or ""
        for table in evidence:
            _check_evidence_of(conn, table, doc_id, text, report, strict)
        if spans is not None:
            _check_spans_of(conn, spans, doc_id, raw, report)
    if id_rule is not None:
        _check_ids(meta, report, id_rule, conn)


def _check_evidence_of(conn, table: Table, doc_id: str, text: str, report: CheckReport, strict: bool) -> None:
    """Rows pointing into a document (statements, fact evidence): offsets inside, same sentence."""
    rid = _row_id_column(table)
    sentence = table.c["sentence"] if "sentence" in table.c else None
    cols = [rid if rid is not None else table.c.document_id, table.c.start_char, table.c.end_char]
    q = select(*cols, *([sentence] if sentence is not None else [])).where(table.c.document_id == doc_id)
    for row in conn.execute(q):
        sid, start, end = row[0], row[1], row[2]
        said = row[3] if sentence is not None else None
        if start is None or end is None or not (0 <= start <= end <= len(text)):
            report.add(Problem("offsets_out_of_range", table.name, str(sid),
                               f"[{start}:{end}] outside document {doc_id[:12]} of {len(text)} chars"))
        elif said and not _quotes(text, start, end, said, strict):
            report.add(Problem("evidence_mismatch", table.name, str(sid),
                               f"sentence differs from document {doc_id[:12]} text at [{start}:{end}]"))


def _quotes(text: str, start: int, end: int, sentence: str, strict: bool) -> bool:
    """The text at [start:end] is the sentence, or (unless strict) lies inside an occurrence of it."""
    if text[start:end] == sentence:
        return True
    if strict:
        return False
    pos = text.find(sentence, max(0, end - len(sentence)))
    return 0 <= pos <= start and end <= pos + len(sentence)


def _check_spans_of(conn, spans: Table, doc_id: str, raw: str, report: CheckReport) -> None:
    q = select(spans.c.id, spans.c.start, spans.c.end).where(spans.c.document_id == doc_id)
    for rid, start, end in conn.execute(q):
        if start is None or end is None or not (0 <= start <= end <= len(raw)):
            report.add(Problem("offsets_out_of_range", "removed_spans", str(rid),
                               f"[{start}:{end}] outside raw input of document {doc_id[:12]} ({len(raw)} chars)"))


def _check_ids(meta: MetaData, report: CheckReport, id_rule: IdRule, conn) -> None:
    """Rebuild each Document through the store's converter and recompute its id."""
    from sqlalchemy.orm import Session

    from redlines.kb.schema import DocumentRow
    from redlines.kb.store import row_to_document

    with Session(bind=conn) as s:
        for row in s.scalars(select(DocumentRow).order_by(DocumentRow.id)).yield_per(200):
            doc = row_to_document(row)
            try:
                expected = id_rule(doc)
            except Exception as exc:  # noqa: BLE001 - a rule failing on a row is itself a finding
                report.add(Problem("bad_document_id", "documents", doc.id, f"id rule failed: {_first_line(exc)}"))
                continue
            if expected != doc.id:
                report.add(Problem("bad_document_id", "documents", doc.id,
                                   f"content hash gives {expected[:16]}..., stored id differs"))


# -- helpers -----------------------------------------------------------------------------------


def _row_id_column(table: Table):
    pk = list(table.primary_key.columns)
    return pk[0] if len(pk) == 1 else None


def _as_list(value) -> list:
    if value is None:
        return []
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return [v for v in value.split(",") if v]
    return list(value) if isinstance(value, (list, tuple)) else [value]


def _safe_url(url: str) -> str:
    """The URL without a password."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001
        return url


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc)
    return text.strip().splitlines()[0] if text.strip() else type(exc).__name__
