"""The Extractor protocol: rule-based and (later) model-based extractors sit side by side."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from redlines.model import ParsedDocument, Statement


@runtime_checkable
class Extractor(Protocol):
    """Turns one ParsedDocument into Statements; pure (no store, no network, no globals)."""

    name: str

    def extract(self, parsed: ParsedDocument) -> list[Statement]:
        """Typed statements with provenance, in document order."""
        ...
