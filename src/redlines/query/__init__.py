"""redlines.query: as-of answers, red-line ledger, timeline, matrix, facts, contradictions, search,
export. Every function takes a `Store` and returns dataclasses with `to_dict()`."""

from redlines.kb.store import Store
from redlines.query.asof import ask, ask_all, donors_of
from redlines.query.export import export
from redlines.query.ledger import ledger
from redlines.query.question import parse_question
from redlines.query.types import (
    Answer,
    AskQuery,
    ContradictionView,
    FactView,
    Ledger,
    Matrix,
    MatrixCell,
    RedLine,
    SearchHit,
    Source,
    TimelineEntry,
)
from redlines.query.views import contradictions, fact, facts, matrix, search, timeline

__all__ = [
    "Answer", "AskQuery", "ContradictionView", "FactView", "Ledger", "Matrix", "MatrixCell", "RedLine",
    "SearchHit", "Source", "TimelineEntry", "answer_question", "ask", "ask_all", "contradictions", "donors_of",
    "export", "fact", "facts", "ledger", "matrix", "parse_question", "search", "timeline",
]


def answer_question(store: Store, text: str) -> list[Answer]:
    """Parse a plain-text question and answer it (every donor of the weapon when none is named)."""
    q = parse_question(text)
    return ask_all(store, q.weapon, q.zones, q.date, q.donor)
