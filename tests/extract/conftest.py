"""Fixtures of the extraction tests: build ParsedDocuments from short texts and run the rule extractor."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from helpers import parsed_doc  # noqa: E402

from redlines.extract import RuleExtractor  # noqa: E402


@pytest.fixture(scope="session")
def run(nlp):
    """run(text, dates=None) -> statements of a hand-annotated ParsedDocument of `text`."""
    extractor = RuleExtractor(None)

    def _run(text: str, dates: dict | None = None, **kw):
        return extractor.extract(parsed_doc(nlp, text, dates, **kw))

    return _run


def of_type(statements, type_: str):
    """The statements of one type."""
    return [s for s in statements if s.type.value == type_]


def load_article(path, published: str, outlet: str | None = None):
    """The Document of an article file through ingest; if ingest fails, the raw text with the given date.

    The fallback keeps these end-to-end tests about extraction, not about the cleaner."""
    import hashlib
    from datetime import date

    from redlines.model import Document, PublishedDate, PublishedHow

    try:
        from redlines import ingest

        return ingest.build_document(next(iter(ingest.read_inputs([str(path)], {}))))
    except Exception:  # noqa: BLE001
        text = Path(path).read_text("utf-8")
        return Document(id=hashlib.sha256(text.encode()).hexdigest(), text=text, raw=text, outlet=outlet,
                        published=PublishedDate(date.fromisoformat(published), PublishedHow.GIVEN, 1.0))
