"""The store: one SQLAlchemy engine, one transaction per document, conversions to the core model."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from functools import lru_cache
from pathlib import Path

from sqlalchemy import create_engine, event, inspect, select, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from redlines import settings
from redlines.errors import NotFound, StoreError
from redlines.kb.schema import Base, DocumentRow, RemovedSpanRow, StatementRow
from redlines.model import (
    DateInterval,
    Document,
    Evidence,
    Modality,
    Money,
    Precision,
    PublishedDate,
    PublishedHow,
    RemovedSpan,
    Statement,
    StatementType,
    WeaponRef,
    Zone,
)


def _sqlite_pragmas(dbapi_conn, _record) -> None:  # pragma: no cover - trivial
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def make_engine(url: str | None = None) -> Engine:
    """Engine for a path or SQLAlchemy URL; SQLite gets foreign keys, WAL and a busy timeout."""
    url = settings.to_db_url(url)
    try:
        kwargs: dict = {"connect_args": {"timeout": 60}} if url.startswith("sqlite") else {}
        engine = create_engine(url, future=True, pool_pre_ping=True, **kwargs)
    except (ArgumentError, ImportError) as exc:
        raise StoreError(f"cannot open store {url!r}: {exc}") from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


ALEMBIC_INI = Path(__file__).resolve().parents[1] / "alembic.ini"


@lru_cache(maxsize=1)
def _alembic_head() -> str | None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(Config(str(ALEMBIC_INI))).get_current_head()


def migrate(engine: Engine) -> None:
    """Bring the schema to the Alembic head: a new store is created from the models and stamped;
    an existing one is upgraded (a store made before migrations existed is completed and stamped)."""
    from alembic import command
    from alembic.config import Config

    head = _alembic_head()
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(7260114)"))
        tables = set(inspect(conn).get_table_names())
        current = None
        if "alembic_version" in tables:
            current = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        if current == head and head is not None:
            return
        cfg = Config(str(ALEMBIC_INI))
        cfg.attributes["connection"] = conn
        if current is None:
            Base.metadata.create_all(conn)
            command.stamp(cfg, "head")
        else:
            command.upgrade(cfg, "head")


class Store:
    """Documents and statements in a relational store (SQLite default, PostgreSQL supported)."""

    def __init__(self, url: str | None = None, *, create: bool = True) -> None:
        try:
            self.url = settings.to_db_url(url)
        except OSError as exc:
            raise StoreError(f"cannot open store {url!r}: {exc.strerror or exc}") from None
        self.engine = make_engine(self.url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        if create:
            try:
                migrate(self.engine)
            except (OperationalError, DBAPIError) as exc:
                raise StoreError(f"cannot open store {self.url!r}: {exc.orig}") from exc

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction: commit on success, roll back on any error."""
        with self._sessions() as s:
            try:
                yield s
                s.commit()
            except BaseException:
                s.rollback()
                raise

    # -- documents -------------------------------------------------------------------------

    def has_document(self, doc_id: str) -> bool:
        with self.session() as s:
            return s.get(DocumentRow, doc_id) is not None

    def add_document(self, doc: Document, session: Session | None = None) -> bool:
        """Store a document; returns False when the same content is already there (idempotent).

        A different content for a URL already stored becomes a revision linked to the newest one.
        """
        if session is None:
            with self.session() as s:
                return self.add_document(doc, s)
        if session.get(DocumentRow, doc.id) is not None:
            return False
        revision_of = doc.revision_of
        if doc.url and revision_of is None:
            prev = session.scalars(
                select(DocumentRow.id)
                .where(DocumentRow.url == doc.url)
                .order_by(DocumentRow.ingested_at.desc(), DocumentRow.id)
            ).first()
            revision_of = prev
        session.add(document_to_row(doc, revision_of))
        session.flush()
        return True

    def get_document(self, ref: str) -> Document:
        """A document by full id, unique id prefix, or 1-based row number in `documents()` order."""
        with self.session() as s:
            row = s.get(DocumentRow, ref)
            if row is None and ref.isdigit() and len(ref) < 6:
                rows = s.scalars(_documents_query().offset(int(ref) - 1).limit(1)).all() if int(ref) > 0 else []
                row = rows[0] if rows else None
            if row is None and len(ref) >= 4:
                rows = s.scalars(select(DocumentRow).where(DocumentRow.id.startswith(ref)).limit(2)).all()
                row = rows[0] if len(rows) == 1 else None
            if row is None:
                raise NotFound(f"no document {ref!r}")
            return row_to_document(row)

    def documents(self) -> list[Document]:
        with self.session() as s:
            return [row_to_document(r) for r in s.scalars(_documents_query())]

    # -- statements ------------------------------------------------------------------------

    def replace_statements(self, doc_id: str, statements: list[Statement], session: Session | None = None) -> None:
        """Store a document's statements, replacing any earlier extraction of it."""
        if session is None:
            with self.session() as s:
                return self.replace_statements(doc_id, statements, s)
        session.query(StatementRow).filter(StatementRow.document_id == doc_id).delete()
        session.add_all(statement_to_row(st) for st in statements)
        session.flush()

    def statements(self, doc_id: str | None = None, type_: str | None = None) -> list[Statement]:
        with self.session() as s:
            q = select(StatementRow).order_by(StatementRow.document_id, StatementRow.id)
            if doc_id:
                q = q.where(StatementRow.document_id == doc_id)
            if type_:
                q = q.where(StatementRow.type == type_)
            docs = {d.id: d for d in s.scalars(select(DocumentRow))} if doc_id is None else {}
            out = []
            for r in s.scalars(q):
                d = docs.get(r.document_id) or s.get(DocumentRow, r.document_id)
                out.append(row_to_statement(r, d))
            return out


