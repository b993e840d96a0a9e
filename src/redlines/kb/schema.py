"""SQLAlchemy tables of the store: documents, removed spans, statements (facts and states live beside)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class DocumentRow(Base):
    __tablename__ = "documents"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    url: Mapped[str | None] = mapped_column(Text, index=True)
    outlet: Mapped[str | None] = mapped_column(String(200), index=True)
    title: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    raw: Mapped[str] = mapped_column(Text)
    published: Mapped[date | None] = mapped_column(Date, index=True)
    published_how: Mapped[str] = mapped_column(String(16), default="unknown")
    published_confidence: Mapped[float] = mapped_column(Float, default=0.0)
    published_earliest: Mapped[date | None] = mapped_column(Date)
    published_latest: Mapped[date | None] = mapped_column(Date)
    published_rule: Mapped[str] = mapped_column(Text, default="")
    source_path: Mapped[str | None] = mapped_column(Text)
    revision_of: Mapped[str | None] = mapped_column(ForeignKey("documents.id"))
    words_kept: Mapped[int] = mapped_column(Integer, default=0)
    words_removed: Mapped[int] = mapped_column(Integer, default=0)
    ingested_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.now())

    removed: Mapped[list["RemovedSpanRow"]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="RemovedSpanRow.start"
    )


class RemovedSpanRow(Base):
    __tablename__ = "removed_spans"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(100))
    text: Mapped[str] = mapped_column(Text)

    document: Mapped[DocumentRow] = relationship(back_populates="removed")


class StatementRow(Base):
    __tablename__ = "statements"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    type: Mapped[str] = mapped_column(String(32), index=True)
    sentence_index: Mapped[int] = mapped_column(Integer)
    start_char: Mapped[int] = mapped_column(Integer)
    end_char: Mapped[int] = mapped_column(Integer)
    sentence: Mapped[str] = mapped_column(Text, default="")
    actor: Mapped[str | None] = mapped_column(String(200), index=True)
    recipient: Mapped[str | None] = mapped_column(String(200))
    weapon_kind: Mapped[str | None] = mapped_column(String(16))
    weapon_id: Mapped[str | None] = mapped_column(String(200), index=True)
    zones: Mapped[str] = mapped_column(String(200), default="")  # comma-separated Zone values
    target_type: Mapped[str | None] = mapped_column(String(200))
    action: Mapped[str | None] = mapped_column(String(32))
    polarity: Mapped[bool] = mapped_column(Boolean, default=True)
    modality: Mapped[str] = mapped_column(String(16), default="confirmed")
    valid_start: Mapped[date | None] = mapped_column(Date, index=True)
    valid_end: Mapped[date | None] = mapped_column(Date)
    valid_precision: Mapped[str] = mapped_column(String(16), default="unknown")
    valid_text: Mapped[str] = mapped_column(Text, default="")
    attribution: Mapped[str | None] = mapped_column(Text)
    confidence: Mapped[float] = mapped_column(Float, default=0.5)
    quantity: Mapped[int | None] = mapped_column(Integer)
    money_amount: Mapped[float | None] = mapped_column(Float)
    money_currency: Mapped[str | None] = mapped_column(String(8))
    money_text: Mapped[str | None] = mapped_column(Text)
    money_eur: Mapped[float | None] = mapped_column(Float)
    money_usd: Mapped[float | None] = mapped_column(Float)
    place: Mapped[str | None] = mapped_column(Text)
    speaker: Mapped[str | None] = mapped_column(String(200))
    quote: Mapped[str | None] = mapped_column(Text)
    addressee: Mapped[str | None] = mapped_column(String(200))
    topic: Mapped[str | None] = mapped_column(Text)
    supports: Mapped[int | None] = mapped_column(Integer)
    extractor: Mapped[str] = mapped_column(String(32), default="rules")
    extra: Mapped[dict] = mapped_column(JSON, default=dict)


Index("ix_statements_policy", StatementRow.type, StatementRow.actor, StatementRow.weapon_id)


# -- knowledge base: merged facts, their evidence, policy states, contradictions ------------------


class FactRow(Base):
    """Statements from one or more documents merged into one fact (id is deterministic)."""

    __tablename__ = "facts"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    block: Mapped[str] = mapped_column(String(500), index=True)  # type|actor|weapon: unit of recompute
    type: Mapped[str] = mapped_column(String(32), index=True)
    actor: Mapped[str | None] = mapped_column(String(200), index=True)
    recipient: Mapped[str | None] = mapped_column(String(200))
    weapon_kind: Mapped[str | None] = mapped_column(String(16))
    weapon_id: Mapped[str | None] = mapped_column(String(200), index=True)
    zones: Mapped[str] = mapped_column(String(200), default="")
    target_type: Mapped[str | None] = mapped_column(String(200))
    action: Mapped[str | None] = mapped_column(String(32))
    polarity: Mapped[bool] = mapped_column(Boolean, default=True)
    modality: Mapped[str] = mapped_column(String(16), default="confirmed")
    date_start: Mapped[date | None] = mapped_column(Date, index=True)
    date_end: Mapped[date | None] = mapped_column(Date)
    precision: Mapped[str] = mapped_column(String(16), default="unknown")
    dated_by_publication: Mapped[bool] = mapped_column(Boolean, default=False)
    quantity: Mapped[int | None] = mapped_column(Integer)
    money_amount: Mapped[float | None] = mapped_column(Float)
    money_currency: Mapped[str | None] = mapped_column(String(8))
    speaker: Mapped[str | None] = mapped_column(String(200))
    topic: Mapped[str | None] = mapped_column(Text)
    corroboration: Mapped[int] = mapped_column(Integer, default=1)
    confidence: Mapped[float] = mapped_column(Float, default=0.5)


Index("ix_facts_policy", FactRow.actor, FactRow.weapon_kind, FactRow.weapon_id, FactRow.type)


class FactEvidenceRow(Base):
    """Fact <-> statement link with the outlet and sentence that tell it (no FK on the statement,
    so re-extracting a document leaves rows a later update can still find by document)."""

    __tablename__ = "fact_evidence"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    fact_id: Mapped[str] = mapped_column(ForeignKey("facts.id", ondelete="CASCADE"), index=True)
    statement_id: Mapped[int | None] = mapped_column(Integer)
    document_id: Mapped[str] = mapped_column(String(64), index=True)
    outlet: Mapped[str | None] = mapped_column(String(200))
    published: Mapped[date | None] = mapped_column(Date)
    sentence_index: Mapped[int] = mapped_column(Integer, default=0)
    start_char: Mapped[int] = mapped_column(Integer, default=0)
    end_char: Mapped[int] = mapped_column(Integer, default=0)
    sentence: Mapped[str] = mapped_column(Text, default="")
    date_start: Mapped[date | None] = mapped_column(Date)
    quantity: Mapped[int | None] = mapped_column(Integer)
    money_amount: Mapped[float | None] = mapped_column(Float)


class PolicyStateRow(Base):
    """One interval of a (donor, weapon level, zone) timeline; `basis` is explicit or implied."""

    __tablename__ = "policy_states"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    donor: Mapped[str] = mapped_column(String(200))
    weapon_kind: Mapped[str] = mapped_column(String(16))
    weapon_id: Mapped[str] = mapped_column(String(200))
    zone: Mapped[str] = mapped_column(String(16))
    basis: Mapped[str] = mapped_column(String(16), default="explicit")
    status: Mapped[str] = mapped_column(String(16))
    valid_from: Mapped[date] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)  # exclusive; None = still in force
    fact_ids: Mapped[str] = mapped_column(Text, default="")  # comma-separated deciding facts
    support_ids: Mapped[str] = mapped_column(Text, default="")  # all facts agreeing in the interval


Index(
    "ix_policy_asof",
    PolicyStateRow.donor, PolicyStateRow.weapon_kind, PolicyStateRow.weapon_id,
    PolicyStateRow.zone, PolicyStateRow.valid_from,
)
Index("ix_policy_weapon", PolicyStateRow.weapon_kind, PolicyStateRow.weapon_id, PolicyStateRow.zone)


class ContradictionRow(Base):
    """Facts whose sources disagree on one field (date, quantity, money, status)."""

    __tablename__ = "contradictions"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    actor: Mapped[str] = mapped_column(String(200), index=True)
    scope: Mapped[str] = mapped_column(String(600), index=True)  # unit of recompute (see kb.build)
    field: Mapped[str] = mapped_column(String(32))
    fact_ids: Mapped[str] = mapped_column(Text)
    values: Mapped[list] = mapped_column(JSON, default=list)
    sources: Mapped[list] = mapped_column(JSON, default=list)
    note: Mapped[str] = mapped_column(Text, default="")
