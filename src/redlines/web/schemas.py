"""Pydantic response models of the JSON API (apart from the tables, as FastAPI suggests)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class _Open(BaseModel):
    """A response model that documents the known fields and keeps any extra ones the query layer adds."""

    model_config = ConfigDict(extra="allow")


class SourceOut(_Open):
    """One sentence that supports a fact or a status."""

    outlet: str | None = None
    fact_date: str | None = None
    published: str | None = None
    sentence: str = ""
    document_id: str | None = None
    fact_id: str | None = None


class Answer(_Open):
    """LEDGER.md `ask` shape (plus fact ids, deciding level and note when the query layer gives them)."""

    donor: str
    weapon: str
    zone: str
    date: str
    status: str
    since: str | None = None
    facts: list[SourceOut] = []


class MatrixCell(_Open):
    donor: str
    weapon: str
    zone: str
    status: str
    since: str | None = None
    fact_ids: list[str] = []


class Matrix(_Open):
    as_of: str | None = None
    donors: list[str] = []
    weapons: list[str] = []
    zones: list[str] = []
    cells: list[MatrixCell] = []


class RedLine(_Open):
    """A (donor, weapon, zone) that was restricted or not supplied at some time."""

    topic: str | None = None
    donor: str
    weapon: str
    zone: str
    status: str
    drawn: str | None = None
    removed: str | None = None
    evidence: list[SourceOut] = []


class Ledger(_Open):
    as_of: str | None = None
    removed: list[RedLine] = []
    remaining: list[RedLine] = []


class TimelineEntry(_Open):
    """One fact in chronological order; `effect` is the status it pushes towards (for the chart)."""

    fact_id: str
    date: str | None = None
    type: str
    actor: str | None = None
    action: str | None = None
    polarity: bool = True
    weapon: str | None = None
    zones: list[str] = []
    modality: str | None = None
    corroboration: int = 1
    summary: str = ""
    effect: str = "unknown"
    sources: list[SourceOut] = []


class Timeline(_Open):
    donor: str | None = None
    weapon: str | None = None
    entries: list[TimelineEntry] = []
    total: int = 0
    truncated: bool = False


class Contradiction(_Open):
    id: str
    field: str
    fact_ids: list[str] = []
    values: list = []
    sources: list[SourceOut] = []
    note: str = ""


class Fact(_Open):
    """A merged fact with all its evidence and the contradictions it takes part in."""

    id: str
    type: str
    actor: str | None = None
    recipient: str | None = None
    action: str | None = None
    polarity: bool = True
    modality: str | None = None
    weapon: str | None = None
    zones: list[str] = []
    date_start: str | None = None
    date_end: str | None = None
    precision: str | None = None
    corroboration: int = 1
    evidence: list[SourceOut] = []
    contradictions: list[Contradiction] = []


class DocumentSummary(_Open):
    id: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None
    published_how: str | None = None
    published_confidence: float | None = None
    words_kept: int = 0
    words_removed: int = 0


class RemovedSpanOut(BaseModel):
    start: int
    end: int
    reason: str
    text: str


class StatementOut(_Open):
    type: str
    sentence: str = ""
    start_char: int = 0
    end_char: int = 0
    actor: str | None = None
    weapon: str | None = None
    zones: list[str] = []
    action: str | None = None
    modality: str | None = None


class DocumentDetail(DocumentSummary):
    text: str
    language: str | None = None
    source_path: str | None = None
    revision_of: str | None = None
    removed: list[RemovedSpanOut] = []
    statements: list[StatementOut] = []


class SearchHit(_Open):
    kind: str  # "document" | "statement"
    document_id: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    snippet: str = ""
    fact_id: str | None = None


class SearchResults(_Open):
    q: str
    hits: list[SearchHit] = []


class IngestOut(BaseModel):
    added: list[str] = []
    duplicates: list[str] = []
    statements: int = 0


class ErrorOut(BaseModel):
    detail: str