def _documents_query():
    return select(DocumentRow).order_by(DocumentRow.published.is_(None), DocumentRow.published, DocumentRow.id)


# -- conversions -------------------------------------------------------------------------------


def document_to_row(doc: Document, revision_of: str | None = None) -> DocumentRow:
    p = doc.published
    return DocumentRow(
        id=doc.id,
        url=doc.url,
        outlet=doc.outlet,
        title=doc.title,
        language=doc.language,
        text=doc.text,
        raw=doc.raw,
        published=p.value,
        published_how=p.how.value,
        published_confidence=p.confidence,
        published_earliest=p.earliest,
        published_latest=p.latest,
        published_rule=p.rule,
        source_path=doc.source_path,
        revision_of=revision_of,
        words_kept=doc.words_kept,
        words_removed=doc.words_removed,
        removed=[RemovedSpanRow(start=r.start, end=r.end, reason=r.reason, text=r.text) for r in doc.removed],
    )


def row_to_document(row: DocumentRow) -> Document:
    return Document(
        id=row.id,
        text=row.text,
        raw=row.raw,
        outlet=row.outlet,
        title=row.title,
        url=row.url,
        language=row.language,
        published=PublishedDate(
            row.published,
            PublishedHow(row.published_how),
            row.published_confidence,
            row.published_earliest,
            row.published_latest,
            row.published_rule or "",
        ),
        removed=tuple(RemovedSpan(r.start, r.end, r.reason, r.text) for r in row.removed),
        source_path=row.source_path,
        revision_of=row.revision_of,
    )


def statement_to_row(st: Statement) -> StatementRow:
    ev, m = st.evidence, st.money
    return StatementRow(
        document_id=ev.document_id,
        type=st.type.value,
        sentence_index=ev.sentence_index,
        start_char=ev.start_char,
        end_char=ev.end_char,
        sentence=ev.sentence,
        actor=st.actor,
        recipient=st.recipient,
        weapon_kind=st.weapon.kind if st.weapon else None,
        weapon_id=st.weapon.id if st.weapon else None,
        zones=",".join(z.value for z in st.zones),
        target_type=st.target_type,
        action=st.action,
        polarity=st.polarity,
        modality=st.modality.value,
        valid_start=st.valid.start,
        valid_end=st.valid.end,
        valid_precision=st.valid.precision.value,
        valid_text=st.valid.text,
        attribution=st.attribution,
        confidence=st.confidence,
        quantity=st.quantity,
        money_amount=m.amount if m else None,
        money_currency=m.currency if m else None,
        money_text=m.text if m else None,
        money_eur=m.eur if m else None,
        money_usd=m.usd if m else None,
        place=st.place,
        speaker=st.speaker,
        quote=st.quote,
        addressee=st.addressee,
        topic=st.topic,
        supports=st.supports,
        extractor=st.extractor,
        extra={**st.extra, "casualties": st.casualties, "money_qualifier": m.qualifier if m else ""},
    )


def row_to_statement(r: StatementRow, doc: DocumentRow | None = None) -> Statement:
    extra = dict(r.extra or {})
    casualties = extra.pop("casualties", {}) or {}
    qualifier = extra.pop("money_qualifier", "") or ""
    money = None
    if r.money_amount is not None and r.money_currency:
        money = Money(r.money_amount, r.money_currency, r.money_text or "", r.money_eur, r.money_usd, qualifier)
    published: date | None = doc.published if doc is not None else None
    return Statement(
        type=StatementType(r.type),
        evidence=Evidence(
            r.document_id, r.sentence_index, r.start_char, r.end_char, r.sentence,
            doc.outlet if doc is not None else None, published,
        ),
        actor=r.actor,
        recipient=r.recipient,
        weapon=WeaponRef(r.weapon_kind, r.weapon_id) if r.weapon_kind and r.weapon_id else None,
        zones=tuple(Zone(z) for z in r.zones.split(",") if z),
        target_type=r.target_type,
        action=r.action,
        polarity=r.polarity,
        modality=Modality(r.modality),
        valid=DateInterval(r.valid_start, r.valid_end, Precision(r.valid_precision), r.valid_text),
        attribution=r.attribution,
        confidence=r.confidence,
        quantity=r.quantity,
        money=money,
        place=r.place,
        casualties=casualties,
        speaker=r.speaker,
        quote=r.quote,
        addressee=r.addressee,
        topic=r.topic,
        supports=r.supports,
        extractor=r.extractor,
        extra=extra,
    )
