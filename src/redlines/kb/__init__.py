"""redlines.kb stage: the store, merged facts, policy states over time, contradictions.

`update(store, doc_ids)` is called by the pipeline after each ingest; `rebuild(store)` recomputes
everything; both give the same result.
"""

from redlines.kb.build import rebuild, unmerged, update
from redlines.kb.store import Store

__all__ = ["Store", "rebuild", "unmerged", "update"]
